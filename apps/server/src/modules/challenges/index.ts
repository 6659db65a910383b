import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { FileService } from '../../platform/files/files.js';
import type { PlanService } from '../plan/service.js';
import { catalogRoutes, catalogServices } from './catalog.part.js';
import { coreRoutes, coreServices } from './core.part.js';
import { reviewRoutes, reviewServices } from './review.part.js';
import { deliveryRoutes, deliveryServices } from './delivery.part.js';

export interface ChallengeDeps { now: () => Date; files: FileService; plan: PlanService }

/**
 * The challenges module's services: the tech-need catalog, challenges and applications, review
 * and the public notice, and delivery (contracts, milestones, tranches, acceptance, outputs).
 */
export function challengeServices(database: Database, deps: { plan: PlanService; files: FileService; now?: () => Date }) {
  const d: ChallengeDeps = { now: deps.now ?? (() => new Date()), files: deps.files, plan: deps.plan };
  return {
    ...catalogServices(database, d),
    ...coreServices(database, d),
    ...reviewServices(database, d),
    ...deliveryServices(database, d),
  };
}

export type ChallengeServices = ReturnType<typeof challengeServices>;

export async function challengeRoutes(app: FastifyInstance, s: ChallengeServices) {
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(catalogRoutes, s);
  await app.register(coreRoutes, s);
  await app.register(reviewRoutes, s);
  await app.register(deliveryRoutes, s);
}
