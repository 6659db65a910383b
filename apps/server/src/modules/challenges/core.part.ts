import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChallengeDeps, ChallengeServices } from './index.js';
import { challengesService } from './challenges.service.js';
import { applicationsService } from './applications.service.js';
import { challengeRoutes } from './challenges.routes.js';
import { applicationRoutes } from './applications.routes.js';

/** This part's services (see the module README): challenges, and applications with the formal check. */
export function coreServices(database: Database, d: ChallengeDeps) {
  return {
    challenges: challengesService(database, d),
    applications: applicationsService(database, d),
  };
}

export async function coreRoutes(app: FastifyInstance, s: ChallengeServices) {
  await challengeRoutes(app, s);
  await applicationRoutes(app, s);
}
