import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { epcisRoutes, epcisServices } from './epcis.part.js';
import { traceRoutes, traceServices } from './trace.part.js';
import { processRoutes, processServices } from './process.part.js';
import { monitoringRoutes, monitoringServices } from './monitoring.part.js';
import { factoryTargetsService } from './targets.service.js';

/** Told which batches received readings, after they are committed (monitoring scores them). */
export type ReadingsListener = (batchIds: string[]) => Promise<void>;

export interface FactoryDeps {
  now: () => Date;
  files: FileService;
  plan: PlanService;
  /** The process part calls each after a commit that stored readings; the monitoring part adds itself. */
  readingsListeners: ReadingsListener[];
}

/**
 * The smart factory's services: the EPCIS 2.0 repository (factories, capture, query), trace and
 * recall reports, batches with their sensor series and golden batches, and multivariate
 * monitoring with alarms (see the module README).
 */
export function factoryServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: FactoryDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan, readingsListeners: [] };
  factoryTargetsService(database, d).registerIndicators();
  return {
    ...epcisServices(database, d),
    ...traceServices(database, d),
    ...processServices(database, d),
    ...monitoringServices(database, d),
  };
}

export type FactoryServices = ReturnType<typeof factoryServices>;

export async function factoryRoutes(app: FastifyInstance, s: FactoryServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(epcisRoutes, s);
  await app.register(traceRoutes, s);
  await app.register(processRoutes, s);
  await app.register(monitoringRoutes, s);
}
