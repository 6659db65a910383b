import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { conclusionRoutes } from './conclusions.routes.js';
import { conclusionsService } from './conclusions.service.js';
import { decisionsService } from './decisions.service.js';
import { evaluationRoutes } from './evaluations.routes.js';
import { evaluationsService } from './evaluations.service.js';
import { reviewersService } from './reviewers.service.js';
import { reviewRoutes } from './reviews.routes.js';
import { reviewsService } from './reviews.service.js';
import { safetyTargetsService } from './targets.service.js';

export interface SafetyDeps { now: () => Date; files: FileService; plan: PlanService }

/** The safety module's services: safety evaluations of new core strains, raw materials and processes (task 25). */
export function safetyServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: SafetyDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  const targets = safetyTargetsService(database, { plan: deps.plan, now: d.now });
  targets.registerIndicators();
  return {
    evaluations: evaluationsService(database, d),
    decisions: decisionsService(database, d),
    reviewers: reviewersService(database, d),
    reviews: reviewsService(database, d),
    conclusions: conclusionsService(database, d),
    targets,
  };
}

export type SafetyServices = ReturnType<typeof safetyServices>;

export async function safetyRoutes(app: FastifyInstance, s: SafetyServices) {
  // Open-object responses: JSON.stringify does what a compiled serializer would, and start-up stays short.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(evaluationRoutes, s);
  await app.register(reviewRoutes, s);
  await app.register(conclusionRoutes, s);
}
