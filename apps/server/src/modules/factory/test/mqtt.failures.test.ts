import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../mqtt.broker.js';
import { messageSink, type MessageSink } from '../mqtt.ingest.js';
import { topicOf } from '../model/process-readings.js';
import { buildProcessWorld, HOUR, RECIPE, type ProcessWorld } from './batches.fixture.js';

/**
 * The embedded broker when a message cannot be ingested (the database failing): the publish is
 * refused, not acknowledged, so a QoS 1 publisher sends it again after reconnecting and it is
 * stored then; a rejection of the message's content is still acknowledged (counted, not resent).
 */
describe.each(testDatabases)('MQTT ingest failures on the embedded broker, on $name', (kind) => {
  const h = useHarness(kind);
  let w: ProcessWorld;
  let broker: EmbeddedBroker;
  let token: string;
  const t0 = Date.UTC(2026, 4, 1);
  const iso = (hours: number) => new Date(t0 + hours * HOUR).toISOString();
  const quiet = { warn: () => {}, error: () => {} };
  // Stands for the database failing on the next message: the sink rejects it, as it does then.
  let failNext = false;
  let calls = 0;

  beforeAll(async () => {
    w = await buildProcessWorld(h, 'f');
    await h.services.factory.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'F-1', equipment: 'F-301', recipe: RECIPE, startedAt: iso(0) });
    token = (await w.as.opA.post('/api/tokens', { name: 'mes', scopes: ['factory:ingest'] })).json().token;
    const real = messageSink(h.services.factory, quiet);
    const sink: MessageSink = (m) => {
      calls++;
      if (!failNext) return real(m);
      failNext = false;
      return Promise.reject(new Error('database unavailable'));
    };
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', database: h.database, principalFromToken: h.services.auth.principalFromToken, sink, recheckMs: 0 });
  }, 120_000);
  afterAll(async () => { await broker?.close(); });

  const readings = () => h.database.db.selectFrom('sensorReading as r').innerJoin('factoryBatch as b', 'b.id', 'r.batchId')
    .select(['r.variable', 'r.value']).where('b.externalId', '=', 'F-1').orderBy('r.at').execute()
    .then((rows) => rows.map((r) => `${r.variable}=${r.value}`));

  it('refuses a publish whose ingest failed; the publisher reconnects, resends, and the reading is stored', async () => {
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: 'mes', password: token, clientId: `mes-${kind.name}`, clean: false, reconnectPeriod: 100, connectTimeout: 5000 });
    let closed = 0;
    c.on('close', () => { closed++; });
    failNext = true;
    calls = 0;
    await c.publishAsync(topicOf(w.factory.a.code, 'F-1'), JSON.stringify({ variable: 'pH', at: iso(1), value: 6.8 }), { qos: 1 });
    await c.endAsync();
    expect(calls).toBe(2);
    expect(closed).toBeGreaterThanOrEqual(1);
    expect(await readings()).toEqual(['pH=6.8']);
  });

  it('acknowledges a message whose content is rejected: counted once, not resent', async () => {
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: 'mes', password: token, reconnectPeriod: 0, connectTimeout: 5000 });
    let closed = false;
    c.on('close', () => { closed = true; });
    calls = 0;
    await c.publishAsync(topicOf(w.factory.a.code, 'F-1'), 'not json at all', { qos: 1 });
    expect(closed).toBe(false);
    await c.endAsync();
    expect(calls).toBe(1);
    const items = (await w.as.opA.get('/api/factory/rejections')).json().items as { source: string; reason: string; count: number }[];
    expect(items.map((x) => [x.source, x.reason, x.count])).toEqual([['mqtt', 'malformed', 1]]);
  });
});
