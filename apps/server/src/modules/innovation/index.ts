import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { platformsService } from './platforms.service.js';
import { platformRoutes } from './platforms.routes.js';
import { innovationTargetsService } from './targets.service.js';

export interface InnovationDeps { now: () => Date; files: FileService; plan: PlanService }

/** The innovation module's services, wired once per application; its two targets are registered with the plan. */
export function innovationServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: InnovationDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  const targets = innovationTargetsService(database, { plan: deps.plan, now: d.now });
  targets.registerIndicators();
  return { platforms: platformsService(database, d), targets };
}

export type InnovationServices = ReturnType<typeof innovationServices>;

export async function innovationRoutes(app: FastifyInstance, s: InnovationServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(platformRoutes, s);
}
