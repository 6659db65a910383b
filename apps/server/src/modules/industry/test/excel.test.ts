import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { multipart } from '../../supervision/test/fixture.js';
import { creditCode, industryPeople, type IndustryPeople } from './fixture.js';

/** A workbook with a header row (as people write it: Chinese headers) and data rows. */
async function xlsx(header: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const read = async (body: Buffer) => { const wb = new ExcelJS.Workbook(); await wb.xlsx.load(body as never); return wb; };
const upload = (c: Client, kind: string, file: Buffer, accept = 'application/json') => {
  const m = multipart(`${kind}.xlsx`, file);
  return c.request('POST', `/api/industry/import/${kind}`, m.payload, { ...m.headers, accept });
};

const ENTERPRISE_HEADER = ['统一社会信用代码', '企业名称', '所在区县', '所属领域', '主要产品', '产业链环节', '认定', '企业来源', '落地日期'];

/** Excel: templates, imports that write all rows or none, re-imports that change nothing, exports that cannot run formulas. */
describe.each(testDatabases)('industry Excel, on $name', (kind) => {
  const h = useHarness(kind);
  let p: IndustryPeople;
  const counts = async () => ({
    enterprises: Number((await h.database.db.selectFrom('enterprise').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    audit: Number((await h.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  beforeAll(async () => {
    p = await industryPeople(h);
    h.clock.set('2026-03-10T02:00:00Z');
  });

  it('gives templates whose headers the import reads', async () => {
    const r = await p.as.bishan.get('/api/industry/templates/enterprises.xlsx');
    expect(r.statusCode).toBe(200);
    const ws = (await read(r.rawPayload)).worksheets[0];
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^统一社会信用代码/);
    expect((await p.as.enterprise.get('/api/industry/templates/leads.xlsx')).statusCode).toBe(403);
  });

  it('reports every bad row with row, column and reason, and writes nothing', async () => {
    const before = await counts();
    const bad = creditCode(2).slice(0, 17) + (creditCode(2).endsWith('0') ? '1' : '0');
    const file = await xlsx(ENTERPRISE_HEADER, [
      [creditCode(1), '重庆甲生物有限公司', '璧山', '生物化工', '1,3-丙二醇', '1,3-丙二醇', '专精特新:市级:2024', '本土企业', null],
      [bad, '重庆乙生物有限公司', '璧山区', '生物药', '抗体', null, null, null, null],
      [creditCode(3), '重庆丙生物有限公司', '成都', '生物制药', null, '不存在的环节', '专精特新 2024', null, null],
      [creditCode(1), '重复代码公司', '500120', null, null, null, null, null, null],
    ]);
    const r = await upload(p.as.taskforce, 'enterprises', file);
    expect(r.statusCode).toBe(422);
    const messages = r.json().error.details.map((d: { path: string; message: string }) => `${d.path} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^\/rows\/3\/creditCode 第 3 行「统一社会信用代码」：校验码错误/),
      expect.stringMatching(/^\/rows\/4\/district 第 4 行「所在区县」：“成都”不是重庆市的区县/),
      expect.stringMatching(/^\/rows\/4\/domains .*“生物制药”不是行动计划的四个领域之一/),
      expect.stringMatching(/^\/rows\/4\/chainNodes .*产业链环节“不存在的环节”不存在/),
      expect.stringMatching(/^\/rows\/4\/designations .*认定类型:级别:年份/),
      expect.stringMatching(/^\/rows\/5\/creditCode .*与第 2 行的信用代码重复/),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports all rows in one go; the same file again changes nothing; a changed row updates', async () => {
    const rows = [
      [creditCode(11), '重庆丙二醇生物有限公司', '璧山', '生物化工与生物基材料', '1,3-丙二醇、丁二酸', '1,3-丙二醇', '专精特新:市级:2024', '引进企业', '2025-03-01'],
      [creditCode(12), '重庆抗体药业有限公司', '璧山区', '生物药', '双特异性抗体', '双特异性抗体', '小巨人:国家级:2025、高新技术企业:国家级:2023', null, null],
      [creditCode(13), '重庆发酵食品有限公司', '500120', '生物农业与食品', '传统发酵食品', null, null, null, null],
    ];
    const first = await upload(p.as.bishan, 'enterprises', await xlsx(ENTERPRISE_HEADER, rows));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const before = await counts();
    const again = await upload(p.as.bishan, 'enterprises', await xlsx(ENTERPRISE_HEADER, rows));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before); // no write, no audit row
    rows[2][4] = '传统发酵食品、泡菜';
    const changed = await upload(p.as.bishan, 'enterprises', await xlsx(ENTERPRISE_HEADER, rows));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const s = (await p.as.anonymous.get(`/api/industry/search?q=${encodeURIComponent('泡菜')}`)).json();
    expect(s.enterprises.map((e: { nameZh: string }) => e.nameZh)).toEqual(['重庆发酵食品有限公司']);
    const e = (await p.as.anonymous.get(`/api/industry/enterprises?q=${encodeURIComponent('抗体')}`)).json().items[0];
    expect(e.designations).toHaveLength(2);
    // The import is in each record's history.
    expect((await p.as.bishan.get(`/api/industry/enterprises/${e.id}`)).json().history.map((x: { action: string }) => x.action)).toEqual(['enterprise.import']);
    // A district imports its own firms only.
    const other = await upload(p.as.yubei, 'enterprises', await xlsx(ENTERPRISE_HEADER, [rows[0]]));
    expect(other.statusCode).toBe(422);
    expect(other.json().error.details[0].path).toBe('/rows/2/district');
  });

  it('imports figures with their units, and the district\'s own only', async () => {
    const header = ['统一社会信用代码', '年度', '生物制造营业收入（万元）', '生物制造产值（万元）', '研发投入（万元）', '从业人数'];
    const bad = await upload(p.as.bishan, 'figures', await xlsx(header, [[creditCode(11), 2025, '约一亿', null, null, 10], [creditCode(99), 2025, 100, null, null, null], [creditCode(12), 2025, null, null, null, null]]));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/rows/2/revenueWan', '/rows/3/creditCode', '/rows/4/revenueWan']);
    const ok = await upload(p.as.bishan, 'figures', await xlsx(header, [[creditCode(11), 2025, '1.2亿元', null, '800万', 120], [creditCode(12), 2025, 30000, null, null, null], [creditCode(13), 2025, null, '5,000', null, null]]));
    expect(ok.json()).toMatchObject({ created: 3, unchanged: 0 });
    expect((await upload(p.as.bishan, 'figures', await xlsx(header, [[creditCode(11), 2025, '1.2亿元', null, '800万', 120]]))).json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const r = (await p.as.taskforce.get('/api/industry/rollup?year=2025')).json();
    expect(r).toMatchObject({ totalWan: 12_000 + 30_000 + 5_000, fromOutputValueWan: 5_000 });
    const f = (await p.as.bishan.get('/api/industry/figures?year=2025')).json().items.find((x: { creditCode: string }) => x.creditCode === creditCode(11));
    expect(f).toMatchObject({ revenueWan: 12_000, rdSpendWan: 800, source: 'districtVerified', state: 'verified' });
  });

  it('imports leads, updates them by code or company, and refuses a stage moving back', async () => {
    const header = ['线索编号', '目标企业', '产业链环节', '负责区县', '阶段', '签约金额（万元）', '到位资金（万元）', '来源活动'];
    const first = await upload(p.as.bishan, 'leads', await xlsx(header, [
      [null, '某生物基材料股份有限公司', '生物基聚酯', '璧山区', '线索', null, null, '西部合成生物制造国际前沿论坛'],
      [null, '某酶制剂有限公司', null, '璧山区', '签约', '2亿元', null, null],
    ]));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2 });
    const again = await upload(p.as.bishan, 'leads', await xlsx(header, [[null, '某生物基材料股份有限公司', '生物基聚酯', '璧山区', '线索', null, null, '西部合成生物制造国际前沿论坛']]));
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const list = (await p.as.bishan.get('/api/industry/leads')).json().items;
    const signed = list.find((l: { targetNameZh: string }) => l.targetNameZh === '某酶制剂有限公司');
    expect(signed).toMatchObject({ stage: 'signed', contractedWan: 20_000 });
    const back = await upload(p.as.bishan, 'leads', await xlsx(header, [[signed.code, '某酶制剂有限公司', null, '璧山区', '在谈', '2亿元', null, null]]));
    expect(back.statusCode).toBe(422);
    expect(back.json().error.details[0].path).toBe('/rows/2/stage');
    const funded = await upload(p.as.bishan, 'leads', await xlsx(header, [[signed.code, '某酶制剂有限公司', null, '璧山区', '到资', '2亿元', null, null]]));
    expect(funded.json().error.details[0].path).toBe('/rows/2/arrivedWan');
    // A closed lead is not changed by an import, by its code or by its company; each row says so.
    await p.as.bishan.post(`/api/industry/leads/${signed.id}/close`, { reason: '企业另选址' });
    const closed = await upload(p.as.bishan, 'leads', await xlsx(header, [[null, '某生物基材料股份有限公司', '生物基聚酯', '璧山区', '签约', '1亿元', null, null], [signed.code, '某酶制剂有限公司', null, '璧山区', '开工', '2亿元', null, null]]));
    expect(closed.statusCode).toBe(422);
    expect(closed.json().error.details.map((d: { path: string }) => d.path)).toEqual(['/rows/3/code']);
  });

  it('streams progress lines for the page\'s progress bar, then the result', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => [creditCode(1000 + i), `重庆批量测试生物${i}有限公司`, '璧山区', '生物化工', `产品${i}`, null, null, null, null]);
    const r = await upload(p.as.taskforce, 'enterprises', await xlsx(ENTERPRISE_HEADER, rows), 'application/x-ndjson');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = r.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.progress).map((l) => l.progress.phase)).toEqual(expect.arrayContaining(['read', 'validate', 'write', 'done']));
    expect(lines.at(-1)).toEqual({ result: { created: 1200, updated: 0, unchanged: 0, problems: [] } });
    const bad = await upload(p.as.taskforce, 'enterprises', await xlsx(ENTERPRISE_HEADER, [['123', 'x', '璧山', null, null, null, null, null, null]]), 'application/x-ndjson');
    const last = JSON.parse(bad.body.trim().split('\n').at(-1)!);
    expect(last).toMatchObject({ status: 422, error: { code: 'import_invalid' } });
  });

  it('exports every list with formulas neutralised, and an export imports back unchanged', async () => {
    await p.as.taskforce.post('/api/industry/enterprises', { creditCode: creditCode(50), nameZh: '=HYPERLINK("http://x","点我")', districtCode: '500120', products: ['+cmd'] });
    const r = await p.as.anonymous.get('/api/industry/enterprises/export.xlsx?districtCode=500120');
    expect(r.statusCode).toBe(200);
    const ws = (await read(r.rawPayload)).worksheets[0];
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(cells).toContain('\'=HYPERLINK("http://x","点我")');
    const back = await upload(p.as.taskforce, 'enterprises', r.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ created: 0, updated: 0 });
    for (const url of ['/api/industry/figures/export.xlsx', '/api/industry/leads/export.xlsx', '/api/industry/parks/export.xlsx', '/api/industry/funds/export.xlsx', '/api/industry/chains/export.xlsx'])
      expect((await p.as.taskforce.get(url)).statusCode, url).toBe(200);
  });
});
