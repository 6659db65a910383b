import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { nextCode } from '../../platform/db/codes.js';

/**
 * The labs and biosafety facilities task 23 names (推动生物安全实验室建设). Their certificates are
 * not on record, so none counts toward the biosafety indicator until its keeper records one;
 * those the plan says are still being built are `building`. Idempotent by lab name: a second run,
 * or a lab its keeper has since edited, is left alone. Organisations are found by name (the plan
 * seed makes some of them as bodies) and made when missing.
 */
export const PLAN_LABS = [
  { org: { nameZh: '重庆市疾病预防控制中心', nameEn: 'Chongqing Center for Disease Control and Prevention', kind: 'other' }, nameZh: '重庆市疾病预防控制中心P3生物安全实验室', nameEn: 'Chongqing CDC BSL-3 laboratory', biosafetyLevel: 3, animal: false, status: 'operating' },
  { org: { nameZh: '陆军军医大学', nameEn: 'Army Medical University', kind: 'university' }, nameZh: '陆军军医大学固定式生物安全三级实验室', nameEn: 'Army Medical University fixed BSL-3 laboratory', biosafetyLevel: 3, animal: false, status: 'building' },
  { org: { nameZh: '陆军军医大学', nameEn: 'Army Medical University', kind: 'university' }, nameZh: '陆军军医大学移动式生物安全三级实验室', nameEn: 'Army Medical University mobile BSL-3 laboratory', biosafetyLevel: 3, animal: false, status: 'building' },
  { org: { nameZh: '重庆市动物疫病预防控制中心', nameEn: 'Chongqing Animal Disease Prevention and Control Center', kind: 'other' }, nameZh: '重庆市动物疫病预防控制中心动物生物安全三级实验室', nameEn: 'Chongqing animal BSL-3 laboratory (ABSL-3)', biosafetyLevel: 3, animal: true, status: 'building' },
  { org: { nameZh: '西南大学', nameEn: 'Southwest University', kind: 'university' }, nameZh: '国家农业生物安全科学中心西南分中心', nameEn: 'National Agricultural Biosafety Science Center, Southwest branch', biosafetyLevel: 3, animal: false, status: 'building' },
] as const;

export async function seedStrains(db: Kysely<DB>, ctx: Ctx): Promise<{ created: number }> {
  const have = new Set((await db.selectFrom('biosafetyLab').select('nameZh').where('nameZh', 'in', PLAN_LABS.map((l) => l.nameZh)).execute()).map((l) => l.nameZh));
  const missing = PLAN_LABS.filter((l) => !have.has(l.nameZh));
  if (!missing.length) return { created: 0 };
  await db.transaction().execute(async (trx) => {
    for (const l of missing) {
      let org = await trx.selectFrom('organisation').select('id').where('nameZh', '=', l.org.nameZh).orderBy('createdAt').executeTakeFirst();
      org ??= await trx.insertInto('organisation').values({ kind: l.org.kind, nameZh: l.org.nameZh, nameEn: l.org.nameEn, createdAt: new Date(), updatedAt: new Date() } as never).returning('id').executeTakeFirstOrThrow();
      const code = await nextCode(trx, 'biosafety_lab', 'LAB-');
      const row = await trx.insertInto('biosafetyLab').values({ code, organisationId: org.id, nameZh: l.nameZh, nameEn: l.nameEn, biosafetyLevel: l.biosafetyLevel, animal: l.animal, status: l.status }).returning('id').executeTakeFirstOrThrow();
      await audit(trx, ctx, { action: 'strains.lab.seed', entityType: 'biosafetyLab', entityId: row.id, summary: `登记行动计划所列实验室 ${code} ${l.nameZh}（Recorded a lab the plan names）` });
    }
  });
  return { created: missing.length };
}
