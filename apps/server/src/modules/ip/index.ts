import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';

export interface IpDeps { now: () => Date; files: FileService; plan: PlanService }

/** The ip module's services, wired once per application. */
export function ipServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: IpDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  void database; void d;
  return {};
}

export type IpServices = ReturnType<typeof ipServices>;

export async function ipRoutes(app: FastifyInstance, s: IpServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  void s;
}
