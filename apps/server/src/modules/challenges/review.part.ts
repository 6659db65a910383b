import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.js';
import type { ChallengeDeps, ChallengeServices } from './index.js';
import { reviewsService } from './reviews.service.js';
import { reviewDeskService } from './reviews.desk.js';
import { reviewResultsService } from './reviews.results.js';
import { noticesService } from './notices.service.js';
import { reviewingRoutes } from './reviews.routes.js';
import { noticeRoutes } from './notices.routes.js';
import { extendReviewTimeline } from './reviews.timeline.js';

/**
 * This part's services (see the module README): reviewer assignment (`reviews`), the reviewer's
 * workbench (`reviewDesk`), the aggregate and feedback (`reviewResults`), the public notice,
 * objections and awards (`notices`).
 */
export function reviewServices(database: Database, d: ChallengeDeps) {
  extendReviewTimeline();
  return {
    reviews: reviewsService(database, d),
    reviewDesk: reviewDeskService(database, d),
    reviewResults: reviewResultsService(database, d),
    notices: noticesService(database, d),
  };
}

export async function reviewRoutes(app: FastifyInstance, s: ChallengeServices) {
  await reviewingRoutes(app, s);
  await noticeRoutes(app, s);
}
