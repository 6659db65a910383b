import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { buildProcessWorld, HOUR, RECIPE, type ProcessWorld } from './batches.fixture.js';

/**
 * Batches and their readings, as the factory's operators and systems use them: registering a
 * batch with its strain, moving it through phases to its end and outcome; posting readings in
 * bulk, out of order and twice, with every bad one rejected with its reason and counted; and
 * reading the series back for charts.
 */
describe.each(testDatabases)('batches and readings, on $name', (kind) => {
  const h = useHarness(kind);
  let w: ProcessWorld;
  const t0 = Date.UTC(2026, 2, 1, 0, 0);
  const iso = (hours: number) => new Date(t0 + hours * HOUR).toISOString();

  beforeAll(async () => { w = await buildProcessWorld(h, 'b'); }, 120_000);

  it('registers a batch of the operator’s own factory, linked to the strain bank by accession, coded BAT-YYYY-NNNN', async () => {
    const res = await w.as.opA.post('/api/factory/batches', { factory: w.factory.a.code, externalId: 'GLU-2601', equipment: '50m³ 发酵罐 F-301', recipe: RECIPE, strainAccession: w.accession, startedAt: iso(0) });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.code).toMatch(/^BAT-\d{4}-0001$/);
    expect(b).toMatchObject({ state: 'running', strainAccession: w.accession, factoryCode: w.factory.a.code, currentPhase: 'batch' });
    expect(b.strainId).toBeTruthy();
    expect(b.phases).toEqual([expect.objectContaining({ name: 'batch', startedAt: iso(0), zh: '分批培养' })]);
    const second = await w.as.machine.post('/api/factory/batches', { factory: w.factory.a.code, externalId: 'GLU-2602', equipment: 'F-302', recipe: RECIPE, state: 'planned' });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ code: b.code.replace(/0001$/, '0002'), state: 'planned', startedAt: null });

    const audit = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', b.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['factory.batch.create']);
  });

  it('refuses a taken batch number (409), an unknown strain, a bad number and another organisation’s factory (422 naming the field)', async () => {
    const base = { factory: w.factory.a.code, externalId: 'GLU-2601', equipment: 'F-301', recipe: RECIPE };
    const taken = await w.as.opA.post('/api/factory/batches', base);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe('/externalId');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, externalId: 'X-1', strainAccession: 'CQMCC 99999' }, '/strainAccession'],
      [{ ...base, externalId: 'a/b' }, '/externalId'],
      [{ ...base, externalId: 'X-2', startedAt: '2026-03-01T08:00:00' }, '/startedAt'],
      [{ ...base, externalId: 'X-3', factory: w.factory.b.code }, '/factory'],
    ];
    for (const [body, path] of cases) {
      const res = await w.as.opA.post('/api/factory/batches', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    // Overseers read every batch but do not run one.
    expect((await w.as.taskforce.post('/api/factory/batches', { ...base, externalId: 'X-4' })).statusCode).toBe(403);
  });

  it('moves phases forward, ends once, and takes an outcome only after the end (bad says why)', async () => {
    const b = (await w.as.opA.get('/api/factory/batches?q=GLU-2601')).json().items[0];
    const back = await w.as.opA.post(`/api/factory/batches/${b.id}/phases`, { name: 'fedBatch', at: iso(-1) });
    expect(back.statusCode).toBe(422);
    expect((await w.as.opA.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'good' })).statusCode).toBe(409);
    const fed = await w.as.opA.post(`/api/factory/batches/${b.id}/phases`, { name: 'fedBatch', at: iso(10) });
    expect(fed.statusCode, fed.body).toBe(200);
    expect(fed.json().currentPhase).toBe('fedBatch');
    expect((await w.as.opA.post(`/api/factory/batches/${b.id}/phases`, { name: 'fedBatch', at: iso(11) })).statusCode).toBe(409);
    expect((await w.as.opB.post(`/api/factory/batches/${b.id}/phases`, { name: 'harvest', at: iso(12) })).statusCode).toBe(404);
    const ended = await w.as.machine.post(`/api/factory/batches/${b.id}/end`, { state: 'completed', at: iso(40) });
    expect(ended.json()).toMatchObject({ state: 'completed', endedAt: iso(40), currentPhase: null });
    expect((await w.as.opA.post(`/api/factory/batches/${b.id}/end`, { state: 'aborted' })).statusCode).toBe(409);
    const bad = await w.as.taskforce.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'bad' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('/noteZh');
    const judged = await w.as.taskforce.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'bad', noteZh: '谷氨酸产率低于 80%' });
    expect(judged.json()).toMatchObject({ outcome: 'bad', outcomeZh: '不合格', outcomeNoteZh: '谷氨酸产率低于 80%' });
    // The machine token cannot judge: outcome is a person's call.
    expect((await w.as.machine.post(`/api/factory/batches/${b.id}/outcome`, { outcome: 'good' })).statusCode).toBe(403);
  });

  it('lists batches by filter; overseers see every organisation’s, operators their own', async () => {
    const res = await w.as.opB.post('/api/factory/batches', { factory: w.factory.b.code, externalId: 'B-1', equipment: 'F-1', recipe: '赤藓糖醇 R1', startedAt: iso(0) });
    expect(res.statusCode, res.body).toBe(201);
    const all = (await w.as.taskforce.get('/api/factory/batches')).json();
    expect(all.total).toBe(3);
    expect((await w.as.opA.get('/api/factory/batches')).json().items.map((b: { externalId: string }) => b.externalId).sort()).toEqual(['GLU-2601', 'GLU-2602']);
    expect((await w.as.opB.get(`/api/factory/batches?factoryId=${w.factory.a.id}`)).json().total).toBe(0);
    expect((await w.as.taskforce.get(`/api/factory/batches?recipe=${encodeURIComponent(RECIPE)}&state=planned`)).json().items.map((b: { externalId: string }) => b.externalId)).toEqual(['GLU-2602']);
    expect((await w.as.taskforce.get(`/api/factory/batches?strain=${encodeURIComponent(w.accession)}`)).json().total).toBe(1);
    expect((await w.as.reader.get('/api/factory/batches')).statusCode).toBe(200);
    const xlsx = await w.as.taskforce.get('/api/factory/batches/export.xlsx?outcome=bad');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  describe('readings', () => {
    let batchId: string;
    beforeAll(async () => {
      batchId = (await h.services.factory.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'R-1', equipment: 'F-303', recipe: RECIPE, startedAt: iso(0) })).id;
    });

    it('stores good readings in any order, counts repeats as duplicates (first wins) and rejects each bad one with its reason and place', async () => {
      const body = {
        factory: w.factory.a.code,
        readings: [
          { batch: 'R-1', variable: 'temperature', at: iso(2), value: 32.1 },
          { batch: 'R-1', variable: 'temperature', at: iso(1), value: 31.9 },
          { batch: 'R-1', variable: 'temperature', at: iso(2), value: 99 },
          { batch: 'R-1', variable: 'tempreature', at: iso(3), value: 32 },
          { batch: 'R-1', variable: 'pH', at: '2026-03-01T08:00:00', value: 7 },
          { batch: 'R-1', variable: 'pH', at: iso(3), value: 'seven' },
          { batch: 'NOPE', variable: 'pH', at: iso(3), value: 7 },
          { batch: 'R-1', variable: 'pH', at: iso(-5), value: 7 },
          'garbage',
        ],
        series: [{ batch: 'R-1', variable: 'pH', points: [[t0 + 3 * HOUR, 6.9], [iso(1), 7.0], [iso(2)]] }],
      };
      const res = await w.as.machine.post('/api/factory/readings', body);
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect(r).toMatchObject({ accepted: 4, duplicates: 1, rejected: 7, byReason: { unknownVariable: 1, badTime: 1, badValue: 1, unknownBatch: 1, outsideBatch: 1, malformed: 2 } });
      expect(r.rejections.map((x: { path: string; reason: string }) => `${x.path} ${x.reason}`)).toEqual([
        '/readings/3 unknownVariable', '/readings/4 badTime', '/readings/5 badValue', '/readings/6 unknownBatch', '/readings/7 outsideBatch', '/readings/8 malformed', '/series/0/points/2 malformed',
      ]);
      expect(r.batches).toEqual([expect.objectContaining({ batch: 'R-1', batchId, accepted: 4 })]);
      const stored = await h.database.db.selectFrom('sensorReading').select(['variable', 'at', 'value']).where('batchId', '=', batchId).where('variable', '=', 'temperature').orderBy('at').execute();
      expect(stored.map((x) => x.value)).toEqual([31.9, 32.1]);

      // Sent again: nothing new is stored, every good reading is a duplicate, the rejections count again.
      const again = (await w.as.opA.post('/api/factory/readings', body)).json();
      expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected: 7 });
      const counters = (await w.as.opA.get('/api/factory/rejections')).json();
      expect(counters.factories).toEqual([expect.objectContaining({ factoryCode: w.factory.a.code, total: 14 })]);
      expect(counters.items.find((c: { reason: string }) => c.reason === 'unknownBatch')).toMatchObject({ source: 'http', count: 2, lastBatch: 'NOPE', reasonZh: '批次不存在' });
      // Another organisation sees none of it; overseers see it all.
      expect((await w.as.opB.get('/api/factory/rejections')).json().items).toEqual([]);
      expect((await w.as.taskforce.get('/api/factory/rejections')).json().factories).toHaveLength(1);
    });

    it('refuses readings for a factory not the caller’s, and from a token without the ingest scope', async () => {
      const one = { factory: w.factory.a.code, readings: [{ batch: 'R-1', variable: 'pH', at: iso(5), value: 7 }] };
      const res = await w.as.opB.post('/api/factory/readings', one);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.details[0].path).toBe('/factory');
      expect((await w.as.reader.post('/api/factory/readings', one)).statusCode).toBe(403);
      expect((await w.as.taskforce.post('/api/factory/readings', one)).statusCode).toBe(403);
    });

    it('gives a chart its series bucketed, keeping each bucket’s extremes', async () => {
      const points = Array.from({ length: 600 }, (_, i) => [t0 + 10 * HOUR + i * 60_000, i === 300 ? 80 : 30 + (i % 10) / 10]);
      const r = (await w.as.machine.post('/api/factory/readings', { factory: w.factory.a.code, series: [{ batch: 'R-1', variable: 'dissolvedOxygen', points }] })).json();
      expect(r.accepted).toBe(600);
      const s = (await w.as.reader.get(`/api/factory/batches/${batchId}/series?variables=dissolvedOxygen&points=20`)).json();
      expect(s.variables).toHaveLength(1);
      const v = s.variables[0];
      expect(v).toMatchObject({ variable: 'dissolvedOxygen', zh: '溶氧', unit: '%' });
      expect(v.points.length).toBeLessThanOrEqual(20);
      expect(v.points.length).toBeGreaterThanOrEqual(18);
      expect(Math.max(...v.points.map((p: number[]) => p[3]))).toBe(80);
      const detail = (await w.as.opA.get(`/api/factory/batches/${batchId}`)).json();
      expect(detail.variables.map((x: { variable: string; count: number }) => `${x.variable}:${x.count}`)).toEqual(['dissolvedOxygen:600', 'pH:2', 'temperature:2']);
      expect((await w.as.opB.get(`/api/factory/batches/${batchId}/series`)).statusCode).toBe(404);
    });
  });
});
