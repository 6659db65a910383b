import { simulateBatch, type FaultSpec } from '@cq-biomfg/monitor';
import type { Database } from '../platform/db/database.js';
import type { Ctx } from '../platform/context/ctx.js';
import type { Role } from '../platform/access/model.js';
import type { FactoryDeps } from '../modules/factory/index.js';
import { batchesService } from '../modules/factory/batches.service.js';
import { goldenService } from '../modules/factory/golden.service.js';
import { readingsService } from '../modules/factory/readings.service.js';

/**
 * Demonstration fermentation batches (the process part), after the epcis demo made the
 * factories: on the demo enterprise's fermentation plant, recipe 谷氨酸发酵 v3 with its
 * accessioned Corynebacterium glutamicum, eight good completed batches, one bad (its feed pump
 * drifted), one running (started 60 h ago), each with the simulator's series (packages/monitor)
 * sent through the ordinary ingest, and a golden profile of the good ones. About 30,000 readings.
 * Idempotent: nothing is written when the first demo batch is there. Returns how many records it wrote.
 */
export const DEMO_RECIPE = '谷氨酸发酵 v3';
const FACTORY_ZH = '示例合成生物发酵工厂';
const EQUIPMENT = '50m³ 发酵罐 F-301';
const H = 3600e3;
const DAY = 24 * H;
const SIM = { durationHours: 100, sampleMinutes: 20 } as const;

interface DemoRun { no: string; seed: number; startsDaysAgo: number; outcome: 'good' | 'bad' | null; fault?: FaultSpec; noteZh?: string }
const RUNS: DemoRun[] = [
  ...Array.from({ length: 8 }, (_, i): DemoRun => ({ no: `GLU-V3-${String(i + 1).padStart(2, '0')}`, seed: 801 + i, startsDaysAgo: 60 - i * 6, outcome: 'good' })),
  { no: 'GLU-V3-09', seed: 809, startsDaysAgo: 11, outcome: 'bad', fault: { kind: 'feedDrift', startHour: 40 }, noteZh: '补料泵漂移，残糖积累，谷氨酸产率低于目标 12%（示例）' },
  { no: 'GLU-V3-10', seed: 810, startsDaysAgo: 60 / 24, outcome: null },
];

export async function loadDemoFactoryBatches(database: Database): Promise<number> {
  const { db } = database;
  const u = await db.selectFrom('appUser').selectAll().where('username', '=', 'demo.enterprise').executeTakeFirst();
  if (!u?.organisationId) return 0;
  const factory = await db.selectFrom('factory').select(['id', 'code']).where('organisationId', '=', u.organisationId).where('nameZh', '=', FACTORY_ZH).executeTakeFirst();
  if (!factory) return 0;
  if (await db.selectFrom('factoryBatch').select('id').where('factoryId', '=', factory.id).where('externalId', '=', RUNS[0].no).executeTakeFirst()) return 0;
  const strain = await db.selectFrom('strain').select('accession').where('genus', '=', 'Corynebacterium').where('species', '=', 'glutamicum').where('status', '=', 'accessioned').orderBy('accession').executeTakeFirst();

  const ctx: Ctx = { requestId: 'demo', principal: { userId: u.id, username: u.username, displayName: u.displayName, organisationId: u.organisationId, roles: u.roles as Role[], via: 'session', scopes: null } };
  const now = new Date();
  const d: FactoryDeps = { now: () => now, files: undefined as never, plan: undefined as never, readingsListeners: [] };
  const batches = batchesService(database, d);
  const readings = readingsService(database, d);
  let records = 0;
  const good: string[] = [];

  for (const run of RUNS) {
    const start = new Date(Math.floor((now.getTime() - run.startsDaysAgo * DAY) / 60_000) * 60_000);
    const sim = simulateBatch({ seed: run.seed, start, fault: run.fault ?? null, ...SIM });
    const until = run.outcome ? Infinity : now.getTime();
    const b = await batches.create(ctx, {
      factory: factory.code, externalId: run.no, equipment: EQUIPMENT, recipe: DEMO_RECIPE, productZh: 'L-谷氨酸',
      strainAccession: strain?.accession ?? null, startedAt: sim.startedAt, phase: sim.phases[0].name,
    });
    for (const p of sim.phases.slice(1)) if (Date.parse(p.startedAt) <= until) await batches.phase(ctx, b.id, { name: p.name, at: p.startedAt });
    const sent = sim.readings.filter((r) => Date.parse(r.at) <= until).map((r) => ({ batch: run.no, ...r }));
    const r = await readings.ingest(ctx, { factory: factory.code, readings: sent });
    records += 1 + r.accepted;
    if (run.outcome) {
      await batches.end(ctx, b.id, { state: 'completed', at: sim.endedAt });
      await batches.outcome(ctx, b.id, { outcome: run.outcome, noteZh: run.noteZh ?? null });
      if (run.outcome === 'good') good.push(b.id);
    }
    await db.updateTable('factoryBatch').set({ isDemo: true }).where('id', '=', b.id).execute();
  }
  const profile = await goldenService(database, d).create(ctx, { batchIds: good, equipment: EQUIPMENT, nameZh: `${DEMO_RECIPE} · ${EQUIPMENT} 黄金批次`, noteZh: '由 8 个合格批次按阶段对齐生成（示例）' });
  await db.updateTable('goldenProfile').set({ isDemo: true }).where('id', '=', profile.id).execute();
  return records + 1;
}
