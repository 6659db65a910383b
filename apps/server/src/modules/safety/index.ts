import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';

export interface SafetyDeps { now: () => Date; files: FileService; plan: PlanService }

/** The safety module's services: safety evaluations of new core strains, raw materials and processes (task 25). */
export function safetyServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: SafetyDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  void database; void d;
  return {};
}

export type SafetyServices = ReturnType<typeof safetyServices>;

export async function safetyRoutes(app: FastifyInstance, s: SafetyServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  void s;
}
