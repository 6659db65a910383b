/**
 * Sensor readings ingest at the bar (≥ 20,000 readings/s): an MES posts bulk bodies of
 * 10,000 readings (four batches × ten variables, shuffled: out of order) through the whole HTTP
 * stack (app.inject, an API token with factory:ingest, the body parsed and every reading
 * checked, one transaction per request with its audit row). 400,000 readings in all, then one
 * body sent again (all duplicates), then a body with 10 % bad readings (rejected and counted).
 * Then MQTT: the embedded broker on a local port, one publisher sending QoS 1 messages of
 * 100 readings each (every message its own transaction, acknowledged after the commit).
 * Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database).
 *
 *   node --conditions=source --import tsx bench/factory-ingest.ts
 */
import mqtt from 'mqtt';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { planService } from '../apps/server/src/modules/plan/service.js';
import { readPlanFiles } from '../apps/server/src/modules/plan/files.js';
import { systemCtx, type Ctx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';
import { startEmbeddedBroker } from '../apps/server/src/modules/factory/mqtt.broker.js';
import { messageSink } from '../apps/server/src/modules/factory/mqtt.ingest.js';
import { topicOf } from '../apps/server/src/modules/factory/model/process-readings.js';

export const SCALE = { batches: 40, perRequest: 10_000, requests: 40, mqttMessages: 300, perMessage: 100 };
const VARIABLES = ['temperature', 'pH', 'dissolvedOxygen', 'agitation', 'aeration', 'offgasCO2', 'offgasO2', 'feedRate', 'weight', 'OD600'];
const T0 = Date.UTC(2026, 0, 1);

interface IngestResult { database: string; http: { readings: number; seconds: number; perSecond: number; p50Ms: number; maxMs: number }; again: { ms: number; duplicates: number }; bad: { ms: number; accepted: number; rejected: number }; mqtt: { readings: number; seconds: number; perSecond: number }; stored: number }

/** A deterministic shuffle, so that every run sends the same out-of-order bodies. */
function shuffle<T>(xs: T[], seed: number) {
  let a = seed >>> 0;
  const rnd = () => { a = (a + 0x6d2b79f5) >>> 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t ^= t + Math.imul(t ^ (t >>> 7), 61 | t); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  for (let i = xs.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [xs[i], xs[j]] = [xs[j], xs[i]]; }
  return xs;
}

/** Request r: four batches, each 250 instants (one a second, continuing where its last request ended) × ten variables. */
function body(factory: string, r: number) {
  const readings: { batch: string; variable: string; at: string; value: number }[] = [];
  const instants = SCALE.perRequest / 4 / VARIABLES.length;
  for (let k = 0; k < 4; k++) {
    const batch = (r * 4 + k) % SCALE.batches;
    const round = Math.floor((r * 4 + k) / SCALE.batches);
    for (let i = 0; i < instants; i++) {
      const at = new Date(T0 + (round * instants + i) * 1000).toISOString();
      VARIABLES.forEach((variable, j) => readings.push({ batch: `BN-${batch}`, variable, at, value: 30 + j + Math.sin(i / 50) }));
    }
  }
  return { factory, readings: shuffle(readings, r + 1) };
}

async function measureOn(name: string, database: Database): Promise<IngestResult> {
  await migrate(database.db);
  const sys = systemCtx('bench');
  await planService(database).seed(sys, readPlanFiles());
  const identity = identityService(database);
  const org = (await identity.createOrganisation(sys, { kind: 'enterprise', nameZh: '重庆基准发酵有限公司', districtCode: '500120' })).id;
  const user = await identity.createUser(sys, { username: 'bench.mes', displayName: 'MES', roles: ['enterprise'], password: 'Bench#password-2024', organisationId: org });
  const ctx: Ctx = { requestId: 'bench', principal: { userId: user.id, username: 'bench.mes', displayName: 'MES', organisationId: org, roles: ['enterprise'], via: 'session', scopes: null } };
  const { token } = await identity.createToken(ctx, { name: 'MES', scopes: ['factory:ingest'] });
  const now = new Date();
  const factory = await database.db.insertInto('factory').values({ code: 'BENCH-F1', organisationId: org, nameZh: '基准发酵工厂', createdAt: now, updatedAt: now }).returning('code').executeTakeFirstOrThrow();
  const { app, services } = await buildApp({ database, sessionTtlHours: 12, secureCookies: false, bodyLimitBytes: 1_048_576 });
  await app.ready();
  for (let b = 0; b < SCALE.batches; b++) {
    await services.factory.batches.create(ctx, { factory: factory.code, externalId: `BN-${b}`, equipment: `F-${b % 8}`, recipe: '基准配方', startedAt: new Date(T0).toISOString() });
  }
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/factory/readings', payload, headers: { authorization: `Bearer ${token}` } });
  const bodies = Array.from({ length: SCALE.requests }, (_, r) => body(factory.code, r));
  await post(body(factory.code, 10_000)); // warm-up: another stretch of time, not counted
  const times: number[] = [];
  let stored = 0;
  const t = performance.now();
  for (const b of bodies) {
    const s = performance.now();
    const res = await post(b);
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
    stored += res.json().accepted;
    times.push(performance.now() - s);
  }
  const seconds = (performance.now() - t) / 1000;
  if (stored !== SCALE.requests * SCALE.perRequest) throw new Error(`stored ${stored}`);
  times.sort((a, b) => a - b);

  let s = performance.now();
  const again = (await post(bodies[0])).json();
  const againMs = performance.now() - s;
  const bad = body(factory.code, 20_000);
  bad.readings.forEach((r, i) => { if (i % 10 === 0) r.batch = 'NO-SUCH'; });
  s = performance.now();
  const badRes = (await post(bad)).json();
  const badMs = performance.now() - s;

  // MQTT: the embedded broker on a free local port, one QoS 1 publisher.
  const broker = await startEmbeddedBroker({ port: 0, host: '127.0.0.1', database, principalFromToken: services.auth.principalFromToken, sink: messageSink(services.factory, { warn: () => {} }) });
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: 'mes', password: token, reconnectPeriod: 0 });
  const topic = topicOf(factory.code, 'BN-0');
  const m0 = performance.now();
  for (let m = 0; m < SCALE.mqttMessages; m++) {
    const at = (i: number) => new Date(T0 + 5 * 24 * 3600_000 + (m * SCALE.perMessage + i) * 1000).toISOString();
    await client.publishAsync(topic, JSON.stringify(Array.from({ length: SCALE.perMessage }, (_, i) => ({ variable: VARIABLES[i % 10], at: at(i), value: i }))), { qos: 1 });
  }
  const mqttSeconds = (performance.now() - m0) / 1000;
  await client.endAsync();
  await broker.close();
  const total = await database.db.selectFrom('sensorReading').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  await app.close();
  const readings = SCALE.requests * SCALE.perRequest;
  return {
    database: name,
    http: { readings, seconds, perSecond: readings / seconds, p50Ms: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] },
    again: { ms: againMs, duplicates: again.duplicates },
    bad: { ms: badMs, accepted: badRes.accepted, rejected: badRes.rejected },
    mqtt: { readings: SCALE.mqttMessages * SCALE.perMessage, seconds: mqttSeconds, perSecond: (SCALE.mqttMessages * SCALE.perMessage) / mqttSeconds },
    stored: Number(total.n),
  };
}

export const measureFactoryIngest = (): Promise<IngestResult[]> => onEachDatabase(measureOn);

export function formatFactoryIngest(results: IngestResult[]) {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return results.map((r) => [
    `### ${r.database}: sensor readings ingest (${SCALE.batches} running batches, ${r.stored.toLocaleString('en')} readings stored at the end)`,
    '',
    `- HTTP bulk, ${SCALE.requests} bodies of ${n(SCALE.perRequest)} shuffled readings: **${n(r.http.perSecond)} readings/s** (${n(r.http.readings)} in ${r.http.seconds.toFixed(1)} s; per body p50 ${r.http.p50Ms.toFixed(0)} ms, max ${r.http.maxMs.toFixed(0)} ms)`,
    `- the same body sent again: ${n(r.again.duplicates)} duplicates, nothing stored, ${r.again.ms.toFixed(0)} ms`,
    `- a body with 10 % unknown batches: ${n(r.bad.accepted)} stored, ${n(r.bad.rejected)} rejected and counted, ${r.bad.ms.toFixed(0)} ms`,
    `- MQTT (embedded broker), ${SCALE.mqttMessages} QoS 1 messages of ${SCALE.perMessage} readings, one transaction each: ${n(r.mqtt.perSecond)} readings/s (${r.mqtt.seconds.toFixed(1)} s)`,
  ].join('\n')).join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatFactoryIngest(await measureFactoryIngest()));
