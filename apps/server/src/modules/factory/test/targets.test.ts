import { describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';

const DAY = 86_400_000;

describe.each(testDatabases)('task 3 indicators: factories connected, batches monitored ($name)', (kind) => {
  const h = useHarness(kind);
  const now = new Date('2026-11-20T08:00:00Z');
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const indicators = async () => {
    const task = (await h.anonymous.get('/api/plan/tasks/3')).json();
    return Object.fromEntries(task.indicators.map((i: { code: string }) => [i.code, i]));
  };

  it('reads zero before any factory sends, with the name, unit and drill-down', async () => {
    h.clock.set(now);
    const i = await indicators();
    expect(i.factoriesConnected).toMatchObject({ nameZh: '接入工厂数', nameEn: 'Factories connected', unitZh: '家', measurement: { value: 0, asOf: '2026-11-20', drillDown: '/factory' } });
    expect(i.batchesMonitored).toMatchObject({ nameZh: '受监控批次数', unitEn: 'batches', measurement: { value: 0, drillDown: '/factory/batches' } });
    expect((await h.anonymous.get('/api/plan/tasks/4')).json().indicators).toEqual([]);
  });

  it('counts factories whose site events or sensor readings arrived in the last 90 days, and batches with readings', async () => {
    const db = h.database.db;
    const [a, b] = await db.insertInto('organisation').values([
      { kind: 'enterprise', nameZh: '指标测试甲生物公司' }, { kind: 'enterprise', nameZh: '指标测试乙生物公司' },
    ]).returning('id').execute();
    const factory = (code: string, organisationId: string, sgln: string | null) =>
      db.insertInto('factory').values({ code, organisationId, nameZh: `${code} 工厂`, sgln }).returning('id').executeTakeFirstOrThrow();
    await factory('FAC-T1', a.id, 'urn:epc:id:sgln:6951234.00001.0'); // events at its site, recent
    const f2 = await factory('FAC-T2', a.id, 'urn:epc:id:sgln:6951234.00002.0'); // a batch without readings
    const f3 = await factory('FAC-T3', b.id, null); // readings, recent
    const f4 = await factory('FAC-T4', b.id, 'urn:epc:id:sgln:6951234.00009.0'); // events and readings long ago
    const capture = async (organisationId: string) => (await db.insertInto('epcisCapture').values({ organisationId, via: 'session', state: 'success' }).returning('id').executeTakeFirstOrThrow()).id;
    const event = async (organisationId: string, readPoint: string, receivedDaysAgo: number, n: number) => db.insertInto('epcisEvent').values({
      eventId: `urn:uuid:00000000-0000-4000-8000-00000000000${n}`, eventType: 'ObjectEvent', action: 'OBSERVE', eventTime: ago(receivedDaysAgo), eventTimeZoneOffset: '+08:00',
      recordTime: ago(receivedDaysAgo), readPoint, organisationId, captureId: await capture(organisationId), document: JSON.stringify({ type: 'ObjectEvent' }) as never,
    }).execute();
    await event(a.id, 'urn:epc:id:sgln:6951234.00001.7', 3, 1); // a hall of f1
    await event(b.id, 'urn:epc:id:sgln:6951234.00002.0', 1, 2); // another organisation at f2's site: not f2's
    await event(b.id, 'urn:epc:id:sgln:6951234.00009.0', 120, 3); // f4, too long ago
    const batch = (factoryId: string, externalId: string, state: 'running' | 'completed') =>
      db.insertInto('factoryBatch').values({ code: `BAT-${externalId}`, factoryId, externalId, equipment: 'F-01', recipe: 'R1', state }).returning('id').executeTakeFirstOrThrow();
    await batch(f2.id, 'T2-1', 'running');
    const b3 = await batch(f3.id, 'T3-1', 'running');
    const b4 = await batch(f4.id, 'T4-1', 'completed');
    await db.insertInto('sensorReading').values([
      { batchId: b3.id, variable: 'temperature', at: ago(0.5), value: 37 }, { batchId: b3.id, variable: 'pH', at: ago(0.5), value: 6.8 },
      { batchId: b4.id, variable: 'temperature', at: ago(200), value: 36.5 },
    ]).execute();

    const i = await indicators();
    expect(i.factoriesConnected.measurement).toMatchObject({ value: 2, asOf: '2026-11-20' });
    expect(i.factoriesConnected.measurement.basisZh).toBe('近 90 天内上报过 EPCIS 事件或传感器读数的工厂（事件 1 家，读数 1 家；已登记 4 家）');
    expect(i.batchesMonitored.measurement).toMatchObject({ value: 2, basisEn: 'Production batches with sensor readings (running 1, completed 1, aborted 0)' });

    // 100 days on, nothing has been sent for 90 days: no factory is connected; batches stay monitored.
    h.clock.set(new Date(now.getTime() + 100 * DAY));
    const later = await indicators();
    expect(later.factoriesConnected.measurement.value).toBe(0);
    expect(later.batchesMonitored.measurement.value).toBe(2);
    h.clock.reset();
  });
});
