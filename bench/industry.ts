/**
 * The industry map at the issue's scale: 100,000 enterprises × 4 years of figures (400,000),
 * 20,000 leads, designations on a few thousand firms. Times through the whole HTTP stack
 * (app.inject): the targets' roll-up, the plan's indicators measured from these records,
 * Chinese search, and importing 10,000 rows of enterprises and of figures from Excel (and the
 * same file again, which changes nothing).
 * Embedded PGlite always; PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database).
 *
 *   node --import tsx bench/industry.ts
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/platform/db/database.js';
import { onEachDatabase, time, timingTable } from './databases.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { planService } from '../apps/server/src/modules/plan/service.js';
import { readPlanFiles } from '../apps/server/src/modules/plan/files.js';
import { systemCtx } from '../apps/server/src/platform/context/ctx.js';
import { identityService } from '../apps/server/src/platform/identity/service.js';
import { creditCodeCheckChar } from '../apps/server/src/platform/identity/credit-code.js';
import { tokensOf } from '../apps/server/src/platform/search/segmenter.js';
import { seedIndustry } from '../apps/server/src/modules/industry/seed.js';
import { buildApp } from '../apps/server/src/app.js';

export const SCALE = { enterprises: 100_000, years: [2022, 2023, 2024, 2025], leads: 20_000, importRows: 10_000 };
const TODAY = new Date('2026-06-15T02:00:00Z');
const PASSWORD = 'Bench#password-2024';
const DISTRICTS = ['500101', '500102', '500112', '500113', '500115', '500118', '500120', '500152', '500155', '500114', '500106', '500107'];
const SHORT = ['万州', '涪陵', '渝北', '巴南', '长寿', '永川', '璧山', '潼南', '梁平', '黔江', '沙坪坝', '九龙坡'];
const CORES = ['博瑞', '华森', '智飞', '宸安', '药友', '太极', '植恩', '莱美', '精准', '科润', '天勤', '恒远', '嘉泽', '圣华', '康禾', '瑞丰', '金山', '安琪', '新元', '百川'];
const TRADES = ['生物科技', '生物医药', '合成生物', '生物材料', '发酵科技', '食品科技', '生物能源', '制药', '酶制剂', '生物工程'];
const PRODUCTS = ['1,3-丙二醇', '丁二酸', '戊二胺', '生物基聚酯', '生物塑料', '抗体', '重组蛋白疫苗', '胰岛素', 'ADC抗体偶联药物', '柠檬酸', '木糖醇', '生物饲料', '生物肥料', '生物沼气', '生物航煤', '菌体蛋白', '功能蛋白', '传统发酵食品', '中药活性成分', '生物农药'];
const DOMAIN_OF = (p: number) => (p < 5 ? 'biochem' : p < 9 ? 'biopharma' : p < 14 ? 'bioagrifood' : p < 16 ? 'bioenergy' : p === 18 ? 'biopharma' : 'biochem');

export const code = (n: number, district: string) => { const f = `91${district}${String(n).padStart(9, '0')}`; return f + creditCodeCheckChar(f); };
export const nameOf = (i: number) => `重庆${SHORT[i % SHORT.length]}${CORES[Math.floor(i / 12) % CORES.length]}${TRADES[Math.floor(i / 240) % TRADES.length]}${i}有限公司`;

/** Enterprises in batches with their jieba tokens; figures, designations and leads set-based in SQL. */
export async function generate(database: Database) {
  const { db } = database;
  await migrate(db);
  await planService(database).seed(systemCtx('bench'), readPlanFiles());
  await seedIndustry(db, systemCtx('bench'));
  const ctx = systemCtx('bench');
  const identity = identityService(database);
  const tf = (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
  await identity.createUser(ctx, { username: 'bench.tf', displayName: 'bench', roles: ['taskforce'], password: PASSWORD, organisationId: tf });
  const bishan = (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', '500120').executeTakeFirstOrThrow()).id;
  await identity.createUser(ctx, { username: 'bench.district', displayName: 'bench', roles: ['district'], password: PASSWORD, organisationId: bishan });

  for (let start = 0; start < SCALE.enterprises; start += 5000) {
    const batch = [];
    for (let i = start; i < Math.min(SCALE.enterprises, start + 5000); i++) {
      const d = DISTRICTS[i % DISTRICTS.length];
      const p1 = i % PRODUCTS.length, p2 = (i * 7 + 3) % PRODUCTS.length;
      const products = [...new Set([PRODUCTS[p1], PRODUCTS[p2]])];
      const nameZh = nameOf(i);
      batch.push({ credit_code: code(i + 1, d), name_zh: nameZh, district_code: d, domains: [DOMAIN_OF(p1)], products, origin: i % 9 === 0 ? 'attracted' : 'local', tokens: tokensOf(nameZh, ...products), name_tokens: tokensOf(nameZh) });
    }
    await sql`insert into enterprise (credit_code, name_zh, district_code, domains, products, origin, tokens, name_tokens)
      select credit_code, name_zh, district_code, domains, products, origin, tokens, name_tokens
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(credit_code text, name_zh text, district_code text, domains text[], products text[], origin text, tokens text[], name_tokens text[])`.execute(db);
  }
  await sql`
    insert into enterprise_figure (enterprise_id, year, revenue_wan, output_value_wan, rd_spend_wan, employees, source, state)
    select e.id, y,
           case when h % 50 = 0 then null else (h % 20000) * (case when h % 997 = 0 then 120 when h % 331 = 0 then 40 else 1 end) end,
           case when h % 50 = 0 then h % 30000 end, (h % 20000) * 0.05, 20 + h % 500,
           case when h % 10 = 0 then 'selfReported' else 'statistics' end,
           case when h % 10 = 0 and y = 2025 then 'submitted' else 'verified' end
    from enterprise e, unnest(${SCALE.years}::int[]) y, lateral (select abs(hashtext(e.credit_code || y::text)) as h) z`.execute(db);
  await sql`
    insert into enterprise_designation (enterprise_id, kind, level, year)
    select id, case when abs(hashtext(credit_code)) % 4 = 0 then 'littleGiant' else 'srdi' end, 'municipal', 2024
    from enterprise where abs(hashtext(credit_code || 'd')) % 25 = 0`.execute(db);
  await sql`
    insert into enterprise_chain_node (enterprise_id, node_id)
    select e.id, n.id from enterprise e join chain_node n on n.name_zh = e.products[1]`.execute(db);
  await sql`
    insert into investment_lead (code, target_name_zh, target_key, chain_node_id, owner_district_code, stage, stage_entered_on, status, contracted_wan, arrived_wan, created_at, last_activity_at, first_response_at)
    select 'ZS-' || d || '-2026-' || lpad(g::text, 5, '0'), '目标企业' || (g % 15000), 'name:目标企业' || (g % 15000),
           (select id from chain_node order by sort_order, code offset (g % 80) limit 1), d,
           (array['clue','negotiating','signed','started','funded','producing'])[1 + g % 6], date '2026-01-01', 'active',
           case when g % 6 >= 2 then 10000 + g % 5000 end, case when g % 6 >= 4 then 5000 end,
           timestamptz '2026-01-01' + (g % 150) * interval '1 day', timestamptz '2026-01-01' + (g % 160) * interval '1 day',
           case when g % 3 = 0 then null else timestamptz '2026-01-02' + (g % 150) * interval '1 day' end
    from generate_series(1, ${SCALE.leads}) g, lateral (select (${DISTRICTS}::text[])[1 + g % ${DISTRICTS.length}] as d) x`.execute(db);
  await sql`analyze`.execute(db);
  const c = await sql<{ e: number; f: number; l: number }>`select (select count(*) from enterprise)::int as e, (select count(*) from enterprise_figure)::int as f, (select count(*) from investment_lead)::int as l`.execute(db);
  return c.rows[0];
}

async function workbook(header: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(content: Buffer) {
  const boundary = `----cqbbench${randomBytes(6).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  return { payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export interface IndustryResult { database: string; enterprises: number; figures: number; leads: number; loadSeconds: number; rows: { what: string; p50: number; p95: number; p99: number; max: number; n: number }[]; imports: { what: string; seconds: number; outcome: string }[] }

export const SEARCHES = ['丙二醇', '生物科技', '抗体', '璧山 发酵', '博瑞', '生物基聚酯', '重庆涪陵华森生物医药1213有限公司', '疫苗', '木糖醇', '合成生物'];

async function measureOn(name: string, database: Database): Promise<IndustryResult> {
  const started = performance.now();
  const counts = await generate(database);
  const loadSeconds = (performance.now() - started) / 1000;
  const { app } = await buildApp({ database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: 20_000_000, now: () => TODAY });
  await app.ready();
  const login = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    return { cookie: res.cookies.map((c) => `${c.name}=${c.value}`).join('; '), csrf: res.json().csrfToken as string };
  };
  const tf = await login('bench.tf');
  const get = (url: string, who = tf) => () => app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
  const rows = [
    { what: 'targets\' roll-up (year, domain, district, tiers, unverified)', ...(await time(get('/api/industry/rollup'), 100)) },
    { what: 'the plan\'s targets with the four industry indicators measured', ...(await time(get('/api/plan/targets'), 50)) },
    { what: `search, ${SEARCHES.length} queries in turn (jieba)`, ...(await time((i) => get(`/api/industry/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length])}`)(), 200)) },
    { what: 'enterprise list filtered by district and domain, first page', ...(await time(get('/api/industry/enterprises?districtCode=500120&domain=biochem&limit=50'), 50)) },
    { what: 'district map by scale', ...(await time(get('/api/industry/map?measure=scale'), 50)) },
    { what: 'chain graph with standings (生物化工)', ...(await time(get('/api/industry/chains/biochem'), 50)) },
    { what: 'leads: pipeline counts (20,000 leads)', ...(await time(get('/api/industry/leads/pipeline'), 50)) },
    { what: 'leads: overdue clock filter, first page', ...(await time(get('/api/industry/leads?clock=overdue&limit=50'), 50)) },
  ];

  const post = async (kind: string, file: Buffer) => {
    const m = multipart(file);
    const t = performance.now();
    const res = await app.inject({ method: 'POST', url: `/api/industry/import/${kind}`, payload: m.payload, headers: { ...m.headers, cookie: tf.cookie, 'x-csrf-token': tf.csrf } });
    const seconds = (performance.now() - t) / 1000;
    if (res.statusCode !== 200) throw new Error(`import ${kind}: HTTP ${res.statusCode} ${res.body.slice(0, 300)}`);
    const r = res.json();
    return { seconds, outcome: `${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged` };
  };
  const base = SCALE.enterprises + 10;
  const entFile = await workbook(['统一社会信用代码', '企业名称', '所在区县', '所属领域', '主要产品', '产业链环节', '认定', '企业来源'],
    Array.from({ length: SCALE.importRows }, (_, i) => [code(base + i, '500120'), `${nameOf(base + i)}`, '璧山区', '生物化工', `${PRODUCTS[i % 5]}、${PRODUCTS[(i + 1) % 5]}`, PRODUCTS[i % 5], i % 20 === 0 ? '专精特新:市级:2025' : null, i % 7 === 0 ? '引进企业' : '本土企业']));
  const figFile = await workbook(['统一社会信用代码', '年度', '生物制造营业收入（万元）', '研发投入（万元）', '从业人数'],
    Array.from({ length: SCALE.importRows }, (_, i) => [code(base + i, '500120'), 2025, `${(i % 900) + 100}万元`, (i % 90) + 5, 50 + (i % 300)]));
  const imports = [
    { what: `import ${SCALE.importRows.toLocaleString('en')} enterprises (new)`, ...(await post('enterprises', entFile)) },
    { what: `import the same ${SCALE.importRows.toLocaleString('en')} enterprises again`, ...(await post('enterprises', entFile)) },
    { what: `import ${SCALE.importRows.toLocaleString('en')} figures (new)`, ...(await post('figures', figFile)) },
    { what: `import the same ${SCALE.importRows.toLocaleString('en')} figures again`, ...(await post('figures', figFile)) },
  ];
  await app.close();
  return { database: name, enterprises: counts.e, figures: counts.f, leads: counts.l, loadSeconds, rows, imports };
}

export const measureIndustry = (): Promise<IndustryResult[]> => onEachDatabase(measureOn);

export function formatIndustry(results: IndustryResult[]) {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.database}: ${r.enterprises.toLocaleString('en')} enterprises, ${r.figures.toLocaleString('en')} figures, ${r.leads.toLocaleString('en')} leads (generated in ${r.loadSeconds.toFixed(1)} s)\n`);
    lines.push(...timingTable(r.rows));
    lines.push('', '| import (one request, Excel parsed, every row checked, one transaction) | seconds | outcome |', '| --- | ---: | --- |');
    for (const x of r.imports) lines.push(`| ${x.what} | ${x.seconds.toFixed(2)} | ${x.outcome} |`);
    lines.push('');
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatIndustry(await measureIndustry()));
