import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';

/** What the challenges module needs in every database; idempotent. */
export async function seedChallenges(db: Kysely<DB>, ctx: Ctx) {
  void db; void ctx;
}
