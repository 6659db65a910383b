/**
 * The supervision cockpit at the scale: 26 tasks × 4 years × 500 work points (52,000),
 * 12 monthly reports each (624,000) and 50 units. Times the roll-up (GET /api/supervision/rollup)
 * through the whole HTTP stack (app.inject: routing, access, service, SQL, serialisation), and
 * for reference the on-time table by unit and a page of the work-point list.
 * Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database).
 *
 *   node --import tsx bench/supervision.ts
 */
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase, time, timingTable } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { planService } from '../apps/server/src/modules/plan/service.js';
import { readPlanFiles } from '../apps/server/src/modules/plan/files.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';

export const SCALE = { tasks: 26, years: 4, perTaskYear: 500, periods: 12, units: 50 };
const TODAY = new Date('2026-06-15T02:00:00Z');
const PASSWORD = 'Bench#password-2024';

/** Loads the records with set-based SQL, so generating 624,000 reports takes seconds, not hours. */
export async function generate(database: Database) {
  const { db } = database;
  await migrate(db);
  await planService(database).seed(systemCtx('bench'), readPlanFiles());
  const ctx = systemCtx('bench');
  const identity = identityService(database);
  const units: string[] = [];
  for (let i = 1; i <= SCALE.units; i++) units.push((await identity.createOrganisation(ctx, { kind: 'department', nameZh: `压测责任单位${String(i).padStart(2, '0')}` })).id);
  const tf = (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  await identity.createUser(ctx, { username: 'bench.tf', displayName: 'bench', roles: ['taskforce'], password: PASSWORD, organisationId: tf });
  await identity.createUser(ctx, { username: 'bench.unit', displayName: 'bench', roles: ['unit'], password: PASSWORD, organisationId: units[0] });

  await sql`
    insert into work_point (code, task_no, year, kind, title_zh, deliverable_zh, owner_organisation_id, starts_on, due_on, frequency, weight, progress_pct, next_report_deadline, closed_at)
    select 'T' || lpad(t::text, 2, '0') || '-' || y || '-' || lpad(n::text, 3, '0'), t, y, case when n % 10 = 0 then 'project' else 'work' end,
           '压测工作要点 ' || t || '-' || y || '-' || n, '预期成果', (${units}::uuid[])[1 + (t * 7 + n) % ${SCALE.units}],
           make_date(y, 1, 1), make_date(y, 12, 31), 'monthly', 1 + (n % 3),
           case when y < 2026 then 100 else (n * 37) % 100 end,
           case when y < 2026 then null else make_date(y, 1 + (n % 6), 5) end,
           case when y < 2026 and n % 5 <> 0 then now() else null end
    from generate_series(1, ${SCALE.tasks}) t, generate_series(2024, 2027) y, generate_series(1, ${SCALE.perTaskYear}) n`.execute(db);
  await sql`
    insert into progress_report (work_point_id, period_label, period_start, period_end, deadline, state, text_zh, progress_pct, first_submitted_at, submitted_at)
    select wp.id, to_char(make_date(wp.year, m, 1), 'YYYY-MM'), make_date(wp.year, m, 1), (make_date(wp.year, m, 1) + interval '1 month - 1 day')::date,
           (make_date(wp.year, m, 1) + interval '1 month 4 days')::date,
           case when make_date(wp.year, m, 1) + interval '1 month 4 days' < ${TODAY} then (array['accepted','accepted','accepted','submitted','returned'])[1 + m % 5] else 'draft' end,
           '本月进展', least(100, m * 8),
           case when make_date(wp.year, m, 1) + interval '1 month 4 days' < ${TODAY} then make_date(wp.year, m, 1) + interval '1 month' + ((m + length(wp.code)) % 9) * interval '1 day' end,
           case when make_date(wp.year, m, 1) + interval '1 month 4 days' < ${TODAY} then make_date(wp.year, m, 1) + interval '1 month' + ((m + length(wp.code)) % 9) * interval '1 day' end
    from work_point wp, generate_series(1, ${SCALE.periods}) m`.execute(db);
  await sql`analyze`.execute(db);
  const counts = await sql<{ wp: number; r: number }>`select (select count(*) from work_point)::int as wp, (select count(*) from progress_report)::int as r`.execute(db);
  return counts.rows[0];
}

export interface SupervisionResult { database: string; workPoints: number; reports: number; loadSeconds: number; rows: { what: string; p50: number; p95: number; p99: number; max: number; n: number }[] }

async function measureOn(name: string, database: Database): Promise<SupervisionResult> {
  const started = performance.now();
  const counts = await generate(database);
  const loadSeconds = (performance.now() - started) / 1000;
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576, now: () => TODAY });
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  };
  const tf = await login('bench.tf');
  const unit = await login('bench.unit');
  const get = (url: string, cookie: string) => () => app.inject({ method: 'GET', url, headers: { cookie } });
  const rows = [
    { what: 'roll-up, task force (all 52,000 work points)', ...(await time(get('/api/supervision/rollup', tf), 200)) },
    { what: 'roll-up, one unit (its own work points)', ...(await time(get('/api/supervision/rollup', unit), 200)) },
    { what: 'roll-up, one year', ...(await time(get('/api/supervision/rollup?year=2026', tf), 100)) },
    { what: 'on-time rates by unit, one quarter', ...(await time(get('/api/supervision/units?quarter=2026-Q1', tf), 50)) },
    { what: 'work-point list, first page of 50', ...(await time(get('/api/work-points?limit=50', tf), 50)) },
  ];
  await app.close();
  return { database: name, workPoints: counts.wp, reports: counts.r, loadSeconds, rows };
}

export const measureSupervision = (): Promise<SupervisionResult[]> => onEachDatabase(measureOn);

export function formatSupervision(results: SupervisionResult[]) {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.database}: ${r.workPoints.toLocaleString('en')} work points, ${r.reports.toLocaleString('en')} reports, ${SCALE.units} units (generated in ${r.loadSeconds.toFixed(1)} s)\n`);
    lines.push(...timingTable(r.rows));
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatSupervision(await measureSupervision()));
