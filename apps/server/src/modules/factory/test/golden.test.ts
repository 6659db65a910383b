import { simulateBatch } from '@cq-biomfg/monitor';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { DEMO_RECIPE, loadDemoFactoryBatches } from '../../../demo/factory-batches.js';
import { buildProcessWorld, HOUR, RECIPE, simulatedBatch, type ProcessWorld } from './batches.fixture.js';

/**
 * Golden batches: good batches of one recipe aligned by phase into a mean trajectory with a band,
 * kept as a profile (one active per recipe and equipment), and a running batch compared with it,
 * points outside the band marked.
 */
describe.each(testDatabases)('golden batches, on $name', (kind) => {
  const h = useHarness(kind);
  let w: ProcessWorld;
  const good: string[] = [];
  let bad: string;
  const DAY = 24 * HOUR;
  const t0 = Date.UTC(2026, 3, 1);

  beforeAll(async () => {
    w = await buildProcessWorld(h, 'g');
    // Runs of different lengths: their phases last differently, which alignment by phase absorbs.
    for (const [i, hours] of [36, 40, 44, 40].entries()) good.push((await simulatedBatch(h, w, i, { start: t0 + i * 3 * DAY, seed: 11 + i, durationHours: hours })).id);
    bad = (await simulatedBatch(h, w, 9, { start: t0 + 14 * DAY, seed: 99, outcome: 'bad' })).id;
  }, 180_000);

  it('previews the band of good batches aligned phase by phase, mean ± 3σ by default', async () => {
    const res = await w.as.opA.post('/api/factory/golden/preview', { batchIds: good });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ recipe: RECIPE, k: 3, equipment: null });
    expect(p.grid.map((g: { name: string }) => g.name)).toEqual(['batch', 'fedBatch', 'harvest']);
    expect(Object.keys(p.bands).sort()).toEqual(['OD600', 'aeration', 'agitation', 'dissolvedOxygen', 'feedRate', 'offgasCO2', 'offgasO2', 'pH', 'temperature', 'weight']);
    const t = p.bands.temperature;
    const i = t.n.findIndex((n: number) => n === 4);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(t.upper[i] - t.mean[i]).toBeCloseTo(3 * t.sd[i], 6);
    expect(t.mean[i]).toBeGreaterThan(25);
    expect(t.mean[i]).toBeLessThan(40);
    const narrow = (await w.as.opA.post('/api/factory/golden/preview', { batchIds: good, k: 1, stepMinutes: 60 })).json();
    expect(narrow.stepMs).toBe(HOUR);
    expect(narrow.bands.temperature.upper[0] - narrow.bands.temperature.mean[0]).toBeCloseTo(narrow.bands.temperature.sd[0], 6);
  });

  it('refuses too few batches, a bad or running one, another recipe or another organisation’s batches, naming the field', async () => {
    const other = await h.services.factory.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'OTHER', equipment: 'F-9', recipe: '赤藓糖醇 R1', startedAt: new Date(t0).toISOString() });
    await h.services.factory.batches.end(w.ctx.opA, other.id, { state: 'completed', at: new Date(t0 + 10 * HOUR).toISOString() });
    await h.services.factory.batches.outcome(w.ctx.opA, other.id, { outcome: 'good' });
    for (const ids of [good.slice(0, 2), [...good.slice(0, 3), bad], [...good.slice(0, 3), other.id]]) {
      const res = await w.as.opA.post('/api/factory/golden/preview', { batchIds: ids });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details[0].path).toBe('/batchIds');
    }
    const stranger = await w.as.opB.post('/api/factory/golden', { batchIds: good });
    expect(stranger.statusCode).toBe(422);
    expect(await h.database.db.selectFrom('goldenProfile').select('id').execute()).toEqual([]);
  });

  it('keeps a profile, one active per recipe and equipment: a new one retires the old', async () => {
    const first = await w.as.opA.post('/api/factory/golden', { batchIds: good.slice(0, 3), nameZh: '谷氨酸 v3 黄金批次' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: expect.stringMatching(/^GLD-\d{4}-0001$/), status: 'active', batchCount: 3, nameZh: '谷氨酸 v3 黄金批次' });
    expect(first.json().batches).toHaveLength(3);
    const second = (await w.as.taskforce.post('/api/factory/golden', { batchIds: good, k: 2.5 })).json();
    expect(second).toMatchObject({ code: expect.stringMatching(/^GLD-\d{4}-0002$/), status: 'active', k: 2.5, batchCount: 4 });
    const list = (await w.as.opA.get(`/api/factory/golden?recipe=${encodeURIComponent(RECIPE)}`)).json();
    expect(list.items.map((p: { code: string; status: string }) => p.status)).toEqual(['active', 'retired']);
    expect(list.items[0].phases.map((p: { name: string }) => p.name)).toEqual(['batch', 'fedBatch', 'harvest']);
    expect((await w.as.opB.get(`/api/factory/golden/${second.id}`)).statusCode).toBe(404);
    expect((await w.as.opB.get('/api/factory/golden')).json().items).toEqual([]);
    const actions = await h.database.db.selectFrom('auditLog').select('action').where('action', 'like', 'factory.golden.%').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['factory.golden.create', 'factory.golden.retire', 'factory.golden.create']);
  });

  it('compares a running batch with its recipe’s profile and marks the points outside the band', async () => {
    // A cooling fault from hour 12: the broth runs hot.
    const sim = simulateBatch({ seed: 12, start: new Date(t0 + 20 * DAY), durationHours: 40, sampleMinutes: 30, harvestHours: 4, fault: { kind: 'coolingFault', startHour: 12, magnitude: 0.9 } });
    const s = h.services.factory;
    const run = await s.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'RUN-1', equipment: '50m³ 发酵罐 F-301', recipe: RECIPE, startedAt: sim.startedAt });
    const upTo = Date.parse(sim.startedAt) + 24 * HOUR;
    for (const p of sim.phases.slice(1)) if (Date.parse(p.startedAt) < upTo) await s.batches.phase(w.ctx.opA, run.id, { name: p.name, at: p.startedAt });
    await s.readings.ingest(w.ctx.opA, { factory: w.factory.a.code, readings: sim.readings.filter((r) => Date.parse(r.at) < upTo).map((r) => ({ batch: 'RUN-1', ...r })) });

    const c = (await w.as.opA.get(`/api/factory/batches/${run.id}/golden-comparison`)).json();
    expect(c.profile).toMatchObject({ code: expect.stringMatching(/0002$/), recipe: RECIPE });
    const temp = c.variables.find((v: { variable: string }) => v.variable === 'temperature');
    expect(temp).toMatchObject({ zh: '温度', unit: '°C' });
    expect(temp.value.length).toBe(c.at.length);
    expect(temp.outsideCount).toBeGreaterThan(3);
    // Points the batch has not reached carry no value; none of them is outside.
    const last = temp.value.findLastIndex((v: number | null) => v !== null);
    expect(temp.outside.slice(last + 1).every((o: boolean) => !o)).toBe(true);
    const fine = (await w.as.opA.get(`/api/factory/batches/${good[1]}/golden-comparison`)).json();
    expect(fine.variables.find((v: { variable: string }) => v.variable === 'temperature').outsideCount).toBeLessThan(temp.outsideCount);
    expect((await w.as.opB.get(`/api/factory/batches/${run.id}/golden-comparison`)).statusCode).toBe(404);
  });

  it('retires a profile once; a batch with no active profile compares with none', async () => {
    const active = (await w.as.opA.get('/api/factory/golden?status=active')).json().items[0];
    expect((await w.as.opB.post(`/api/factory/golden/${active.id}/retire`)).statusCode).toBe(404);
    expect((await w.as.opA.post(`/api/factory/golden/${active.id}/retire`)).json().status).toBe('retired');
    expect((await w.as.opA.post(`/api/factory/golden/${active.id}/retire`)).statusCode).toBe(409);
    expect((await w.as.opA.get(`/api/factory/batches/${good[0]}/golden-comparison`)).json()).toMatchObject({ profile: null, variables: [] });
  });

  it('loads the demo once: eight good batches, one bad, one running, and their golden profile', async () => {
    const db = h.database.db;
    expect(await loadDemoFactoryBatches(h.database)).toBe(0);
    await h.user('demo.enterprise', ['enterprise'], w.org.a);
    await db.insertInto('factory').values({ code: 'DEMO-F1', organisationId: w.org.a, nameZh: '示例合成生物发酵工厂', createdAt: new Date(), updatedAt: new Date() }).execute();
    const written = await loadDemoFactoryBatches(h.database);
    expect(written).toBeGreaterThan(10);
    expect(written).toBeLessThan(50_000);
    expect(await loadDemoFactoryBatches(h.database)).toBe(0);
    const demo = await db.selectFrom('factoryBatch').select(['id', 'state', 'outcome', 'strainAccession', 'recipe']).where('isDemo', '=', true).execute();
    expect(demo.map((b) => `${b.state}:${b.outcome}`).sort()).toEqual(['completed:bad', ...Array(8).fill('completed:good'), 'running:null']);
    expect(demo.every((b) => b.strainAccession === w.accession && b.recipe === DEMO_RECIPE)).toBe(true);
    const running = demo.find((b) => b.state === 'running')!;
    const c = (await w.as.opA.get(`/api/factory/batches/${running.id}/golden-comparison`)).json();
    expect(c.profile).toMatchObject({ equipment: '50m³ 发酵罐 F-301', status: 'active' });
    expect(c.variables.length).toBe(10);
  }, 120_000);
});
