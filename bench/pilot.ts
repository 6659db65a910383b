/**
 * Pilot matching at the scale: 10,000 published demands, 10,000 published achievements
 * and 2,000 pilot platforms (4,000 capabilities on 400 bases). Times through the whole HTTP
 * stack (app.inject): a demand's top-10 achievements and top-10 capabilities, an achievement's
 * and a platform's top-10 demands, the first request after a change (the pool is rebuilt, only
 * the changed rows re-cut), and re-matching every demand against both pools (stored).
 * Texts are the judged evaluation set's (bench/match/) with their products, scales and districts
 * varied, so the words are real Chinese of the field, not random strings.
 * Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database).
 *
 *   node --conditions=source --import tsx bench/pilot.ts
 */
import { readFileSync } from 'node:fs';
import type { Demand, Supply } from '@cq-biomfg/match';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase, time, timingTable } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { planService } from '../apps/server/src/modules/plan/service.js';
import { readPlanFiles } from '../apps/server/src/modules/plan/files.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { buildApp } from '../apps/server/src/app.js';

export const SCALE = { demands: 10_000, achievements: 10_000, bases: 400, platformsPerBase: 5, capabilitiesPerPlatform: 2 };
const TODAY = new Date('2026-06-15T02:00:00Z');
const PASSWORD = 'Bench#password-2024';
const DISTRICTS = ['500101', '500102', '500106', '500107', '500112', '500113', '500114', '500115', '500118', '500120', '500152', '500155'];
const PRODUCTS = ['1,3-丙二醇', '丁二酸', '戊二胺', '生物基聚酯', '聚乳酸', '单抗', '重组蛋白疫苗', '胰岛素', '柠檬酸', '木糖醇', '菌体蛋白', '生物农药', '透明质酸', '麦角硫因', '维生素B12', '红曲色素', '生物柴油', '纤维素乙醇'];
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`./match/${name}`, import.meta.url), 'utf8')) as T;

/** Rows in batches of 1,000 within one transaction per table. */
async function insertAll(database: Database, table: 'pilotDemand' | 'pilotAchievement' | 'pilotBase' | 'pilotPlatform' | 'pilotCapability', rows: object[]) {
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
  });
}

export async function generate(database: Database) {
  await migrate(database.db);
  const ctx = systemCtx('bench');
  await planService(database).seed(ctx, readPlanFiles());
  const identity = identityService(database);
  const org = async (kind: string, nameZh: string, districtCode: string) => (await identity.createOrganisation(ctx, { kind, nameZh, districtCode })).id;
  const enterprises: string[] = [], institutes: string[] = [];
  for (let i = 0; i < 100; i++) enterprises.push(await org('enterprise', `重庆基准企业${i}有限公司`, DISTRICTS[i % DISTRICTS.length]));
  for (let i = 0; i < 50; i++) institutes.push(await org('institute', `基准研究院${i}`, DISTRICTS[i % DISTRICTS.length]));
  const tf = (await database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  await identity.createUser(ctx, { username: 'bench.tf', displayName: 'bench', roles: ['taskforce'], password: PASSWORD, organisationId: tf });

  const demandTexts = read<Demand[]>('demands.json');
  const supplyTexts = read<Supply[]>('supplies.json');
  const achievementTexts = supplyTexts.filter((s) => s.kind === 'achievement');
  const capabilityTexts = supplyTexts.filter((s) => s.kind === 'capability');
  const now = new Date();
  // Vary a text by putting another product in place of the first it names.
  const vary = (text: string, i: number) => { const p = PRODUCTS.find((x) => text.includes(x)); return p ? text.replace(p, PRODUCTS[(i * 7) % PRODUCTS.length]) : `${text}（${PRODUCTS[i % PRODUCTS.length]}）`; };

  await insertAll(database, 'pilotDemand', Array.from({ length: SCALE.demands }, (_, i) => {
    const t = demandTexts[i % demandTexts.length];
    return {
      code: `XQ-2026-${String(i + 1).padStart(5, '0')}`, organisationId: enterprises[i % enterprises.length], titleZh: vary(t.title, i), problemZh: vary(t.text, i), summaryZh: vary(t.title, i + 1),
      processes: t.processes, organism: t.organism, scaleL: Math.max(1, Math.round(t.scaleL * (0.5 + (i % 5) / 4))), deadline: '2027-12-31', domain: t.domain,
      districtCode: DISTRICTS[i % DISTRICTS.length], biosafetyLevel: t.biosafetyLevel, qualityGrade: t.qualityGrade, trlNeeded: t.trlNeeded ?? null,
      state: 'published', publishedAt: now, expiresOn: '2027-06-30', createdAt: now, updatedAt: now,
    };
  }));
  await insertAll(database, 'pilotAchievement', Array.from({ length: SCALE.achievements }, (_, i) => {
    const t = achievementTexts[i % achievementTexts.length];
    return {
      code: `CG-2026-${String(i + 1).padStart(5, '0')}`, organisationId: institutes[i % institutes.length], titleZh: vary(t.title, i), resultZh: vary(t.text, i), trl: t.trl ?? 5,
      scaleReachedL: t.scaleReachedL ?? null, domain: t.domain ?? 'biochem', processes: t.processes, organisms: t.organisms, districtCode: DISTRICTS[(i * 5) % DISTRICTS.length],
      state: 'published', publishedAt: now, expiresOn: '2027-06-30', createdAt: now, updatedAt: now,
    };
  }));
  const bases = Array.from({ length: SCALE.bases }, (_, i) => ({
    code: `ZS-${String(i + 1).padStart(4, '0')}`, nameZh: `基准中试基地${i + 1}`, operatorZh: `基准中试运营公司${i + 1}`, districtCode: DISTRICTS[i % DISTRICTS.length],
    domains: [capabilityTexts[i % capabilityTexts.length].domains?.[0] ?? capabilityTexts[i % capabilityTexts.length].domain ?? 'biochem'], tier: 'reserve', createdAt: now, updatedAt: now,
  }));
  await insertAll(database, 'pilotBase', bases);
  const baseIds = (await database.db.selectFrom('pilotBase').select(['id', 'code']).orderBy('code').execute()).map((b) => b.id);
  await insertAll(database, 'pilotPlatform', baseIds.flatMap((baseId, b) => Array.from({ length: SCALE.platformsPerBase }, (_, k) => {
    const t = capabilityTexts[(b * SCALE.platformsPerBase + k) % capabilityTexts.length];
    return { baseId, code: `ZS-${String(b + 1).padStart(4, '0')}-P${k + 1}`, nameZh: vary(t.title, b + k), summaryZh: vary(t.text, b + k), createdAt: now, updatedAt: now };
  })));
  const platforms = await database.db.selectFrom('pilotPlatform').select(['id', 'code']).orderBy('code').execute();
  await insertAll(database, 'pilotCapability', platforms.flatMap((p, j) => Array.from({ length: SCALE.capabilitiesPerPlatform }, (_, k) => {
    const t = capabilityTexts[(j + k * 31) % capabilityTexts.length];
    return {
      platformId: p.id, nameZh: `${t.processes[0] ?? '中试'}线${k + 1}`, processes: t.processes, organisms: t.organisms, volumeMinL: t.volumeMinL ?? 1, volumeMaxL: t.volumeMaxL ?? 1000,
      qualityGrade: t.qualityGrade ?? 'none', biosafetyLevel: t.biosafetyLevel ?? 1, descriptionZh: vary(t.text, j + k), createdAt: now, updatedAt: now,
    };
  })));
  return { demands: SCALE.demands, achievements: SCALE.achievements, bases: SCALE.bases, platforms: platforms.length, capabilities: platforms.length * SCALE.capabilitiesPerPlatform };
}

export interface PilotResult { database: string; counts: Awaited<ReturnType<typeof generate>>; loadSeconds: number; firstMs: number; changedMs: number; rematch: { seconds: number; results: number }; rows: ({ what: string } & Awaited<ReturnType<typeof time>>)[] }

async function measureOn(name: string, database: Database): Promise<PilotResult> {
  const started = performance.now();
  const counts = await generate(database);
  const loadSeconds = (performance.now() - started) / 1000;
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 1_048_576, now: () => TODAY });
  await app.ready();
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench.tf', password: PASSWORD } });
  const who = { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json().csrfToken as string };
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const demandIds = (await database.db.selectFrom('pilotDemand').select('id').orderBy('code').execute()).map((d) => d.id);
  const achievementIds = (await database.db.selectFrom('pilotAchievement').select('id').orderBy('code').execute()).map((d) => d.id);
  const platformIds = (await database.db.selectFrom('pilotPlatform').select('id').orderBy('code').execute()).map((d) => d.id);
  const pick = (ids: string[], i: number) => ids[(i * 7919) % ids.length];
  const timed = async (f: () => Promise<{ statusCode: number; body: string }>) => {
    const t = performance.now();
    const r = await f();
    if (r.statusCode !== 200) throw new Error(`HTTP ${r.statusCode} ${r.body.slice(0, 300)}`);
    return performance.now() - t;
  };

  // The first request cuts every text into words and builds the pool.
  const firstMs = await timed(() => get(`/api/pilot/demands/${demandIds[0]}/matches?kind=achievement&limit=10`));
  await timed(() => get(`/api/pilot/demands/${demandIds[0]}/matches?kind=capability&limit=10`));
  await timed(() => get(`/api/pilot/achievements/${achievementIds[0]}/matches?limit=10`));
  const rows = [
    { what: "a demand's top-10 achievements (10,000 in the pool)", ...(await time((i) => get(`/api/pilot/demands/${pick(demandIds, i)}/matches?kind=achievement&limit=10`), 200)) },
    { what: `a demand's top-10 capabilities (${counts.capabilities.toLocaleString('en')} on ${counts.platforms.toLocaleString('en')} platforms)`, ...(await time((i) => get(`/api/pilot/demands/${pick(demandIds, i)}/matches?kind=capability&limit=10`), 200)) },
    { what: "an achievement's top-10 demands (10,000 in the pool)", ...(await time((i) => get(`/api/pilot/achievements/${pick(achievementIds, i)}/matches?limit=10`), 200)) },
    { what: "a platform's top-10 demands (best of its capabilities)", ...(await time((i) => get(`/api/pilot/platforms/${pick(platformIds, i)}/matches?limit=10`), 100)) },
  ];
  // One achievement changes: the next request rebuilds the pool, re-cutting that row only.
  await database.db.updateTable('pilotAchievement').set({ resultZh: '新增：戊二胺发酵与分离纯化放大验证', updatedAt: new Date() }).where('id', '=', achievementIds[1]).execute();
  const changedMs = await timed(() => get(`/api/pilot/demands/${demandIds[1]}/matches?kind=achievement&limit=10`));

  const t = performance.now();
  const re = await app.inject({ method: 'POST', url: '/api/pilot/matches/refresh', payload: {}, headers: { cookie: who.cookie, 'x-csrf-token': who.csrf } });
  if (re.statusCode !== 200) throw new Error(`refresh: HTTP ${re.statusCode} ${re.body.slice(0, 300)}`);
  const rematch = { seconds: (performance.now() - t) / 1000, results: re.json().results as number };
  await app.close();
  return { database: name, counts, loadSeconds, firstMs, changedMs, rematch, rows };
}

export const measurePilot = (): Promise<PilotResult[]> => onEachDatabase(measureOn);

export function formatPilot(results: PilotResult[]) {
  return results.map((r) => [
    `### ${r.database}: ${r.counts.demands.toLocaleString('en')} demands, ${r.counts.achievements.toLocaleString('en')} achievements, ${r.counts.platforms.toLocaleString('en')} platforms (${r.counts.capabilities.toLocaleString('en')} capabilities on ${r.counts.bases} bases); loaded in ${r.loadSeconds.toFixed(1)} s`,
    '',
    ...timingTable(r.rows),
    '',
    `- first request (every text cut into words, pools built): ${(r.firstMs / 1000).toFixed(2)} s`,
    `- first request after one achievement changed (pool rebuilt, one row re-cut): ${r.changedMs.toFixed(0)} ms`,
    `- re-matching all ${r.counts.demands.toLocaleString('en')} demands against both pools, ${r.rematch.results.toLocaleString('en')} results stored: ${r.rematch.seconds.toFixed(1)} s`,
  ].join('\n')).join('\n\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatPilot(await measurePilot()));
