import net from 'node:net';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { startExternalSubscriber, type ExternalSubscriber } from '../mqtt.client.js';
import { messageSink, type MessageSink } from '../mqtt.ingest.js';
import { topicOf } from '../model/process-readings.js';
import { buildProcessWorld, HOUR, RECIPE, type ProcessWorld } from './batches.fixture.js';

/**
 * Readings by MQTT through an external broker (`MQTT_URL`): the server subscribes, and what any
 * publisher of that broker sends to a batch's topic is stored; malformed messages, unknown
 * batches and unknown factories are counted where the rejection counters are read; a message
 * whose ingest failed is not acknowledged, so the broker delivers it again and it is stored.
 * The "external" broker is a bare aedes, without the embedded broker's ingest and token checks.
 */
describe.each(testDatabases)('MQTT ingest through an external broker, on $name', (kind) => {
  const h = useHarness(kind);
  let w: ProcessWorld;
  let server: net.Server;
  let closeBroker: () => Promise<void>;
  let sub: ExternalSubscriber;
  let url: string;
  const t0 = Date.UTC(2026, 4, 1);
  const iso = (hours: number) => new Date(t0 + hours * HOUR).toISOString();
  const quiet = { warn: () => {}, error: () => {} };
  // Stands for the database failing on the next message: the sink rejects it, as it does then.
  let failNext = false;
  let failed = 0;

  beforeAll(async () => {
    w = await buildProcessWorld(h, 'x');
    await h.services.factory.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'X-1', equipment: 'F-301', recipe: RECIPE, startedAt: iso(0) });
    const broker = await Aedes.createBroker();
    server = net.createServer(broker.handle as (socket: net.Socket) => void);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closeBroker = () => new Promise<void>((resolve) => broker.close(() => server.close(() => resolve())));
    url = `mqtt://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const real = messageSink(h.services.factory, quiet);
    const sink: MessageSink = (m) => {
      if (!failNext) return real(m);
      failNext = false;
      failed++;
      return Promise.reject(new Error('database unavailable'));
    };
    sub = await startExternalSubscriber({ url, sink, clientId: `cqb-test-${kind.name}`, reconnectMs: 100 });
  }, 120_000);
  afterAll(async () => {
    await sub?.close();
    await closeBroker?.();
  });

  const publish = async (topic: string, ...payloads: string[]) => {
    const c = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 5000 });
    for (const p of payloads) await c.publishAsync(topic, p, { qos: 1 });
    await c.endAsync();
  };
  const readings = () => h.database.db.selectFrom('sensorReading as r').innerJoin('factoryBatch as b', 'b.id', 'r.batchId')
    .select(['r.variable', 'r.value']).where('b.externalId', '=', 'X-1').orderBy('r.variable').orderBy('r.at').execute()
    .then((rows) => rows.map((r) => `${r.variable}=${r.value}`));
  /** The subscriber stores after the broker acknowledged the publisher: wait for it. */
  const eventually = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (ok(v) || Date.now() > until) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const counters = async () => {
    const items = (await w.as.opA.get('/api/factory/rejections')).json().items.filter((x: { source: string }) => x.source === 'mqtt');
    return Object.fromEntries(items.map((x: { reason: string; count: number }) => [x.reason, x.count])) as Record<string, number>;
  };

  it('stores what a publisher of the external broker sends to a batch’s topic', async () => {
    const topic = topicOf(w.factory.a.code, 'X-1');
    await publish(topic, JSON.stringify({ variable: 'temperature', at: iso(1), value: 32.5 }), JSON.stringify({ variable: 'OD600', points: [[iso(1), 2.5], [iso(2), 4.1]] }));
    expect(await eventually(readings, (r) => r.length === 3)).toEqual(['OD600=2.5', 'OD600=4.1', 'temperature=32.5']);
  });

  it('counts a malformed message and an unknown batch against the factory', async () => {
    await publish(topicOf(w.factory.a.code, 'X-1'), 'not json at all');
    await publish(topicOf(w.factory.a.code, 'NO-SUCH'), JSON.stringify([{ variable: 'pH', at: iso(2), value: 7 }, { variable: 'pH', at: iso(3), value: 7 }]));
    expect(await eventually(counters, (c) => c.unknownBatch === 2 && c.malformed === 1)).toEqual({ malformed: 1, unknownBatch: 2 });
  });

  it('counts readings for a factory code that names no factory; overseers see them, an organisation does not', async () => {
    await publish(topicOf('NO-FACTORY', 'B-9'), JSON.stringify([{ variable: 'pH', at: iso(2), value: 7 }, { variable: 'pH', at: iso(3), value: 7 }]));
    const seen = async () => (await w.as.taskforce.get('/api/factory/rejections')).json().unknownFactories as { factoryCode: string; source: string; count: number; lastBatch: string; reason: string }[];
    const rows = await eventually(seen, (r) => r.length > 0);
    expect(rows.map((r) => ({ code: r.factoryCode, source: r.source, count: r.count, lastBatch: r.lastBatch, reason: r.reason })))
      .toEqual([{ code: 'NO-FACTORY', source: 'mqtt', count: 2, lastBatch: 'B-9', reason: 'unknownFactory' }]);
    expect((await w.as.opA.get('/api/factory/rejections')).json().unknownFactories).toEqual([]);
    const audited = await h.database.db.selectFrom('auditLog').select('action').where('entityType', '=', 'factoryCode').where('entityId', '=', 'NO-FACTORY').execute();
    expect(audited.map((a) => a.action)).toEqual(['factory.readings.unknownFactory']);
  });

  it('leaves a message whose ingest failed unacknowledged: the broker delivers it again and it is stored once', async () => {
    failNext = true;
    await publish(topicOf(w.factory.a.code, 'X-1'), JSON.stringify({ variable: 'pH', at: iso(4), value: 6.8 }));
    expect(await eventually(readings, (r) => r.includes('pH=6.8'))).toContain('pH=6.8');
    expect(failed).toBe(1);
    // Delivered again after the reconnection, and acknowledged then: not a third time.
    await publish(topicOf(w.factory.a.code, 'X-1'), JSON.stringify({ variable: 'pH', at: iso(5), value: 6.9 }));
    expect(await eventually(readings, (r) => r.includes('pH=6.9'))).toEqual(['OD600=2.5', 'OD600=4.1', 'pH=6.8', 'pH=6.9', 'temperature=32.5']);
  });
});
