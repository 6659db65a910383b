import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChallengeDeps, ChallengeServices } from './index.js';
import { acceptanceService } from './delivery.acceptance.js';
import { deliveryRoutes as awardRoutes } from './delivery.routes.js';
import { deliveryReadService } from './delivery.service.js';
import { registerDeliveryTimeline } from './delivery.timeline.js';
import { verdictsService } from './delivery.verdicts.js';
import { milestonesService } from './milestones.service.js';
import { milestoneRoutes } from './milestones.routes.js';
import { outputsService } from './outputs.service.js';
import { outputRoutes } from './outputs.routes.js';
import { tranchesService } from './tranches.service.js';
import { trancheRoutes } from './tranches.routes.js';

/**
 * Delivery of awarded challenges: contracts and milestones with reports and their review,
 * verdicts at reviews, the tranche ledger, acceptance against the indicators, outputs, the
 * award and milestone board, and the public awards and results.
 */
export function deliveryServices(database: Database, d: ChallengeDeps) {
  registerDeliveryTimeline();
  return {
    delivery: deliveryReadService(database, d),
    milestones: milestonesService(database, d),
    verdicts: verdictsService(database, d),
    tranches: tranchesService(database, d),
    acceptance: acceptanceService(database, d),
    outputs: outputsService(database, d),
  };
}

export type DeliveryServices = ReturnType<typeof deliveryServices>;

export async function deliveryRoutes(app: FastifyInstance, s: ChallengeServices) {
  await awardRoutes(app, s);
  await milestoneRoutes(app, s);
  await trancheRoutes(app, s);
  await outputRoutes(app, s);
}
