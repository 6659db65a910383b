import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { startEmbeddedBroker, type EmbeddedBroker } from '../mqtt.broker.js';
import { messageSink } from '../mqtt.ingest.js';
import { topicOf } from '../model/process-readings.js';
import { buildProcessWorld, HOUR, RECIPE, type ProcessWorld } from './batches.fixture.js';

/**
 * Readings by MQTT through the embedded broker: a factory's system signs in with its ingest token,
 * publishes to its batches' topics and sees its readings stored; malformed messages and unknown
 * batches are rejected and counted; a wrong token, a token without the scope, and another
 * organisation's factory are refused; a token revoked while connected stops publishing. The broker
 * here checks the token before every publish (recheckMs 0; the server's broker every 5 s).
 */
describe.each(testDatabases)('MQTT ingest, on $name', (kind) => {
  const h = useHarness(kind);
  let w: ProcessWorld;
  let broker: EmbeddedBroker;
  let url: string;
  const tokens: Record<string, string> = {};
  const t0 = Date.UTC(2026, 4, 1);
  const iso = (hours: number) => new Date(t0 + hours * HOUR).toISOString();
  const quiet = { warn: () => {} };

  beforeAll(async () => {
    w = await buildProcessWorld(h, 'm');
    broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', database: h.database, principalFromToken: h.services.auth.principalFromToken, sink: messageSink(h.services.factory, quiet), recheckMs: 0 });
    url = `mqtt://127.0.0.1:${broker.port}`;
    await h.services.factory.batches.create(w.ctx.opA, { factory: w.factory.a.code, externalId: 'M-1', equipment: 'F-301', recipe: RECIPE, startedAt: iso(0) });
    for (const [name, who, scopes] of [['ingestA', 'opA', ['factory:ingest']], ['readA', 'opA', ['factory:read']], ['ingestB', 'opB', ['factory:ingest']]] as const) {
      const res = await w.as[who].post('/api/tokens', { name, scopes });
      tokens[name] = res.json().token;
    }
  }, 120_000);
  afterAll(async () => { await broker?.close(); });

  const connect = (token: string) => mqtt.connectAsync(url, { username: 'mes', password: token, reconnectPeriod: 0, connectTimeout: 5000 });

  it('stores what a factory’s system publishes (one reading, a list, a series) and acknowledges after the commit', async () => {
    const c = await connect(tokens.ingestA);
    const topic = topicOf(w.factory.a.code, 'M-1');
    await c.publishAsync(topic, JSON.stringify({ variable: 'temperature', at: iso(1), value: 32.5 }), { qos: 1 });
    await c.publishAsync(topic, JSON.stringify([{ variable: 'pH', at: iso(1), value: 6.9 }, { variable: 'pH', at: iso(1), value: 7.4 }]), { qos: 1 });
    await c.publishAsync(topic, JSON.stringify({ variable: 'OD600', points: [[iso(1), 2.5], [iso(2), 4.1]] }), { qos: 1 });
    await c.endAsync();
    const rows = await h.database.db.selectFrom('sensorReading as r').innerJoin('factoryBatch as b', 'b.id', 'r.batchId')
      .select(['r.variable', 'r.value']).where('b.externalId', '=', 'M-1').orderBy('r.variable').orderBy('r.at').execute();
    // The second pH reading repeats the first's instant: the first stays.
    expect(rows.map((r) => `${r.variable}=${r.value}`)).toEqual(['OD600=2.5', 'OD600=4.1', 'pH=6.9', 'temperature=32.5']);
  });

  it('rejects and counts a malformed message, an unknown variable and an unknown batch', async () => {
    const c = await connect(tokens.ingestA);
    await c.publishAsync(topicOf(w.factory.a.code, 'M-1'), 'not json at all', { qos: 1 });
    await c.publishAsync(topicOf(w.factory.a.code, 'M-1'), JSON.stringify({ variable: 'colour', at: iso(2), value: 1 }), { qos: 1 });
    await c.publishAsync(topicOf(w.factory.a.code, 'NO-SUCH'), JSON.stringify([{ variable: 'pH', at: iso(2), value: 7 }, { variable: 'pH', at: iso(3), value: 7 }]), { qos: 1 });
    await c.endAsync();
    const counters = (await w.as.opA.get('/api/factory/rejections')).json().items.filter((x: { source: string }) => x.source === 'mqtt');
    expect(Object.fromEntries(counters.map((x: { reason: string; count: number }) => [x.reason, x.count]))).toEqual({ malformed: 1, unknownVariable: 1, unknownBatch: 2 });
    expect(counters.find((x: { reason: string }) => x.reason === 'unknownBatch').lastBatch).toBe('NO-SUCH');
  });

  it('refuses a wrong token and a token without factory:ingest; disconnects a publisher on another organisation’s factory', async () => {
    await expect(connect('cqb_nope_nope')).rejects.toThrow(/bad user ?name or password/i);
    await expect(connect(tokens.readA)).rejects.toThrow(/not authori[sz]ed/i);
    const before = await h.database.db.selectFrom('sensorReading').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const c = await connect(tokens.ingestB);
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.publish(topicOf(w.factory.a.code, 'M-1'), JSON.stringify({ variable: 'pH', at: iso(4), value: 1 }), { qos: 0 });
    await closed;
    await c.endAsync(true);
    const after = await h.database.db.selectFrom('sensorReading').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('stops a publisher whose token is revoked while it is connected', async () => {
    const made = (await w.as.opA.post('/api/tokens', { name: 'revoked soon', scopes: ['factory:ingest'] })).json();
    const count = async () => Number((await h.database.db.selectFrom('sensorReading').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const c = await connect(made.token);
    await c.publishAsync(topicOf(w.factory.a.code, 'M-1'), JSON.stringify({ variable: 'pH', at: iso(5), value: 6.9 }), { qos: 1 });
    const before = await count();
    expect((await w.as.opA.delete(`/api/tokens/${made.id}`)).statusCode).toBe(200);
    const closed = new Promise<void>((resolve) => c.once('close', () => resolve()));
    c.publish(topicOf(w.factory.a.code, 'M-1'), JSON.stringify({ variable: 'pH', at: iso(6), value: 7.0 }), { qos: 0 });
    await closed;
    await c.endAsync(true);
    expect(await count()).toBe(before);
    await expect(connect(made.token)).rejects.toThrow(/bad user ?name or password/i);
  });
});
