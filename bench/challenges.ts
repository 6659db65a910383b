/**
 * Reviewer assignment as the server does it (issue #6): one challenge under review with 500
 * eligible applications, 5,000 experts with accounts, their declared conflicts and recorded joint
 * papers and projects in the database. Times the whole use case through the HTTP stack —
 * POST /api/challenges/:id/assignments/auto: load (a few set-wise queries), the engine, and the
 * write of 2,500 assignments, the audit entry and the reviewers' notifications in one
 * transaction — from an empty assignment table each run. Also times the load and the engine
 * alone, to show where the time goes. Data from a fixed seed.
 * Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database).
 *
 *   node --conditions=source --import tsx bench/challenges.ts
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { assign } from '../packages/assign/src/index.js';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';
import { loadPool } from '../apps/server/src/modules/challenges/reviews.pool.js';
import { rng } from './random.js';

export const SCALE = { applications: 500, experts: 5000, perApplication: 5, institutes: 40, enterprises: 360 };
const RUNS = 5;
const TODAY = new Date('2026-09-01T02:00:00Z');
const PASSWORD = 'Bench#password-2024';

const KEYWORDS = [
  '发酵工程', '菌种选育', '中试放大', '生物反应器', '过程控制', '分离纯化', '代谢工程', '合成生物学', '蛋白质工程', '细胞工厂', '底盘细胞', '定向进化',
  '酶工程', '酶催化', '生物催化', '微流控', '液滴筛选', '超高通量筛选', '基因编辑', 'DNA合成', '生物基材料', '聚乳酸', 'PHA', '生物医药', '抗体药物', '疫苗',
  '细胞培养', '重组蛋白', '生物农药', '食品发酵', '替代蛋白', '生物能源', '环境生物技术', '微生物组',
];
/** The challenge: fermentation scale-up of an engineered strain — what about two experts in five know. */
const CHALLENGE_FIELDS = ['发酵工程', '代谢工程', '合成生物学', '菌种选育', '中试放大', '蛋白质工程'];

async function insertAll(database: Database, table: string, rows: object[]) {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto(table as 'expert').values(rows.slice(i, i + 1000) as never).execute();
  });
}

export async function generate(database: Database) {
  await migrate(database.db);
  const r = rng(6);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const now = new Date();
  const identity = identityService(database);
  const ctx = systemCtx('bench');
  const tf = await identity.createOrganisation(ctx, { kind: 'taskForce', nameZh: '基准工作专班' });
  await identity.createUser(ctx, { username: 'bench.tf', displayName: 'bench', roles: ['taskforce'], password: PASSWORD, organisationId: tf.id });

  const org = (kind: string, nameZh: string) => ({ id: randomUUID(), kind, nameZh, createdAt: now, updatedAt: now });
  const institutes = Array.from({ length: SCALE.institutes }, (_, i) => org('institute', `基准大学${i}生命科学学院`));
  const enterprises = Array.from({ length: SCALE.enterprises }, (_, i) => org('enterprise', `重庆基准生物${i}有限公司`));
  await insertAll(database, 'organisation', [...institutes, ...enterprises]);
  // A few universities hold many experts.
  const instituteOf = () => institutes[Math.floor(institutes.length * r() ** 2)].id;
  const anyOrg = () => (r() < 0.3 ? instituteOf() : pick(enterprises).id);

  const users = Array.from({ length: SCALE.experts }, (_, i) => ({ id: randomUUID(), username: `bench.expert.${i}`, displayName: `专家${i}`, roles: ['expert'], passwordHash: 'bench-no-login', createdAt: now, updatedAt: now }));
  await insertAll(database, 'appUser', users);
  const experts = users.map((u, i) => {
    const organisationId = r() < 0.65 ? instituteOf() : pick(enterprises).id;
    const fields = new Set<string>();
    const k = int(3, 6);
    while (fields.size < k) fields.add(pick(KEYWORDS));
    return {
      id: randomUUID(), code: `ZJ-B-${String(i).padStart(5, '0')}`, userId: u.id, organisationId, organisationZh: '基准单位', nameZh: `基准专家${i}`, fields: [...fields],
      available: r() >= 0.08, maxLoad: r() < 0.1 ? int(1, 3) : null, createdAt: now, updatedAt: now,
    };
  });
  await insertAll(database, 'expert', experts);

  const challengeId = randomUUID();
  await insertAll(database, 'challenge', [{
    id: challengeId, code: 'JB-2026-001', titleZh: '工程菌株千吨级发酵放大', fields: CHALLENGE_FIELDS, mode: 'single', fundingWan: 2000, durationMonths: 36,
    deadline: new Date('2026-08-01T00:00:00Z'), blind: true, reviewersPerApplication: SCALE.perApplication, rubric: '[]', status: 'review', organiserId: tf.id, createdAt: now, updatedAt: now,
  }]);
  const applications = Array.from({ length: SCALE.applications }, (_, i) => ({
    id: randomUUID(), code: `SB-2026-${String(i + 1).padStart(4, '0')}`, challengeId, leadOrganisationId: anyOrg(), titleZh: `申报${i}`, status: 'eligible', createdAt: now, updatedAt: now,
  }));
  // One application per lead: leads repeat in 400 organisations, so re-draw the duplicates among fresh enterprises.
  const seen = new Set<string>();
  const extra: ReturnType<typeof org>[] = [];
  for (const a of applications) {
    if (seen.has(a.leadOrganisationId)) { const o = org('enterprise', `重庆基准申报企业${extra.length}有限公司`); extra.push(o); a.leadOrganisationId = o.id; }
    seen.add(a.leadOrganisationId);
  }
  await insertAll(database, 'organisation', extra);
  await insertAll(database, 'application', applications);
  const members = applications.flatMap((a) => [...new Set(Array.from({ length: int(0, 3) }, anyOrg))].filter((o) => o !== a.leadOrganisationId).map((o) => ({ applicationId: a.id, organisationId: o })));
  await insertAll(database, 'applicationMember', members);
  // Teams of 3–6; a quarter of the people are in the expert pool.
  const teamExperts: string[] = [];
  const people = applications.flatMap((a) => Array.from({ length: int(3, 6) }, (_, k) => {
    const expert = r() < 0.25 ? pick(experts) : null;
    if (expert) teamExperts.push(expert.id);
    return { applicationId: a.id, nameZh: expert?.nameZh ?? `成员${k}`, organisationId: a.leadOrganisationId, expertId: expert?.id ?? null, position: k };
  }));
  await insertAll(database, 'applicationPerson', people);

  const conflicts = experts.filter(() => r() < 0.15).flatMap((e) => [
    ...Array.from({ length: int(0, 2) }, () => ({ expertId: e.id, organisationId: anyOrg(), noteZh: '曾任顾问' })),
    ...Array.from({ length: int(0, 2) }, () => ({ expertId: e.id, personId: pick(teamExperts), noteZh: '师生关系' })),
  ]);
  await insertAll(database, 'expertConflict', conflicts);
  const collaborations = experts.filter(() => r() < 0.4).flatMap((e) => Array.from({ length: int(1, 5) }, (_, k) => {
    const kind = r() < 0.7 ? 'publication' : 'project';
    const ref = kind === 'publication' ? `10.1016/j.biotech.${2019 + (k % 6)}.${int(1000, 9999)}` : `cstc${2020 + (k % 5)}jscx-${int(100, 999)}`;
    return { expertId: e.id, kind, ref, titleZh: `合作${kind === 'publication' ? '论文' : '项目'}${k}`, year: 2019 + (k % 6), ...(r() < 0.8 ? { personId: pick(teamExperts) } : { organisationId: anyOrg() }) };
  }));
  await insertAll(database, 'expertCollaboration', collaborations);
  return { challengeId, counts: { applications: applications.length, members: members.length, people: people.length, experts: experts.length, conflicts: conflicts.length, collaborations: collaborations.length } };
}

export interface ChallengesResult {
  database: string;
  counts: Awaited<ReturnType<typeof generate>>['counts'];
  loadSeconds: number;
  /** The whole use case over HTTP, and its parts alone. */
  useCase: number[];
  loadOnly: number[];
  engineOnly: number[];
  answer: { assigned: number; complete: number; shortfalls: number };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)], max: s[s.length - 1] };
};

async function measureOn(name: string, database: Database): Promise<ChallengesResult> {
  const t0 = performance.now();
  const { challengeId, counts } = await generate(database);
  const loadSeconds = (performance.now() - t0) / 1000;
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576, now: () => TODAY });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.tf', password: PASSWORD } });
  const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': login.json().csrfToken };
  const db = database.db;
  const reset = async () => {
    await sql`delete from mail_outbox where notification_id in (select id from notification where kind = 'challenges.review.assigned')`.execute(db);
    await sql`delete from notification where kind = 'challenges.review.assigned'`.execute(db);
    await sql`delete from review_assignment`.execute(db);
  };
  const useCase: number[] = [];
  let answer = { assigned: 0, complete: 0, shortfalls: 0 };
  for (let i = 0; i <= RUNS; i++) {
    await reset();
    const t = performance.now();
    const res = await app.inject({ method: 'POST', url: `/api/challenges/${challengeId}/assignments/auto`, payload: {}, headers });
    const ms = performance.now() - t;
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
    const b = res.json();
    answer = { assigned: b.assigned, complete: b.complete, shortfalls: b.shortfalls.length };
    if (i > 0) useCase.push(ms); // the first run warms up
  }
  const loadOnly: number[] = [];
  const engineOnly: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    let t = performance.now();
    const pool = await loadPool(db, { challengeId });
    const l = performance.now() - t;
    t = performance.now();
    assign(pool.applications, pool.experts, { perApplication: SCALE.perApplication });
    const e = performance.now() - t;
    if (i > 0) { loadOnly.push(l); engineOnly.push(e); }
  }
  await app.close();
  return { database: name, counts, loadSeconds, useCase, loadOnly, engineOnly, answer };
}

export const measureChallenges = (): Promise<ChallengesResult[]> => onEachDatabase(measureOn);

export function formatChallenges(results: ChallengesResult[]) {
  const n = (x: number) => x.toLocaleString('en');
  const row = (what: string, xs: number[]) => { const s = stats(xs); return `| ${what} | ${xs.length} | ${s.median.toFixed(0)} | ${s.p95.toFixed(0)} | ${s.max.toFixed(0)} |`; };
  return results.map((r) => [
    `### ${r.database}: ${n(r.counts.applications)} applications (${n(r.counts.members)} member organisations, ${n(r.counts.people)} team people) × ${n(r.counts.experts)} experts (${n(r.counts.conflicts)} declared conflicts, ${n(r.counts.collaborations)} joint papers and projects), ${SCALE.perApplication} reviewers each; loaded in ${r.loadSeconds.toFixed(1)} s`,
    '',
    '| step | runs | median ms | p95 ms | max ms |', '| --- | ---: | ---: | ---: | ---: |',
    row('whole use case: POST …/assignments/auto (load + engine + write, one transaction)', r.useCase),
    row('load alone (set-wise queries)', r.loadOnly),
    row('engine alone (assign)', r.engineOnly),
    '',
    `- answer: ${n(r.answer.assigned)} reviewer places filled, ${r.answer.complete} applications complete, ${r.answer.shortfalls} short`,
  ].join('\n')).join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatChallenges(await measureChallenges()));
