import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';

export interface InnovationDeps { now: () => Date; files: FileService; plan: PlanService }

/** The innovation module's services, wired once per application. */
export function innovationServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: InnovationDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  void database; void d;
  return {};
}

export type InnovationServices = ReturnType<typeof innovationServices>;

export async function innovationRoutes(app: FastifyInstance, s: InnovationServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  void s;
}
