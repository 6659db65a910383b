import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { PlanService } from './plan/service.js';
import { consultationsService } from './supervision/consultations.service.js';
import { seedIndustry } from './industry/seed.js';
import { seedPilot } from './pilot/seed.js';
import { seedTalent } from './talent/seed.js';
import { seedInnovation } from './innovation/seed.js';
import { seedIp } from './ip/seed.js';
import { seedChallenges } from './challenges/seed.js';
import { seedStrains } from './strains/seed.js';

/** What every module needs in every database once the plan is seeded (start-up and tests alike); idempotent. */
export async function seedModules(database: Database, plan: PlanService, ctx: Ctx) {
  await consultationsService(database, { plan, now: () => new Date() }).seedPlanConsultation(ctx);
  await seedIndustry(database.db, ctx);
  await seedPilot(database.db, ctx);
  await seedTalent(database.db, ctx);
  await seedInnovation(database.db, ctx);
  await seedIp(database.db, ctx);
  await seedChallenges(database.db, ctx);
  await seedStrains(database.db, ctx);
}
