import { sql } from 'kysely';
import { docText, poolOf, rankDemandPool, rankPool, type Demand, type Pool, type Ranked, type Supply } from '@cq-biomfg/match';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import { contentWords } from '../../platform/search/segmenter.js';
import { todayIn } from '../../platform/dates.js';
import type { PilotDeps } from './index.js';
import { districtDistanceKm } from './model/distance.js';
import { keepsBase, pilotViewerOf, requirePilotTaskForce, type PilotViewer } from './viewer.js';

export type SupplyKind = 'achievement' | 'capability';

/** What a ranked match shows of the other side: public fields only, never a confidential detail. */
interface Card { id: string; code: string; titleZh: string; districtCode: string; ownerZh: string; kind: SupplyKind | 'demand'; baseId?: string }

/**
 * A pool of published texts cut into words, kept in memory between requests and rebuilt when its
 * signature (the pool's version, which triggers bump on every change, and today's date) moves.
 * Words are cached per row and change, so a rebuild cuts only what changed.
 */
class PoolCache<T extends { id: string; title: string; text: string }> {
  private signature = '';
  private pool: Pool<T> | null = null;
  private cards = new Map<string, Card>();
  private words = new Map<string, { stamp: string; words: string[] }>();
  private building: Promise<void> | null = null;

  constructor(private load: () => Promise<{ item: T; card: Card; stamp: string }[]>) {}

  async get(signature: string): Promise<{ pool: Pool<T>; cards: Map<string, Card> }> {
    if (this.signature !== signature || !this.pool) {
      // Requests arriving during a build share it; if rows moved meanwhile, the next request rebuilds.
      this.building ??= this.rebuild(signature).finally(() => { this.building = null; });
      await this.building;
    }
    return { pool: this.pool!, cards: this.cards };
  }

  private async rebuild(signature: string) {
    const rows = await this.load();
    const cards = new Map<string, Card>();
    const words = new Map<string, { stamp: string; words: string[] }>();
    for (const r of rows) {
      const cached = this.words.get(r.item.id);
      words.set(r.item.id, cached && cached.stamp === r.stamp ? cached : { stamp: r.stamp, words: contentWords(docText(r.item)) });
      cards.set(r.item.id, r.card);
    }
    this.words = words;
    this.cards = cards;
    this.pool = poolOf(rows.map((r) => r.item), (x) => words.get(x.id)!.words);
    this.signature = signature;
  }
}

const num = (x: unknown) => (x == null ? null : Number(x));

/**
 * Matching, with packages/match: a demand's best achievements or pilot capabilities, and the
 * other way round an achievement's or a platform's best demands — each with its score and the
 * reasons in words. Only published, unexpired items take part, and only their public text: a
 * confidential detail never shapes a match another party can read.
 */
export function matchService(database: Database, deps: PilotDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  const achievements = new PoolCache<Supply>(async () => {
    const rows = await db.selectFrom('pilotAchievement as a').innerJoin('organisation as o', 'o.id', 'a.organisationId')
      .select(['a.id', 'a.code', 'a.titleZh', 'a.resultZh', 'a.ipZh', 'a.partnerWantedZh', 'a.domain', 'a.processes', 'a.organisms', 'a.scaleReachedL', 'a.trl', 'a.districtCode', 'a.updatedAt', 'o.nameZh as ownerZh'])
      .where('a.state', '=', 'published').where((eb) => eb.or([eb('a.expiresOn', 'is', null), eb('a.expiresOn', '>=', today())]))
      .orderBy('a.id').execute();
    return rows.map((a) => ({
      stamp: new Date(a.updatedAt).toISOString(),
      card: { id: a.id, code: a.code, titleZh: a.titleZh, districtCode: a.districtCode, ownerZh: a.ownerZh, kind: 'achievement' as const },
      item: {
        id: a.id, kind: 'achievement' as const, title: a.titleZh, text: [a.resultZh, a.ipZh, a.partnerWantedZh].filter(Boolean).join(' '),
        domain: a.domain, processes: a.processes, organisms: a.organisms, scaleReachedL: num(a.scaleReachedL), trl: a.trl, districtCode: a.districtCode,
      },
    }));
  });

  const capabilities = new PoolCache<Supply>(async () => {
    const rows = await db.selectFrom('pilotCapability as c').innerJoin('pilotPlatform as p', 'p.id', 'c.platformId').innerJoin('pilotBase as b', 'b.id', 'p.baseId')
      .select(['c.id', 'c.nameZh', 'c.processes', 'c.organisms', 'c.volumeMinL', 'c.volumeMaxL', 'c.qualityGrade', 'c.biosafetyLevel', 'c.descriptionZh', 'c.updatedAt',
        'p.id as platformId', 'p.code as platformCode', 'p.nameZh as platformZh', 'p.summaryZh as platformSummaryZh', 'p.updatedAt as platformUpdatedAt',
        'b.id as baseId', 'b.nameZh as baseZh', 'b.districtCode', 'b.domains', 'b.updatedAt as baseUpdatedAt'])
      .orderBy('c.id').execute();
    return rows.map((c) => ({
      stamp: [c.updatedAt, c.platformUpdatedAt, c.baseUpdatedAt].map((t) => new Date(t).toISOString()).join('|'),
      card: { id: c.id, code: c.platformCode, titleZh: `${c.platformZh} · ${c.nameZh}`, districtCode: c.districtCode, ownerZh: c.baseZh, kind: 'capability' as const, baseId: c.baseId },
      item: {
        id: c.id, kind: 'capability' as const, title: `${c.platformZh} ${c.nameZh}`, text: [c.descriptionZh, c.platformSummaryZh].filter(Boolean).join(' '),
        domains: c.domains, processes: c.processes, organisms: c.organisms, volumeMinL: Number(c.volumeMinL), volumeMaxL: Number(c.volumeMaxL),
        biosafetyLevel: c.biosafetyLevel, qualityGrade: c.qualityGrade as Supply['qualityGrade'], districtCode: c.districtCode,
      },
    }));
  });

  const demands = new PoolCache<Demand>(async () => {
    const rows = await db.selectFrom('pilotDemand as d').innerJoin('organisation as o', 'o.id', 'd.organisationId')
      .select(['d.id', 'd.code', 'd.titleZh', 'd.problemZh', 'd.targetProductZh', 'd.summaryZh', 'd.domain', 'd.processes', 'd.organism', 'd.scaleL', 'd.biosafetyLevel', 'd.qualityGrade', 'd.trlNeeded', 'd.districtCode', 'd.updatedAt', 'o.nameZh as ownerZh'])
      .where('d.state', '=', 'published').where('d.deadline', '>=', today())
      .where((eb) => eb.or([eb('d.expiresOn', 'is', null), eb('d.expiresOn', '>=', today())]))
      .orderBy('d.id').execute();
    return rows.map((d) => ({
      stamp: new Date(d.updatedAt).toISOString(),
      card: { id: d.id, code: d.code, titleZh: d.titleZh, districtCode: d.districtCode, ownerZh: d.ownerZh, kind: 'demand' as const },
      item: asDemand(d),
    }));
  });

  function asDemand(d: { id: string; titleZh: string; problemZh: string; targetProductZh: string | null; summaryZh: string; domain: string; processes: string[]; organism: string; scaleL: number | string; biosafetyLevel: number; qualityGrade: string; trlNeeded: number | null; districtCode: string }): Demand {
    return {
      id: d.id, title: d.titleZh, text: [d.problemZh, d.targetProductZh, d.summaryZh].filter(Boolean).join(' '),
      domain: d.domain, processes: d.processes, organism: d.organism, scaleL: Number(d.scaleL), biosafetyLevel: d.biosafetyLevel,
      qualityGrade: d.qualityGrade as Demand['qualityGrade'], trlNeeded: d.trlNeeded, districtCode: d.districtCode,
    };
  }

  /**
   * What each pool holds now, in one lookup: its version (bumped by triggers on every change of
   * the rows behind it) and today's date, since items drop out when they expire.
   */
  async function signatures() {
    const t = today();
    const rows = await db.selectFrom('pilotPoolVersion').select(['pool', 'version']).execute();
    const v = (pool: string) => `${t}:${rows.find((r) => r.pool === pool)?.version ?? 0}`;
    return { achievement: v('achievement'), capability: v('capability'), demand: v('demand') };
  }

  const supplyPool = async (kind: SupplyKind, sig?: Awaited<ReturnType<typeof signatures>>) =>
    (kind === 'achievement' ? achievements : capabilities).get((sig ?? (await signatures()))[kind]);

  const options = (limit: number, explainExcluded = 5) => ({ limit, explainExcluded, distanceKm: districtDistanceKm });
  const shown = (ranked: Ranked[], cards: Map<string, Card>, side: 'supplyId' | 'demandId') =>
    ranked.map((x, i) => ({ rank: i + 1, score: x.score, reasons: x.reasons, parts: x.parts, sharedTerms: x.sharedTerms, [side === 'supplyId' ? 'supply' : 'demand']: cards.get(x[side]) }));

  /** The owner's and the task force's: who may read a list item's matches. */
  async function ownItem(v: PilotViewer, table: 'pilotDemand' | 'pilotAchievement', id: string, what: { zh: string; en: string }) {
    const row = await db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`${what.zh}不存在`, `${what.en} not found`);
    if (v.taskForce || (v.organisationId && row.organisationId === v.organisationId)) return row;
    if (row.state !== 'published') throw notFound(`${what.zh}不存在`, `${what.en} not found`);
    throw forbidden(`只有发布方和工作专班可查看匹配结果`, 'Only the poster and the task force may see the matches');
  }

  async function forDemand(d: Demand, kind: SupplyKind, limit: number) {
    const { pool, cards } = await supplyPool(kind);
    const r = rankPool(d, contentWords(docText(d)), pool, options(limit));
    return {
      kind, poolSize: pool.items.length, results: shown(r.ranked, cards, 'supplyId'),
      excluded: { count: r.excludedCount, examples: r.excluded.map((e) => ({ supply: cards.get(e.supplyId), why: e.why })) },
    };
  }

  async function demandsFor(s: Supply, limit: number, signature?: string) {
    const { pool, cards } = await demands.get(signature ?? (await signatures()).demand);
    const r = rankDemandPool(s, contentWords(docText(s)), pool, options(limit));
    return { poolSize: pool.items.length, ranked: r.ranked, cards, excludedCount: r.excludedCount };
  }

  return {
    /** A demand's best achievements or pilot capabilities. */
    async demandMatches(ctx: Ctx, demandId: string, q: { kind: SupplyKind; limit?: number }) {
      const v = await pilotViewerOf(db, ctx);
      const row = await ownItem(v, 'pilotDemand', demandId, { zh: '需求', en: 'Demand' });
      const m = await forDemand(asDemand(row), q.kind, q.limit ?? 10);
      return { demand: { id: row.id, code: row.code, titleZh: row.titleZh, state: row.state }, ...m };
    },

    /** An achievement's best demands. */
    async achievementMatches(ctx: Ctx, achievementId: string, q: { limit?: number }) {
      const v = await pilotViewerOf(db, ctx);
      const a = await ownItem(v, 'pilotAchievement', achievementId, { zh: '成果', en: 'Achievement' });
      const s: Supply = {
        id: a.id, kind: 'achievement', title: a.titleZh, text: [a.resultZh, a.ipZh, a.partnerWantedZh].filter(Boolean).join(' '), domain: a.domain,
        processes: a.processes, organisms: a.organisms, scaleReachedL: num(a.scaleReachedL), trl: a.trl, districtCode: a.districtCode,
      };
      const r = await demandsFor(s, q.limit ?? 10);
      return { achievement: { id: a.id, code: a.code, titleZh: a.titleZh, state: a.state }, poolSize: r.poolSize, excluded: { count: r.excludedCount }, results: shown(r.ranked, r.cards, 'demandId') };
    },

    /**
     * A platform's best demands: each capability ranks the demands, and a demand keeps the
     * capability that serves it best (named in the answer).
     */
    async platformMatches(ctx: Ctx, platformId: string, q: { limit?: number }) {
      const v = await pilotViewerOf(db, ctx);
      const p = await db.selectFrom('pilotPlatform as p').innerJoin('pilotBase as b', 'b.id', 'p.baseId')
        .select(['p.id', 'p.code', 'p.nameZh', 'p.summaryZh', 'p.baseId', 'b.nameZh as baseZh', 'b.districtCode', 'b.domains']).where('p.id', '=', platformId).executeTakeFirst();
      if (!p) throw notFound('中试平台不存在', 'Platform not found');
      if (!keepsBase(v, p.baseId)) throw forbidden('只有本基地和工作专班可查看平台的匹配需求', "Only the base and the task force may see a platform's matching demands");
      const caps = await db.selectFrom('pilotCapability').selectAll().where('platformId', '=', platformId).orderBy('nameZh').execute();
      const limit = q.limit ?? 10;
      const best = new Map<string, { r: Ranked; capabilityZh: string }>();
      let poolSize = 0;
      let cards = new Map<string, Card>();
      const signature = (await signatures()).demand;
      for (const c of caps) {
        const s: Supply = {
          id: c.id, kind: 'capability', title: `${p.nameZh} ${c.nameZh}`, text: [c.descriptionZh, p.summaryZh].filter(Boolean).join(' '), domains: p.domains,
          processes: c.processes, organisms: c.organisms, volumeMinL: Number(c.volumeMinL), volumeMaxL: Number(c.volumeMaxL), biosafetyLevel: c.biosafetyLevel,
          qualityGrade: c.qualityGrade as Supply['qualityGrade'], districtCode: p.districtCode,
        };
        const r = await demandsFor(s, limit, signature);
        poolSize = r.poolSize;
        cards = r.cards;
        for (const x of r.ranked) {
          const had = best.get(x.demandId);
          if (!had || had.r.score < x.score) best.set(x.demandId, { r: x, capabilityZh: c.nameZh });
        }
      }
      const ranked = [...best.values()].sort((a, b) => b.r.score - a.r.score || a.r.demandId.localeCompare(b.r.demandId)).slice(0, limit);
      return {
        platform: { id: p.id, code: p.code, nameZh: p.nameZh, baseZh: p.baseZh }, capabilities: caps.length, poolSize,
        results: ranked.map((x, i) => ({ rank: i + 1, score: x.r.score, reasons: x.r.reasons, parts: x.r.parts, sharedTerms: x.r.sharedTerms, demand: cards.get(x.r.demandId), capabilityZh: x.capabilityZh })),
      };
    },

    /**
     * Re-matches every published demand against both pools and keeps each one's ten best, so the
     * task force sees which demands nothing serves yet. One transaction replaces the last run.
     */
    async rematchAll(ctx: Ctx, opts: { onProgress?: (done: number, total: number) => void } = {}) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const sig = await signatures();
      const [{ pool: dPool }, a, c] = await Promise.all([demands.get(sig.demand), supplyPool('achievement', sig), supplyPool('capability', sig)]);
      const at = deps.now();
      const rows: { demandId: string; supplyKind: SupplyKind; rank: number; supplyId: string; score: number; computedAt: Date }[] = [];
      dPool.items.forEach((d, i) => {
        const words = dPool.corpus.docs.get(d.id)!;
        for (const [kind, { pool }] of [['achievement', a], ['capability', c]] as const)
          rankPool(d, words, pool, options(10, 0)).ranked.forEach((x, k) => rows.push({ demandId: d.id, supplyKind: kind, rank: k + 1, supplyId: x.supplyId, score: x.score, computedAt: at }));
        if ((i + 1) % 200 === 0 || i + 1 === dPool.items.length) opts.onProgress?.(i + 1, dPool.items.length);
      });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pilotMatch').execute();
        for (let i = 0; i < rows.length; i += 2000) await trx.insertInto('pilotMatch').values(rows.slice(i, i + 2000)).execute();
        await audit(trx, ctx, { action: 'pilot.rematch', entityType: 'pilotMatch', entityId: 'all', summary: `重新匹配 ${dPool.items.length} 项需求，${rows.length} 条结果 · Re-matched ${dPool.items.length} demands, ${rows.length} results` });
      });
      return { demands: dPool.items.length, achievements: a.pool.items.length, capabilities: c.pool.items.length, results: rows.length, computedAt: at };
    },

    /** From the last re-matching: demands whose best match of each kind scores below `below`. */
    async unserved(ctx: Ctx, q: { below?: number; limit?: number; offset?: number }) {
      const v = await pilotViewerOf(db, ctx);
      requirePilotTaskForce(v);
      const below = q.below ?? 60;
      const last = await db.selectFrom('pilotMatch').select((eb) => eb.fn.max('computedAt').as('at')).executeTakeFirst();
      const rows = await sql<{ id: string; code: string; titleZh: string; districtCode: string; bestAchievement: number | null; bestCapability: number | null; total: number }>`
        select d.id, d.code, d.title_zh as "titleZh", d.district_code as "districtCode",
               max(m.score) filter (where m.supply_kind = 'achievement') as "bestAchievement",
               max(m.score) filter (where m.supply_kind = 'capability') as "bestCapability", count(*) over ()::int as total
        from pilot_demand d left join pilot_match m on m.demand_id = d.id
        where d.state = 'published' and d.deadline >= ${today()}::date and (d.expires_on is null or d.expires_on >= ${today()}::date)
        group by d.id
        having coalesce(max(m.score) filter (where m.supply_kind = 'achievement'), 0) < ${below}
            and coalesce(max(m.score) filter (where m.supply_kind = 'capability'), 0) < ${below}
        order by d.code limit ${q.limit ?? 50} offset ${q.offset ?? 0}`.execute(db);
      return {
        computedAt: last?.at ?? null, below, total: rows.rows[0]?.total ?? 0,
        items: rows.rows.map(({ total: _t, ...r }) => ({ ...r, bestAchievement: num(r.bestAchievement), bestCapability: num(r.bestCapability) })),
      };
    },
  };
}

export type MatchService = ReturnType<typeof matchService>;
