import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadExcelJS } from '../../../platform/excel/load.js';
import { writeWorkbook } from '../../../platform/excel/index.js';
import { multipart } from '../../supervision/test/fixture.js';
import { EXPERT_COLUMNS } from '../talent.excel.js';
import { expectPaths, expertBody, json, talentPeople, unique, type TalentPeople } from './fixture.js';

/**
 * The expert pool: the task force and units write experts (422 naming the field, nothing
 * written); the directory lists names, organisations and fields with Chinese search and
 * filters; only overseers and the expert itself read the full record; an expert declares
 * conflicts on its own record only, the task force on anyone's; an account is linked only when
 * it holds the expert role; the import checks every row first and writes nothing on a problem,
 * and the same expert code updates.
 */

async function sheetRows(buffer: Buffer): Promise<string[][]> {
  const wb = new (await loadExcelJS()).Workbook();
  await wb.xlsx.load(buffer as never);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe.each(testDatabases)('the expert pool, on $name', (kind) => {
  const h = useHarness(kind);
  let p: TalentPeople;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await talentPeople(h);
  });

  it('writes experts with a code, refuses bad input naming the field with nothing written, and a taken code with 409', async () => {
    const before = [await count('expert'), await count('audit_log')];
    expectPaths(await p.as.unit.post('/api/talent/experts', expertBody({ fields: [] })), 422, ['/fields']);
    expectPaths(await p.as.unit.post('/api/talent/experts', expertBody({ organisationZh: '' })), 422, ['/organisationZh']);
    expectPaths(await p.as.unit.post('/api/talent/experts', expertBody({ organisationId: '00000000-0000-4000-8000-000000000000' })), 422, ['/organisationId']);
    expectPaths(await p.as.unit.post('/api/talent/experts', expertBody({ domains: ['space'], maxLoad: 0 })), 422, ['/domains/0', '/maxLoad']);
    expect([await count('expert'), await count('audit_log')]).toEqual(before);

    const made = await json(await p.as.unit.post('/api/talent/experts', expertBody({ nameZh: '王合成', organisationId: p.org.university, organisationZh: '被机构名称覆盖', fields: [' 代谢工程 ', '代谢工程', '蛋白质设计'] })), 201, 'create');
    expect(made).toMatchObject({ nameZh: '王合成', organisationZh: '重庆大学', fields: ['代谢工程', '蛋白质设计'], available: true, full: true });
    expect(made.code).toMatch(/^ZJ-\d{5}$/);
    const dup = await p.as.unit.post('/api/talent/experts', expertBody({ code: made.code }));
    expect(dup.statusCode, dup.body).toBe(409);
    const edited = await json(await p.as.unit.patch(`/api/talent/experts/${made.id}`, { available: false, organisationId: null, organisationZh: '中科院天津工业生物技术研究所' }), 200, 'edit');
    expect(edited).toMatchObject({ available: false, organisationId: null, organisationZh: '中科院天津工业生物技术研究所', fields: ['代谢工程', '蛋白质设计'] });
    const trail = await h.database.db.selectFrom('auditLog').select(['action', 'before', 'after']).where('entityId', '=', made.id).orderBy('at').execute();
    expect(trail.map((a) => a.action)).toEqual(['talent.expert.create', 'talent.expert.update']);
    expect(trail[1].before).toMatchObject({ available: true, organisationZh: '重庆大学' });
  });

  it('lists the directory with Chinese search and filters; the full record only for overseers and the expert itself', async () => {
    await json(await p.as.taskforce.post('/api/talent/experts', expertBody({ nameZh: '李酶催化', fields: ['酶工程', '生物催化'], available: false })), 201, 'expert');
    const names = async (qs: string, who = p.as.district) => (await json(await who.get(`/api/talent/experts?${qs}`), 200, qs)).items.map((e: { nameZh: string }) => e.nameZh);
    expect(await names(`q=${encodeURIComponent('生物催化')}`)).toEqual(['李酶催化']);
    expect(await names(`field=${encodeURIComponent('生物催化')}`)).toEqual(['李酶催化']);
    expect(await names(`field=${encodeURIComponent('酶工程')}&available=false`)).toEqual(['李酶催化']);
    expect(await names(`organisationId=${p.org.university}`)).toHaveLength(1);
    const listed = (await json(await p.as.expert.get('/api/talent/experts?limit=500'), 200, 'list')).items;
    expect(listed.length).toBeGreaterThan(3);
    for (const e of listed) for (const k of ['contactZh', 'profileZh', 'userId', 'linked']) expect(Object.keys(e)).not.toContain(k);

    // An expert reads another's record without contact, conflicts or joint work; its own in full.
    const other = await json(await p.as.expert.get(`/api/talent/experts/${p.experts.other}`), 200, 'other');
    expect(other.full).toBe(false);
    for (const k of ['contactZh', 'conflicts', 'collaborations', 'userId']) expect(Object.keys(other)).not.toContain(k);
    expect(await json(await p.as.expert.get(`/api/talent/experts/${p.experts.own}`), 200, 'own')).toMatchObject({ full: true, contactZh: '138-0000-0000' });
    expect(await json(await p.as.expert.get('/api/talent/experts/me'), 200, 'me')).toMatchObject({ id: p.experts.own, full: true });
    expect(await json(await p.as.district.get(`/api/talent/experts/${p.experts.other}`), 200, 'district')).toMatchObject({ full: true, conflicts: [] });
  });

  it('links an account only when it holds the expert role and is not linked elsewhere', async () => {
    expectPaths(await p.as.taskforce.put(`/api/talent/experts/${p.experts.free}/account`, { userId: p.userId.enterprise }), 422, ['/userId']);
    expectPaths(await p.as.taskforce.put(`/api/talent/experts/${p.experts.free}/account`, { userId: p.userId.expert }), 409, ['/userId']);
    const username = (await json(await p.as.taskforce.put(`/api/talent/experts/${p.experts.own}/account`, { userId: p.userId.expert }), 200, 'relink')).username;
    expect(username).toMatch(/^talent-expert-/);
    expectPaths(await p.as.taskforce.put(`/api/talent/experts/${p.experts.free}/account`, { username: 'nobody-here' }), 422, ['/username']);
    expect((await json(await p.as.taskforce.put(`/api/talent/experts/${p.experts.free}/account`, { userId: null }), 200, 'unlink')).userId).toBeNull();
    expect((await json(await p.as.taskforce.put(`/api/talent/experts/${p.experts.own}/account`, { username }), 200, 'by name')).userId).toBe(p.userId.expert);
  });

  it('lets an expert declare conflicts on its own record only; the task force on anyone\'s', async () => {
    const before = [await count('expert_conflict'), await count('audit_log')];
    const refused = await p.as.expert.post(`/api/talent/experts/${p.experts.other}/conflicts`, { organisationId: p.org.enterprise });
    expect(refused.statusCode, refused.body).toBe(403);
    expect((await p.as.unit.post(`/api/talent/experts/${p.experts.own}/conflicts`, { organisationId: p.org.enterprise })).statusCode).toBe(403);
    expectPaths(await p.as.expert.post(`/api/talent/experts/${p.experts.own}/conflicts`, {}), 422, ['/organisationId']);
    expectPaths(await p.as.expert.post(`/api/talent/experts/${p.experts.own}/conflicts`, { personId: p.experts.own }), 422, ['/personId']);
    expect([await count('expert_conflict'), await count('audit_log')]).toEqual(before);

    const own = await json(await p.as.expert.post(`/api/talent/experts/${p.experts.own}/conflicts`, { organisationId: p.org.enterprise, noteZh: '曾任该公司顾问' }), 201, 'declare');
    expect(own.conflicts).toEqual([expect.objectContaining({ organisationId: p.org.enterprise, organisationNameZh: expect.stringContaining('重庆璧山合成生物'), noteZh: '曾任该公司顾问' })]);
    expect((await p.as.expert.post(`/api/talent/experts/${p.experts.own}/conflicts`, { organisationId: p.org.enterprise })).statusCode).toBe(409);
    const tf = await json(await p.as.taskforce.post(`/api/talent/experts/${p.experts.other}/conflicts`, { personId: p.experts.own }), 201, 'task force declares');
    expect(tf.conflicts).toEqual([expect.objectContaining({ personId: p.experts.own })]);
    // Nobody withdraws it from someone else's record; the expert itself may withdraw only what it declared:
    // a conflict the task force recorded stays until the task force withdraws it.
    expect((await p.as.expert.delete(`/api/talent/experts/${p.experts.other}/conflicts/${tf.conflictId}`)).statusCode).toBe(403);
    expect((await p.as.otherExpert.delete(`/api/talent/experts/${p.experts.other}/conflicts/${tf.conflictId}`)).statusCode).toBe(403);
    expect((await json(await p.as.taskforce.delete(`/api/talent/experts/${p.experts.other}/conflicts/${tf.conflictId}`), 200, 'withdraw')).conflicts).toEqual([]);
    expect((await json(await p.as.expert.delete(`/api/talent/experts/${p.experts.own}/conflicts/${own.conflictId}`), 200, 'withdraw own')).conflicts).toEqual([]);

    // Joint work: units record it for anyone, an expert on its own record only.
    expect((await p.as.otherExpert.post(`/api/talent/experts/${p.experts.own}/collaborations`, { kind: 'publication', titleZh: '论文', organisationId: p.org.enterprise })).statusCode).toBe(403);
    const joint = await json(await p.as.unit.post(`/api/talent/experts/${p.experts.own}/collaborations`, { kind: 'project', titleZh: '合成生物学重点专项', year: 2025, personId: p.experts.other }), 201, 'joint');
    expect(joint.collaborations).toEqual([expect.objectContaining({ kind: 'project', personId: p.experts.other, year: 2025 })]);
    expectPaths(await p.as.expert.post(`/api/talent/experts/${p.experts.own}/collaborations`, { kind: 'publication', titleZh: ' ', year: 1800, organisationId: p.org.enterprise }), 422, ['/titleZh', '/year']);
    // Joint work a unit recorded is not the expert's to remove; the unit removes it.
    expect((await p.as.expert.delete(`/api/talent/experts/${p.experts.own}/collaborations/${joint.collaborationId}`)).statusCode).toBe(403);
    expect((await json(await p.as.unit.delete(`/api/talent/experts/${p.experts.own}/collaborations/${joint.collaborationId}`), 200, 'remove')).collaborations).toEqual([]);
  });

  it('imports experts: every problem by row and column with nothing written, then one write; the same code updates', async () => {
    const file = (rows: Record<string, unknown>[]) => writeWorkbook([{ name: '专家库', columns: EXPERT_COLUMNS, rows }]);
    const upload = async (rows: Record<string, unknown>[], accept?: string) => {
      const m = multipart('专家库.xlsx', await file(rows));
      return p.as.unit.post('/api/talent/experts/import', m.payload, { ...m.headers, ...(accept ? { accept } : {}) });
    };
    const code = unique('IMP');
    const good = { code, nameZh: '赵导入', titleZh: '研究员', organisationZh: '重庆大学', fields: '发酵工程、分离纯化', domains: '生物化工；生物药', available: true, maxLoad: 4 };
    const before = [await count('expert'), await count('audit_log')];
    const bad = await upload([good, { ...good, nameZh: '' }, { ...good, code: unique('IMP'), domains: '航天' }, { ...good, code: unique('IMP'), maxLoad: 99 }, { ...good, fields: '、' }]);
    expect(bad.statusCode, bad.body).toBe(422);
    const details = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(details).toEqual(['/rows/3/nameZh', '/rows/4/domains', '/rows/5/maxLoad', '/rows/6/fields', '/rows/6/code']);
    expect(bad.json().error.details.find((d: { path: string }) => d.path === '/rows/4/domains').message).toMatch(/第 4 行「重点领域」/);
    expect([await count('expert'), await count('audit_log')]).toEqual(before);

    expect(await json(await upload([good, { ...good, code: unique('IMP'), nameZh: '钱导入', organisationZh: '不在平台的某大学' }]), 200, 'import')).toEqual({ created: 2, updated: 0, unchanged: 0, problems: [] });
    const stored = await h.database.db.selectFrom('expert').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ nameZh: '赵导入', organisationId: p.org.university, fields: ['发酵工程', '分离纯化'], domains: ['biochem', 'biopharma'], maxLoad: 4 });
    const streamed = await upload([{ ...good, titleZh: '首席科学家' }], 'application/x-ndjson');
    const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.progress).map((l) => l.progress.phase)).toEqual(expect.arrayContaining(['read', 'validate', 'write', 'done']));
    expect(lines.at(-1)).toEqual({ result: { created: 0, updated: 1, unchanged: 0, problems: [] } });
    expect(await json(await upload([{ ...good, titleZh: '首席科学家' }]), 200, 'again')).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await h.database.db.selectFrom('expert').select('titleZh').where('id', '=', stored.id).executeTakeFirstOrThrow()).titleZh).toBe('首席科学家');

    // The export carries the directory's columns and imports back unchanged; no contact leaves in it.
    const exported = await p.as.district.get(`/api/talent/experts/export.xlsx?q=${encodeURIComponent('赵导入')}`);
    expect(exported.statusCode).toBe(200);
    const rows = await sheetRows(exported.rawPayload);
    expect(rows[1]).toEqual(expect.arrayContaining([code, '赵导入', '首席科学家', '重庆大学', '发酵工程、分离纯化', '生物化工、生物药']));
    expect(rows.flat().join('|')).not.toContain('138-0000-0000');
    const m = multipart('专家库.xlsx', exported.rawPayload);
    expect(await json(await p.as.taskforce.post('/api/talent/experts/import', m.payload, m.headers), 200, 're-import')).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});
