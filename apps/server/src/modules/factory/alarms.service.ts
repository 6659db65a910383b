import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { containsPattern } from '../../platform/db/like.js';
import type { FactoryDeps } from './index.js';
import { loadBatch, requireOperatorOf } from './batches.store.js';
import { describeVariable } from './model/process-variables.js';
import { ALARM_STATES, STATISTICS, type StatisticCode } from './model/monitoring-labels.js';
import { noteProblems } from './model/monitoring-input.js';
import { alarmWorkbook } from './alarms.excel.js';
import type { AlarmState } from './schema.monitoring.js';
import { factoryViewerOf, type FactoryViewer } from './viewer.js';

/**
 * Alarms (报警) and the scores behind them. Visibility as for batches: an organisation sees its
 * factories' alarms, overseers all. The factory's own operators acknowledge (with a note) and
 * close an alarm; anyone who sees it may add a note while it is not closed.
 */
export interface AlarmFilter { state?: AlarmState; factoryId?: string; statistic?: StatisticCode; batchId?: string; q?: string; limit: number; offset: number }

const NO_ORG = '00000000-0000-0000-0000-000000000000';
const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);
const notFoundAlarm = () => notFound('报警不存在', 'Alarm not found');

export function alarmsService(database: Database, d: FactoryDeps) {
  const { db } = database;

  const rows = (v: FactoryViewer) => {
    let q = db.selectFrom('monitorAlarm as a')
      .innerJoin('factoryBatch as b', 'b.id', 'a.batchId')
      .innerJoin('factory as f', 'f.id', 'a.factoryId')
      .innerJoin('monitorModel as m', 'm.id', 'a.modelId')
      .leftJoin('appUser as u', 'u.id', 'a.acknowledgedBy')
      .selectAll('a')
      .select(['b.code as batchCode', 'b.externalId as batchExternalId', 'b.recipe', 'b.state as batchState', 'f.code as factoryCode', 'f.nameZh as factoryNameZh',
        'm.code as modelCode', 'u.displayName as acknowledgedByName',
        sql<string | null>`(select n.note_zh from monitor_alarm_note n where n.alarm_id = a.id and n.kind = 'acknowledge' order by n.created_at limit 1)`.as('ackNoteZh')]);
    if (!v.overseer) q = q.where('a.organisationId', '=', v.organisationId ?? NO_ORG);
    return q;
  };

  const present = <R extends { statistic: StatisticCode; state: AlarmState; contributions: { variable: string; value: number; share: number }[] }>(r: R) => ({
    ...r,
    statisticZh: STATISTICS[r.statistic].zh, statisticEn: STATISTICS[r.statistic].en,
    stateZh: ALARM_STATES[r.state].zh, stateEn: ALARM_STATES[r.state].en,
    contributions: r.contributions.map((c) => ({ ...c, ...describeVariable(c.variable) })),
  });

  function filtered(ctx: Ctx, f: Omit<AlarmFilter, 'limit' | 'offset'>) {
    let q = rows(factoryViewerOf(ctx));
    if (f.state) q = q.where('a.state', '=', f.state);
    if (f.factoryId) q = q.where('a.factoryId', '=', f.factoryId);
    if (f.statistic) q = q.where('a.statistic', '=', f.statistic);
    if (f.batchId) q = q.where('a.batchId', '=', f.batchId);
    if (f.q?.trim()) {
      const like = containsPattern(f.q.trim());
      q = q.where((eb) => eb.or([eb('a.code', 'ilike', like), eb('b.code', 'ilike', like), eb('b.externalId', 'ilike', like), eb('b.recipe', 'ilike', like)]));
    }
    return q;
  }

  async function load(ctx: Ctx, id: string) {
    if (!isUuid(id)) throw notFoundAlarm();
    const a = await rows(factoryViewerOf(ctx)).where('a.id', '=', id).executeTakeFirst();
    if (!a) throw notFoundAlarm();
    return a;
  }

  async function get(ctx: Ctx, id: string) {
    const a = await load(ctx, id);
    const notes = await db.selectFrom('monitorAlarmNote as n').leftJoin('appUser as u', 'u.id', 'n.authorId')
      .select(['n.id', 'n.kind', 'n.noteZh', 'n.createdAt', 'u.displayName as authorName']).where('n.alarmId', '=', id).orderBy('n.createdAt').execute();
    return { ...present(a), notes };
  }

  /** Moves an alarm from one of `from` to `to` with a note, in one transaction; 409 if it has moved on. */
  async function move(ctx: Ctx, id: string, x: { noteZh?: string | null }, kind: 'acknowledge' | 'close', from: AlarmState[], to: AlarmState, required: boolean) {
    const problems = noteProblems(x.noteZh, '/noteZh', required);
    if (problems.length) throw invalid(problems);
    const a = await load(ctx, id);
    requireOperatorOf(ctx, a.organisationId);
    const now = d.now();
    const who = ctx.principal?.userId ?? null;
    await db.transaction().execute(async (trx) => {
      const set = to === 'acknowledged' ? { state: to, acknowledgedBy: who, acknowledgedAt: now } : { state: to, closedBy: who, closedAt: now };
      const r = await trx.updateTable('monitorAlarm').set(set).where('id', '=', id).where('state', 'in', from).returning('id').executeTakeFirst();
      if (!r) throw conflict(`报警 ${a.code} 当前为“${ALARM_STATES[a.state].zh}”，不能${kind === 'acknowledge' ? '确认' : '关闭'}`, `Alarm ${a.code} is ${a.state}`, [{ path: '/state', message: `当前状态 ${ALARM_STATES[a.state].zh}（${a.state}）` }]);
      const note = x.noteZh?.trim();
      if (note) await trx.insertInto('monitorAlarmNote').values({ alarmId: id, kind, noteZh: note, authorId: who, createdAt: now }).execute();
      await audit(trx, ctx, {
        action: `factory.alarm.${kind}`, entityType: 'monitor_alarm', entityId: id,
        summary: `${kind === 'acknowledge' ? '确认' : '关闭'}报警 ${a.code}（${kind === 'acknowledge' ? 'Acknowledged' : 'Closed'} alarm ${a.code}）${note ? `：${note}` : ''}`,
        before: { state: a.state }, after: { state: to, noteZh: note ?? null },
      });
    });
    return get(ctx, id);
  }

  return {
    async list(ctx: Ctx, f: AlarmFilter) {
      const list = await filtered(ctx, f).select(sql<number>`count(*) over ()`.as('total'))
        .orderBy(sql`case a.state when 'open' then 0 when 'acknowledged' then 1 else 2 end`).orderBy('a.createdAt', 'desc').orderBy('a.code', 'desc')
        .limit(f.limit).offset(f.offset).execute();
      const counts = await filtered(ctx, { ...f, state: undefined }).clearSelect().select(['a.state', sql<number>`count(*)::int`.as('n')]).groupBy('a.state').execute();
      return {
        total: Number(list[0]?.total ?? 0),
        byState: Object.fromEntries(Object.keys(ALARM_STATES).map((s) => [s, counts.find((c) => c.state === s)?.n ?? 0])),
        items: list.map(({ total: _t, ...r }) => present(r)),
      };
    },

    get,

    acknowledge: (ctx: Ctx, id: string, x: { noteZh?: string | null }) => move(ctx, id, x, 'acknowledge', ['open'], 'acknowledged', true),
    close: (ctx: Ctx, id: string, x: { noteZh?: string | null }) => move(ctx, id, x, 'close', ['open', 'acknowledged'], 'closed', false),

    async addNote(ctx: Ctx, id: string, x: { noteZh?: string | null }) {
      const problems = noteProblems(x.noteZh);
      if (problems.length) throw invalid(problems);
      const a = await load(ctx, id);
      if (a.state === 'closed') throw conflict(`报警 ${a.code} 已关闭`, `Alarm ${a.code} is closed`);
      await db.transaction().execute(async (trx) => {
        const n = await trx.insertInto('monitorAlarmNote').values({ alarmId: id, kind: 'note', noteZh: x.noteZh!.trim(), authorId: ctx.principal?.userId ?? null, createdAt: d.now() }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'factory.alarm.note', entityType: 'monitor_alarm', entityId: id, summary: `报警 ${a.code} 添加说明（Note on alarm ${a.code}）`, after: { noteId: n.id, noteZh: x.noteZh!.trim() } });
      });
      return get(ctx, id);
    },

    async exportXlsx(ctx: Ctx, f: Omit<AlarmFilter, 'limit' | 'offset'>) {
      const list = await filtered(ctx, f).orderBy('a.createdAt', 'desc').limit(50_000).execute();
      return { buffer: await alarmWorkbook(list), fileName: `factory-alarms-${d.now().toISOString().slice(0, 10)}.xlsx` };
    },

    /**
     * A batch's scores against a model (by default the one it was last scored against, else its
     * recipe's active model): T² and SPE at each scored point with each variable's contribution,
     * the limits, and the batch's alarms.
     */
    async batchScores(ctx: Ctx, batchId: string, x: { modelId?: string }) {
      const v = factoryViewerOf(ctx);
      const b = await loadBatch(db, v, batchId);
      let modelId = x.modelId;
      if (modelId && !isUuid(modelId)) throw invalid([{ path: '/modelId', message: '模型编号无效（invalid model id）' }]);
      if (!modelId) {
        const last = await db.selectFrom('monitorScore').select('modelId').where('batchId', '=', batchId).orderBy('at', 'desc').limit(1).executeTakeFirst();
        modelId = last?.modelId;
      }
      let mq = db.selectFrom('monitorModel').select(['id', 'code', 'nameZh', 'recipe', 'variables', 'components', 'confidence', 't2Limit', 'speLimit', 'consecutive', 'status', 'organisationId']);
      mq = modelId ? mq.where('id', '=', modelId) : mq.where('organisationId', '=', b.organisationId).where('recipe', '=', b.recipe).where('status', '=', 'active');
      const model = await mq.executeTakeFirst();
      if (modelId && x.modelId && (!model || (!v.overseer && model.organisationId !== v.organisationId))) throw notFound('监控模型不存在', 'Monitoring model not found');
      const alarms = (await rows(v).where('a.batchId', '=', batchId).orderBy('a.at').execute()).map(present);
      if (!model) return { batchId, model: null, points: [], alarms };
      const points = await db.selectFrom('monitorScore').select(['point', 'at', 't2', 'spe', 't2Contributions', 'speContributions'])
        .where('batchId', '=', batchId).where('modelId', '=', model.id).orderBy('point').execute();
      return {
        batchId,
        model: { ...model, variables: model.variables.map(describeVariable) },
        points: points.map((p) => ({ point: p.point, at: p.at, t2: p.t2, spe: p.spe, t2c: p.t2Contributions, spec: p.speContributions })),
        alarms: alarms.filter((a) => a.modelId === model.id),
      };
    },
  };
}
