import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { IP_CENTRE } from './model/labels.js';

/** The IP operations centre, to which infringement reports are routed; idempotent. */
export async function seedIp(db: Kysely<DB>, ctx: Ctx): Promise<{ created: number }> {
  const found = await db.selectFrom('organisation').select('id').where('kind', '=', IP_CENTRE.kind).where('nameZh', '=', IP_CENTRE.nameZh).executeTakeFirst();
  if (found) return { created: 0 };
  await db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('organisation').values({ kind: IP_CENTRE.kind, nameZh: IP_CENTRE.nameZh, nameEn: IP_CENTRE.nameEn, createdAt: new Date(), updatedAt: new Date() })
      .onConflict((oc) => oc.columns(['kind', 'nameZh']).doNothing()).returning('id').executeTakeFirst();
    if (row) await audit(trx, ctx, { action: 'ip.seed', entityType: 'organisation', entityId: row.id, summary: `知识产权运营中心 · ${IP_CENTRE.nameEn}` });
  });
  return { created: 1 };
}
