import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { supervisionPeople, type SupervisionPeople } from './fixture.js';

const workbook = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
};

describe.each(testDatabases)('major lists, notices and consultations, on $name', (kind) => {
  const h = useHarness(kind);
  let p: SupervisionPeople;

  beforeAll(async () => {
    p = await supervisionPeople(h);
    h.clock.set('2025-10-08T02:00:00Z');
  });

  describe('the four major lists, in editions', () => {
    it('starts each new edition as a copy of the last, diffs two editions and keeps old ones readable', async () => {
      const tf = p.as.taskforce;
      const e1 = await tf.post('/api/major-lists/project/editions', {});
      expect(e1.statusCode, e1.body).toBe(201);
      expect((await tf.post('/api/major-lists/project/editions', {})).statusCode).toBe(409); // a draft is open
      const a = (await tf.post('/api/major-lists/project/editions/1/items', { nameZh: '生物基尼龙项目', amountYiYuan: 10, taskNo: 3 })).json();
      const b = (await tf.post('/api/major-lists/project/editions/1/items', { nameZh: '菌种库项目', amountYiYuan: 2 })).json();
      await tf.post('/api/major-lists/project/editions/1/items', { nameZh: '中试基地项目', amountYiYuan: 4 });
      expect(a.itemKey).toBe('P0001');
      // Drafts are the task force's: others do not see edition 1 until it is published.
      expect((await p.as.enterprise.get('/api/major-lists/project/editions/1')).statusCode).toBe(404);
      expect((await tf.post('/api/major-lists/project/editions/1/publish')).statusCode).toBe(200);
      expect((await p.as.enterprise.get('/api/major-lists/project/editions/1')).json().items).toHaveLength(3);

      const e2 = (await tf.post('/api/major-lists/project/editions', { titleZh: '重大项目清单（第 2 版）' })).json();
      expect(e2).toMatchObject({ editionNo: 2, items: 3 });
      const items2 = (await tf.get('/api/major-lists/project/editions/2')).json().items as { id: string; itemKey: string }[];
      await tf.patch(`/api/major-list-items/${items2.find((i) => i.itemKey === a.itemKey)!.id}`, { amountYiYuan: 12, progressZh: '已开工' });
      await tf.delete(`/api/major-list-items/${items2.find((i) => i.itemKey === b.itemKey)!.id}`);
      const added = (await tf.post('/api/major-lists/project/editions/2/items', { nameZh: '生物农药项目' })).json();
      expect(added.itemKey).toBe('P0004');
      await tf.post('/api/major-lists/project/editions/2/publish');

      const diff = (await p.as.unitA.get('/api/major-lists/project/diff?from=1&to=2')).json();
      expect(diff.added.map((i: { nameZh: string }) => i.nameZh)).toEqual(['生物农药项目']);
      expect(diff.removed.map((i: { nameZh: string }) => i.nameZh)).toEqual(['菌种库项目']);
      expect(diff.changed).toHaveLength(1);
      expect(diff.changed[0].fields.map((f: { field: string; from: unknown; to: unknown }) => [f.field, f.from, f.to])).toEqual([['amountYiYuan', 10, 12], ['progressZh', null, '已开工']]);
      expect(diff.unchanged).toBe(1);

      // Edition 1 is untouched, and published editions refuse edits.
      expect((await tf.get('/api/major-lists/project/editions/1')).json().items.find((i: { itemKey: string }) => i.itemKey === a.itemKey).amountYiYuan).toBe(10);
      const published = (await tf.get('/api/major-lists/project/editions/1')).json().items[0];
      expect((await tf.patch(`/api/major-list-items/${published.id}`, { nameZh: 'x' })).statusCode).toBe(409);

      const xlsx = await tf.get('/api/major-lists/project/diff.xlsx?from=1&to=2');
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const ws = (await workbook(xlsx.rawPayload)).worksheets[0];
      const changes = ws.getColumn(1).values.slice(2);
      expect(changes.sort()).toEqual(['新增', '移出', '调整'].sort());
    });
  });

  describe('notices', () => {
    let id: string;
    it('drafts a notice from the quarter\'s records, which the public cannot see yet', async () => {
      const res = await p.as.taskforce.post('/api/notices', { kind: 'progress', quarter: '2025-Q3' });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
      expect(res.json().titleZh).toBe('关于2025年第3季度生物制造产业行动计划推进情况的通报');
      expect(res.json().paragraphs.some((x: unknown) => typeof x === 'string' && x.includes('按时报送'))).toBe(true);
      expect((await p.as.anonymous.get(`/api/notices/${id}`)).statusCode).toBe(404);
      expect((await p.as.anonymous.get('/api/notices')).json().items).toEqual([]);
      expect((await p.as.taskforce.post('/api/notices', { kind: 'progress', quarter: '2025Q3' })).statusCode).toBe(422);
    });

    it('is edited, approved and published in order, numbered on publication, and public afterwards', async () => {
      expect((await p.as.taskforce.post(`/api/notices/${id}/publish`)).statusCode).toBe(409); // not approved yet
      expect((await p.as.taskforce.patch(`/api/notices/${id}`, { titleZh: '关于2025年第三季度生物制造行动计划推进情况的通报' })).statusCode).toBe(200);
      expect((await p.as.taskforce.post(`/api/notices/${id}/approve`)).json().status).toBe('approved');
      expect((await p.as.taskforce.patch(`/api/notices/${id}`, { titleZh: 'x' })).statusCode).toBe(409);
      const published = (await p.as.taskforce.post(`/api/notices/${id}/publish`)).json();
      expect(published).toMatchObject({ status: 'published', number: '渝生物专班〔2025〕1号', issuedOn: '2025-10-08' });
      const list = (await p.as.expert.get('/api/notices')).json();
      expect(list.items.map((n: { id: string }) => n.id)).toEqual([id]);
    });

    it('downloads as a Word document laid out as an official document', async () => {
      const res = await p.as.anonymous.get(`/api/notices/${id}/docx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(res.rawPayload);
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('关于2025年第三季度生物制造行动计划推进情况的通报');
      expect(xml).toContain('渝生物专班〔2025〕1号');
      expect(xml).toContain('2025年10月8日');
      expect(xml).toContain('<w:tbl>');
    });
  });

  describe('consultations', () => {
    it('holds the plan\'s own July 2024 consultation as the first record, closed to comments now', async () => {
      const list = (await p.as.anonymous.get('/api/consultations')).json();
      const plan = list.find((c: { code: string }) => c.code === 'ZQYJ-2024-001');
      expect(plan).toMatchObject({ opensOn: '2024-07-26', closesOn: '2024-08-01', window: 'closed', status: 'published' });
      const detail = (await p.as.anonymous.get(`/api/consultations/${plan.id}`)).json();
      expect(detail.draftText).toContain('生物制造');
      expect(detail.contact.email).toBe('cqfgwgjsc@163.com');
      const late = await p.as.anonymous.post(`/api/consultations/${plan.id}/comments`, { body: '建议增加人才政策' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toContain('2024-08-01');
    });

    it('takes comments from anyone within the window, as plain text, and compiles the feedback report', async () => {
      const c = (await p.as.taskforce.post('/api/consultations', { titleZh: '生物制造中试基地管理办法（征求意见稿）', draftText: '第一条 …', opensOn: '2025-10-01', closesOn: '2025-10-31' })).json();
      expect((await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: '草稿不可评论' })).statusCode).toBe(404);
      await p.as.taskforce.post(`/api/consultations/${c.id}/publish`);
      const script = '<script>alert(1)</script> 建议明确中试收费标准';
      const ok = await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: script, authorName: '张三', organisationName: '某企业' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: 'x'.repeat(2001) })).statusCode).toBe(422);
      expect((await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: '   ' })).statusCode).toBe(422);
      const comments = (await p.as.taskforce.get(`/api/consultations/${c.id}/comments`)).json();
      expect(comments.items).toHaveLength(1);
      expect(comments.items[0].body).toBe(script); // kept as written; the web renders text, never HTML
      expect((await p.as.taskforce.post(`/api/consultation-comments/${comments.items[0].id}/answer`, { answerZh: '已在第五条补充', disposition: 'adopted' })).statusCode).toBe(200);
      const xlsx = await p.as.taskforce.get(`/api/consultations/${c.id}/feedback.xlsx`);
      const ws = (await workbook(xlsx.rawPayload)).worksheets[0];
      expect(ws.getRow(2).getCell(4).value).toBe(script);
      expect(ws.getRow(2).getCell(5).value).toBe('采纳');
      h.clock.set('2025-11-01T02:00:00Z');
      expect((await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: '截止后' })).statusCode).toBe(409);
      h.clock.set('2025-10-08T02:00:00Z');
    });

    it('limits how fast one address may comment', async () => {
      const c = (await p.as.taskforce.post('/api/consultations', { titleZh: '限流测试', draftText: '正文', opensOn: '2025-10-01', closesOn: '2025-10-31' })).json();
      await p.as.taskforce.post(`/api/consultations/${c.id}/publish`);
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await p.as.anonymous.post(`/api/consultations/${c.id}/comments`, { body: `意见 ${i}` })).statusCode);
      expect(codes).toContain(429);
    });
  });
});
