import { sql } from 'kysely';
import { alarmsOf, alignBatch, scoreAligned, topContributors, type MonitorModel, type PhaseStart, type PointScore, type Series } from '@cq-biomfg/monitor';
import type { Database } from '../../platform/db/database.js';
import { systemCtx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import { nextCode } from '../../platform/db/codes.js';
import type { FactoryDeps, ReadingsListener } from './index.js';
import { phaseStarts } from './golden.compute.js';
import type { BatchPhase } from './schema.js';
import { STATISTICS } from './model/monitoring-labels.js';
import { activeModel, modelOf } from './monitor.stored.js';

/**
 * Live scoring (实时评分): when readings of a running batch arrive, the grid points they complete
 * are scored against the active model of the batch's recipe, kept, and the alarm rule is run over
 * the batch's scores; an alarm is raised once per run above a limit, and the factory's
 * organisation is told. Scoring is the platform acting, so it is audited as the system.
 */
export interface ScoreOutcome { batchId: string; modelId: string | null; scored: number; alarms: string[] }

const CHUNK = 500;
const MAX_GAP_MS = 3600_000;

/** How far back from the newest scored point a late reading can still complete a point. */
const LATE_MS = 6 * 3600_000;

/**
 * The instant of the earliest grid point still to score: in a phase the batch has begun and not
 * yet left, where the model has a trajectory, with no score yet, and no more than LATE_MS before
 * the newest scored point (an older gap stays a gap); null if none is left.
 */
function firstUnscored(model: MonitorModel, phases: PhaseStart[], known: Set<number>, newest: number | null): number | null {
  let k = 0, first: number | null = null;
  for (const g of model.grid) {
    const i = phases.findIndex((p) => p.name === g.name);
    const start = i >= 0 ? phases[i].start : undefined;
    const until = i >= 0 && i + 1 < phases.length ? phases[i + 1].start : Infinity;
    for (const off of g.offsets) {
      const t = start === undefined ? NaN : start + off;
      const open = t < until && Number.isFinite(model.mean[k][0]) && !known.has(k) && (newest === null || t >= newest - LATE_MS);
      if (open && (first === null || t < first)) first = t;
      k++;
    }
  }
  return first;
}

export function monitorScoring(database: Database, d: FactoryDeps) {
  const { db } = database;

  async function seriesSince(batchId: string, variables: string[], since: number): Promise<Series> {
    const rows = await sql<{ variable: string; t: number; value: number }>`
      select variable, extract(epoch from at) * 1000 as t, value from sensor_reading
      where batch_id = ${batchId} and variable = any(${variables}::text[]) and at >= ${new Date(since)} order by variable, at`.execute(db);
    const out: Record<string, [number, number][]> = {};
    for (const r of rows.rows) (out[r.variable] ??= []).push([Number(r.t), Number(r.value)]);
    return out;
  }

  async function scoreBatch(batchId: string): Promise<ScoreOutcome> {
    const b = await db.selectFrom('factoryBatch as b').innerJoin('factory as f', 'f.id', 'b.factoryId')
      .select(['b.id', 'b.code', 'b.recipe', 'b.phases', 'b.state', 'b.factoryId', 'f.organisationId', 'f.code as factoryCode'])
      .where('b.id', '=', batchId).executeTakeFirst();
    const none = { batchId, modelId: null, scored: 0, alarms: [] };
    if (!b || b.state !== 'running') return none;
    const row = await activeModel(db, b.organisationId, b.recipe);
    if (!row) return none;
    const model = modelOf(row);
    const phases = phaseStarts(b.phases as unknown as BatchPhase[]);
    const stored = await db.selectFrom('monitorScore').select(['point', 'at', 't2', 'spe']).where('batchId', '=', batchId).where('modelId', '=', row.id).execute();
    const known = new Set(stored.map((s) => s.point));
    const newest = stored.length ? Math.max(...stored.map((s) => new Date(s.at).getTime())) : null;
    // Only the readings that can still complete a point are read: from an hour (align.ts's widest
    // interpolation gap) before the earliest grid instant not yet scored.
    const from = firstUnscored(model, phases, known, newest);
    if (from === null) return { ...none, modelId: row.id };
    const series = await seriesSince(batchId, model.variables, from - MAX_GAP_MS);
    const aligned = alignBatch(phases, series, model.grid, { variables: model.variables, maxGap: MAX_GAP_MS });
    const fresh = scoreAligned(model, aligned).filter((p) => !known.has(p.index));
    if (!fresh.length) return { ...none, modelId: row.id };
    // The rule runs over the whole batch so far: a run above the limit may have begun in an earlier delivery.
    const all: Pick<PointScore, 'index' | 't2' | 'spe'>[] = [...stored.map((s) => ({ index: s.point, t2: s.t2, spe: s.spe })), ...fresh].sort((x, y) => x.index - y.index);
    const freshByIndex = new Map(fresh.map((p) => [p.index, p]));
    const raised = alarmsOf(model, all).map((a) => ({ ...a, point: freshByIndex.get(all[a.at].index) })).filter((a) => a.point);
    const now = d.now();
    const ctx = systemCtx('factory-monitor');

    const alarms = await db.transaction().execute(async (trx) => {
      for (let i = 0; i < fresh.length; i += CHUNK) {
        await trx.insertInto('monitorScore').values(fresh.slice(i, i + CHUNK).map((p) => ({
          batchId, modelId: row.id, point: p.index, at: new Date(aligned.at[p.index]), t2: p.t2, spe: p.spe,
          t2Contributions: p.contributions.t2, speContributions: p.contributions.spe,
        }))).onConflict((oc) => oc.doNothing()).execute();
      }
      await audit(trx, ctx, {
        action: 'factory.monitor.score', entityType: 'factory_batch', entityId: batchId,
        summary: `批次 ${b.code} 按模型 ${row.code} 评分 ${fresh.length} 个点（Batch ${b.code}: ${fresh.length} points scored against ${row.code}）`,
        after: { modelId: row.id, points: fresh.length, from: fresh[0].index, to: fresh[fresh.length - 1].index },
      });
      const made: string[] = [];
      for (const a of raised) {
        const p = a.point!;
        const value = p[a.statistic];
        const limit = model.limits[a.statistic];
        const contributions = topContributors(model.variables, p.contributions[a.statistic], model.variables.length);
        const code = await nextCode(trx, 'monitor_alarm', `ALM-${todayIn(now).slice(0, 4)}-`);
        const alarm = await trx.insertInto('monitorAlarm').values({
          code, batchId, modelId: row.id, factoryId: b.factoryId, organisationId: b.organisationId, statistic: a.statistic, point: p.index,
          at: new Date(aligned.at[p.index]), value, limitValue: limit, contributions: JSON.stringify(contributions), createdAt: now,
        }).onConflict((oc) => oc.doNothing()).returning(['id', 'code']).executeTakeFirst();
        if (!alarm) continue;
        const top = contributions.slice(0, 3).map((c) => `${c.variable} ${Math.round(c.share * 100)}%`).join('、');
        const label = STATISTICS[a.statistic];
        await audit(trx, ctx, {
          action: 'factory.alarm.raise', entityType: 'monitor_alarm', entityId: alarm.id,
          summary: `批次 ${b.code} ${label.zh} 超限报警 ${alarm.code}：${value.toFixed(2)} > ${limit.toFixed(2)}，主要贡献 ${top}（Batch ${b.code}: ${label.en} above its limit）`,
          after: { code: alarm.code, batchId, statistic: a.statistic, value, limit, point: p.index, contributors: contributions.slice(0, 3) },
        });
        await notify(trx, {
          organisationId: b.organisationId, kind: 'factoryAlarm',
          titleZh: `批次 ${b.code} 过程监控报警：${label.zh} 超出控制限，主要贡献变量 ${top}`,
          titleEn: `Batch ${b.code}: ${label.en} above its control limit (${contributions.slice(0, 3).map((c) => c.variable).join(', ')})`,
          link: `/factory/batches/${batchId}`, dedupeKey: `factory-alarm:${alarm.id}`,
        });
        made.push(alarm.id);
      }
      return made;
    });
    return { batchId, modelId: row.id, scored: fresh.length, alarms };
  }

  // Readings come in bursts (an MQTT message each): a batch is scored by one run at a time, and
  // deliveries that arrive meanwhile share the one run queued behind it.
  const running = new Map<string, Promise<unknown>>();
  const queued = new Map<string, Promise<ScoreOutcome>>();
  function scoreSoon(batchId: string): Promise<ScoreOutcome> {
    const waiting = queued.get(batchId);
    if (waiting) return waiting;
    const before = running.get(batchId) ?? Promise.resolve();
    const next: Promise<ScoreOutcome> = before.catch(() => undefined).then(() => {
      queued.delete(batchId);
      running.set(batchId, next);
      return scoreBatch(batchId);
    }).finally(() => { if (running.get(batchId) === next) running.delete(batchId); });
    queued.set(batchId, next);
    return next;
  }

  const listener: ReadingsListener = async (batchIds) => {
    const results = await Promise.allSettled([...new Set(batchIds)].map(scoreSoon));
    for (const r of results) if (r.status === 'rejected') console.error('factory: scoring a batch failed', (r.reason as Error).message);
  };

  return {
    listener,
    /** Scores batches now (each once at a time), e.g. after a model is fitted or by the demo. */
    scoreBatches: (batchIds: string[]) => Promise.all([...new Set(batchIds)].map(scoreSoon)),
    /** The running batches of an organisation's recipe, scored against its (new) active model. */
    async scoreRunning(organisationId: string, recipe: string) {
      const ids = await db.selectFrom('factoryBatch as b').innerJoin('factory as f', 'f.id', 'b.factoryId').select('b.id')
        .where('f.organisationId', '=', organisationId).where('b.recipe', '=', recipe).where('b.state', '=', 'running').execute();
      return Promise.all(ids.map((r) => scoreSoon(r.id)));
    },
  };
}
