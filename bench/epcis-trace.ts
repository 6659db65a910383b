/**
 * Trace at the issue's scale: a 10-level trace over 1,000,000 EPCIS events must answer in under
 * 100 ms. The repository is filled by SQL (generate_series) with production genealogies: each
 * chain starts from a raw lot and runs ten TransformationEvents (recovery, purification,
 * formulation …), each also taking a shared material lot (one per level for every five chains,
 * so a material lot fans out to five chains) and, at level 5, the previous lot of the sibling
 * chain (a blend: fan-in); every lot is inspected (an ObjectEvent), the product lot is packed in
 * a case, the case on a pallet, shipped and received by a partner; every material lot is
 * received. 26 events a chain; 38,462 chains make 1,000,012 events and about 1.9 M EPC rows.
 * The indexes are those of the migrations, dropped for the load and made again after it.
 *
 * Times through the whole HTTP stack (app.inject) as the task force (sees everything) and as
 * the maker's enterprise user (the visibility rule applies): backward from a product lot (10
 * levels, 2 chains below the blend), forward from a raw lot (10 levels to the partner) and
 * forward from a material lot (5–10 chains).
 *
 *   npm run bench:epcis-trace            (BENCH_DATABASE_URL=postgres://… adds PostgreSQL)
 *   BENCH_TRACE_CHAINS=5000 …            (a smaller repository, for a quick look)
 */
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { planService } from '../apps/server/src/modules/plan/service.js';
import { readPlanFiles } from '../apps/server/src/modules/plan/files.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';
import { onEachDatabase, time, timingTable, type Timing } from './databases.js';

const CHAINS = Number(process.env.BENCH_TRACE_CHAINS ?? 38_462);
const LEVELS = 10;
const PER_CHAIN = 2 * LEVELS + 4; // transformations, inspections, case, pallet, shipping, receiving
const GROUP = 5; // chains sharing one material lot per level
const PASSWORD = 'Bench#password-2024';
const MAKER = '6901234', SUPPLIER = '6909999', PARTNER = '6907777';

export const lotEpc = (c: number, i: number) => `urn:epc:class:lgtin:${MAKER}.1${String(i).padStart(5, '0')}.L${c}`;
export const materialEpc = (i: number, g: number) => `urn:epc:class:lgtin:${SUPPLIER}.2${String(i).padStart(5, '0')}.M${g}`;

/** The SQL text of the EPC expressions, the twins of lotEpc / materialEpc. */
const LOT = (c: string, i: string) => `'urn:epc:class:lgtin:${MAKER}.1' || lpad((${i})::text, 5, '0') || '.L' || (${c})`;
const MAT = (i: string, g: string) => `'urn:epc:class:lgtin:${SUPPLIER}.2' || lpad((${i})::text, 5, '0') || '.M' || (${g})`;
const SSCC = (kind: 1 | 2, c: string) => `'urn:epc:id:sscc:${MAKER}.${kind}' || lpad((${c})::text, 9, '0')`;

export async function generate(database: Database) {
  const db = database.db;
  await migrate(db);
  const ctx = systemCtx('bench');
  await planService(database).seed(ctx, readPlanFiles());
  const identity = identityService(database);
  const maker = (await identity.createOrganisation(ctx, { kind: 'enterprise', nameZh: '基准发酵制造有限公司', districtCode: '500120' })).id;
  const partner = (await identity.createOrganisation(ctx, { kind: 'enterprise', nameZh: '基准下游客户有限公司', districtCode: '500112' })).id;
  const tf = (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  await identity.createUser(ctx, { username: 'bench.tf', displayName: 'bench', roles: ['taskforce'], password: PASSWORD, organisationId: tf });
  await identity.createUser(ctx, { username: 'bench.maker', displayName: 'bench maker', roles: ['enterprise'], password: PASSWORD, organisationId: maker });
  // The maker's plant holds its company prefix: the partner's events about the maker's lots are visible to the maker by it.
  await db.insertInto('factory').values({ code: 'FAC-0001', organisationId: maker, nameZh: '基准发酵工厂', sgln: `urn:epc:id:sgln:${MAKER}.00001.0`, createdAt: new Date(), updatedAt: new Date() }).execute();
  const capture = (org: string) => db.insertInto('epcisCapture').values({ organisationId: org, via: 'session', state: 'success', createdAt: new Date() }).returning('id').executeTakeFirstOrThrow();
  const [cm, cp] = [(await capture(maker)).id, (await capture(partner)).id];

  // Load without indexes, the event_id key and the event's foreign key, then make them again as the migrations define them.
  const indexes = (await sql<{ name: string; def: string }>`
    select indexname as name, indexdef as def from pg_indexes i
    where tablename in ('epcis_event', 'epcis_event_epc') and schemaname = current_schema()
      and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`.execute(db)).rows;
  const constraints = (await sql<{ tab: string; name: string; def: string }>`
    select c.conrelid::regclass::text as tab, c.conname as name, pg_get_constraintdef(c.oid) as def from pg_constraint c
    where c.conrelid in ('epcis_event'::regclass, 'epcis_event_epc'::regclass) and c.contype in ('u', 'f')`.execute(db)).rows;
  for (const k of constraints) await sql.raw(`alter table ${k.tab} drop constraint ${k.name}`).execute(db);
  for (const ix of indexes) await sql.raw(`drop index ${ix.name}`).execute(db);
  const log = (what: string, t: number) => { if (process.env.BENCH_VERBOSE) console.error(`${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`); };

  const C = CHAINS, G = Math.ceil(C / GROUP);
  const seqOf = (c: string, k: string) => `(${c}) * ${PER_CHAIN} + (${k})`;
  const matSeq = (i: string, g: string) => `${C * PER_CHAIN} + ((${i}) - 1) * ${G} + (${g}) + 1`;
  const t0 = Date.parse('2025-01-01T00:00:00Z') / 1000;
  const when = (seq: string) => `to_timestamp(${t0} + (${seq}) * 60)`;
  const event = (seq: string, type: string, action: string, bizStep: string, org: string, cap: string, from: string) => sql.raw(`
    insert into epcis_event (seq, event_id, event_type, action, event_time, event_time_zone_offset, record_time, biz_step, read_point, biz_location, organisation_id, capture_id, document)
    select ${seq}, 'urn:uuid:bench-' || (${seq}), '${type}', ${action}, ${when(seq)}, '+08:00', ${when(seq)}, '${bizStep}',
      'urn:epc:id:sgln:${org === partner ? PARTNER : MAKER}.00001.0', 'urn:epc:id:sgln:${org === partner ? PARTNER : MAKER}.00001.0', '${org}', '${cap}',
      jsonb_build_object('type', '${type}', 'eventID', 'urn:uuid:bench-' || (${seq}), 'bizStep', '${bizStep}')
    ${from}`);
  const epcs = (rows: string, from: string) => sql.raw(`insert into epcis_event_epc (event_seq, epc, role, quantity, uom) select * from (${rows}) x ${from}`);
  const chainsLevels = `from generate_series(0, ${C - 1}) c, generate_series(1, ${LEVELS}) i`;
  const chains = `from generate_series(0, ${C - 1}) c`;

  const started = performance.now();
  await db.transaction().execute(async (trx) => {
    const run = async (q: ReturnType<typeof sql.raw>) => { const t = performance.now(); await q.execute(trx); log('statement', t); };
    // Transformations: lot(c, i-1) + material(i, c/5) [+ sibling's lot(c^1, 4) at level 5] → lot(c, i).
    await run(event(seqOf('c', 'i'), 'TransformationEvent', 'null', 'commissioning', maker, cm, chainsLevels));
    await run(sql.raw(`insert into epcis_event_epc (event_seq, epc, role, quantity, uom)
      select ${seqOf('c', 'i')}, ${LOT('c', 'i - 1')}, 'inputQuantity', 100, 'KGM' ${chainsLevels}
      union all select ${seqOf('c', 'i')}, ${MAT('i', `c / ${GROUP}`)}, 'inputQuantity', 20, 'KGM' ${chainsLevels}
      union all select ${seqOf('c', 'i')}, ${LOT('c', 'i')}, 'outputQuantity', 100, 'KGM' ${chainsLevels}
      union all select ${seqOf('c', '5')}, ${LOT(`(c # 1) % ${C}`, '4')}, 'inputQuantity', 10, 'KGM' ${chains} where (c # 1) < ${C}`));
    // Inspections of every lot.
    await run(event(seqOf('c', `${LEVELS} + i`), 'ObjectEvent', "'OBSERVE'", 'inspecting', maker, cm, chainsLevels));
    await run(epcs(`select ${seqOf('c', `${LEVELS} + i`)}, ${LOT('c', 'i')}, 'quantity', 1::float8, 'KGM'::text ${chainsLevels}`, ''));
    // Packing: the product lot in a case, the case on a pallet; shipping and the partner's receiving.
    const k = (n: number) => seqOf('c', String(2 * LEVELS + n));
    await run(event(k(1), 'AggregationEvent', "'ADD'", 'packing', maker, cm, chains));
    await run(event(k(2), 'AggregationEvent', "'ADD'", 'packing', maker, cm, chains));
    await run(event(k(3), 'ObjectEvent', "'OBSERVE'", 'shipping', maker, cm, chains));
    await run(event(k(4), 'ObjectEvent', "'OBSERVE'", 'receiving', partner, cp, chains));
    await run(sql.raw(`insert into epcis_event_epc (event_seq, epc, role, quantity, uom)
      select ${k(1)}, ${SSCC(1, 'c')}, 'parent', null::float8, null::text ${chains}
      union all select ${k(1)}, ${LOT('c', String(LEVELS))}, 'childQuantity', 100, 'KGM' ${chains}
      union all select ${k(2)}, ${SSCC(2, 'c')}, 'parent', null, null ${chains}
      union all select ${k(2)}, ${SSCC(1, 'c')}, 'child', null, null ${chains}
      union all select ${k(3)}, ${SSCC(2, 'c')}, 'epc', null, null ${chains}
      union all select ${k(4)}, ${SSCC(2, 'c')}, 'epc', null, null ${chains}`));
    // Material lots received from the supplier.
    const mats = `from generate_series(1, ${LEVELS}) i, generate_series(0, ${G - 1}) g`;
    await run(event(matSeq('i', 'g'), 'ObjectEvent', "'OBSERVE'", 'receiving', maker, cm, mats));
    await run(epcs(`select ${matSeq('i', 'g')}, ${MAT('i', 'g')}, 'quantity', 1000::float8, 'KGM'::text ${mats}`, ''));
    await sql.raw(`select setval(pg_get_serial_sequence('epcis_event', 'seq'), (select max(seq) from epcis_event))`).execute(trx);
  });
  const loadSeconds = (performance.now() - started) / 1000;
  const t1 = performance.now();
  for (const ix of indexes) { const t = performance.now(); await sql.raw(ix.def).execute(db); log(ix.name, t); }
  for (const k of constraints) { const t = performance.now(); await sql.raw(`alter table ${k.tab} add constraint ${k.name} ${k.def}`).execute(db); log(k.name, t); }
  await sql`analyze epcis_event`.execute(db);
  await sql`analyze epcis_event_epc`.execute(db);
  const indexSeconds = (performance.now() - t1) / 1000;
  const counts = (await sql<{ events: string; epcs: string }>`select (select count(*) from epcis_event)::text as events, (select count(*) from epcis_event_epc)::text as epcs`.execute(db)).rows[0];
  return { events: Number(counts.events), epcs: Number(counts.epcs), loadSeconds, indexSeconds };
}

export interface TraceBenchResult { database: string; counts: Awaited<ReturnType<typeof generate>>; rows: ({ what: string } & Timing)[]; sizes: Record<string, number> }

async function measureOn(name: string, database: Database): Promise<TraceBenchResult> {
  const counts = await generate(database);
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576 });
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const tf = await login('bench.tf'), maker = await login('bench.maker');
  const C = CHAINS;
  const pick = (i: number) => (i * 7919) % C;
  const sizes: Record<string, number> = {};
  const trace = (cookie: string, what: string, epc: string, direction: string) => async () => {
    const res = await app.inject({ method: 'GET', url: `/api/factory/trace?epc=${encodeURIComponent(epc)}&direction=${direction}`, headers: { cookie } });
    if (res.statusCode === 200 && sizes[what] === undefined) sizes[what] = res.json().nodes.length;
    return res;
  };
  const rows: TraceBenchResult['rows'] = [];
  const add = async (what: string, cookie: string, epcOf: (i: number) => string, direction: string) => {
    rows.push({ what, ...(await time((i) => trace(cookie, what, epcOf(i), direction)(), 100)) });
  };
  await add('backward from a product lot, 10 levels (task force)', tf, (i) => lotEpc(pick(i), LEVELS), 'backward');
  await add('forward from a raw lot, 10 levels to the partner (task force)', tf, (i) => lotEpc(pick(i), 0), 'forward');
  await add('forward from a material lot, 5–10 chains (task force)', tf, (i) => materialEpc(1 + (i % LEVELS), pick(i) % Math.ceil(C / GROUP)), 'forward');
  await add('backward from a product lot (the maker: visibility rule)', maker, (i) => lotEpc(pick(i), LEVELS), 'backward');
  await add('forward from a raw lot (the maker: visibility rule)', maker, (i) => lotEpc(pick(i), 0), 'forward');
  await app.close();
  return { database: name, counts, rows, sizes };
}

export const measureTrace = (): Promise<TraceBenchResult[]> => onEachDatabase(measureOn);

export function formatTrace(results: TraceBenchResult[]) {
  return results.map((r) => [
    `### ${r.database}: ${r.counts.events.toLocaleString('en')} events, ${r.counts.epcs.toLocaleString('en')} EPC rows; loaded in ${r.counts.loadSeconds.toFixed(1)} s, indexed in ${r.counts.indexSeconds.toFixed(1)} s`,
    '',
    ...timingTable(r.rows.map((x) => ({ ...x, what: `${x.what} — ${r.sizes[x.what] ?? '?'} nodes` }))),
  ].join('\n')).join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatTrace(await measureTrace()));
