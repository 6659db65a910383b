import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { needBody } from './fixture.catalog.js';

/**
 * Editions of the catalog: one draft at a time; the first takes the accepted needs; a new one
 * starts from the last published (its needs carried over, needs accepted since added, needs
 * withdrawn dropped, revisions taken); publishing takes the catalog once more, numbers it within
 * its year and freezes it; the difference between two editions field by field; the Word and
 * Excel files hold public fields only; the public reads a need as the last edition shows it.
 */

const PHONE = '13900009876';

describe.each(testDatabases)('editions of the need catalog, on $name', (kind) => {
  const h = useHarness(kind);
  let tf: Client, ent: Client, unit: Client, anonymous: Client;
  let entOrg: string;
  const id: Record<string, string> = {};

  async function accepted(key: string, extra: Record<string, unknown>) {
    const n = await ent.post('/api/challenges/needs', needBody({ contactPhone: PHONE, ...extra }));
    expect(n.statusCode, n.body).toBe(201);
    id[key] = n.json().id;
    await ent.post(`/api/challenges/needs/${id[key]}/submit`, {});
    expect((await unit.post(`/api/challenges/needs/${id[key]}/accept`, {})).statusCode).toBe(200);
  }

  beforeAll(async () => {
    h.clock.set('2025-11-10T02:00:00Z');
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh })).id;
    entOrg = await mk('enterprise', '重庆合成生物有限公司（目录测试）');
    const unitOrg = await mk('department', '重庆市经济和信息化委员会（目录测试）');
    await h.user('catalog-tf', ['taskforce']);
    await h.user('catalog-ent', ['enterprise'], entOrg);
    await h.user('catalog-unit', ['unit'], unitOrg);
    [tf, ent, unit] = [await h.login('catalog-tf'), await h.login('catalog-ent'), await h.login('catalog-unit')];
    anonymous = h.anonymous;
    await accepted('a', { titleZh: '高通量液滴分选芯片', field: 'screening' });
    await accepted('b', { titleZh: '长片段 DNA 合成', field: 'dnaRna', domain: 'biopharma' });
    await accepted('c', { titleZh: '可降解聚酯单体生物合成', field: 'materials' });
    id.d = (await ent.post('/api/challenges/needs', needBody({ titleZh: '酶的从头设计', field: 'design' }))).json().id;
    await ent.post(`/api/challenges/needs/${id.d}/submit`, {});
  });

  it('publishes the first edition from the accepted needs, numbered in its year and frozen', async () => {
    const opened = await tf.post('/api/challenges/need-editions', {});
    expect(opened.statusCode, opened.body).toBe(201);
    const e1 = opened.json();
    expect(e1).toMatchObject({ status: 'draft', basedOnId: null, itemCount: 3, carried: 0, added: 3, byField: { screening: 1, dnaRna: 1, materials: 1, design: 0 }, byDomain: { biochem: 2, biopharma: 1 } });
    expect((await tf.post('/api/challenges/need-editions', {})).statusCode).toBe(409);
    // The draft is the organisers' to read.
    expect((await anonymous.get(`/api/challenges/need-editions/${e1.id}`)).statusCode).toBe(404);
    expect((await anonymous.get('/api/challenges/need-editions')).json().total).toBe(0);
    expect((await unit.get('/api/challenges/need-editions')).json().total).toBe(1);
    expect((await unit.post(`/api/challenges/need-editions/${e1.id}/publish`, {})).statusCode).toBe(403);

    const published = await tf.post(`/api/challenges/need-editions/${e1.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', year: 2025, number: 1, titleZh: '《重庆市生物制造产业关键核心技术需求目录》（2025 年第 1 版）' });
    id.e1 = e1.id;
    for (const res of [await tf.post(`/api/challenges/need-editions/${e1.id}/refresh`, {}), await tf.post(`/api/challenges/need-editions/${e1.id}/publish`, {}), await tf.delete(`/api/challenges/need-editions/${e1.id}`)]) {
      expect(res.statusCode).toBe(409);
    }

    // The public reads the edition, filtered and searched, and each need in it, without the contact.
    const items = (await anonymous.get(`/api/challenges/need-editions/${e1.id}/items`)).json();
    expect(items.items.map((i: { titleZh: string }) => i.titleZh)).toEqual(['高通量液滴分选芯片', '长片段 DNA 合成', '可降解聚酯单体生物合成']);
    expect(JSON.stringify(items)).not.toContain(PHONE);
    expect((await anonymous.get(`/api/challenges/need-editions/${e1.id}/items?field=dnaRna`)).json().items.map((i: { needId: string }) => i.needId)).toEqual([id.b]);
    expect((await anonymous.get(`/api/challenges/need-editions/${e1.id}/items?domain=biopharma`)).json().total).toBe(1);
    expect((await anonymous.get(`/api/challenges/need-editions/${e1.id}/items?q=${encodeURIComponent('聚酯')}`)).json().items.map((i: { needId: string }) => i.needId)).toEqual([id.c]);
    const publicNeed = await anonymous.get(`/api/challenges/needs/${id.a}`);
    expect(publicNeed.statusCode).toBe(200);
    expect(publicNeed.json()).toMatchObject({ titleZh: '高通量液滴分选芯片', editions: [{ id: e1.id }] });
    for (const key of ['contactNameZh', 'contactPhone', 'contactEmail', 'status', 'reviewNoteZh']) expect(Object.keys(publicNeed.json())).not.toContain(key);
    // A need submitted but not accepted is in no edition and not public.
    expect((await anonymous.get(`/api/challenges/needs/${id.d}`)).statusCode).toBe(404);
  });

  it('rolls the next edition from the last: carried, added, dropped and revised, with the difference field by field', async () => {
    h.clock.set('2026-02-01T02:00:00Z');
    await ent.post(`/api/challenges/needs/${id.b}/withdraw`, { noteZh: '已通过自筹解决' });
    expect((await unit.patch(`/api/challenges/needs/${id.a}`, { titleZh: '高通量液滴分选芯片及系统', fundingWan: 1200 })).statusCode).toBe(200);
    await unit.post(`/api/challenges/needs/${id.d}/accept`, {});

    const e2 = (await tf.post('/api/challenges/need-editions', {})).json();
    expect(e2).toMatchObject({ basedOnId: id.e1, basedOn: { id: id.e1 }, itemCount: 3, carried: 2, added: 1 });
    const draftItems = (await unit.get(`/api/challenges/need-editions/${e2.id}/items`)).json().items;
    expect(draftItems.map((i: { needId: string; origin: string }) => [i.needId, i.origin])).toEqual([[id.a, 'carried'], [id.c, 'carried'], [id.d, 'added']]);

    const diff = (await unit.get(`/api/challenges/need-editions/${e2.id}/diff`)).json();
    expect(diff.from).toMatchObject({ id: id.e1 });
    expect(diff.added.map((x: { needId: string }) => x.needId)).toEqual([id.d]);
    expect(diff.removed).toMatchObject([{ needId: id.b, statusNow: 'withdrawn', statusNowZh: '已撤回' }]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ needId: id.a, titleZh: '高通量液滴分选芯片及系统' });
    expect(diff.changed[0].fields).toEqual([
      { field: 'titleZh', from: '高通量液滴分选芯片', to: '高通量液滴分选芯片及系统', labelZh: '需求名称', labelEn: 'Title' },
      { field: 'fundingWan', from: 800, to: 1200, labelZh: '建议经费（万元）', labelEn: 'Suggested funding (10k yuan)' },
    ]);
    expect(diff.unchanged).toBe(1);

    // Publishing takes the catalog as it is then: a need accepted meanwhile enters; numbered first of 2026.
    await accepted('e', { titleZh: '秸秆纤维素高效糖化酶系', field: 'design', domain: 'bioenergy' });
    const published = (await tf.post(`/api/challenges/need-editions/${e2.id}/publish`, {})).json();
    expect(published).toMatchObject({ year: 2026, number: 1, itemCount: 4, titleZh: '《重庆市生物制造产业关键核心技术需求目录》（2026 年第 1 版）' });
    id.e2 = e2.id;
    expect((await anonymous.get('/api/challenges/need-editions')).json().items.map((e: { number: number; year: number }) => `${e.year}-${e.number}`)).toEqual(['2026-1', '2025-1']);
    const publicDiff = (await anonymous.get(`/api/challenges/need-editions/${e2.id}/diff?from=${id.e1}`)).json();
    expect(publicDiff.added.map((x: { needId: string }) => x.needId)).toEqual([id.d, id.e]);
    expect((await anonymous.get(`/api/challenges/need-editions/${e2.id}/diff?from=${e2.id}`)).json().error.details[0].path).toBe('/querystring/from');
    // The first edition keeps what it had; the public reads a need as the last edition shows it.
    expect((await anonymous.get(`/api/challenges/need-editions/${id.e1}/items`)).json().items.map((i: { needId: string }) => i.needId)).toContain(id.b);
    expect((await anonymous.get(`/api/challenges/needs/${id.a}`)).json()).toMatchObject({ titleZh: '高通量液滴分选芯片及系统', fundingWan: 1200 });

    // A third draft with nothing changed is discarded.
    const e3 = (await tf.post('/api/challenges/need-editions', {})).json();
    expect(e3).toMatchObject({ basedOnId: e2.id, carried: 4, added: 0 });
    expect((await tf.delete(`/api/challenges/need-editions/${e3.id}`)).json()).toEqual({ discarded: true });
    expect((await tf.get(`/api/challenges/need-editions/${e3.id}`)).statusCode).toBe(404);
  });

  it('prints an edition as a Word document and a spreadsheet without contacts, and shows the challenges posted from a need', async () => {
    const res = await anonymous.get(`/api/challenges/need-editions/${id.e2}/document.docx`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of ['（2026 年第 1 版）', '重庆市高新技术产业工作专班', '高通量液滴分选芯片及系统', '沿用 2 项，新增 2 项', '分选通量 3000滴/秒']) expect(xml, text).toContain(text);
    expect(xml).not.toContain(PHONE);

    const sheet = await anonymous.get(`/api/challenges/need-editions/${id.e2}/export.xlsx?field=design`);
    expect(sheet.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as never);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    expect(rows).toHaveLength(3);
    expect(rows.join('\n')).toContain('秸秆纤维素高效糖化酶系');
    expect(rows.join('\n')).not.toContain(PHONE);
    expect(rows.join('\n')).not.toContain('联系');

    // A challenge posted from a need shows on it; a draft challenge only to organisers.
    const db = h.database.db;
    for (const [code, status] of [['JB-2026-901', 'open'], ['JB-2026-902', 'draft']] as const) {
      await db.insertInto('challenge').values({ code, needId: id.a, titleZh: `${code} 液滴分选揭榜`, mode: 'single', fundingWan: 1000, durationMonths: 24, deadline: new Date('2026-06-30T16:00:00Z'), rubric: '[]', status }).execute();
    }
    expect((await anonymous.get(`/api/challenges/needs/${id.a}`)).json().challenges.map((c: { code: string }) => c.code)).toEqual(['JB-2026-901']);
    expect((await unit.get(`/api/challenges/needs/${id.a}`)).json().challenges.map((c: { code: string }) => c.code)).toEqual(['JB-2026-901', 'JB-2026-902']);
  });
});
