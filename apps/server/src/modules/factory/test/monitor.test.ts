import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { loadDemoFactoryMonitoring } from '../../../demo/factory-monitoring.js';
import { buildMonitorWorld, deliver, RECIPE, startRunning, type MonitorWorld } from './monitor.fixture.js';

type Running = Awaited<ReturnType<typeof startRunning>>;

/**
 * Monitoring end to end: a model fitted on simulated good batches; a running batch whose air supply
 * drops, fed through the process part's ingest in two deliveries, scored live; the alarm with
 * agitation on top, the organisation told; acknowledgement with a note, notes, closing; who sees
 * what; and a normal running batch that raises nothing.
 */
describe.each(testDatabases)('process monitoring, on $name', (kind) => {
  const h = useHarness(kind);
  let w: MonitorWorld;
  const as = {} as Record<'maker' | 'other' | 'district', Client>;
  let modelId = '';
  let faulty: Running;
  let normal: Running;
  let alarmId = '';

  beforeAll(async () => {
    h.clock.set('2026-04-01T00:00:00Z');
    w = await buildMonitorWorld(h, kind.name);
    await h.user(`mon-other-${kind.name}`, ['enterprise'], w.org.other);
    await h.user(`mon-district-${kind.name}`, ['district']);
    as.maker = await h.login(`mon-maker-${kind.name}`);
    as.other = await h.login(`mon-other-${kind.name}`);
    as.district = await h.login(`mon-district-${kind.name}`);
  });

  it('fits a model on good batches: components by the rule, T² and SPE limits; refuses batches it cannot use', async () => {
    const preview = await as.maker.post('/api/factory/models/preview', { batchIds: w.good });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.components).toBeGreaterThanOrEqual(1);
    expect(p.variables.map((v: { variable: string }) => v.variable)).toContain('agitation');
    expect(p.limits.t2).toBeGreaterThan(0);
    expect(p.limits.spe).toBeGreaterThan(0);
    expect(p.cumulative.at(-1)).toBeCloseTo(1, 6);

    const few = await as.maker.post('/api/factory/models', { batchIds: w.good.slice(0, 2) });
    expect(few.statusCode).toBe(422);
    expect(few.json().error.details[0].path).toBe('/batchIds');
    // Another organisation's batches are not there for it.
    const theirs = await as.other.post('/api/factory/models', { batchIds: w.good });
    expect(theirs.statusCode).toBe(422);
    expect(await h.database.db.selectFrom('monitorModel').select('id').execute()).toEqual([]);

    const made = await as.maker.post('/api/factory/models', { batchIds: w.good, nameZh: '赤藓糖醇监控模型' });
    expect(made.statusCode, made.body).toBe(201);
    const m = made.json();
    modelId = m.id;
    expect(m).toMatchObject({ code: expect.stringMatching(/^MDL-2026-\d{4}$/), recipe: RECIPE, status: 'active', components: p.components, t2Limit: p.limits.t2, consecutive: 3 });
    expect(m.loadings.length).toBe(m.variables.length);
    expect(m.batches.length).toBe(w.good.length);
    const audited = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', modelId).execute();
    expect(audited.map((a) => a.action)).toContain('factory.model.create');
    expect((await as.other.get(`/api/factory/models/${modelId}`)).statusCode).toBe(404);
    expect((await as.district.get('/api/factory/models')).json().items.map((x: { id: string }) => x.id)).toContain(modelId);
  });

  it('scores a running batch as its readings arrive and raises an alarm, aeration on top, when the air supply drops', async () => {
    faulty = await startRunning(h, w, 'RUN-FAULT', 77, { kind: 'aerationStep', startHour: 50 });
    const first = await deliver(h, w, faulty, 'RUN-FAULT', 0, 45);
    expect(first.accepted).toBeGreaterThan(1000);
    let s = (await as.maker.get(`/api/factory/batches/${faulty.id}/scores`)).json();
    expect(s.model.id).toBe(modelId);
    const before = s.points.length;
    expect(before).toBeGreaterThan(50);
    expect(s.alarms).toEqual([]);

    await deliver(h, w, faulty, 'RUN-FAULT', 45, 60);
    s = (await as.maker.get(`/api/factory/batches/${faulty.id}/scores`)).json();
    expect(s.points.length).toBeGreaterThan(before);
    expect(s.points[0]).toMatchObject({ t2: expect.any(Number), spe: expect.any(Number) });
    expect(s.points[0].t2c.length).toBe(s.model.variables.length);
    expect(s.alarms.length).toBeGreaterThanOrEqual(1);
    const alarm = s.alarms.find((a: { statistic: string }) => a.statistic === 't2');
    alarmId = alarm.id;
    expect(alarm).toMatchObject({ state: 'open', code: expect.stringMatching(/^ALM-2026-\d{4}$/), batchCode: expect.any(String) });
    expect(alarm.value).toBeGreaterThan(alarm.limitValue);
    expect(alarm.contributions[0].variable).toBe('aeration');
    expect(alarm.contributions[0].share).toBeGreaterThan(0.5);
    const hour = (Date.parse(alarm.at) - Date.parse(faulty.sim.startedAt)) / 3600e3;
    expect(hour).toBeGreaterThanOrEqual(50);
    expect(hour).toBeLessThan(52);

    // Sending the same readings again scores nothing twice and raises nothing new.
    const again = await deliver(h, w, faulty, 'RUN-FAULT', 45, 60);
    expect(again.duplicates).toBeGreaterThan(0);
    const s2 = (await as.maker.get(`/api/factory/batches/${faulty.id}/scores`)).json();
    expect(s2.points.length).toBe(s.points.length);
    expect(s2.alarms.length).toBe(s.alarms.length);

    const told = await h.database.db.selectFrom('notification').select(['titleZh', 'link']).where('organisationId', '=', w.org.maker).where('kind', '=', 'factoryAlarm').execute();
    expect(told.length).toBe(s.alarms.length);
    expect(told[0].link).toBe(`/factory/batches/${faulty.id}`);
    expect(told.some((n) => n.titleZh.includes('aeration'))).toBe(true);
  });

  it('raises nothing on a normal running batch', async () => {
    normal = await startRunning(h, w, 'RUN-OK', 78, null);
    await deliver(h, w, normal, 'RUN-OK', 0, 70);
    const s = (await as.maker.get(`/api/factory/batches/${normal.id}/scores`)).json();
    expect(s.points.length).toBeGreaterThan(100);
    expect(s.alarms).toEqual([]);
  });

  it('lists alarms by state and statistic to whom sees the batch; the factory acknowledges with a note, adds notes, closes', async () => {
    const list = (await as.maker.get('/api/factory/alarms?state=open')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toContain(alarmId);
    expect(list.byState.open).toBeGreaterThanOrEqual(1);
    const stat = list.items.find((a: { id: string }) => a.id === alarmId).statistic;
    expect((await as.maker.get(`/api/factory/alarms?statistic=${stat === 't2' ? 'spe' : 't2'}&batchId=${faulty.id}`)).json().items.map((a: { id: string }) => a.id)).not.toContain(alarmId);
    expect((await as.other.get('/api/factory/alarms')).json().items).toEqual([]);
    expect((await as.other.get(`/api/factory/alarms/${alarmId}`)).statusCode).toBe(404);
    expect((await as.district.get(`/api/factory/alarms/${alarmId}`)).statusCode).toBe(200);

    const blank = await as.maker.post(`/api/factory/alarms/${alarmId}/acknowledge`, { noteZh: '  ' });
    expect(blank.statusCode).toBe(422);
    expect(blank.json().error.details[0].path).toBe('/noteZh');
    expect((await as.district.post(`/api/factory/alarms/${alarmId}/acknowledge`, { noteZh: '看到了' })).statusCode).toBe(403);
    const ack = await as.maker.post(`/api/factory/alarms/${alarmId}/acknowledge`, { noteZh: '搅拌电机过载跳闸，已切换备用电机' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedByName: expect.any(String), acknowledgedAt: expect.any(String), ackNoteZh: '搅拌电机过载跳闸，已切换备用电机' });
    expect((await as.maker.post(`/api/factory/alarms/${alarmId}/acknowledge`, { noteZh: '再次确认' })).statusCode).toBe(409);

    const noted = await as.district.post(`/api/factory/alarms/${alarmId}/notes`, { noteZh: '请上报设备维修记录' });
    expect(noted.statusCode, noted.body).toBe(200);
    expect(noted.json().notes.map((n: { kind: string }) => n.kind)).toEqual(['acknowledge', 'note']);
    const closed = await as.maker.post(`/api/factory/alarms/${alarmId}/close`, {});
    expect(closed.json().state).toBe('closed');
    expect((await as.maker.post(`/api/factory/alarms/${alarmId}/notes`, { noteZh: '补充' })).statusCode).toBe(409);
    const actions = (await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', alarmId).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['factory.alarm.raise', 'factory.alarm.acknowledge', 'factory.alarm.note', 'factory.alarm.close']));
    const file = await as.maker.get('/api/factory/alarms/export.xlsx?state=closed');
    expect(file.statusCode).toBe(200);
  });

  it('retires a model once; a retired model scores nothing new', async () => {
    const r = await as.maker.post(`/api/factory/models/${modelId}/retire`, {});
    expect(r.json().status).toBe('retired');
    expect((await as.maker.post(`/api/factory/models/${modelId}/retire`, {})).statusCode).toBe(409);
    const before = (await as.maker.get(`/api/factory/batches/${normal.id}/scores`)).json().points.length;
    await deliver(h, w, normal, 'RUN-OK', 70, 80);
    expect((await as.maker.get(`/api/factory/batches/${normal.id}/scores`)).json().points.length).toBe(before);
  });

  it('loads the demo once: a model on the good batches, a faulty running batch scored, one alarm acknowledged with a note and one open', async () => {
    await h.user('demo.enterprise', ['enterprise'], w.org.maker);
    expect(await loadDemoFactoryMonitoring(h.database)).toBeGreaterThan(1000);
    expect(await loadDemoFactoryMonitoring(h.database)).toBe(0);
    const db = h.database.db;
    const model = await db.selectFrom('monitorModel').select(['id', 'isDemo']).where('organisationId', '=', w.org.maker).where('status', '=', 'active').executeTakeFirstOrThrow();
    expect(model.isDemo).toBe(true);
    const alarms = await db.selectFrom('monitorAlarm as a').innerJoin('factoryBatch as b', 'b.id', 'a.batchId').select(['a.state', 'b.externalId']).where('a.modelId', '=', model.id).execute();
    // The test's own faulty running batch is scored by the new model too; the demo's batch raised its own.
    const demo = alarms.filter((a) => a.externalId === 'DEMO-MON-F01');
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(alarms.filter((a) => a.state === 'acknowledged')).toEqual([{ state: 'acknowledged', externalId: expect.any(String) }]);
    expect(demo.filter((a) => a.state === 'open').length).toBeGreaterThanOrEqual(1);
  });
});
