import { simulateBatch } from '@cq-biomfg/monitor';
import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import type { FactoryDeps } from '../modules/factory/index.js';
import { batchesService } from '../modules/factory/batches.service.js';
import { readingsService } from '../modules/factory/readings.service.js';
import { monitorModelsService } from '../modules/factory/monitor.models.service.js';
import { monitorScoring } from '../modules/factory/monitor.scoring.js';
import { alarmsService } from '../modules/factory/alarms.service.js';

/**
 * Demonstration monitoring (the monitoring part), after the process part's demo batches: the
 * demo enterprise fits a model on its good batches of the recipe it has most of; its running
 * batches are scored; a batch whose air supply dropped 45 h into the run (simulated, fed through
 * the ordinary ingest) raised alarms, one acknowledged with a note and one left open.
 * Idempotent; returns how many records it wrote.
 */
const H = 3600e3;
const FAULTY = 'DEMO-MON-F01';

export async function loadDemoFactoryMonitoring(database: Database): Promise<number> {
  const { db } = database;
  const u = await db.selectFrom('appUser').selectAll().where('username', '=', 'demo.enterprise').executeTakeFirst();
  if (!u?.organisationId) return 0;
  const ctx: Ctx = { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  // Monitoring needs no plan or files; the demo's own listener list scores what its ingest stores.
  const d: FactoryDeps = { now: () => new Date(), files: undefined as never, plan: undefined as never, readingsListeners: [] };
  const scoring = monitorScoring(database, d);
  d.readingsListeners.push(scoring.listener);
  const models = monitorModelsService(database, d, scoring.scoreRunning);
  let records = 0;

  const good = await db.selectFrom('factoryBatch as b').innerJoin('factory as f', 'f.id', 'b.factoryId')
    .select(['b.id', 'b.recipe', 'b.factoryId', 'f.code as factoryCode', 'b.equipment', 'b.startedAt', 'b.endedAt'])
    .where('f.organisationId', '=', u.organisationId).where('b.state', '=', 'completed').where('b.outcome', '=', 'good').execute();
  const byRecipe = new Map<string, typeof good>();
  for (const b of good) byRecipe.set(b.recipe, [...(byRecipe.get(b.recipe) ?? []), b]);
  const [recipe, batches] = [...byRecipe].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!recipe || batches.length < 3) return 0;

  const alarmCount = async () => Number((await db.selectFrom('monitorAlarm').select(db.fn.countAll<string>().as('n')).where('organisationId', '=', u.organisationId!).executeTakeFirstOrThrow()).n);
  const alarmsBefore = await alarmCount();
  let model = await db.selectFrom('monitorModel').select(['id', 'code']).where('organisationId', '=', u.organisationId).where('recipe', '=', recipe).where('status', '=', 'active').executeTakeFirst();
  if (!model) {
    const made = await models.create(ctx, { batchIds: batches.map((b) => b.id), nameZh: `${recipe} 多变量监控模型`, noteZh: '以历史合格批次建立（演示）' }, { isDemo: true });
    model = { id: made.id, code: made.code };
    records++;
  }

  // The faulty running batch: as long as the good ones, started so that it has run 60 h by now.
  const faulty = await db.selectFrom('factoryBatch').select('id').where('factoryId', '=', batches[0].factoryId).where('externalId', '=', FAULTY).executeTakeFirst();
  if (!faulty) {
    const lengths = batches.filter((b) => b.startedAt && b.endedAt).map((b) => (b.endedAt!.getTime() - b.startedAt!.getTime()) / H).sort((a, b) => a - b);
    const durationHours = Math.round(lengths[Math.floor(lengths.length / 2)] ?? 100);
    // Sampled as the good batches were: interpolating between readings further apart smooths their
    // noise, and a batch sampled more often would look noisier than the model expects.
    const probe = await db.selectFrom('sensorReading').select(db.fn.countAll<string>().as('n')).where('batchId', '=', batches[0].id).where('variable', '=', 'temperature').executeTakeFirstOrThrow();
    const sampleMinutes = Number(probe.n) > 1 ? Math.round((durationHours * 60) / (Number(probe.n) - 1)) : 12;
    const now = Date.now();
    const sim = simulateBatch({ seed: 8_808, start: new Date(now - 60 * H), durationHours, sampleMinutes, fault: { kind: 'aerationStep', startHour: Math.min(45, durationHours * 0.5) } });
    const made = await batchesService(database, d).create(ctx, {
      factory: batches[0].factoryCode, externalId: FAULTY, equipment: batches[0].equipment, recipe, productZh: null, state: 'running', startedAt: sim.startedAt, phase: sim.phases[0].name,
    });
    await db.updateTable('factoryBatch').set({ isDemo: true }).where('id', '=', made.id).execute();
    records++;
    const readings = readingsService(database, d);
    const sent = sim.readings.filter((r) => Date.parse(r.at) <= now);
    for (const p of sim.phases.slice(1)) if (Date.parse(p.startedAt) <= now) await batchesService(database, d).phase(ctx, made.id, { name: p.name, at: p.startedAt });
    for (let i = 0; i < sent.length; i += 5_000) {
      const r = await readings.ingest(ctx, { factory: batches[0].factoryCode, readings: sent.slice(i, i + 5_000).map((x) => ({ batch: FAULTY, ...x })) });
      records += r.accepted;
    }
  }
  await scoring.scoreRunning(u.organisationId, recipe);

  // One alarm acknowledged with a note, the other left open for the demo to act on.
  const alarms = await db.selectFrom('monitorAlarm as a').innerJoin('factoryBatch as b', 'b.id', 'a.batchId').select(['a.id', 'a.state', 'a.statistic'])
    .where('a.modelId', '=', model.id).where('b.externalId', '=', FAULTY).orderBy('a.at').execute();
  await db.updateTable('monitorAlarm').set({ isDemo: true }).where('modelId', '=', model.id).where('isDemo', '=', false).execute();
  if (alarms.length >= 2 && !alarms.some((a) => a.state !== 'open')) {
    // The SPE alarm is acknowledged; the T² one, with aeration plainly on top, is left open to act on.
    const ack = alarms.find((a) => a.statistic === 'spe') ?? alarms[0];
    await alarmsService(database, d).acknowledge(ctx, ack.id, { noteZh: '与同时刻的 T² 报警为同一事件：空压机出口压力下降，通气量低于设定值；已切换备用空压机并通知设备部门检修。' });
    records++;
  }
  return records + (await alarmCount()) - alarmsBefore;
}
