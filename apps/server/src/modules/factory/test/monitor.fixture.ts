import { simulateBatch, type FaultSpec, type SimulatedBatch } from '@cq-biomfg/monitor';
import { systemCtx } from '../../../platform/context/ctx.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import type { Harness } from '../../../test/harness.js';

/**
 * The monitoring tests' world: an enterprise with a factory, good completed batches of one recipe
 * from the simulator (their readings stored as they would have arrived), and an unrelated
 * enterprise. Running batches are made with `startRunning` and fed through the process part's
 * ingest with `deliver`.
 */
export const RECIPE = '赤藓糖醇补料分批 R1';
export const SIM = { durationHours: 100, sampleMinutes: 20 } as const;
export const START = Date.UTC(2026, 1, 1);
const DAY = 24 * 3600e3;

export interface MonitorWorld { org: { maker: string; other: string }; factory: { id: string; code: string }; good: string[]; people: { maker: Ctx } }

export async function buildMonitorWorld(h: Harness, tag: string, goodBatches = 5, sampleMinutes: number = SIM.sampleMinutes): Promise<MonitorWorld> {
  const ctx = systemCtx('test');
  const mk = async (nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind: 'enterprise', nameZh: `${nameZh}（${tag}）`, districtCode: '500120' })).id;
  const org = { maker: await mk('重庆示例发酵有限公司'), other: await mk('无关发酵公司') };
  const db = h.database.db;
  const now = new Date(START);
  const factory = await db.insertInto('factory').values({ code: `FAC-M${tag}`, organisationId: org.maker, nameZh: `璧山发酵工厂（${tag}）`, createdAt: now, updatedAt: now }).returning(['id', 'code']).executeTakeFirstOrThrow();
  const good: string[] = [];
  for (let i = 0; i < goodBatches; i++) {
    const sim = simulateBatch({ seed: 1000 + i, start: new Date(START + i * 5 * DAY), ...SIM, sampleMinutes });
    const b = await db.insertInto('factoryBatch').values({
      code: `B-${tag}-${String(i + 1).padStart(4, '0')}`, factoryId: factory.id, externalId: `G${tag}-${i + 1}`, equipment: 'F-301', recipe: RECIPE,
      phases: JSON.stringify(sim.phases), state: 'completed', startedAt: sim.startedAt, endedAt: sim.endedAt, outcome: 'good', createdAt: now, updatedAt: now,
    }).returning('id').executeTakeFirstOrThrow();
    const rows = sim.readings.map((r) => ({ batchId: b.id, variable: r.variable, at: r.at, value: r.value }));
    for (let k = 0; k < rows.length; k += 2000) await db.insertInto('sensorReading').values(rows.slice(k, k + 2000)).execute();
    good.push(b.id);
  }
  const userId = await h.user(`mon-maker-${tag}`, ['enterprise'], org.maker);
  const maker: Ctx = { requestId: 'test', principal: { userId, username: `mon-maker-${tag}`, displayName: '发酵车间主任', organisationId: org.maker, roles: ['enterprise'], via: 'session', scopes: null } };
  return { org, factory, good, people: { maker } };
}

/** A running batch of the recipe, registered through the process part; its simulated run (with a fault, if any) to feed. */
export async function startRunning(h: Harness, w: MonitorWorld, externalId: string, seed: number, fault: FaultSpec | null) {
  const sim = simulateBatch({ seed, start: new Date(START + 40 * DAY), fault, ...SIM });
  const s = h.services.factory.batches;
  const b = await s.create(w.people.maker, { factory: w.factory.code, externalId, equipment: 'F-301', recipe: RECIPE, state: 'running', startedAt: sim.startedAt, phase: 'batch' });
  return { id: b.id as string, sim };
}

/** Sends a running batch's readings between two hours of its run through the process part's ingest, and moves its phases on as they begin. */
export async function deliver(h: Harness, w: MonitorWorld, run: { id: string; sim: SimulatedBatch }, externalId: string, fromHour: number, toHour: number) {
  const t0 = Date.parse(run.sim.startedAt);
  const within = (at: string) => { const hr = (Date.parse(at) - t0) / 3600e3; return hr >= fromHour && hr < toHour; };
  for (const p of run.sim.phases.slice(1)) {
    if (within(p.startedAt)) await h.services.factory.batches.phase(w.people.maker, run.id, { name: p.name, at: p.startedAt });
  }
  const readings = run.sim.readings.filter((r) => within(r.at)).map((r) => ({ batch: externalId, variable: r.variable, at: r.at, value: r.value }));
  return h.services.factory.readings.ingest(w.people.maker, { factory: w.factory.code, readings });
}
