/**
 * EPCIS capture throughput (issue #8: at least 5,000 events/s, embedded and PostgreSQL). Documents
 * of 5,000 events each — object events (commissioning, shipping with lot quantities, read point,
 * business location and a purchase order), aggregations of cases and transformations of lots, the
 * mix a biomanufacturing site sends — go through the capture service whole: the engine validates
 * each document against the standard's JSON schema and normalises it, then one transaction stores
 * the job, the events, their EPCs and business transactions, and the audit row. Then the same
 * documents again, which store nothing (every eventID known). Wall time per document, events/s.
 * Embedded PGlite always, its files on disk as the server keeps them; PostgreSQL too when
 * BENCH_DATABASE_URL is set (a fresh database).
 *
 *   npm run bench:epcis-capture      (node --conditions=source --import tsx bench/epcis-capture.ts)
 */
import { loadavg } from 'node:os';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';

export const SCALE = { documents: 10, eventsPerDocument: 5_000 };
const CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const PASSWORD = 'Bench#password-2024';
const SITE = (n: number) => `urn:epc:id:sgln:6970001.00001.${n}`;

function event(doc: number, i: number): Record<string, unknown> {
  const n = doc * SCALE.eventsPerDocument + i;
  const t = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString().replace('Z', '+00:00');
  const base = { eventID: `urn:uuid:${(0x10000000 + n).toString(16)}-0000-4000-8000-000000000000`, eventTime: t, eventTimeZoneOffset: '+08:00', readPoint: { id: SITE(n % 20) }, bizLocation: { id: SITE(0) } };
  const sg = (k: number) => `urn:epc:id:sgtin:6970001.012345.${k}`;
  const lot = (k: number) => `urn:epc:class:lgtin:6970001.012345.L${k}`;
  switch (i % 5) {
    case 0: return { type: 'ObjectEvent', ...base, action: 'ADD', bizStep: 'commissioning', disposition: 'active', epcList: [sg(2 * n), sg(2 * n + 1)] };
    case 1: return { type: 'ObjectEvent', ...base, action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', quantityList: [{ epcClass: lot(n % 500), quantity: 25, uom: 'KGM' }], bizTransactionList: [{ type: 'po', bizTransaction: `urn:epcglobal:cbv:bt:6970001000001:PO${n}` }] };
    case 2: return { type: 'AggregationEvent', ...base, action: 'ADD', bizStep: 'packing', parentID: `urn:epc:id:sscc:6970001.${String(n).padStart(10, '0')}`, childEPCs: [sg(2 * n - 4), sg(2 * n - 3)] };
    case 3: return { type: 'TransformationEvent', ...base, bizStep: 'commissioning', inputQuantityList: [{ epcClass: lot(n % 500), quantity: 100, uom: 'KGM' }], outputQuantityList: [{ epcClass: lot((n + 1) % 500), quantity: 80, uom: 'KGM' }] };
    default: return { type: 'ObjectEvent', ...base, action: 'OBSERVE', bizStep: 'receiving', disposition: 'in_progress', epcList: [sg(2 * n - 8)], quantityList: [{ epcClass: lot(n % 500), quantity: 25, uom: 'KGM' }] };
  }
}

const documentOf = (doc: number) => ({
  '@context': [CONTEXT], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-01-10T00:00:00Z',
  epcisBody: { eventList: Array.from({ length: SCALE.eventsPerDocument }, (_, i) => event(doc, i)) },
});

export interface CaptureResult { database: string; events: number; firstSeconds: number; firstRate: number; cpuRate: number; load: number; slowestDocumentMs: number; againSeconds: number; againRate: number; stored: number }

async function measureOn(name: string, database: Database): Promise<CaptureResult> {
  await migrate(database.db);
  const sys = systemCtx('bench');
  const identity = identityService(database);
  const org = (await identity.createOrganisation(sys, { kind: 'enterprise', nameZh: '基准发酵企业', districtCode: null })).id;
  await identity.createUser(sys, { username: 'bench.factory', displayName: 'bench', roles: ['enterprise'], password: PASSWORD, organisationId: org });
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576 });
  await app.ready();
  try {
    // The factory's system: an API token with the capture scope, made from the user's session.
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.factory', password: PASSWORD } });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const made = await app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, 'x-csrf-token': login.json().csrfToken as string }, payload: { name: 'bench MES', scopes: ['epcis:capture'] } });
    if (made.statusCode !== 201) throw new Error(`token: HTTP ${made.statusCode} ${made.body.slice(0, 200)}`);
    const headers = { authorization: `Bearer ${made.json().token as string}`, 'content-type': 'application/ld+json' };
    const post = async (body: string) => {
      const res = await app.inject({ method: 'POST', url: '/epcis/capture', headers, payload: body });
      if (res.statusCode !== 202) throw new Error(`capture: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res.json() as { storedCount: number };
    };
    // Serialised before the clock starts: the factory's system sends bytes.
    const bodies = Array.from({ length: SCALE.documents }, (_, d) => JSON.stringify(documentOf(d)));
    const warm = documentOf(99);
    await post(JSON.stringify({ ...warm, epcisBody: { eventList: warm.epcisBody.eventList.slice(0, 200) } }));
    let stored = 0;
    let slowest = 0;
    const load = loadavg()[0];
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (const body of bodies) {
      const t = performance.now();
      stored += (await post(body)).storedCount;
      slowest = Math.max(slowest, performance.now() - t);
    }
    const firstSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const t1 = performance.now();
    for (const body of bodies) if ((await post(body)).storedCount !== 0) throw new Error('a repeated document stored events');
    const againSeconds = (performance.now() - t1) / 1000;
    const events = SCALE.documents * SCALE.eventsPerDocument;
    if (stored !== events) throw new Error(`stored ${stored} of ${events}`);
    return { database: name, events, firstSeconds, firstRate: events / firstSeconds, cpuRate: events / cpuSeconds, load, slowestDocumentMs: slowest, againSeconds, againRate: events / againSeconds, stored };
  } finally {
    await app.close();
  }
}

export const measureEpcisCapture = (): Promise<CaptureResult[]> => onEachDatabase(measureOn, { embedded: 'disk' });

export function formatEpcisCapture(results: CaptureResult[]) {
  return [
    `## EPCIS capture (${SCALE.documents} documents × ${SCALE.eventsPerDocument.toLocaleString('en')} events, validated and stored whole)`,
    '',
    '| database | events | first capture s | events/s | events per CPU-second of this process | slowest document ms | same documents again s | events/s (nothing new) | load average |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.database} | ${r.events.toLocaleString('en')} | ${r.firstSeconds.toFixed(2)} | ${Math.round(r.firstRate).toLocaleString('en')} | ${Math.round(r.cpuRate).toLocaleString('en')} | ${r.slowestDocumentMs.toFixed(0)} | ${r.againSeconds.toFixed(2)} | ${Math.round(r.againRate).toLocaleString('en')} | ${r.load.toFixed(1)} |`),
    '',
    'On PGlite the database runs in this process, so its CPU time counts the whole capture; on PostgreSQL the server\'s share is not in it.',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatEpcisCapture(await measureEpcisCapture()));
