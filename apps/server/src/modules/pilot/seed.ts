import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { SERVICE_CATEGORIES } from './model/labels.js';

/**
 * The one-stop routing table: each service category, the body responsible for it (an
 * organisation whose unit users handle the requests) and its days. Written once; the task
 * force may change bodies and days afterwards, and a second run leaves its changes alone.
 */
export async function seedPilot(db: Kysely<DB>, ctx: Ctx): Promise<{ created: number }> {
  const have = new Set((await db.selectFrom('serviceRoute').select('category').execute()).map((r) => r.category));
  const missing = Object.entries(SERVICE_CATEGORIES).filter(([c]) => !have.has(c));
  if (!missing.length) return { created: 0 };
  await db.transaction().execute(async (trx) => {
    for (const [category, c] of missing) {
      const kind = c.bodyZh.startsWith('重庆') ? 'department' : 'other';
      await trx.insertInto('organisation').values({ kind, nameZh: c.bodyZh, createdAt: new Date(), updatedAt: new Date() })
        .onConflict((oc) => oc.columns(['kind', 'nameZh']).doNothing()).execute();
      const org = await trx.selectFrom('organisation').select('id').where('kind', '=', kind).where('nameZh', '=', c.bodyZh).executeTakeFirstOrThrow();
      await trx.insertInto('serviceRoute').values({
        category, kind: c.kind, nameZh: c.zh, nameEn: c.en, organisationId: org.id, slaDays: c.slaDays,
        sortOrder: Object.keys(SERVICE_CATEGORIES).indexOf(category),
      }).execute();
    }
    await audit(trx, ctx, { action: 'pilot.seed', entityType: 'serviceRoute', entityId: 'all', summary: `一站式服务路由 ${missing.length} 类 · ${missing.length} service routes` });
  });
  return { created: missing.length };
}
