import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { loadExcelJS } from '../../../platform/excel/load.js';
import { expectPaths, json, talentPeople, type TalentPeople } from './fixture.js';

/**
 * The committee, talent and education records: a member is current while today is within the
 * term, renewing adds the next term and keeps the past one, overlapping terms and a second chair
 * are refused; visitors read the current roster only; consultations name the experts consulted.
 * Talent records carry a support package; the plan's indicators count from the records — the
 * national-level talents and academicians who arrived since the plan began, each once — and the
 * education list counts programmes and schemes.
 */

const target = async (h: ReturnType<typeof useHarness>, code: string) =>
  (await h.anonymous.get('/api/plan/targets')).json().find((t: { code: string }) => t.code === code).measurement;

describe.each(testDatabases)('the committee, talent and education records, on $name', (kind) => {
  const h = useHarness(kind);
  let p: TalentPeople;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await talentPeople(h);
  });

  it('keeps terms: current while today is within them, no overlap, one chair at a time; visitors read the current roster only', async () => {
    const { own, other, free } = p.experts;
    const add = (body: Record<string, unknown>) => p.as.taskforce.post('/api/talent/committee/members', body);
    const chair = await json(await add({ expertId: own, role: 'chair', termStart: '2025-01-01', termEnd: '2026-12-31' }), 201, 'chair');
    expect(chair).toMatchObject({ status: 'current', role: 'chair' });
    const past = await json(await add({ expertId: other, role: 'member', termStart: '2022-01-01', termEnd: '2024-12-31' }), 201, 'past');
    expect(past.status).toBe('expired');
    const before = [await count('committee_membership'), await count('audit_log')];
    expectPaths(await add({ expertId: own, role: 'member', termStart: '2026-06-01', termEnd: '2028-05-31' }), 409, ['/termStart']);
    expectPaths(await add({ expertId: free, role: 'chair', termStart: '2026-01-01', termEnd: '2028-12-31' }), 409, ['/role']);
    expectPaths(await add({ expertId: free, role: 'member', termStart: '2026-01-01', termEnd: '2025-12-31' }), 422, ['/termEnd']);
    expect([await count('committee_membership'), await count('audit_log')]).toEqual(before);
    await json(await add({ expertId: free, role: 'viceChair', termStart: '2026-01-01', termEnd: '2028-12-31' }), 201, 'vice');

    const roster = await json(await h.anonymous.get('/api/talent/committee/roster'), 200, 'roster');
    expect(roster.nameZh).toBe('重庆市生物制造产业专家委员会');
    expect(roster.members.map((m: { role: string }) => m.role)).toEqual(['chair', 'viceChair']);
    for (const m of roster.members) expect(Object.keys(m).sort()).toEqual(['fields', 'nameZh', 'organisationZh', 'role', 'titleZh']);
    expect(JSON.stringify(roster)).not.toContain('138-0000-0000');
    const directory = (await json(await p.as.district.get('/api/talent/experts?committee=true'), 200, 'committee filter')).items;
    expect(directory.map((e: { id: string }) => e.id).sort()).toEqual([own, free].sort());

    // Renewing the lapsed term starts today; the past term stays; an older term cannot be renewed past a later one.
    const renewed = await json(await p.as.taskforce.post(`/api/talent/committee/members/${past.id}/renew`, { termEnd: '2029-03-09' }), 201, 'renew lapsed');
    expect(renewed).toMatchObject({ termStart: '2026-03-10', termEnd: '2029-03-09', renewedFrom: past.id, status: 'current', role: 'member' });
    expect((await p.as.taskforce.post(`/api/talent/committee/members/${past.id}/renew`, { termEnd: '2030-01-01' })).statusCode).toBe(409);
    const next = await json(await p.as.taskforce.post(`/api/talent/committee/members/${chair.id}/renew`, { termEnd: '2029-12-31' }), 201, 'renew chair');
    expect(next).toMatchObject({ termStart: '2027-01-01', status: 'upcoming', role: 'chair' });
    expectPaths(await p.as.taskforce.post(`/api/talent/committee/members/${next.id}/renew`, { termEnd: '2029-06-30' }), 422, ['/termEnd']);
    const committee = await json(await p.as.expert.get('/api/talent/committee'), 200, 'committee');
    expect(committee.counts).toEqual({ chair: 1, viceChair: 1, member: 1 });
    expect(committee.terms.filter((t: { expertId: string }) => t.expertId === other).map((t: { status: string }) => t.status)).toEqual(['current', 'expired']);

    // A year on, the first chair term has ended and the renewed one is current.
    h.clock.set('2027-02-01T02:00:00Z');
    const later = await json(await h.anonymous.get('/api/talent/committee/roster'), 200, 'roster later');
    expect(later.members.filter((m: { role: string }) => m.role === 'chair')).toHaveLength(1);
    h.clock.set('2030-01-02T02:00:00Z');
    expect((await json(await h.anonymous.get('/api/talent/committee/roster'), 200, 'roster empty')).members).toEqual([]);
    h.clock.set('2026-03-10T02:00:00Z');
  });

  it('records consultations with the experts consulted and the plan task, refusing bad input with nothing written', async () => {
    const body = { kind: 'decision', subjectZh: '生物制造产业发展三年规划', heldOn: '2026-03-01', adviceZh: '建议聚焦合成生物学底层技术', taskNo: 19, expertIds: [p.experts.own, p.experts.free] };
    const before = [await count('committee_consultation'), await count('audit_log')];
    expectPaths(await p.as.taskforce.post('/api/talent/committee/consultations', { ...body, expertIds: [], heldOn: '2026-03-11', taskNo: 27 }), 422, ['/heldOn', '/taskNo', '/expertIds']);
    expectPaths(await p.as.taskforce.post('/api/talent/committee/consultations', { ...body, expertIds: [p.experts.own, '00000000-0000-4000-8000-000000000000'] }), 422, ['/expertIds/1']);
    expect([await count('committee_consultation'), await count('audit_log')]).toEqual(before);
    const c = await json(await p.as.taskforce.post('/api/talent/committee/consultations', body), 201, 'consultation');
    expect(c).toMatchObject({ code: 'ZX-2026-0001', kind: 'decision', taskNo: 19 });
    expect(c.experts.map((e: { id: string }) => e.id).sort()).toEqual([p.experts.own, p.experts.free].sort());
    await json(await p.as.taskforce.post('/api/talent/committee/consultations', { ...body, kind: 'project', subjectZh: '某生物基材料项目论证', taskNo: null, expertIds: [p.experts.other] }), 201, 'project');
    const mine = await json(await p.as.otherExpert.get(`/api/talent/committee/consultations?expertId=${p.experts.other}`), 200, 'by expert');
    expect(mine.items.map((x: { subjectZh: string }) => x.subjectZh)).toEqual(['某生物基材料项目论证']);
    expect((await json(await p.as.unit.get('/api/talent/committee/consultations?taskNo=19'), 200, 'by task')).total).toBe(1);
  });

  it('keeps talent records with their support package and counts the indicators from them, each person once', async () => {
    const uni = p.org.university;
    const body = (extra: Record<string, unknown>) => ({ nameZh: '某人才', kind: 'national', programme: 'yuyue', organisationId: uni, fieldZh: '合成生物学', status: 'arrived', arrivalOn: '2025-05-01', ...extra });
    const before = [await count('talent'), await count('audit_log')];
    expectPaths(await p.as.unit.post('/api/talent/people', body({ arrivalOn: null })), 422, ['/arrivalOn']);
    expectPaths(await p.as.unit.post('/api/talent/people', body({ programme: 'other', arrivalOn: '2026-04-01' })), 422, ['/programmeOtherZh', '/arrivalOn']);
    expectPaths(await p.as.unit.post('/api/talent/people', body({ support: [{ item: 'other', amountWan: -1 }] })), 422, ['/support/0/amountWan', '/support/0/descriptionZh']);
    expect([await count('talent'), await count('audit_log')]).toEqual(before);

    const made = await json(await p.as.unit.post('/api/talent/people', body({
      nameZh: '陈国家', support: [{ item: 'funding', descriptionZh: '三年科研启动经费', amountWan: 500 }, { item: 'housing', amountWan: 120 }, { item: 'lab', descriptionZh: '800 平方米实验室' }],
    })), 201, 'national');
    expect(made).toMatchObject({ code: 'RC-0001', organisationZh: '重庆大学', supportTotalWan: 620 });
    expect(made.support.map((s: { item: string }) => s.item)).toEqual(['funding', 'housing', 'lab']);
    for (const extra of [
      { nameZh: '早到的国家级人才', arrivalOn: '2023-06-01' },
      { nameZh: '在谈的国家级人才', status: 'recruiting', arrivalOn: null },
      { nameZh: '离开的国家级人才', status: 'left', arrivalOn: '2024-03-01', leftOn: '2025-12-31' },
      { nameZh: '院士甲', kind: 'academician', programme: 'newChongqing', arrivalOn: '2026-01-15' },
      { nameZh: '头雁团队甲', kind: 'leadGoose', programme: 'other', programmeOtherZh: '重庆英才计划', teamSize: 12 },
    ]) await json(await p.as.taskforce.post('/api/talent/people', body(extra)), 201, extra.nameZh);

    const national = await target(h, 'nationalTalents');
    expect(national).toMatchObject({ value: 1, drillDown: '/talent/people?kind=national' });
    expect(national.basisZh).toContain('两院院士单列');
    expect(await target(h, 'academicians')).toMatchObject({ value: 1, drillDown: '/talent/people?kind=academician' });
    expect(await target(h, 'highEndTalents')).toMatchObject({ value: 4 });
    await json(await p.as.unit.patch(`/api/talent/people/${made.id}`, { status: 'left', leftOn: '2026-03-01', support: [{ item: 'funding', amountWan: 300 }] }), 200, 'left');
    expect((await target(h, 'nationalTalents')).value).toBe(0);
    const after = await json(await p.as.district.get(`/api/talent/people/${made.id}`), 200, 'get');
    expect(after).toMatchObject({ status: 'left', supportTotalWan: 300, support: [{ item: 'funding', amountWan: 300, descriptionZh: null }] });

    const summary = await json(await p.as.district.get('/api/talent/people/summary'), 200, 'summary');
    expect(summary.targets).toEqual([
      { code: 'nationalTalents', kind: 'national', target: 5, value: 0 },
      { code: 'academicians', kind: 'academician', target: 1, value: 1 },
    ]);
    expect(summary.byKind.find((k: { kind: string }) => k.kind === 'national')).toMatchObject({ arrived: 1, arrivedSincePlan: 0, recruiting: 1, left: 2 });
    const names = async (qs: string) => (await json(await p.as.unit.get(`/api/talent/people?${qs}`), 200, qs)).items.map((t: { nameZh: string }) => t.nameZh);
    expect(await names('kind=academician')).toEqual(['院士甲']);
    expect(await names(`q=${encodeURIComponent('头雁团队甲')}`)).toEqual(['头雁团队甲']);
    const file = await p.as.taskforce.get('/api/talent/people/export.xlsx?kind=leadGoose');
    const wb = new (await loadExcelJS()).Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    expect(wb.worksheets[0].rowCount).toBe(2);
  });

  it('lists degree programmes and schemes of universities publicly and counts them for the education system', async () => {
    const body = { organisationId: p.org.university, kind: 'doctoral', nameZh: '生物学博士学位授权点', startYear: 2025, enrolment: 20 };
    expectPaths(await p.as.unit.post('/api/talent/education', { ...body, organisationId: p.org.enterprise }), 422, ['/organisationId']);
    expectPaths(await p.as.unit.post('/api/talent/education', { ...body, kind: 'joint', startYear: 2040 }), 422, ['/startYear', '/partnerZh']);
    const made = await json(await p.as.unit.post('/api/talent/education', body), 201, 'doctoral');
    const swu = (await json(await h.anonymous.get('/api/talent/education/universities'), 200, 'universities')).find((u: { nameZh: string }) => u.nameZh === '西南大学');
    expect(swu).toBeDefined();
    await json(await p.as.taskforce.post('/api/talent/education', { organisationId: swu.id, kind: 'joint', nameZh: '生物制造产业学院联合培养', partnerZh: '重庆示例合成生物科技有限公司', startYear: 2024, enrolment: 60 }), 201, 'joint');
    await json(await p.as.unit.patch(`/api/talent/education/${made.id}`, { enrolment: 25 }), 200, 'edit');
    const list = await json(await h.anonymous.get(`/api/talent/education?organisationId=${p.org.university}`), 200, 'list');
    expect(list.items).toEqual([expect.objectContaining({ kind: 'doctoral', enrolment: 25, organisationNameZh: '重庆大学' })]);
    const m = await target(h, 'educationSystem');
    expect(m).toMatchObject({ value: 2, drillDown: '/talent/education' });
    expect(m.basisZh).toContain('2 所高校');
  });
});
