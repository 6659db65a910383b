import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { tokensOf } from '../../platform/search/segmenter.js';

/**
 * The chains, parks, funds and events the plan names, written once at start-up from
 * data/industry/. Idempotent: a second run finds everything in place and writes nothing.
 */
const DATA = fileURLToPath(new URL('../../../../../data/industry/', import.meta.url));
const read = <T>(name: string): T => JSON.parse(readFileSync(DATA + name, 'utf8')) as T;

interface ChainFile { chains: { code: string; domain: string; nameZh: string; nameEn: string; nodes: { code: string; nameZh: string; nameEn: string; stage: string; role?: string; from?: string[]; source: string }[] }[] }
interface ParkFile { parks: { code: string; kind: string; nameZh: string; nameEn: string; districts: string[]; domains: string[]; focusZh: string; cluster?: string; source: string }[] }
interface FundFile { funds: { code: string; kind: string; nameZh: string; focusZh: string; source: string }[]; events: { nameZh: string; source: string }[] }

const STAGE_ORDER = ['raw', 'strain', 'process', 'product', 'application'];

export async function seedIndustry(db: Kysely<DB>, ctx: Ctx): Promise<{ created: number }> {
  const chains = read<ChainFile>('chains.json').chains;
  const parks = read<ParkFile>('parks.json').parks;
  const funds = read<FundFile>('funds.json');
  // One round trip on every start: what of the seed is already there.
  const present = await sql<{ k: string }>`
    select 'node:' || code as k from chain_node union all select 'park:' || code from park
    union all select 'fund:' || code from fund union all select 'event:' || name_zh from invest_event`.execute(db);
  const have = new Set(present.rows.map((r) => r.k));
  const missing = chains.flatMap((c) => c.nodes).filter((n) => !have.has(`node:${n.code}`)).length
    + parks.filter((p) => !have.has(`park:${p.code}`)).length
    + funds.funds.filter((f) => !have.has(`fund:${f.code}`)).length
    + funds.events.filter((e) => !have.has(`event:${e.nameZh}`)).length;
  if (!missing) return { created: 0 };

  await db.transaction().execute(async (trx) => {
    for (const [i, c] of chains.entries()) {
      await trx.insertInto('industryChain').values({ code: c.code, domain: c.domain, nameZh: c.nameZh, nameEn: c.nameEn, sortOrder: i }).onConflict((oc) => oc.column('code').doNothing()).execute();
      const ids = new Map<string, string>();
      for (const [j, n] of c.nodes.entries()) {
        const row = await trx.insertInto('chainNode').values({
          chainCode: c.code, code: n.code, nameZh: n.nameZh, nameEn: n.nameEn, stage: n.stage, role: n.role ?? 'core', sourceZh: n.source, sortOrder: j, tokens: tokensOf(n.nameZh, n.nameEn),
        }).onConflict((oc) => oc.column('code').doUpdateSet({ code: n.code })).returning('id').executeTakeFirstOrThrow();
        ids.set(n.code, row.id);
      }
      for (const n of c.nodes) {
        const prevStage = STAGE_ORDER[STAGE_ORDER.indexOf(n.stage) - 1];
        const from = n.from ?? c.nodes.filter((m) => m.stage === prevStage).map((m) => m.code);
        for (const f of from) await trx.insertInto('chainEdge').values({ fromNodeId: ids.get(f)!, toNodeId: ids.get(n.code)! }).onConflict((oc) => oc.columns(['fromNodeId', 'toNodeId']).doNothing()).execute();
      }
    }
    const parkIds = new Map<string, string>();
    for (const p of [...parks].sort((a, b) => Number(!!a.cluster) - Number(!!b.cluster))) {
      const row = await trx.insertInto('park').values({
        code: p.code, kind: p.kind, nameZh: p.nameZh, nameEn: p.nameEn, districtCodes: p.districts, domains: p.domains, focusZh: p.focusZh,
        clusterId: p.cluster ? parkIds.get(p.cluster) ?? null : null, sourceZh: p.source,
      }).onConflict((oc) => oc.column('code').doUpdateSet({ code: p.code })).returning('id').executeTakeFirstOrThrow();
      parkIds.set(p.code, row.id);
    }
    for (const f of funds.funds)
      await trx.insertInto('fund').values({ code: f.code, kind: f.kind, nameZh: f.nameZh, focusZh: f.focusZh, sourceZh: f.source }).onConflict((oc) => oc.column('code').doNothing()).execute();
    for (const e of funds.events)
      await trx.insertInto('investEvent').values({ nameZh: e.nameZh }).onConflict((oc) => oc.column('nameZh').doNothing()).execute();
    await auditSeed(trx, ctx, missing);
  });
  return { created: missing };
}

const auditSeed = (trx: Transaction<DB>, ctx: Ctx, n: number) =>
  audit(trx, ctx, { action: 'industry.seed', entityType: 'industry', entityId: 'seed', summary: `写入产业链、园区、基金与活动种子数据 ${n} 项（Seeded ${n} chain nodes, parks, funds and events from the plan）`, after: { created: n } });
