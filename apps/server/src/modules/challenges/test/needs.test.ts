import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness, type Client } from '../../../test/harness.js';
import { systemCtx, type Ctx } from '../../../platform/context/ctx.js';
import { multipart } from '../../supervision/test/fixture.js';
import { needBody } from './fixture.catalog.js';

/**
 * Technology needs: a raiser drafts, edits only its own drafts and returned needs, submits; an
 * organiser accepts or returns with a reason the raiser reads; two reviews at once take effect
 * once; the public reads a need only once a published edition holds it, never its contact.
 * The import writes every row or none.
 */

async function xlsx(header: string[], rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('需求');
  ws.addRow(header);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const HEADER = ['需求名称', '技术领域', '其他领域名称', '产业领域', '「卡脖子」问题', '国内外现状', '目标指标', '预期成果', '提出单位', '联系人', '联系电话', '建议组织方式', '建议经费（万元）'];
const row = (title: string, extra: Partial<Record<string, unknown>> = {}) => {
  const r: Record<string, unknown> = {
    title, field: '蛋白质与细胞设计', other: null, domain: '生物药', problem: '高表达细胞株构建周期长', level: '国外已有自动化平台', indicators: '表达量：5 g/L；构建周期：8 周',
    outcome: '建立细胞株开发平台', org: null, contact: '王工', phone: '023-6000-1111', mode: '并行资助', funding: 500, ...extra,
  };
  return [r.title, r.field, r.other, r.domain, r.problem, r.level, r.indicators, r.outcome, r.org, r.contact, r.phone, r.mode, r.funding];
};

describe.each(testDatabases)('technology needs, on $name', (kind) => {
  const h = useHarness(kind);
  const as = {} as Record<'tf' | 'ent' | 'other' | 'inst' | 'unit' | 'anonymous', Client>;
  const org = {} as Record<'ent' | 'other' | 'inst' | 'unit', string>;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const ctxOf = async (username: string): Promise<Ctx> => {
    const u = await h.database.db.selectFrom('appUser').select(['id', 'organisationId']).where('username', '=', username).executeTakeFirstOrThrow();
    return { requestId: username, principal: { userId: u.id, username, displayName: username, organisationId: u.organisationId, roles: ['unit'], via: 'session', scopes: null } };
  };

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh })).id;
    org.ent = await mk('enterprise', '重庆合成生物有限公司（需求测试）');
    org.other = await mk('enterprise', '重庆另一生物有限公司（需求测试）');
    org.inst = await mk('institute', '重庆生物制造研究院（需求测试）');
    org.unit = await mk('department', '重庆市科学技术局（需求测试）');
    for (const [who, roles, orgId] of [['tf', ['taskforce'], null], ['ent', ['enterprise'], org.ent], ['other', ['enterprise'], org.other], ['inst', ['institute'], org.inst], ['unit', ['unit'], org.unit]] as const) {
      await h.user(`needs-${who}`, [...roles], orgId);
      as[who] = await h.login(`needs-${who}`);
    }
    as.anonymous = h.anonymous;
  });

  it('raises a need as a draft that only its raiser edits, returns it with a reason the raiser reads, and accepts it', async () => {
    const before = [await count('tech_need'), await count('audit_log')];
    for (const [body, path] of [
      [needBody({ titleZh: ' ' }), '/titleZh'], [needBody({ field: 'other' }), '/fieldOtherZh'], [needBody({ domain: 'space' }), '/domain'],
      [needBody({ indicators: [] }), '/indicators'], [needBody({ indicators: [{ nameZh: '', targetValue: 1, unit: '' }] }), '/indicators/0/nameZh'],
      [needBody({ contactEmail: 'not-mail' }), '/contactEmail'], [needBody({ fundingWan: -1 }), '/fundingWan'], [needBody({ problemZh: '' }), '/problemZh'],
    ] as const) {
      const res = await as.ent.post('/api/challenges/needs', body);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    expect([await count('tech_need'), await count('audit_log')]).toEqual(before);

    const created = await as.ent.post('/api/challenges/needs', needBody());
    expect(created.statusCode, created.body).toBe(201);
    const n = created.json();
    expect(n).toMatchObject({ code: 'XQ-2026-001', status: 'draft', organisationId: org.ent, contactPhone: '13800001234', may: { edit: true, submit: true, review: false } });
    expect(n).not.toHaveProperty('tokens');
    const other = await as.ent.post('/api/challenges/needs', needBody({ field: 'other', fieldOtherZh: '合成生物安全', titleZh: '基因线路生物安全评估' }));
    expect(other.json()).toMatchObject({ code: 'XQ-2026-002', field: 'other', fieldOtherZh: '合成生物安全' });

    // A draft is nobody else's: another enterprise does not see it, nor edit it; an organiser reads it but may not edit a draft.
    expect((await as.other.get(`/api/challenges/needs/${n.id}`)).statusCode).toBe(404);
    expect((await as.anonymous.get(`/api/challenges/needs/${n.id}`)).statusCode).toBe(404);
    expect((await as.other.patch(`/api/challenges/needs/${n.id}`, { titleZh: '改' })).statusCode).toBe(404);
    expect((await as.unit.get(`/api/challenges/needs/${n.id}`)).json().contactNameZh).toBe('李工');
    expect((await as.unit.patch(`/api/challenges/needs/${n.id}`, { titleZh: '改' })).statusCode).toBe(409);
    expect((await as.unit.post(`/api/challenges/needs/${n.id}/accept`, {})).statusCode).toBe(409);
    // An enterprise raises for itself only.
    expect((await as.ent.post('/api/challenges/needs', needBody({ organisationId: org.other }))).statusCode).toBe(403);

    expect((await as.ent.patch(`/api/challenges/needs/${n.id}`, { fieldOtherZh: '被忽略', titleZh: '超高通量液滴分选系统国产化' })).json()).toMatchObject({ titleZh: '超高通量液滴分选系统国产化', fieldOtherZh: null });
    expect((await as.ent.post(`/api/challenges/needs/${n.id}/submit`, {})).json().status).toBe('submitted');
    expect((await as.ent.patch(`/api/challenges/needs/${n.id}`, { fundingWan: 900 })).statusCode).toBe(409);
    expect((await as.unit.get('/api/challenges/needs/all?status=submitted')).json().items.map((x: { id: string }) => x.id)).toEqual([n.id]);

    expect((await as.unit.post(`/api/challenges/needs/${n.id}/return`, { reviewNoteZh: '  ' })).json().error.details[0].path).toBe('/reviewNoteZh');
    const returned = await as.unit.post(`/api/challenges/needs/${n.id}/return`, { reviewNoteZh: '请补充国外代表性产品的通量数据' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewNoteZh: '请补充国外代表性产品的通量数据' });
    const mine = (await as.ent.get('/api/challenges/needs/mine')).json();
    expect(mine.items.find((x: { id: string }) => x.id === n.id)).toMatchObject({ status: 'returned', reviewNoteZh: '请补充国外代表性产品的通量数据', may: { edit: true, submit: true } });
    const told = await h.database.db.selectFrom('notification').select(['titleZh', 'link']).where('organisationId', '=', org.ent).execute();
    expect(told.map((t) => t.titleZh).join('\n')).toContain('请补充国外代表性产品的通量数据');
    expect(told[0].link).toBe(`/challenges/needs/${n.id}`);

    await as.ent.patch(`/api/challenges/needs/${n.id}`, { currentLevelZh: '国外代表产品通量每秒 3000 滴以上；国内处于样机阶段' });
    await as.ent.post(`/api/challenges/needs/${n.id}/submit`, {});
    const accepted = await as.unit.post(`/api/challenges/needs/${n.id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', may: { edit: true, withdraw: true } });
    // Accepted: the raiser no longer edits it; an organiser revises it.
    expect((await as.ent.patch(`/api/challenges/needs/${n.id}`, { fundingWan: 900 })).statusCode).toBe(409);
    expect((await as.unit.patch(`/api/challenges/needs/${n.id}`, { fundingWan: 1000 })).json().fundingWan).toBe(1000);

    // Not yet in a published edition: the public does not read it.
    expect((await as.anonymous.get(`/api/challenges/needs/${n.id}`)).statusCode).toBe(404);
    const actions = (await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', n.id).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['challenges.need.create', 'challenges.need.update', 'challenges.need.submit', 'challenges.need.return', 'challenges.need.accept']));
  });

  it('takes two reviews of one need at once once, and lets the task force raise for anyone', async () => {
    const raced = (await as.inst.post('/api/challenges/needs', needBody({ titleZh: '同时审核的需求' }))).json();
    await as.inst.post(`/api/challenges/needs/${raced.id}/submit`, {});
    const unit = await ctxOf('needs-unit');
    const outcomes = await Promise.allSettled([
      h.services.challenges.needs.accept(unit, raced.id), h.services.challenges.needs.returnNeed(unit, raced.id, { reviewNoteZh: '请补充' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.status).toBe(409);
    expect(await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', raced.id).where('action', 'in', ['challenges.need.accept', 'challenges.need.return']).execute()).toHaveLength(1);

    expect((await as.tf.post('/api/challenges/needs', needBody())).json().error.details[0].path).toBe('/organisationId');
    const forOther = await as.tf.post('/api/challenges/needs', needBody({ organisationId: org.other, titleZh: '代为提出的需求' }));
    expect(forOther.statusCode, forOther.body).toBe(201);
    expect((await as.other.get('/api/challenges/needs/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([forOther.json().id]);
    expect((await as.tf.get('/api/challenges/needs/mine')).json().items.map((x: { id: string }) => x.id)).toEqual([forOther.json().id]);
    // The raiser withdraws its own; an organiser takes an accepted need out only with a reason.
    expect((await as.other.post(`/api/challenges/needs/${forOther.json().id}/withdraw`, {})).json().status).toBe('withdrawn');
    expect((await as.other.post(`/api/challenges/needs/${forOther.json().id}/withdraw`, {})).statusCode).toBe(409);
    const acc = (await h.database.db.selectFrom('techNeed').select('id').where('titleZh', '=', '超高通量液滴分选系统国产化').executeTakeFirstOrThrow());
    expect((await as.unit.post(`/api/challenges/needs/${acc.id}/withdraw`, {})).json().error.details[0].path).toBe('/noteZh');
    // Chinese search over public words, never the contact.
    const search = async (q: string) => (await as.unit.get(`/api/challenges/needs/all?q=${encodeURIComponent(q)}`)).json().items.map((x: { titleZh: string }) => x.titleZh);
    expect(await search('液滴分选')).toEqual(['超高通量液滴分选系统国产化']);
    expect(await search('李工')).toEqual([]);
    expect((await as.unit.get('/api/challenges/needs/all?field=other')).json().total).toBe(1);
  });

  it('imports needs all or nothing, naming the row and column of each problem, and streams progress', async () => {
    const before = [await count('tech_need'), await count('audit_log')];
    const upload = (c: Client, file: Buffer, accept = 'application/json') => {
      const m = multipart('needs.xlsx', file);
      return c.request('POST', '/api/challenges/needs/import', m.payload, { ...m.headers, accept });
    };
    const bad = await xlsx(HEADER, [
      row('细胞株快速构建平台'),
      row('合成生物安全评估', { field: '其他' }),
      row('酶分子设计', { indicators: '催化效率提高十倍' }),
      row('', { domain: '航天' }),
      row('细胞株快速构建平台'),
    ]);
    const r = await upload(as.inst, bad);
    expect(r.statusCode, r.body).toBe(422);
    const problems = r.json().error.details.map((d: { path: string; message: string }) => `${d.path} ${d.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^\/rows\/3\/fieldOtherZh 第 3 行「其他领域名称」：技术领域选「其他」时须写明具体领域/),
      expect.stringMatching(/^\/rows\/4\/indicators 第 4 行「目标指标」：无法识别「催化效率提高十倍」/),
      expect.stringMatching(/^\/rows\/5\/titleZh /),
      expect.stringMatching(/^\/rows\/5\/domain /),
      expect.stringMatching(/^\/rows\/6\/titleZh 第 6 行「需求名称」：与第 2 行是同一单位的同名需求/),
    ]);
    expect([await count('tech_need'), await count('audit_log')]).toEqual(before);
    // An institute imports for itself only; the task force names each row's organisation.
    expect((await upload(as.inst, await xlsx(HEADER, [row('别家的需求', { org: '重庆另一生物有限公司（需求测试）' })]))).json().error.details[0].path).toBe('/rows/2/organisation');
    expect((await upload(as.tf, await xlsx(HEADER, [row('未署名的需求')]))).json().error.details[0].path).toBe('/rows/2/organisation');

    const good = await xlsx(HEADER, [row('细胞株快速构建平台'), row('抗体糖型精准调控', { indicators: '岩藻糖比例：5 %\n批间差异：3 %' }), row('合成生物安全评估', { field: '其他', other: '生物安全' })]);
    const streamed = await upload(as.inst, good, 'application/x-ndjson');
    expect(streamed.statusCode).toBe(200);
    const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((l) => l.progress?.phase === 'write')).toBe(true);
    expect(lines.at(-1).result).toMatchObject({ created: 3, problems: [] });
    const imported = await h.database.db.selectFrom('techNeed').selectAll().where('organisationId', '=', org.inst).where('status', '=', 'submitted').orderBy('code').execute();
    expect(imported.map((n) => n.titleZh)).toEqual(['细胞株快速构建平台', '抗体糖型精准调控', '合成生物安全评估']);
    expect(imported[1].indicators).toEqual([{ nameZh: '岩藻糖比例', targetValue: 5, unit: '%' }, { nameZh: '批间差异', targetValue: 3, unit: '%' }]);
    expect(imported[0]).toMatchObject({ field: 'design', domain: 'biopharma', suggestedMode: 'parallel', fundingWan: 500, contactPhone: '023-6000-1111' });
    expect(await count('tech_need')).toBe(before[0] + 3);

    // The task force imports for a named organisation; the export reads back what was written.
    const byTf = await upload(as.tf, await xlsx(HEADER, [row('代为导入的需求', { org: '重庆合成生物有限公司（需求测试）' })]));
    expect(byTf.statusCode, byTf.body).toBe(200);
    const exported = await as.ent.get('/api/challenges/needs/export.xlsx');
    expect(exported.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as never);
    const cells: string[] = [];
    wb.worksheets[0].eachRow((r) => cells.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    expect(cells.join('\n')).toContain('代为导入的需求');
    expect(cells.join('\n')).toContain('分选通量：3000 滴/秒');
    expect(cells.join('\n')).not.toContain('细胞株快速构建平台');
    const template = await as.ent.get('/api/challenges/needs/template.xlsx');
    expect(template.statusCode).toBe(200);
  });
});
