import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { COMMITTEE, TASK18_UNIVERSITIES } from './model/labels.js';

/**
 * What the talent module needs in every database: the expert committee task 19 establishes, and
 * the universities task 18 names (organisations of kind university) for the education list.
 * Idempotent: a second run finds both and writes nothing.
 */
export async function seedTalent(db: Kysely<DB>, ctx: Ctx) {
  const [committee, unis] = await Promise.all([
    db.selectFrom('expertCommittee').select('id').where('code', '=', COMMITTEE.code).executeTakeFirst(),
    db.selectFrom('organisation').select('nameZh').where('kind', '=', 'university').where('nameZh', 'in', TASK18_UNIVERSITIES.map((u) => u.nameZh)).execute(),
  ]);
  const missing = TASK18_UNIVERSITIES.filter((u) => !unis.some((x) => x.nameZh === u.nameZh));
  if (committee && !missing.length) return { created: 0 };
  return db.transaction().execute(async (trx) => {
    if (!committee) {
      const c = await trx.insertInto('expertCommittee').values({ ...COMMITTEE, createdAt: new Date() }).onConflict((oc) => oc.column('code').doNothing()).returning('id').executeTakeFirst();
      if (c) await audit(trx, ctx, { action: 'talent.seed', entityType: 'expertCommittee', entityId: c.id, summary: `设立${COMMITTEE.nameZh}（Established the expert committee）` });
    }
    for (const u of missing) {
      const o = await trx.insertInto('organisation').values({ kind: 'university', nameZh: u.nameZh, nameEn: u.nameEn, createdAt: new Date(), updatedAt: new Date() })
        .onConflict((oc) => oc.columns(['kind', 'nameZh']).doNothing()).returning('id').executeTakeFirst();
      if (o) await audit(trx, ctx, { action: 'talent.seed', entityType: 'organisation', entityId: o.id, summary: `登记任务 18 所列高校 ${u.nameZh}（Registered a university task 18 names）` });
    }
    return { created: (committee ? 0 : 1) + missing.length };
  });
}
