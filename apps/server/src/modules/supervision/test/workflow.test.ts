import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { multipart, supervisionPeople, type SupervisionPeople } from './fixture.js';

const load = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
};
const count = async (h: ReturnType<typeof useHarness>, table: 'workPoint' | 'auditLog' | 'notification' | 'mailOutbox') =>
  Number((await h.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe.each(testDatabases)('imports, reminders, inspections and indicators, on $name', (kind) => {
  const h = useHarness(kind);
  let p: SupervisionPeople;
  let unitAName: string;

  beforeAll(async () => {
    p = await supervisionPeople(h);
    h.clock.set('2026-03-02T02:00:00Z');
    unitAName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', p.orgs.unitA).executeTakeFirstOrThrow()).nameZh;
  });

  describe('Excel', () => {
    const fill = async (rows: unknown[][]) => {
      const wb = await load((await p.as.taskforce.get('/api/work-points/template.xlsx')).rawPayload);
      const ws = wb.worksheets[0];
      rows.forEach((r, i) => { ws.getRow(3 + i).values = r as ExcelJS.CellValue[]; });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    // Template columns: task, year, kind, title, deliverable, owner, district, investment, starts, due, frequency, indicator, weight.
    const good = (title: string) => [22, 2026, '项目', title, '入库 1000 株', unitAName, '500112', 1.5, null, '2026-12-31', '按季度', null, 1];

    it('imports nothing when any row is wrong, and names the row, column and reason of every problem', async () => {
      const before = await count(h, 'workPoint');
      const audit = await count(h, 'auditLog');
      const file = await fill([good('菌种库扩容'), [27, 2026, '工作事项', '错误任务', 'x', unitAName, null, null, null, '2026-12-31', '按月'], [22, 2026, '工作事项', '无此单位', 'x', '不存在的单位', null, null, null, '2026-13-01', '每周']]);
      const { payload, headers } = multipart('wp.xlsx', file);
      const res = await p.as.taskforce.post('/api/work-points/import', payload, headers);
      expect(res.statusCode, res.body).toBe(422);
      const messages = res.json().error.details.map((d: { message: string }) => d.message).join('\n');
      expect(messages).toMatch(/第 4 行「任务序号」/);
      expect(messages).toMatch(/第 5 行「完成时限」/);
      expect(messages).toMatch(/第 5 行「报送频次」/);
      expect(await count(h, 'workPoint')).toBe(before);
      expect(await count(h, 'auditLog')).toBe(audit);
    });

    it('imports every row of a valid file in one go, and exports them with formulas neutralised', async () => {
      const file = await fill([good('菌种库扩容'), good('=HYPERLINK("http://evil","点我")')]);
      const { payload, headers } = multipart('wp.xlsx', file);
      const res = await p.as.taskforce.post('/api/work-points/import', payload, headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().created).toBe(2);
      const exported = await load((await p.as.unitA.get('/api/work-points/export.xlsx?taskNo=22')).rawPayload);
      const ws = exported.worksheets[0];
      const titles = ws.getColumn(5).values.slice(2) as string[];
      expect(titles).toContain('菌种库扩容');
      expect(titles).toContain(`'=HYPERLINK("http://evil","点我")`);
      ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
      // The year plan's project schedule totals the projects' investment.
      const plan = (await p.as.taskforce.get('/api/year-plan?year=2026')).json();
      expect(plan.projects).toHaveLength(2);
      expect(plan.investmentYiYuan).toBe(3);
    });

    it('lets a unit import its own reports as drafts, and refuses rows for work points it does not own', async () => {
      const mine = (await p.as.unitA.get('/api/work-points?taskNo=22')).json().items[0];
      const wb = await load((await p.as.unitA.get('/api/reports/template.xlsx')).rawPayload);
      const ws = wb.worksheets[0];
      ws.getRow(3).values = [mine.code, '2026-Q1', '完成扩容设计', 20, '否'];
      const ok = multipart('r.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const res = await p.as.unitA.post('/api/reports/import', ok.payload, ok.headers);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ created: 1, updated: 0 });
      const theirs = multipart('r.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      const refused = await p.as.unitB.post('/api/reports/import', theirs.payload, theirs.headers);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error.details[0].message).toContain('第 3 行');
    });
  });

  describe('reminders', () => {
    it('reminds owners before, on and after a deadline, once each, and records mail without SMTP', async () => {
      const wp = (await p.as.taskforce.post('/api/work-points', { taskNo: 5, year: 2026, titleZh: '提醒测试', deliverableZh: 'x', ownerOrganisationId: p.orgs.unitB, dueOn: '2026-12-31', frequency: 'monthly', startsOn: '2026-03-01' })).json();
      expect(wp.nextReportDeadline).toBe('2026-04-05');
      h.clock.set('2026-04-02T02:00:00Z'); // 3 days before
      const first = (await p.as.taskforce.post('/api/supervision/reminders/run')).json();
      expect(first.reminders).toBeGreaterThanOrEqual(1);
      expect((await p.as.taskforce.post('/api/supervision/reminders/run')).json().reminders).toBe(0);
      const notes = (await p.as.unitB.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
      expect(notes).toContain('reportDue.before');
      h.clock.set('2026-04-05T02:00:00Z');
      await p.as.taskforce.post('/api/supervision/reminders/run');
      h.clock.set('2026-04-07T02:00:00Z');
      await p.as.taskforce.post('/api/supervision/reminders/run');
      const kinds = (await p.as.unitB.get('/api/notifications')).json().items.map((n: { kind: string }) => n.kind);
      expect(kinds).toEqual(expect.arrayContaining(['reportDue.before', 'reportDue.on', 'reportDue.after']));
      const outbox = (await p.as.taskforce.get('/api/mail-outbox')).json();
      expect(outbox.some((m: { toAddress: string; status: string }) => m.toAddress === 'unitb@example.cn' && m.status === 'recorded')).toBe(true);
      // Reading a notification is one's own business.
      const note = (await p.as.unitB.get('/api/notifications')).json().items[0];
      expect((await p.as.unitA.post(`/api/notifications/${note.id}/read`)).statusCode).toBe(404);
      expect((await p.as.unitB.post(`/api/notifications/${note.id}/read`)).json().marked).toBe(1);
      h.clock.set('2026-03-02T02:00:00Z');
    });
  });

  describe('inspections', () => {
    it('closes only when every rectification is closed with evidence', async () => {
      const i = (await p.as.taskforce.post('/api/inspections', { kind: 'special', titleZh: '菌种库建设专项督查', plannedOn: '2026-03-10', scope: { taskNos: [22], organisationIds: [p.orgs.unitA], districtCodes: [] } })).json();
      expect(i.code).toBe('DC-2026-001');
      const r = (await p.as.taskforce.post(`/api/inspections/${i.id}/rectifications`, { descriptionZh: '补齐入库菌种鉴定报告', ownerOrganisationId: p.orgs.unitA, dueOn: '2026-04-30' })).json();
      expect((await p.as.taskforce.post(`/api/inspections/${i.id}/close`, {})).statusCode).toBe(409);
      expect((await p.as.unitB.post(`/api/rectifications/${r.id}/evidence`, { evidenceZh: 'x' })).statusCode).toBe(404);
      expect((await p.as.taskforce.post(`/api/rectifications/${r.id}/close`, {})).statusCode).toBe(409); // no evidence yet
      const up = multipart('证明.pdf', Buffer.from('%PDF-1.4 test'), 'application/pdf');
      const file = (await p.as.unitA.post('/api/files', up.payload, up.headers)).json();
      expect((await p.as.unitA.post(`/api/rectifications/${r.id}/evidence`, { evidenceZh: '已补齐 120 份鉴定报告', evidenceFileId: file.id })).json().status).toBe('submitted');
      expect((await p.as.taskforce.post(`/api/rectifications/${r.id}/reopen`, { comment: '缺 3 份' })).json().status).toBe('open');
      await p.as.unitA.post(`/api/rectifications/${r.id}/evidence`, { evidenceZh: '已补齐 123 份' });
      expect((await p.as.taskforce.post(`/api/rectifications/${r.id}/close`, { comment: '同意销号' })).json().status).toBe('closed');
      expect((await p.as.taskforce.post(`/api/inspections/${i.id}/close`, { findingsZh: '整改到位' })).json().status).toBe('closed');
      expect((await p.as.unitA.get(`/api/inspections/${i.id}`)).json().rectifications[0].evidenceFile).toBeNull();
      expect((await p.as.unitB.get(`/api/inspections/${i.id}`)).statusCode).toBe(404);
      expect((await p.as.unitB.get(`/api/files/${file.id}`)).statusCode).toBe(403);
      expect((await p.as.taskforce.get(`/api/files/${file.id}`)).body).toBe('%PDF-1.4 test');
    });
  });

  describe('indicators', () => {
    it('gives every target an indicator; reported ones keep their evidence and history, computed ones come from the registered query', async () => {
      const list = (await p.as.taskforce.get('/api/indicators')).json();
      const targets = (await p.as.anonymous.get('/api/plan/targets')).json();
      expect(list.map((i: { code: string }) => i.code).sort()).toEqual(targets.map((t: { code: string }) => t.code).sort());
      const scale = list.find((i: { quantified: boolean; unit: string }) => i.quantified && i.unit === '亿元');
      // Only units taking part in the indicator's action report it.
      expect((await p.as.unitA.post(`/api/indicators/${scale.code}/values`, { value: 700, asOf: '2026-02-28', evidenceZh: '快报' })).statusCode).toBe(403);
      const actions = (await p.as.anonymous.get('/api/plan/actions')).json();
      const taskNo = actions.find((a: { no: number }) => a.no === scale.actionNo).tasks[0].no;
      expect((await p.as.taskforce.request('PUT', `/api/assignments/${taskNo}`, { leadIds: [p.orgs.unitA], coIds: [], districtIds: [] })).statusCode).toBe(200);
      expect((await p.as.unitA.post(`/api/indicators/${scale.code}/values`, { value: 700, asOf: '2026-02-28', evidenceZh: ' ' })).statusCode).toBe(422);
      expect((await p.as.unitA.post(`/api/indicators/${scale.code}/values`, { value: 700, asOf: '2026-02-28', evidenceZh: '市统计局 2025 年快报' })).statusCode).toBe(201);
      const put = await p.as.taskforce.request('PUT', `/api/indicators/${scale.code}/setting`, { baselineValue: 600, baselineOn: '2024-01-01', paceCurve: null });
      expect(put.statusCode, put.body).toBe(200);
      const got = (await p.as.taskforce.get(`/api/indicators/${scale.code}`)).json();
      expect(got).toMatchObject({ value: 700, source: 'reported', behind: true });
      expect(got.history[0].evidenceZh).toBe('市统计局 2025 年快报');

      // A work point linked to an indicator behind its line turns yellow, and says why.
      const wp = (await p.as.taskforce.post('/api/work-points', { taskNo: 1, year: 2026, titleZh: '产业规模提升', deliverableZh: '产值增长', ownerOrganisationId: p.orgs.unitB, dueOn: '2026-12-31', frequency: 'quarterly', indicatorCode: scale.code })).json();
      const status = (await p.as.taskforce.get(`/api/work-points/${wp.id}`)).json();
      expect(status.colour).toBe('yellow');
      expect(status.reasons.map((r: { zh: string }) => r.zh).join('；')).toContain('指标当前 700');

      h.services.plan.registerIndicator(scale.code, async () => ({ value: 812, asOf: '2026-03-01', basisZh: '企业营收合计', basisEn: 'Sum of revenue', drillDown: '/industry' }));
      expect((await p.as.unitA.post(`/api/indicators/${scale.code}/values`, { value: 1, asOf: '2026-02-28', evidenceZh: 'x' })).statusCode).toBe(409);
      // This one, the industry map's 专精特新 count (0 firms here; the other industry indicators have no
      // verified figures yet), the pilot module's two counts (bases recognised, 1-to-10 conversions; 0 here),
      // the innovation platforms and their results from 0 to 1 (the seeded platforms count), and the
      // talent module's four (national-level talents, academicians, high-end talent, education; 0 here),
      // the strain bank's three (strains accessioned, bioresources kept, BSL-3 labs in effect) and the
      // safety module's concluded evaluations.
      expect((await p.as.taskforce.post('/api/indicators/snapshot')).json().recorded).toBe(14);
      const computed = (await p.as.taskforce.get(`/api/indicators/${scale.code}`)).json();
      expect(computed).toMatchObject({ value: 812, source: 'computed', drillDown: '/industry' });
      expect(computed.history.map((v: { source: string }) => v.source)).toEqual(['computed', 'reported']);
    });
  });
});
