import { sql } from 'kysely';
import { alignBatch, fitMonitorModel, gridFor, type Grid } from '@cq-biomfg/monitor';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { retireActive } from './retire.js';
import { todayIn } from '../../platform/dates.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { nextCode } from '../../platform/db/codes.js';
import type { FactoryDeps } from './index.js';
import { batchRows, requireJudgeOf, visibleTo } from './batches.store.js';
import { phaseStarts, seriesOf } from './golden.compute.js';
import type { BatchPhase } from './schema.js';
import { phaseLabel } from './model/process-batches.js';
import { describeVariable } from './model/process-variables.js';
import { modelInputProblems, type ModelInput } from './model/monitoring-input.js';
import { MODEL_STATUSES } from './model/monitoring-labels.js';
import { paramsOf } from './monitor.stored.js';
import { factoryViewerOf, type FactoryViewer } from './viewer.js';

/**
 * Monitoring models (监控模型): a PCA model of good batches of one recipe (packages/monitor),
 * kept with its limits and the batches it came from. One is active per organisation × recipe; a
 * new one retires the one it replaces, and the recipe's running batches are scored against it
 * at once.
 */
const zh = (z: string, e: string) => `${z}（${e}）`;
const NO_ORG = '00000000-0000-0000-0000-000000000000';
const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
/** A model's phases as its page shows them: name, points on the grid, hours covered. */
const phasesOf = (grid: Grid) => grid.map((g) => ({ name: g.name, ...phaseLabel(g.name), points: g.offsets.length, hours: Math.round(((g.offsets[g.offsets.length - 1] ?? 0) / 3600_000) * 10) / 10 }));
const cumulativeOf = (explained: number[]) => explained.map((_, i) => explained.slice(0, i + 1).reduce((a, b) => a + b, 0));

export function monitorModelsService(database: Database, d: FactoryDeps, scoreRunning: (organisationId: string, recipe: string) => Promise<unknown>) {
  const { db } = database;

  /** The chosen batches, checked: seen by the caller, completed and judged good, one recipe, one organisation. */
  async function chosen(ctx: Ctx, v: FactoryViewer, x: ModelInput) {
    const problems = modelInputProblems(x);
    if (problems.length) throw invalid(problems);
    const ids = [...new Set(x.batchIds)];
    const rows = await visibleTo(batchRows(db), v).where('b.id', 'in', ids.filter(isUuid)).execute();
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw invalid([{ path: '/batchIds', message: zh(`批次不存在：${missing.join(', ')}`, 'no such batch') }]);
    const notGood = rows.filter((r) => r.outcome !== 'good' || r.state !== 'completed');
    if (notGood.length) throw invalid([{ path: '/batchIds', message: zh(`只能选择已完成且判定合格的批次：${notGood.map((r) => r.code).join(', ')}`, 'only completed batches judged good') }]);
    const recipes = new Set(rows.map((r) => r.recipe));
    if (recipes.size > 1) throw invalid([{ path: '/batchIds', message: zh(`批次须为同一工艺配方（现为 ${[...recipes].join('、')}）`, 'the batches must share one recipe') }]);
    if (new Set(rows.map((r) => r.organisationId)).size > 1) throw invalid([{ path: '/batchIds', message: zh('批次须属于同一单位', 'the batches must belong to one organisation') }]);
    requireJudgeOf(ctx, v, rows[0].organisationId);
    return { rows, recipe: rows[0].recipe, organisationId: rows[0].organisationId };
  }

  /** Aligns the chosen batches and fits the model; variables every batch reports and that vary at all. */
  async function fit(ctx: Ctx, x: ModelInput) {
    const v = factoryViewerOf(ctx);
    const c = await chosen(ctx, v, x);
    const series = await seriesOf(db, c.rows.map((r) => r.id));
    const shaped = c.rows.map((b) => {
      const s = series.get(b.id) ?? {};
      const last = Math.max(0, ...Object.values(s).flatMap((xs) => (xs.length ? [xs[xs.length - 1][0]] : [])));
      return { phases: phaseStarts(b.phases as unknown as BatchPhase[]), s, end: b.endedAt?.getTime() ?? last };
    });
    const shared = Object.keys(shaped[0].s).filter((name) => shaped.every((b) => (b.s[name]?.length ?? 0) > 1)).sort();
    // A variable that never moved (a fixed set point) carries nothing for the model.
    const variables = shared.filter((name) => {
      const first = shaped[0].s[name][0][1];
      return shaped.some((b) => b.s[name].some((p) => p[1] !== first));
    });
    if (variables.length < 2) throw invalid([{ path: '/batchIds', message: zh('所选批次共有且有变化的变量少于 2 个，无法建立多变量模型', 'the batches share fewer than two varying variables') }]);
    const grid = gridFor(shaped, { step: x.stepMinutes ? Math.round(x.stepMinutes * 60_000) : undefined });
    const aligned = shaped.map((b) => alignBatch(b.phases, b.s, grid, { end: b.end, variables }));
    try {
      const model = fitMonitorModel(aligned, grid, { components: x.components, confidence: x.confidence, rule: x.consecutive ? { consecutive: x.consecutive } : undefined });
      if (model.pca.components >= variables.length) throw new RangeError('no residual space');
      return { ...c, model };
    } catch (e) {
      if (e instanceof RangeError) throw invalid([{ path: x.components !== undefined ? '/components' : '/batchIds', message: zh(`无法建立模型：所选批次的数据不足或主成分数过多`, `cannot fit: too little aligned data or too many components (${e.message})`) }]);
      throw e;
    }
  }

  const describe = (m: ReturnType<typeof fitMonitorModel>) => ({
    variables: m.variables.map(describeVariable),
    components: m.pca.components,
    eigenvalues: m.pca.eigenvalues,
    explained: m.explained,
    cumulative: cumulativeOf(m.explained),
    loadings: m.pca.loadings,
    observations: m.pca.observations,
    limits: m.limits,
    rule: m.rule,
    trainingExceedance: m.trainingExceedance,
    phases: phasesOf(m.grid),
  });

  async function load(ctx: Ctx, id: string) {
    const v = factoryViewerOf(ctx);
    if (!isUuid(id)) throw notFound('监控模型不存在', 'Monitoring model not found');
    let q = db.selectFrom('monitorModel').selectAll().where('id', '=', id);
    if (!v.overseer) q = q.where('organisationId', '=', v.organisationId ?? NO_ORG);
    const m = await q.executeTakeFirst();
    if (!m) throw notFound('监控模型不存在', 'Monitoring model not found');
    return m;
  }

  async function get(ctx: Ctx, id: string) {
    const m = await load(ctx, id);
    const { params, ...row } = m;
    const batches = await db.selectFrom('factoryBatch').select(['id', 'code', 'externalId', 'equipment', 'startedAt', 'endedAt']).where('id', 'in', m.batchIds).orderBy('startedAt').execute();
    const scored = await db.selectFrom('monitorScore').where('modelId', '=', id).select(sql<number>`count(distinct batch_id)::int`.as('n')).executeTakeFirst();
    const openAlarms = await db.selectFrom('monitorAlarm').where('modelId', '=', id).where('state', '=', 'open').select(sql<number>`count(*)::int`.as('n')).executeTakeFirst();
    return {
      ...row, statusZh: MODEL_STATUSES[m.status].zh, statusEn: MODEL_STATUSES[m.status].en,
      variables: m.variables.map(describeVariable),
      eigenvalues: params.eigenvalues, explained: params.explained,
      cumulative: cumulativeOf(params.explained),
      loadings: params.loadings, observations: params.observations, speMethod: params.speMethod, trainingExceedance: params.trainingExceedance,
      phases: phasesOf(params.grid),
      batches, scoredBatches: scored?.n ?? 0, openAlarms: openAlarms?.n ?? 0,
    };
  }

  return {
    async list(ctx: Ctx, f: { recipe?: string; status?: 'active' | 'retired' }) {
      const v = factoryViewerOf(ctx);
      let q = db.selectFrom('monitorModel as m').innerJoin('organisation as o', 'o.id', 'm.organisationId')
        .select(['m.id', 'm.code', 'm.nameZh', 'm.recipe', 'm.organisationId', 'o.nameZh as organisationNameZh', 'm.batchIds', 'm.variables', 'm.components',
          'm.confidence', 'm.t2Limit', 'm.speLimit', 'm.consecutive', 'm.status', 'm.createdAt', 'm.retiredAt', sql<number[]>`params->'explained'`.as('explained')]);
      if (!v.overseer) q = q.where('m.organisationId', '=', v.organisationId ?? NO_ORG);
      if (f.recipe) q = q.where('m.recipe', '=', f.recipe);
      if (f.status) q = q.where('m.status', '=', f.status);
      const rows = await q.orderBy('m.status').orderBy('m.createdAt', 'desc').execute();
      return {
        total: rows.length,
        items: rows.map(({ explained, ...r }) => ({
          ...r, batchCount: r.batchIds.length, statusZh: MODEL_STATUSES[r.status].zh, statusEn: MODEL_STATUSES[r.status].en,
          explainedByModel: explained.slice(0, r.components).reduce((a, b) => a + b, 0),
        })),
      };
    },

    get,

    /** The model the chosen batches would make, not kept: the page shows components and limits before saving. */
    async preview(ctx: Ctx, x: ModelInput) {
      const f = await fit(ctx, x);
      return { recipe: f.recipe, batchIds: f.rows.map((r) => r.id), ...describe(f.model) };
    },

    /** `isDemo` marks the demonstration's model (not settable over HTTP). */
    async create(ctx: Ctx, x: ModelInput, options: { isDemo?: boolean } = {}) {
      const f = await fit(ctx, x);
      const m = f.model;
      const now = d.now();
      const id = await db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, 'monitor_model', `MDL-${todayIn(now).slice(0, 4)}-`);
        const replaced = await trx.updateTable('monitorModel').set({ status: 'retired', retiredAt: now, retiredBy: ctx.principal?.userId ?? null })
          .where('organisationId', '=', f.organisationId).where('recipe', '=', f.recipe).where('status', '=', 'active').returning(['id', 'code']).execute();
        for (const r of replaced) await audit(trx, ctx, { action: 'factory.model.retire', entityType: 'monitor_model', entityId: r.id, summary: `监控模型 ${r.code} 被 ${code} 取代（Monitoring model ${r.code} replaced by ${code}）`, before: { status: 'active' }, after: { status: 'retired' } });
        const row = await trx.insertInto('monitorModel').values({
          code, organisationId: f.organisationId, recipe: f.recipe, nameZh: x.nameZh?.trim() || `${f.recipe} 监控模型`,
          batchIds: f.rows.map((r) => r.id), variables: m.variables, components: m.pca.components, confidence: m.limits.confidence,
          t2Limit: m.limits.t2, speLimit: m.limits.spe, consecutive: m.rule.consecutive, params: JSON.stringify(paramsOf(m)),
          noteZh: x.noteZh?.trim() || null, createdBy: ctx.principal?.userId ?? null, createdAt: now, isDemo: options.isDemo ?? false,
        }).returning(['id', 'code', 'recipe', 'batchIds', 'variables', 'components', 'confidence', 't2Limit', 'speLimit', 'consecutive']).executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'factory.model.create', entityType: 'monitor_model', entityId: row.id, summary: `建立监控模型 ${code}（${f.recipe}，${f.rows.length} 个合格批次，${m.pca.components} 个主成分）(Monitoring model ${code} from ${f.rows.length} good batches, ${m.pca.components} components)`, after: row });
        return row.id;
      });
      await scoreRunning(f.organisationId, f.recipe);
      return get(ctx, id);
    },

    async retire(ctx: Ctx, id: string) {
      const v = factoryViewerOf(ctx);
      const m = await load(ctx, id);
      requireJudgeOf(ctx, v, m.organisationId);
      await retireActive(db, ctx, { table: 'monitorModel', entityType: 'monitor_model', action: 'factory.model.retire', noun: { zh: '监控模型', en: 'Monitoring model' }, set: { retiredAt: d.now(), retiredBy: ctx.principal?.userId ?? null } }, id, m.code);
      return get(ctx, id);
    },
  };
}
