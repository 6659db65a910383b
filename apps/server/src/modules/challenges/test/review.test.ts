import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import {
  challengePeople, closeApplications, formalCheckAll, makeApplication, makeChallenge, makeConsortium, makeOrganisation,
  type ApplicationMade, type ChallengeMade, type ChallengePeople, type Consortium,
} from './fixture.js';
import { assignmentsOf, declareConflict, makeExpert, recordCollaboration, scoresFor, submitAll, type ExpertMade } from './fixture.review.js';

/**
 * Expert review of a blind challenge: conflicts of interest refused with the conflict named
 * (each kind), automatic assignment that avoids them, the reviewer who sees only its own
 * assignments and no applicant's name, scores kept from other reviewers until one submits,
 * declines and declared conflicts replaced, and the aggregate with its outlier rule.
 */
describe.each(testDatabases)('expert review, on $name', (kind) => {
  const h = useHarness(kind);
  let p: ChallengePeople;
  let c: ChallengeMade;
  let k: Consortium[];
  let apps: ApplicationMade[];
  /** In app 0's team, linked to the expert pool. */
  let teamExpert: ExpertMade;
  /** One per conflict kind with app 0, and clean reviewers. */
  const bad = {} as Record<'sameOrg' | 'memberOrg' | 'declaredOrg' | 'declaredPerson' | 'publication' | 'project' | 'mirrored', ExpertMade>;
  const clean: ExpertMade[] = [];
  let outsider: ExpertMade;
  const everyone = () => [teamExpert, ...Object.values(bad), ...clean, outsider];
  const reviewCount = async () => Number((await sql<{ n: number }>`select count(*)::int as n from review_assignment`.execute(h.database.db)).rows[0].n);

  beforeAll(async () => {
    h.clock.set('2026-04-01T02:00:00Z');
    p = await challengePeople(h);
    c = await makeChallenge(h, p, { reviewersPerApplication: 3, blind: true });
    k = [await makeConsortium(h, { members: 1 }), await makeConsortium(h, { members: 1 }), await makeConsortium(h, { members: 1 })];
    const institute = await makeOrganisation(h, 'institute', '重庆大学生命科学学院');
    teamExpert = await makeExpert(h, { nameZh: '王团队', organisationId: institute, fields: ['无关领域'] });
    const leadName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', k[0].lead.orgId).executeTakeFirstOrThrow()).nameZh;
    apps = [
      await makeApplication(h, c, k[0], { planZh: `由${leadName}牵头，张揭榜负责，王团队参与。` }, { experts: [{ expertId: teamExpert.id, nameZh: '王团队' }] }),
      await makeApplication(h, c, k[1]),
      await makeApplication(h, c, k[2]),
    ];
    await closeApplications(h, p, c);
    await formalCheckAll(h, p, c);

    bad.sameOrg = await makeExpert(h, { nameZh: '同单位专家', organisationId: k[0].lead.orgId });
    bad.memberOrg = await makeExpert(h, { nameZh: '成员单位专家', organisationId: k[0].members[0].orgId });
    for (const key of ['declaredOrg', 'declaredPerson', 'publication', 'project', 'mirrored'] as const) bad[key] = await makeExpert(h, { nameZh: `专家-${key}`, organisationId: await makeOrganisation(h, 'institute', '外地研究所') });
    await declareConflict(h, bad.declaredOrg.id, { organisationId: k[0].lead.orgId });
    await declareConflict(h, bad.declaredPerson.id, { personId: teamExpert.id });
    await recordCollaboration(h, bad.publication.id, { kind: 'publication', titleZh: '液滴微流控筛选综述', ref: '10.1000/cqb.2024.1', organisationId: k[0].members[0].orgId });
    await recordCollaboration(h, bad.project.id, { kind: 'project', titleZh: '国家重点研发计划合成生物学专项', ref: '2022YFA0900001', personId: teamExpert.id });
    // Recorded on the team member's record, naming the reviewer: it binds the reviewer just the same.
    await recordCollaboration(h, teamExpert.id, { kind: 'publication', titleZh: '工业酶定向进化进展', ref: '10.1000/cqb.2025.7', personId: bad.mirrored.id });
    for (let i = 0; i < 5; i++) clean.push(await makeExpert(h, { nameZh: `评审专家甲${i}`, organisationId: await makeOrganisation(h, 'university', '外省大学'), login: true }));
    outsider = await makeExpert(h, { nameZh: '领域不符专家', fields: ['动物疫苗'], login: true });
  });

  it('refuses a manual assignment with a conflict of interest: 409 naming the kind and who or what stands in the way, nothing written', async () => {
    const leadName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', k[0].lead.orgId).executeTakeFirstOrThrow()).nameZh;
    const memberName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', k[0].members[0].orgId).executeTakeFirstOrThrow()).nameZh;
    const cases: [ExpertMade, string, string[]][] = [
      [bad.sameOrg, 'sameOrganisation', ['同一机构', leadName]],
      [bad.memberOrg, 'coApplicant', ['共同申报', memberName]],
      [teamExpert, 'coApplicant', ['共同申报', '申报团队成员']],
      [bad.declaredOrg, 'declared', ['本人声明回避', leadName]],
      [bad.declaredPerson, 'declared', ['本人声明回避', '王团队']],
      [bad.publication, 'jointPublication', ['合作发表论文', memberName, '液滴微流控筛选综述', '10.1000/cqb.2024.1']],
      [bad.project, 'jointProject', ['合作承担项目', '王团队', '国家重点研发计划合成生物学专项']],
      [bad.mirrored, 'jointPublication', ['合作发表论文', '王团队', '工业酶定向进化进展']],
    ];
    const before = await reviewCount();
    for (const [e, kindName, words] of cases) {
      const res = await p.as.taskforce.post(`/api/challenges/applications/${apps[0].id}/assignments`, { expertId: e.id });
      expect(res.statusCode, `${kindName} ${res.body}`).toBe(409);
      const { message, details } = res.json().error;
      for (const w of words) expect(message, `${kindName}: ${w}`).toContain(w);
      expect(details[0].path).toBe('/expertId');
      expect(message, 'ids are put in words').not.toContain(k[0].lead.orgId);
    }
    expect(await reviewCount()).toBe(before);
    // The same experts may review another application: the conflict is with app 0 only.
    const ok = await p.as.taskforce.post(`/api/challenges/applications/${apps[1].id}/assignments`, { expertId: bad.publication.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await p.as.taskforce.post(`/api/challenges/applications/${apps[1].id}/assignments`, { expertId: bad.publication.id })).statusCode).toBe(409);
    // An unknown expert is bad input.
    expect((await p.as.taskforce.post(`/api/challenges/applications/${apps[1].id}/assignments`, { expertId: apps[1].id })).json().error.details[0].path).toBe('/expertId');
  });

  it('assigns N reviewers per eligible application by field, never a conflicted one, and tells each reviewer', async () => {
    const res = await p.as.taskforce.post(`/api/challenges/${c.id}/assignments/auto`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ applications: 3, shortfalls: [], complete: 3 });
    for (const a of apps) expect((await assignmentsOf(h, a.id)).length).toBe(3);
    const onApp0 = (await assignmentsOf(h, apps[0].id)).map((a) => a.expertId);
    for (const e of [teamExpert, ...Object.values(bad)]) expect(onApp0).not.toContain(e.id);
    expect(onApp0.every((id) => clean.some((x) => x.id === id))).toBe(true);
    const told = await h.database.db.selectFrom('notification').select(['userId', 'kind']).where('kind', '=', 'challenges.review.assigned').execute();
    expect(told.map((n) => n.userId)).toEqual(expect.arrayContaining(clean.filter((x) => onApp0.includes(x.id)).map((x) => x.userId)));
    // A second run fills only what is missing: nothing.
    expect((await p.as.taskforce.post(`/api/challenges/${c.id}/assignments/auto`, {})).json().assigned).toBe(0);
    // The organisers' list names the reviewers.
    const list = (await p.as.taskforce.get(`/api/challenges/${c.id}/assignments`)).json();
    expect(list.items.map((x: { live: number }) => x.live)).toEqual([3, 3, 3]);
    expect(JSON.stringify(list)).toContain(clean[0].nameZh.slice(0, 4));
  });

  it('shows the reviewer only its own assignments, the application without any applicant name where blind', async () => {
    const mine = (await assignmentsOf(h, apps[0].id)).find((a) => a.expertId === clean[0].id) ?? (await assignmentsOf(h, apps[0].id))[0];
    const reviewer = everyone().find((e) => e.id === mine.expertId)!;
    const client = reviewer.client ?? (await (async () => { throw new Error('reviewer not signed in'); })());
    const list = (await client.get('/api/challenges/reviews')).json();
    expect(list.items.length).toBeGreaterThan(0);
    const theirs = await h.database.db.selectFrom('reviewAssignment').select('id').where('expertId', '=', reviewer.id).where('status', 'in', ['assigned', 'submitted']).execute();
    expect(list.items.map((x: { id: string }) => x.id).sort()).toEqual(theirs.map((x) => x.id).sort());

    const res = await client.get(`/api/challenges/reviews/${mine.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.application.blind).toBe(true);
    expect(view.application.lead.label.zh).toBe('申报单位 A');
    expect(view.application.planZh).toContain('申报单位 A');
    expect(view.panel).toBeNull();
    const names = await h.database.db.selectFrom('organisation').select(['id', 'nameZh']).where('id', 'in', [k[0].lead.orgId, k[0].members[0].orgId]).execute();
    for (const n of names) {
      expect(res.body).not.toContain(n.nameZh);
      expect(res.body).not.toContain(n.id);
    }
    for (const w of ['张揭榜', '王团队', teamExpert.id, k[0].lead.userId]) expect(res.body).not.toContain(w);

    // Someone else's assignment, or one on an application it is not on: not found.
    const other = (await assignmentsOf(h, apps[1].id)).find((a) => a.expertId !== reviewer.id)!;
    expect((await client.get(`/api/challenges/reviews/${other.id}`)).statusCode).toBe(404);
    expect((await outsider.client!.get(`/api/challenges/reviews/${mine.id}`)).statusCode).toBe(404);
    expect((await outsider.client!.get('/api/challenges/reviews')).json().total).toBe(0);
  });

  it('scores by rubric: drafts, a server-computed total, submission locked; others\' scores hidden until one submits', async () => {
    const desk = h.services.challenges.reviewDesk;
    const live = await assignmentsOf(h, apps[0].id);
    const [first, second] = live.map((a) => ({ a, e: everyone().find((x) => x.id === a.expertId)! }));
    expect((await desk.save(first.e.ctx, first.a.id, { scores: { innovation: 101 } }).catch((x) => x)).details[0].path).toBe('/scores/innovation');
    const draft = await desk.save(first.e.ctx, first.a.id, { scores: { innovation: 90, feasibility: 80 } });
    expect(draft.total).toBe(47); // 90 × 0.30 + 80 × 0.25
    expect((await desk.submit(first.e.ctx, first.a.id, {}).catch((x) => x)).details.map((d: { path: string }) => d.path)).toEqual(['/scores/team', '/scores/impact', '/scores/budget', '/commentZh']);

    // The second reviewer submits; the first still sees nothing of it.
    await desk.submit(second.e.ctx, second.a.id, { scores: scoresFor(60), commentZh: '可行性不足' });
    const seen = await desk.get(first.e.ctx, first.a.id);
    expect(seen.panel).toBeNull();
    expect(JSON.stringify(seen)).not.toContain('可行性不足');

    const done = await desk.submit(first.e.ctx, first.a.id, { scores: { team: 70, impact: 70, budget: 70 }, commentZh: '路线清楚，团队扎实' });
    expect(done).toMatchObject({ status: 'submitted', total: 78.5 });
    expect((await desk.save(first.e.ctx, first.a.id, { scores: { innovation: 10 } }).catch((x) => x)).status).toBe(409);
    // After submitting: the spread of the panel, without names or comments.
    const after = await desk.get(first.e.ctx, first.a.id);
    expect(after.panel).toMatchObject({ others: [60], n: 2, mean: 69.25, min: 60, max: 78.5 });
    expect(JSON.stringify(after.panel)).not.toContain(second.e.nameZh);
    expect(JSON.stringify(after)).not.toContain('可行性不足');
  });

  it('a reviewer declines or declares a conflict; organisers replace them with someone never on the application', async () => {
    const live = (await assignmentsOf(h, apps[1].id)).filter((a) => a.status === 'assigned');
    const [x, y] = live.map((a) => ({ a, e: everyone().find((z) => z.id === a.expertId)! }));
    const desk = h.services.challenges.reviewDesk;
    expect((await desk.decline(x.e.ctx, x.a.id, { reasonZh: ' ' }).catch((e) => e)).details[0].path).toBe('/reasonZh');
    await desk.decline(x.e.ctx, x.a.id, { reasonZh: '出差无法参评' });
    await desk.declareConflict(y.e.ctx, y.a.id, { noteZh: '与牵头单位有合作意向' });
    const declared = await h.database.db.selectFrom('expertConflict').selectAll().where('expertId', '=', y.e.id).execute();
    expect(declared.map((d) => d.organisationId)).toContain(k[1].lead.orgId);
    expect((await desk.get(y.e.ctx, y.a.id).catch((e) => e)).status).toBe(404);
    // The review was blind: the expert's own record does not name the applicant it declared against,
    // the task force's view does; and the expert cannot withdraw what the review recorded.
    const talent = h.services.talent.experts;
    const leadName = (await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', k[1].lead.orgId).executeTakeFirstOrThrow()).nameZh;
    const own = JSON.stringify(await talent.mine(y.e.ctx));
    expect(own).not.toContain(leadName);
    expect(own).not.toContain(k[1].lead.orgId);
    expect(JSON.stringify(await talent.get(p.ctx.taskforce, y.e.id))).toContain(leadName);
    const fromReview = declared.find((d) => d.organisationId === k[1].lead.orgId)!;
    expect((await talent.withdrawConflict(y.e.ctx, y.e.id, fromReview.id).catch((e) => e)).status).toBe(403);

    const reviews = h.services.challenges.reviews;
    const r1 = await reviews.replace(p.ctx.taskforce, x.a.id, {});
    const r2 = await reviews.replace(p.ctx.taskforce, y.a.id, {});
    const ever = new Set([x.e.id, y.e.id, ...live.map((a) => a.expertId)]);
    expect(ever.has(r1.expertId)).toBe(false);
    expect(ever.has(r2.expertId)).toBe(false);
    expect((await reviews.replace(p.ctx.taskforce, x.a.id, {}).catch((e) => e)).status).toBe(409);
    // A live reviewer with a conflict found later: replaced with the reason; the reason is required.
    const z = (await assignmentsOf(h, apps[2].id)).find((a) => a.status === 'assigned')!;
    expect((await reviews.replace(p.ctx.taskforce, z.id, {}).catch((e) => e)).details[0].path).toBe('/reasonZh');
    await reviews.replace(p.ctx.taskforce, z.id, { reasonZh: '发现其为申报单位前雇员' });
    expect((await h.database.db.selectFrom('reviewAssignment').select(['status', 'endReasonZh']).where('id', '=', z.id).executeTakeFirstOrThrow())).toEqual({ status: 'conflict', endReasonZh: '发现其为申报单位前雇员' });
    // Unassigning: only before submission.
    const submitted = (await assignmentsOf(h, apps[0].id)).find((a) => a.status === 'submitted')!;
    expect((await reviews.unassign(p.ctx.taskforce, submitted.id).catch((e) => e)).status).toBe(409);
    for (const a of apps) expect((await assignmentsOf(h, a.id)).length).toBe(3);
  });

  it('aggregates: the mean under five scores, the trimmed mean from five, the spread flagged above 20 points; organisers rank, districts wait for the notice', async () => {
    // Two more reviewers on app 1 make five.
    const reviews = h.services.challenges.reviews;
    const on1 = new Set((await h.database.db.selectFrom('reviewAssignment').select('expertId').where('applicationId', '=', apps[1].id).execute()).map((r) => r.expertId));
    const spare = everyone().filter((e) => !on1.has(e.id) && e !== teamExpert && e !== outsider).slice(0, 2);
    for (const e of spare) await reviews.assignOne(p.ctx.taskforce, apps[1].id, { expertId: e.id });
    expect((await assignmentsOf(h, apps[1].id)).length).toBe(5);
    // app 0 already has 78.5 and 60; app 1 gets 90, 80, 70, 60, 20; app 2 gets 75, 75, 75.
    const planned: Record<number, number[]> = { 0: [80], 1: [90, 80, 70, 60, 20], 2: [75, 75, 75] };
    await submitAll(h, everyone(), apps.map((a) => a.id), (i, j) => planned[i][j]);

    expect((await p.as.district.get(`/api/challenges/${c.id}/ranking`)).statusCode).toBe(403);
    const res = await p.as.taskforce.get(`/api/challenges/${c.id}/ranking`);
    expect(res.statusCode, res.body).toBe(200);
    const byId = Object.fromEntries(res.json().items.map((x: { id: string }) => [x.id, x]));
    expect(byId[apps[1].id]).toMatchObject({ n: 5, rule: 'trimmedMean', mean: 64, trimmedMean: 70, score: 70, min: 20, max: 90, spread: 70, wideSpread: true, totals: [90, 80, 70, 60, 20] });
    expect(byId[apps[0].id]).toMatchObject({ n: 3, rule: 'mean', trimmedMean: null, score: 72.83, spread: 20, wideSpread: false });
    expect(byId[apps[2].id]).toMatchObject({ score: 75, sd: 0, rank: 1 });
    expect([byId[apps[0].id].rank, byId[apps[1].id].rank]).toEqual([2, 3]);
    expect(res.json().items[0].id).toBe(apps[2].id);

    // The same ranking as a workbook: one row per application, rank first, the rule in the title, no reviewer names.
    expect((await p.as.district.get(`/api/challenges/${c.id}/ranking/export.xlsx`)).statusCode).toBe(403);
    const file = await p.as.taskforce.get(`/api/challenges/${c.id}/ranking/export.xlsx`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')).join('|')));
    const text = rows.join('\n');
    expect(text).toContain('截尾均值');
    const first = rows.find((r) => r.includes(apps[2].code))!;
    expect(first.split('|')[0]).toBe('1');
    expect(rows.find((r) => r.includes(apps[1].code))).toContain('70');
    for (const e of everyone()) expect(text).not.toContain(e.nameZh);
  });
});
