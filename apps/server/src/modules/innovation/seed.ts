import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { tokensOf } from '../../platform/search/segmenter.js';
import type { PlatformKind, PlatformLevel, PlatformStatus } from './model/labels.js';

interface SeedPlatform {
  nameZh: string; nameEn: string; kind: PlatformKind; level: PlatformLevel; status: PlatformStatus;
  fields: string[]; domains: string[]; summaryZh: string;
  /** Hosts the plan itself names, with their organisation kind. */
  hosts: { nameZh: string; nameEn: string; kind: 'university' | 'institute' }[];
}

const SOURCE = '《重庆市生物制造产业发展行动计划（2024—2027年）》重点任务 1';

/**
 * The platforms task 1 names. Levels follow the names (全国重点实验室 national, 重庆市重点实验室 and
 * 金凤实验室 as a 重庆实验室 municipal); the synthetic-biology key lab is to be built jointly, so it
 * is recorded as being built and does not count yet. Hosts are recorded where the plan names
 * them; the task force adds the rest and the recognition dates when it has them.
 */
const PLATFORMS: SeedPlatform[] = [
  {
    nameZh: '重庆市合成生物学重点实验室', nameEn: 'Chongqing Key Laboratory of Synthetic Biology', kind: 'lab', level: 'municipal', status: 'building',
    fields: ['合成生物学'], domains: ['biochem', 'biopharma', 'bioagrifood', 'bioenergy'],
    summaryZh: '重庆大学、西南大学、中科院重庆绿色智能技术研究院等联合共建，承担国家和重庆市合成生物学领域重大战略科技研发任务。',
    hosts: [
      { nameZh: '重庆大学', nameEn: 'Chongqing University', kind: 'university' },
      { nameZh: '西南大学', nameEn: 'Southwest University', kind: 'university' },
      { nameZh: '中科院重庆绿色智能技术研究院', nameEn: 'Chongqing Institute of Green and Intelligent Technology, Chinese Academy of Sciences', kind: 'institute' },
    ],
  },
  {
    nameZh: '重庆国际免疫研究院', nameEn: 'Chongqing International Institute for Immunology', kind: 'newRnd', level: 'municipal', status: 'operating',
    fields: ['免疫学'], domains: ['biopharma'], summaryZh: '深化生命健康、生物医药领域基础研究（行动计划任务 1、14）。',
    hosts: [{ nameZh: '重庆国际免疫研究院', nameEn: 'Chongqing International Institute for Immunology', kind: 'institute' }],
  },
  {
    nameZh: '金凤实验室', nameEn: 'Jinfeng Laboratory', kind: 'lab', level: 'municipal', status: 'operating',
    fields: ['生命健康'], domains: ['biopharma'], summaryZh: '深化生命健康领域基础研究（行动计划任务 1）。', hosts: [],
  },
  {
    nameZh: '资源昆虫高效养殖与利用全国重点实验室', nameEn: 'State Key Laboratory of Efficient Rearing and Utilization of Resource Insects', kind: 'lab', level: 'national', status: 'operating',
    fields: ['资源昆虫', '蚕桑'], domains: ['bioagrifood'], summaryZh: '深化生物农业领域基础研究，支撑桑、蚕、蚕丝、蜂等生物质资源开发（行动计划任务 1、9）。', hosts: [],
  },
  {
    nameZh: '天然产物全合成与创新药物研究重庆市重点实验室', nameEn: 'Chongqing Key Laboratory of Natural Product Total Synthesis and Innovative Drug Research', kind: 'lab', level: 'municipal', status: 'operating',
    fields: ['天然产物全合成', '创新药物'], domains: ['biopharma'], summaryZh: '深化生物医药领域基础研究（行动计划任务 1）。', hosts: [],
  },
];

/** The platforms the plan names, with their hosts; idempotent (a platform of that name is left as it is). */
export async function seedInnovation(db: Kysely<DB>, ctx: Ctx): Promise<{ created: number }> {
  const have = new Set((await db.selectFrom('innovationPlatform').select('nameZh').where('nameZh', 'in', PLATFORMS.map((p) => p.nameZh)).execute()).map((r) => r.nameZh));
  const missing = PLATFORMS.filter((p) => !have.has(p.nameZh));
  if (!missing.length) return { created: 0 };
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('PT-'))`.execute(trx);
    let n = (await sql<{ n: number | null }>`select max(substring(code from 4)::int) as n from innovation_platform where code ~ '^PT-[0-9]+$'`.execute(trx)).rows[0]?.n ?? 0;
    for (const p of missing) {
      const code = `PT-${String(++n).padStart(4, '0')}`;
      const row = await trx.insertInto('innovationPlatform').values({
        code, nameZh: p.nameZh, nameEn: p.nameEn, kind: p.kind, level: p.level, status: p.status, fields: p.fields, domains: p.domains,
        summaryZh: p.summaryZh, sourceZh: SOURCE, tokens: tokensOf(p.nameZh, p.summaryZh, p.fields.join(' ')), createdAt: new Date(), updatedAt: new Date(),
      }).returning('id').executeTakeFirstOrThrow();
      for (const [position, h] of p.hosts.entries()) {
        await trx.insertInto('organisation').values({ kind: h.kind, nameZh: h.nameZh, nameEn: h.nameEn, createdAt: new Date(), updatedAt: new Date() })
          .onConflict((oc) => oc.columns(['kind', 'nameZh']).doNothing()).execute();
        const org = await trx.selectFrom('organisation').select('id').where('kind', '=', h.kind).where('nameZh', '=', h.nameZh).executeTakeFirstOrThrow();
        await trx.insertInto('innovationPlatformHost').values({ platformId: row.id, organisationId: org.id, position }).execute();
      }
    }
    await audit(trx, ctx, { action: 'innovation.seed', entityType: 'innovationPlatform', entityId: 'plan', summary: `行动计划点名的科技创新平台 ${missing.length} 个 · ${missing.length} platforms the plan names` });
  });
  return { created: missing.length };
}
