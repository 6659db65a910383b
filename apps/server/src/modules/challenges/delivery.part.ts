import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChallengeDeps, ChallengeServices } from './index.js';

/** This part's services (see the module README). */
export function deliveryServices(database: Database, d: ChallengeDeps) {
  void database; void d;
  return {};
}

export async function deliveryRoutes(app: FastifyInstance, s: ChallengeServices) {
  void app; void s;
}
