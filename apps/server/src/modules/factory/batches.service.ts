import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { containsPattern } from '../../platform/db/like.js';
import { todayIn } from '../../platform/dates.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import type { FactoryDeps } from './index.js';
import { nextCode } from '../../platform/db/codes.js';
import { batchRows, loadBatch, phasesOf, phasesValue, presentBatch, requireJudgeOf, requireOperatorOf, visibleTo, type BatchRow } from './batches.store.js';
import { batchWorkbook } from './batches.excel.js';
import { batchProblems, phaseNameOk, type BatchInput, type BatchState, type Outcome } from './model/process-batches.js';
import { parseInstant } from './model/process-readings.js';
import { describeVariable } from './model/process-variables.js';
import { factoryViewerOf } from './viewer.js';
import type { BatchPhase } from './schema.js';

/**
 * Batches (批次): a fermentation run on one piece of equipment, from its start through its
 * phases to its end and the outcome someone judges. Operators of the factory's organisation (or
 * their systems, with a `factory:ingest` token) create and move them; overseers read them all.
 */
export interface BatchFilter {
  factoryId?: string; state?: BatchState; recipe?: string; equipment?: string; strain?: string; outcome?: Outcome; q?: string;
  limit: number; offset: number;
}

const zh = (z: string, e: string) => `${z}（${e}）`;
const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export function batchesService(database: Database, d: FactoryDeps) {
  const { db } = database;

  function filtered(ctx: Ctx, f: Omit<BatchFilter, 'limit' | 'offset'>) {
    let q = visibleTo(batchRows(db), factoryViewerOf(ctx));
    if (f.factoryId) q = q.where('b.factoryId', '=', f.factoryId);
    if (f.state) q = q.where('b.state', '=', f.state);
    if (f.recipe) q = q.where('b.recipe', '=', f.recipe);
    if (f.equipment) q = q.where('b.equipment', '=', f.equipment);
    if (f.outcome) q = q.where('b.outcome', '=', f.outcome);
    if (f.strain) q = q.where((eb) => eb.or([eb('b.strainAccession', '=', f.strain!), eb(sql`b.strain_id::text`, '=', f.strain!)]));
    if (f.q?.trim()) {
      const like = containsPattern(f.q.trim());
      q = q.where((eb) => eb.or([eb('b.code', 'ilike', like), eb('b.externalId', 'ilike', like), eb('b.productZh', 'ilike', like), eb('b.recipe', 'ilike', like)]));
    }
    return q;
  }

  async function list(ctx: Ctx, f: BatchFilter) {
    const rows = await filtered(ctx, f).select(sql<number>`count(*) over ()`.as('total'))
      .orderBy(sql`b.started_at desc nulls first`).orderBy('b.code', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total: Number(rows[0]?.total ?? 0), items: rows.map(({ total: _t, ...r }) => presentBatch(r as BatchRow)) };
  }

  /** One batch with what its series hold (per variable: how many readings, first and last). */
  async function get(ctx: Ctx, id: string) {
    const r = await loadBatch(db, factoryViewerOf(ctx), id);
    const vars = await db.selectFrom('sensorReading').where('batchId', '=', id).groupBy('variable')
      .select(['variable', sql<string>`count(*)`.as('count'), sql<Date>`min(at)`.as('first'), sql<Date>`max(at)`.as('last')]).orderBy('variable').execute();
    return { ...presentBatch(r), variables: vars.map((v) => ({ ...describeVariable(v.variable), count: Number(v.count), first: v.first, last: v.last })) };
  }

  async function strainOf(accession: string | null | undefined) {
    const a = accession?.trim();
    if (!a) return { strainId: null, strainAccession: null };
    const s = await db.selectFrom('strain').select(['id', 'accession', 'status']).where('accession', '=', a).executeTakeFirst();
    if (!s || s.status !== 'accessioned') throw invalid([{ path: '/strainAccession', message: zh(`菌种库中没有已保藏的菌种 ${a}`, `no accessioned strain ${a} in the strain bank`) }]);
    return { strainId: s.id, strainAccession: s.accession };
  }

  async function create(ctx: Ctx, x: BatchInput) {
    const now = d.now();
    const problems = batchProblems(x, now);
    if (problems.length) throw invalid(problems);
    const factory = await db.selectFrom('factory').select(['id', 'organisationId', 'status', 'code']).where('code', '=', x.factory.trim()).executeTakeFirst();
    // Another organisation's factory is not named to a caller: it reads as no such factory.
    if (!factory || factory.organisationId !== ctx.principal?.organisationId) throw invalid([{ path: '/factory', message: zh('本单位没有此编码的工厂', 'your organisation has no factory with this code') }]);
    requireOperatorOf(ctx, factory.organisationId);
    if (factory.status !== 'active') throw conflict(`工厂 ${factory.code} 已停用`, `Factory ${factory.code} is inactive`, [{ path: '/factory', message: zh('工厂已停用', 'inactive') }]);
    const strain = await strainOf(x.strainAccession);
    const running = (x.state ?? 'running') === 'running';
    const startedAt = running ? (x.startedAt ? parseInstant(x.startedAt, now)! : now) : null;
    try {
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'factory_batch', `BAT-${todayIn(now).slice(0, 4)}-`);
        const phases: BatchPhase[] = startedAt ? [{ name: x.phase?.trim() || 'batch', startedAt: startedAt.toISOString() }] : [];
        const b = await trx.insertInto('factoryBatch').values({
          code, factoryId: factory.id, externalId: x.externalId.trim(), equipment: x.equipment.trim(), recipe: x.recipe.trim(), productZh: x.productZh?.trim() || null,
          ...strain, lotEpc: x.lotEpc?.trim() || null, phases: phasesValue(phases), state: running ? 'running' : 'planned', startedAt,
          createdBy: ctx.principal?.userId ?? null, createdAt: now, updatedAt: now,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'factory.batch.create', entityType: 'factory_batch', entityId: b.id, summary: `登记批次 ${code}（${b.externalId}，${b.recipe}）(Registered batch ${code})`, after: b });
        return b.id;
      });
      return get(ctx, id);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`工厂 ${factory.code} 已有批次号 ${x.externalId.trim()}`, `Factory ${factory.code} already has batch ${x.externalId.trim()}`, [{ path: '/externalId', message: zh('批次号已存在', 'batch number taken') }]);
      throw e;
    }
  }

  /** Writes one change to a batch the caller may run, audited, re-reading the row under a lock. */
  async function change(ctx: Ctx, id: string, who: 'operator' | 'judge', work: (b: BatchRow) => { set: Record<string, unknown>; action: string; summary: string }) {
    const v = factoryViewerOf(ctx);
    await db.transaction().execute(async (trx) => {
      const b = await loadBatch(trx, v, id);
      if (who === 'operator') requireOperatorOf(ctx, b.organisationId);
      else requireJudgeOf(ctx, v, b.organisationId);
      await trx.selectFrom('factoryBatch').select('id').where('id', '=', id).forUpdate().execute();
      const fresh = await loadBatch(trx, v, id);
      const { set, action, summary } = work(fresh);
      const after = await trx.updateTable('factoryBatch').set({ ...set, updatedAt: d.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, ctx, { action, entityType: 'factory_batch', entityId: id, summary, before: Object.fromEntries(Object.keys(set).map((k) => [k, fresh[k as keyof BatchRow]])), after: Object.fromEntries(Object.keys(set).map((k) => [k, after[k as keyof typeof after]])) });
    });
    return get(ctx, id);
  }

  const instant = (at: string | undefined, path: string) => {
    if (!at) return d.now();
    const t = parseInstant(at, d.now());
    if (!t) throw invalid([{ path, message: zh('时间无效（需带时区，且不晚于当前时间）', 'invalid instant; give its offset') }]);
    return t;
  };

  return {
    list, get, create,

    async exportXlsx(ctx: Ctx, f: Omit<BatchFilter, 'limit' | 'offset'>) {
      const { items } = await list(ctx, { ...f, limit: 10_000, offset: 0 });
      return { buffer: await batchWorkbook(items), fileName: `批次-${d.now().toISOString().slice(0, 10)}.xlsx` };
    },

    /** A new phase begins (a planned batch starts with its first phase). Phases only move forward in time. */
    phase(ctx: Ctx, id: string, x: { name: string; at?: string }) {
      if (!phaseNameOk(x.name)) throw invalid([{ path: '/name', message: zh('阶段名称 1–40 字符', '1–40 characters') }]);
      const at = instant(x.at, '/at');
      return change(ctx, id, 'operator', (b) => {
        if (b.state !== 'running' && b.state !== 'planned') throw conflict(`批次 ${b.code} 已结束`, `Batch ${b.code} has ended`);
        const phases = phasesOf(b);
        const last = phases[phases.length - 1];
        if (last && Date.parse(last.startedAt) > at.getTime()) throw invalid([{ path: '/at', message: zh(`不能早于当前阶段开始时间 ${last.startedAt}`, `before the current phase began (${last.startedAt})`) }]);
        if (last?.name === x.name.trim()) throw conflict(`批次 ${b.code} 已处于阶段 ${last.name}`, `Batch ${b.code} is already in phase ${last.name}`, [{ path: '/name', message: zh('已是当前阶段', 'already the current phase') }]);
        const next = [...phases, { name: x.name.trim(), startedAt: at.toISOString() }];
        return {
          set: { phases: phasesValue(next), ...(b.state === 'planned' ? { state: 'running', startedAt: at } : {}) },
          action: 'factory.batch.phase', summary: `批次 ${b.code} 进入阶段 ${x.name.trim()}（Batch ${b.code} entered phase ${x.name.trim()}）`,
        };
      });
    },

    /** The batch ends: completed, or aborted. Readings after the end are refused as outside the batch. */
    end(ctx: Ctx, id: string, x: { state: 'completed' | 'aborted'; at?: string }) {
      const at = instant(x.at, '/at');
      return change(ctx, id, 'operator', (b) => {
        if (b.state === 'completed' || b.state === 'aborted') throw conflict(`批次 ${b.code} 已结束`, `Batch ${b.code} has already ended`);
        if (b.state === 'planned' && x.state === 'completed') throw conflict(`批次 ${b.code} 尚未开始，只能中止`, `Batch ${b.code} never started; it can only be aborted`, [{ path: '/state', message: zh('未开始的批次只能中止', 'only aborted') }]);
        if (b.startedAt && at < b.startedAt) throw invalid([{ path: '/at', message: zh('结束时间早于开始时间', 'before the batch started') }]);
        return { set: { state: x.state, endedAt: at }, action: `factory.batch.${x.state === 'completed' ? 'complete' : 'abort'}`, summary: `批次 ${b.code} ${x.state === 'completed' ? '完成' : '中止'}（Batch ${b.code} ${x.state}）` };
      });
    },

    /** Someone judges an ended batch good or bad (bad says why); a later judgement replaces it, audited. */
    outcome(ctx: Ctx, id: string, x: { outcome: Outcome; noteZh?: string | null }) {
      const note = x.noteZh?.trim() || null;
      if (x.outcome === 'bad' && !note) throw invalid([{ path: '/noteZh', message: zh('不合格须说明原因', 'say why the batch is bad') }]);
      return change(ctx, id, 'judge', (b) => {
        if (b.state === 'running' || b.state === 'planned') throw conflict(`批次 ${b.code} 尚未结束，不能判定结论`, `Batch ${b.code} has not ended; it has no outcome yet`);
        return { set: { outcome: x.outcome, outcomeNoteZh: note }, action: 'factory.batch.outcome', summary: `批次 ${b.code} 判定为${x.outcome === 'good' ? '合格' : '不合格'}（Batch ${b.code} judged ${x.outcome}）` };
      });
    },

    /**
     * A batch's series for charts: each variable's readings averaged into at most `points` time
     * buckets between `from` and `to` (default: the batch's first and last reading), with each
     * bucket's min and max so that a spike is not averaged away.
     */
    async series(ctx: Ctx, id: string, x: { variables?: string; from?: string; to?: string; points?: number }) {
      const b = await loadBatch(db, factoryViewerOf(ctx), id);
      const wanted = x.variables?.split(',').map((s) => s.trim()).filter(Boolean);
      let spanQ = db.selectFrom('sensorReading').where('batchId', '=', id);
      if (wanted?.length) spanQ = spanQ.where('variable', 'in', wanted);
      const span = await spanQ.select([sql<Date | null>`min(at)`.as('first'), sql<Date | null>`max(at)`.as('last')]).executeTakeFirstOrThrow();
      const from = x.from ? instant(x.from, '/from') : span.first;
      const to = x.to ? instant(x.to, '/to') : span.last;
      if (!from || !to || to < from) return { batchId: b.id, from, to, bucketMs: 0, variables: [] };
      const points = Math.min(Math.max(x.points ?? 400, 10), 5000);
      const bucketMs = Math.max(1000, Math.ceil((to.getTime() - from.getTime() + 1) / points));
      let q = db.selectFrom('sensorReading').where('batchId', '=', id).where('at', '>=', from).where('at', '<=', to);
      if (wanted?.length) q = q.where('variable', 'in', wanted);
      const rows = await q.select([
        'variable',
        sql<number>`floor(extract(epoch from at - ${from}::timestamptz) * 1000 / ${bucketMs})`.as('bucket'),
        sql<number>`avg(extract(epoch from at)) * 1000`.as('t'),
        sql<number>`avg(value)`.as('v'), sql<number>`min(value)`.as('min'), sql<number>`max(value)`.as('max'), sql<string>`count(*)`.as('n'),
      ]).groupBy(['variable', 'bucket']).orderBy('variable').orderBy('bucket').execute();
      const byVar = new Map<string, [number, number, number, number][]>();
      for (const r of rows) {
        if (!byVar.has(r.variable)) byVar.set(r.variable, []);
        byVar.get(r.variable)!.push([Math.round(Number(r.t)), Number(r.v), Number(r.min), Number(r.max)]);
      }
      return { batchId: b.id, from, to, bucketMs, variables: [...byVar].map(([v, pts]) => ({ ...describeVariable(v), points: pts })) };
    },
  };
}
