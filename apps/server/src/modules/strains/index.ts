import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { recordsRoutes, recordsServices } from './records.part.js';
import { stockRoutes, stockServices } from './stock.part.js';
import { sequencesRoutes, sequencesServices } from './sequences.part.js';

export interface StrainDeps { now: () => Date; files: FileService; plan: PlanService }

/**
 * The strain bank's services: records (strains, deposits and their checks, germplasm, labs,
 * biosafety officers, exports), stock and sharing (preservation lots, locations, viability, stock
 * moves, sharing requests), and sequences with identification (see the module README).
 */
export function strainServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: StrainDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  return {
    ...recordsServices(database, d),
    ...stockServices(database, d),
    ...sequencesServices(database, d),
  };
}

export type StrainServices = ReturnType<typeof strainServices>;

export async function strainRoutes(app: FastifyInstance, s: StrainServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(recordsRoutes, s);
  await app.register(stockRoutes, s);
  await app.register(sequencesRoutes, s);
}
