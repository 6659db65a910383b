import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';

export interface TalentDeps { now: () => Date; files: FileService; plan: PlanService }

/** The talent module's services, wired once per application. */
export function talentServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: TalentDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  void database; void d;
  return {};
}

export type TalentServices = ReturnType<typeof talentServices>;

export async function talentRoutes(app: FastifyInstance, s: TalentServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  void s;
}
