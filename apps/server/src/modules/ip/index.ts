import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { reportsService } from './reports.service.js';
import { reportRoutes } from './reports.routes.js';
import { rightsService } from './rights.service.js';
import { rightRoutes } from './rights.routes.js';

export interface IpDeps { now: () => Date; files: FileService; plan: PlanService }

/** The ip module's services, wired once per application. */
export function ipServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: IpDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  const rights = rightsService(database, d);
  return { rights, reports: reportsService(database, { ...d, rights }) };
}

export type IpServices = ReturnType<typeof ipServices>;

export async function ipRoutes(app: FastifyInstance, s: IpServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Reports first: their static paths sit beside the rights' /api/ip/:id.
  await app.register(reportRoutes, s);
  await app.register(rightRoutes, s);
}
