import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { retireActive } from './retire.js';
import { todayIn } from '../../platform/dates.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { FactoryDeps } from './index.js';
import { nextCode } from '../../platform/db/codes.js';
import { batchRows, loadBatch, phasesOf, requireJudgeOf, visibleTo } from './batches.store.js';
import { compareToBand, computeBands, seriesOf } from './golden.compute.js';
import { phaseLabel } from './model/process-batches.js';
import { describeVariable } from './model/process-variables.js';
import { factoryViewerOf, type FactoryViewer } from './viewer.js';

/**
 * Golden batches (黄金批次): the mean trajectory of good batches of one recipe, aligned phase by
 * phase, with a band of mean ± k·σ (k = 3 unless chosen). A profile is kept as computed (grid,
 * bands, the batches it came from); one is active per organisation × recipe × equipment, and a
 * new one retires the one it replaces. A batch is compared with its recipe's active profile.
 */
export interface GoldenInput { batchIds: string[]; k?: number; stepMinutes?: number; equipment?: string | null; nameZh?: string | null; noteZh?: string | null }

export const MIN_GOLDEN_BATCHES = 3;
export const DEFAULT_K = 3;
const zh = (z: string, e: string) => `${z}（${e}）`;
const NO_ORG = '00000000-0000-0000-0000-000000000000';

export function goldenService(database: Database, d: FactoryDeps) {
  const { db } = database;

  /** The chosen batches, checked: seen by the caller, ended good, one recipe, one organisation. */
  async function chosen(ctx: Ctx, v: FactoryViewer, x: GoldenInput) {
    const ids = [...new Set(x.batchIds)];
    if (ids.length < MIN_GOLDEN_BATCHES) throw invalid([{ path: '/batchIds', message: zh(`至少选择 ${MIN_GOLDEN_BATCHES} 个合格批次`, `choose at least ${MIN_GOLDEN_BATCHES} good batches`) }]);
    if (x.k !== undefined && !(x.k > 0 && x.k <= 6)) throw invalid([{ path: '/k', message: zh('k 应在 0 与 6 之间', 'k between 0 and 6') }]);
    const rows = await visibleTo(batchRows(db), v).where('b.id', 'in', ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id))).execute();
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw invalid([{ path: '/batchIds', message: zh(`批次不存在：${missing.join(', ')}`, 'no such batch') }]);
    const notGood = rows.filter((r) => r.outcome !== 'good' || r.state !== 'completed');
    if (notGood.length) throw invalid([{ path: '/batchIds', message: zh(`只能选择已完成且判定合格的批次：${notGood.map((r) => r.code).join(', ')}`, 'only completed batches judged good') }]);
    const recipes = new Set(rows.map((r) => r.recipe));
    if (recipes.size > 1) throw invalid([{ path: '/batchIds', message: zh(`批次须为同一工艺配方（现为 ${[...recipes].join('、')}）`, 'the batches must share one recipe') }]);
    const orgs = new Set(rows.map((r) => r.organisationId));
    if (orgs.size > 1) throw invalid([{ path: '/batchIds', message: zh('批次须属于同一单位', 'the batches must belong to one organisation') }]);
    const equipment = x.equipment?.trim() || null;
    if (equipment && rows.some((r) => r.equipment !== equipment)) throw invalid([{ path: '/equipment', message: zh('指定设备时，所选批次须都在该设备上运行', 'every batch must have run on that equipment') }]);
    requireJudgeOf(ctx, v, rows[0].organisationId);
    return { rows, recipe: rows[0].recipe, organisationId: rows[0].organisationId, equipment };
  }

  async function compute(ctx: Ctx, x: GoldenInput) {
    const v = factoryViewerOf(ctx);
    const c = await chosen(ctx, v, x);
    const series = await seriesOf(db, c.rows.map((r) => r.id));
    const stepMs = x.stepMinutes ? Math.round(x.stepMinutes * 60_000) : undefined;
    if (stepMs !== undefined && !(stepMs >= 60_000 && stepMs <= 24 * 3600_000)) throw invalid([{ path: '/stepMinutes', message: zh('步长 1 分钟至 24 小时', 'between 1 minute and 24 hours') }]);
    const computed = computeBands(c.rows.map((r) => ({ ...r, phases: phasesOf(r) })), series, { k: x.k ?? DEFAULT_K, stepMs });
    if (!Object.keys(computed.bands).length) throw invalid([{ path: '/batchIds', message: zh('所选批次没有可对齐的共同数据', 'the batches share no data to align') }]);
    return { ...c, ...computed, k: x.k ?? DEFAULT_K };
  }

  const present = (p: Awaited<ReturnType<typeof loadProfile>>) => ({
    ...p,
    grid: p.grid.map((g) => ({ ...g, ...phaseLabel(g.name) })),
    variables: Object.keys(p.bands).map(describeVariable),
  });

  async function loadProfile(ctx: Ctx, id: string) {
    const v = factoryViewerOf(ctx);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('黄金批次不存在', 'Golden profile not found');
    let q = db.selectFrom('goldenProfile').selectAll().where('id', '=', id);
    if (!v.overseer) q = q.where('organisationId', '=', v.organisationId ?? NO_ORG);
    const p = await q.executeTakeFirst();
    if (!p) throw notFound('黄金批次不存在', 'Golden profile not found');
    return p;
  }

  const summary = (p: { grid: { name: string; offsets: number[] }[]; bands: Record<string, unknown>; batchIds: string[] }) => ({
    phases: p.grid.map((g) => ({ name: g.name, ...phaseLabel(g.name), points: g.offsets.length, hours: Math.round(((g.offsets[g.offsets.length - 1] ?? 0) / 3600_000) * 10) / 10 })),
    variableCount: Object.keys(p.bands).length, batchCount: p.batchIds.length,
  });

  async function get(ctx: Ctx, id: string) {
    const p = await loadProfile(ctx, id);
    const batches = await db.selectFrom('factoryBatch').select(['id', 'code', 'externalId', 'equipment', 'startedAt', 'endedAt']).where('id', 'in', p.batchIds).orderBy('startedAt').execute();
    return { ...present(p), ...summary(p), batches };
  }

  return {
    async list(ctx: Ctx, f: { recipe?: string; status?: 'active' | 'retired' }) {
      const v = factoryViewerOf(ctx);
      let q = db.selectFrom('goldenProfile as g').innerJoin('organisation as o', 'o.id', 'g.organisationId')
        .select(['g.id', 'g.code', 'g.nameZh', 'g.recipe', 'g.equipment', 'g.organisationId', 'o.nameZh as organisationNameZh', 'g.batchIds', 'g.grid', 'g.bands', 'g.k', 'g.stepMs', 'g.status', 'g.createdAt', 'g.retiredAt']);
      if (!v.overseer) q = q.where('g.organisationId', '=', v.organisationId ?? NO_ORG);
      if (f.recipe) q = q.where('g.recipe', '=', f.recipe);
      if (f.status) q = q.where('g.status', '=', f.status);
      const rows = await q.orderBy('g.status').orderBy('g.createdAt', 'desc').execute();
      return { total: rows.length, items: rows.map(({ grid, bands, ...r }) => ({ ...r, ...summary({ grid, bands, batchIds: r.batchIds }) })) };
    },

    get,

    /** The band the chosen batches would make, not kept: the page shows it before saving. */
    async preview(ctx: Ctx, x: GoldenInput) {
      const c = await compute(ctx, x);
      return {
        recipe: c.recipe, equipment: c.equipment, k: c.k, stepMs: c.stepMs, batchIds: c.rows.map((r) => r.id),
        grid: c.grid.map((g) => ({ ...g, ...phaseLabel(g.name) })), bands: c.bands, variables: Object.keys(c.bands).map(describeVariable),
      };
    },

    async create(ctx: Ctx, x: GoldenInput) {
      const c = await compute(ctx, x);
      const now = d.now();
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'golden_profile', `GLD-${todayIn(now).slice(0, 4)}-`);
        // The profile it replaces: the same organisation, recipe and equipment.
        const replaced = await trx.updateTable('goldenProfile').set({ status: 'retired', retiredAt: now })
          .where('organisationId', '=', c.organisationId).where('recipe', '=', c.recipe).where(sql<boolean>`coalesce(equipment, '') = ${c.equipment ?? ''}`).where('status', '=', 'active')
          .returning(['id', 'code']).execute();
        for (const r of replaced) await audit(trx, ctx, { action: 'factory.golden.retire', entityType: 'golden_profile', entityId: r.id, summary: `黄金批次 ${r.code} 被 ${code} 取代（Golden profile ${r.code} replaced by ${code}）`, before: { status: 'active' }, after: { status: 'retired' } });
        const p = await trx.insertInto('goldenProfile').values({
          code, organisationId: c.organisationId, recipe: c.recipe, equipment: c.equipment, nameZh: x.nameZh?.trim() || `${c.recipe}${c.equipment ? ` · ${c.equipment}` : ''} 黄金批次`,
          batchIds: c.rows.map((r) => r.id), grid: JSON.stringify(c.grid), bands: JSON.stringify(c.bands), k: c.k, stepMs: c.stepMs,
          noteZh: x.noteZh?.trim() || null, createdBy: ctx.principal?.userId ?? null, createdAt: now,
        }).returning(['id', 'code', 'recipe', 'equipment', 'batchIds', 'k', 'stepMs']).executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'factory.golden.create', entityType: 'golden_profile', entityId: p.id, summary: `建立黄金批次 ${code}（${c.recipe}，${c.rows.length} 个批次）(Golden profile ${code} from ${c.rows.length} batches)`, after: p });
        return p.id;
      });
      return get(ctx, id);
    },

    async retire(ctx: Ctx, id: string) {
      const v = factoryViewerOf(ctx);
      const p = await loadProfile(ctx, id);
      requireJudgeOf(ctx, v, p.organisationId);
      await retireActive(db, ctx, { table: 'goldenProfile', entityType: 'golden_profile', action: 'factory.golden.retire', noun: { zh: '黄金批次', en: 'Golden profile' }, set: { retiredAt: d.now() } }, id, p.code);
      return get(ctx, id);
    },

    /**
     * A batch against a golden profile (the one named, else its recipe's active profile of its
     * organisation, on its equipment if there is one, else for any equipment): each variable's
     * band and the batch's values on the grid, those outside marked. No profile: `profile: null`.
     */
    async compare(ctx: Ctx, batchId: string, x: { profileId?: string }) {
      const b = await loadBatch(db, factoryViewerOf(ctx), batchId);
      const p = x.profileId ? await loadProfile(ctx, x.profileId) : await db.selectFrom('goldenProfile').selectAll()
        .where('organisationId', '=', b.organisationId).where('recipe', '=', b.recipe).where('status', '=', 'active')
        .where((eb) => eb.or([eb('equipment', '=', b.equipment), eb('equipment', 'is', null)]))
        .orderBy(sql`equipment is null`).limit(1).executeTakeFirst();
      if (!p) return { batchId, profile: null, variables: [], at: [], phase: [] };
      const series = (await seriesOf(db, [b.id])).get(b.id)!;
      const c = compareToBand({ ...b, phases: phasesOf(b) }, series, p.grid, p.bands, d.now());
      return {
        batchId, profile: { id: p.id, code: p.code, nameZh: p.nameZh, recipe: p.recipe, equipment: p.equipment, k: p.k, status: p.status },
        at: c.at, phase: c.phase,
        variables: c.variables.map((x) => ({ ...describeVariable(x.variable), ...x })),
        outsideTotal: c.variables.reduce((n, x) => n + x.outsideCount, 0),
      };
    },
  };
}
