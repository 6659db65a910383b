import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { declareConflict, recordCollaboration } from '../../challenges/test/fixture.review.js';
import { applicationBody, dossier, evaluationIn, expert, findingsFor, makeWorld, ok, type World } from './fixture.js';

/**
 * Safety evaluation from application to conclusion: the applicant's draft, its dossier and the
 * 422s that name the field; the body's formal check, the clock with its green channel and the
 * days with the applicant excluded; conflict-free reviewers with the reasons others are ruled
 * out; findings, the conclusion and its certificate; two decisions at once; the public list; the
 * indicator; audit and notifications.
 */

const base = '/api/safety/evaluations';
const at = (day: string) => `${day}T02:00:00Z`;

describe.each(testDatabases)('safety evaluation, on $name', (kind) => {
  const h = useHarness(kind);
  let w: World;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const inbox = (where: { organisationId?: string; userId?: string }) => h.database.db.selectFrom('notification').select(['kind', 'titleZh'])
    .where(where.organisationId ? 'organisationId' : 'userId', '=', (where.organisationId ?? where.userId)!).orderBy('createdAt').execute();
  const audits = (entityId: string) => h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', entityId).orderBy('id').execute().then((r) => r.map((x) => x.action));

  beforeAll(async () => {
    h.clock.set(at('2026-03-02'));
    w = await makeWorld(h, 'flow');
  });

  it('takes a draft with its dossier (422s name the field, nothing written), submits, accepts, and starts the clock at 60 days', async () => {
    const foreign = await dossier(w, w.ctx.inst);
    const before = [await count('safety_evaluation'), await count('audit_log')];
    for (const [body, path] of [
      [applicationBody({ subjectKind: 'vaccine' }), null], [applicationBody({ fields: [] }), '/fields'], [applicationBody({ contactPhone: 'call me' }), '/contactPhone'],
      [applicationBody({ subjectKind: 'process', strainId: '00000000-0000-4000-8000-000000000000' }), '/strainId'],
      [applicationBody({ strainId: '00000000-0000-4000-8000-000000000000' }), '/strainId'],
      [applicationBody({ trackRequested: 'greenChannel' }), '/trackReasonZh'],
    ] as const) {
      const res = await w.as.ent.post(base, body);
      expect(res.statusCode, res.body).toBe(422);
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
    }
    // A file the applicant may not cite (another organisation's) is refused on the field.
    expect((await w.as.ent.post(base, applicationBody({ fileIds: [foreign] }))).json().error.details[0].path).toBe('/fileIds');
    expect([await count('safety_evaluation'), await count('audit_log')]).toEqual(before);

    const draft = await ok(await w.as.ent.post(base, applicationBody({ titleZh: '耐酸乳酸菌新菌株' })), 201, 'draft');
    expect(draft).toMatchObject({ code: 'SE-2026-0001', state: 'draft', audience: 'applicant', may: ['edit', 'submit', 'withdraw'], clock: null });
    // Nothing to submit without the dossier; the body does not see a draft.
    expect((await w.as.ent.post(`${base}/${draft.id}/submit`, {})).json().error.details.map((d: { path: string }) => d.path)).toEqual(['/fileIds']);
    expect((await w.as.taskforce.get(`${base}/${draft.id}`)).statusCode).toBe(404);
    expect((await w.as.other.get(`${base}/${draft.id}`)).statusCode).toBe(404);
    const fileId = await dossier(w);
    const edited = await ok(await w.as.colleague.patch(`${base}/${draft.id}`, { fileIds: [fileId], fields: ['合成生物学', '生物安全', '合成生物学'] }), 200, 'edit by a colleague');
    expect(edited.fields).toEqual(['合成生物学', '生物安全']);
    expect(edited.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    await ok(await w.as.ent.post(`${base}/${draft.id}/submit`, {}), 200, 'submit');
    expect((await w.as.ent.patch(`${base}/${draft.id}`, { titleZh: '改名' })).statusCode).toBe(409);

    const accepted = await ok(await w.as.unit.post(`${base}/${draft.id}/accept`, { noteZh: '材料齐全' }), 200, 'accept');
    expect(accepted).toMatchObject({ state: 'accepted', acceptedOn: '2026-03-02', track: 'standard', timeLimitDays: 60, clock: { daysUsed: 0, daysLeft: 60, dueOn: '2026-05-01' } });
    // The body reads the dossier; another enterprise does not.
    expect((await w.as.unit.get(`${base}/${draft.id}/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.as.other.get(`${base}/${draft.id}/files/${fileId}`)).statusCode).toBe(404);
    expect((await inbox({ organisationId: w.org.ent })).map((n) => n.kind)).toContain('safety.evaluation.accepted');
    expect(await audits(draft.id)).toEqual(['safety.evaluation.create', 'safety.evaluation.edit', 'safety.evaluation.submit', 'safety.evaluation.accept']);
  });

  it('grants the green channel once (20 days from acceptance), pauses the clock while supplements are with the applicant, and lists the overdue', async () => {
    h.clock.set(at('2026-03-02'));
    const { id } = await evaluationIn(w, 'submitted', { extra: { trackRequested: 'greenChannel', trackReasonZh: '国内首创的非天然氨基酸合成菌株' } });
    expect((await w.as.taskforce.post(`${base}/${id}/track`, { decision: 'refused' })).json().error.details[0].path).toBe('/noteZh');
    await ok(await w.as.taskforce.post(`${base}/${id}/accept`, {}), 200, 'accept');
    const both = await Promise.all([w.as.taskforce.post(`${base}/${id}/track`, { decision: 'granted' }), w.as.unit.post(`${base}/${id}/track`, { decision: 'granted', noteZh: '同意' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    h.clock.set(at('2026-03-12'));
    const granted = await ok(await w.as.taskforce.get(`${base}/${id}`), 200, 'read');
    expect(granted).toMatchObject({ track: 'greenChannel', trackDecision: 'granted', timeLimitDays: 20, clock: { daysUsed: 10, daysLeft: 10 } });

    expect((await w.as.taskforce.post(`${base}/${id}/request-supplements`, { reasonZh: ' ' })).statusCode).toBe(422);
    await ok(await w.as.taskforce.post(`${base}/${id}/request-supplements`, { reasonZh: '请补充全基因组测序报告' }), 200, 'supplements');
    h.clock.set(at('2026-03-30'));
    const paused = await ok(await w.as.ent.get(`${base}/${id}`), 200, 'applicant reads');
    expect(paused).toMatchObject({ state: 'supplementing', may: ['withdraw', 'supplement'], clock: { daysUsed: 10, pausedDays: 18, paused: true, overdue: false } });
    expect(paused.pauses[0]).toMatchObject({ reasonZh: '请补充全基因组测序报告', endedOn: null });
    expect((await inbox({ organisationId: w.org.ent })).at(-1)!.titleZh).toContain('请补充全基因组测序报告');
    const extra = await dossier(w, w.ctx.ent, '全基因组测序报告.pdf');
    const back = await ok(await w.as.ent.post(`${base}/${id}/supplement`, { answerZh: '已补充测序报告', fileIds: [extra] }), 200, 'supplement');
    expect(back).toMatchObject({ state: 'accepted', clock: { daysUsed: 10, pausedDays: 18 } });
    expect(back.files).toHaveLength(2);

    // Ten more days with the body, then two past the limit: overdue, and listed so for the body and overseers.
    h.clock.set(at('2026-04-11'));
    const overdue = await ok(await w.as.district.get(`${base}?overdue=true`), 200, 'overdue');
    expect(overdue.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect(overdue.items[0].clock).toMatchObject({ daysUsed: 22, daysLeft: -2, overdue: true });
    expect((await w.as.ent.get(`${base}?overdue=true`)).statusCode).toBe(403);
  });

  it('proposes conflict-free reviewers and says why the others are ruled out; a conflicted choice is refused naming the conflict', async () => {
    h.clock.set(at('2026-04-01'));
    const { id } = await evaluationIn(w, 'accepted');
    const free = [await expert(w, { nameZh: '无冲突甲' }), await expert(w, { nameZh: '无冲突乙', fields: ['生物安全'] })];
    const same = await expert(w, { organisationId: w.org.ent, nameZh: '同单位丙' });
    const declared = await expert(w, { nameZh: '声明回避丁' });
    await declareConflict(h, declared.id, { organisationId: w.org.ent });
    const coauthor = await expert(w, { nameZh: '合作论文戊' });
    await recordCollaboration(h, coauthor.id, { kind: 'publication', titleZh: '丁二酸发酵菌株的构建', ref: '10.1000/cq.2025.1', organisationId: w.org.ent });
    const offField = await expert(w, { nameZh: '领域不符己', fields: ['园林'] });

    const p = await ok(await w.as.taskforce.get(`${base}/${id}/reviewer-proposal?n=3`), 200, 'proposal');
    const proposed = p.reviewers.map((r: { expertId: string }) => r.expertId);
    for (const x of [same, declared, coauthor, offField]) expect(proposed).not.toContain(x.id);
    expect(proposed).toEqual(expect.arrayContaining(free.map((x) => x.id)));
    const reasons = (x: { id: string }) => p.excluded.find((e: { id: string }) => e.id === x.id)?.reasons.map((r: { kind: string; zh: string }) => `${r.kind} ${r.zh}`).join(' ');
    expect(reasons(same)).toMatch(/^sameOrganisation .*同属一个机构.*重庆示范合成生物公司/);
    expect(reasons(declared)).toMatch(/^declared .*声明.*重庆示范合成生物公司/);
    expect(reasons(coauthor)).toMatch(/^jointPublication .*丁二酸发酵菌株的构建/);
    expect(reasons(offField)).toBeUndefined();

    const reviewsBefore = await count('safety_review');
    const refused = await w.as.taskforce.post(`${base}/${id}/reviewers`, { expertIds: [free[0].id, coauthor.id] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('合作发表论文');
    expect(refused.json().error.details[0].path).toBe('/expertIds/1');
    expect(await count('safety_review')).toBe(reviewsBefore);

    const assigned = await ok(await w.as.taskforce.post(`${base}/${id}/reviewers`, { expertIds: [free[0].id, free[1].id] }), 200, 'assign');
    expect(assigned.state).toBe('review');
    expect(assigned.reviews.map((r: { source: string; expertId: string }) => `${r.expertId} ${r.source}`).sort()).toEqual(free.map((x) => `${x.id} proposal`).sort());
    expect((await inbox({ userId: free[0].userId })).map((n) => n.kind)).toEqual(['safety.review.assigned']);
    // Twice the same expert: refused.
    expect((await w.as.taskforce.post(`${base}/${id}/reviewers`, { expertIds: [free[0].id] })).statusCode).toBe(409);

    // The first declines; the body replaces them with the engine's next best, never a conflicted one.
    const mine = await ok(await free[0].client.get('/api/safety/reviews/mine'), 200, 'desk');
    expect(mine.items.map((r: { evaluationId: string }) => r.evaluationId)).toContain(id);
    const reviewId = mine.items.find((r: { evaluationId: string }) => r.evaluationId === id).id;
    await ok(await free[0].client.post(`/api/safety/reviews/${reviewId}/decline`, { reasonZh: '近期出差' }), 200, 'decline');
    expect((await free[0].client.get(`${base}/${id}`)).statusCode).toBe(404);
    // One more expert in the field, so that a replacement exists whatever the earlier tests left.
    await expert(w, { nameZh: '替补庚' });
    const replaced = await ok(await w.as.taskforce.post(`/api/safety/reviews/${reviewId}/replace`, {}), 200, 'replace');
    const live = replaced.reviews.filter((r: { status: string }) => r.status === 'assigned').map((r: { expertId: string }) => r.expertId);
    expect(live).toContain(free[1].id);
    expect(live).not.toContain(free[0].id);
    expect([same.id, declared.id, coauthor.id]).not.toContain(live.find((x: string) => x !== free[1].id));
    expect(live).toHaveLength(2);
  });

  it('takes findings on every aspect, concludes only once every reviewer is in, numbers certificates and tells applicant and reviewers', async () => {
    h.clock.set(at('2026-05-01'));
    const reviewers = [await expert(w), await expert(w)];
    const { id, code } = await evaluationIn(w, 'review', { reviewers });
    const desk = async (i: number) => (await ok(await reviewers[i].client.get('/api/safety/reviews/mine?status=assigned'), 200, 'desk')).items.find((r: { evaluationId: string }) => r.evaluationId === id);
    const first = await desk(0);
    expect(first.aspects).toEqual(['geneticStability', 'pathogenicityToxicity', 'antibioticResistance', 'environmentalRelease', 'processSafety']);
    // The reviewer reads the dossier but not the applicant's contact, nor another reviewer's findings.
    const seen = await ok(await reviewers[0].client.get(`${base}/${id}`), 200, 'reviewer reads');
    expect(seen).toMatchObject({ audience: 'reviewer', myReview: { id: first.id } });
    expect(seen).not.toHaveProperty('contactPhone');
    expect(seen).not.toHaveProperty('reviews');

    const incomplete = findingsFor('coreStrain');
    incomplete.findings.pop();
    expect((await reviewers[0].client.post(`/api/safety/reviews/${first.id}/submit`, incomplete)).json().error.details.map((d: { path: string }) => d.path)).toEqual(['/findings']);
    await ok(await reviewers[0].client.post(`/api/safety/reviews/${first.id}/submit`, findingsFor('coreStrain', 'safeWithConditions')), 200, 'submit');
    expect((await reviewers[0].client.post(`/api/safety/reviews/${first.id}/submit`, findingsFor('coreStrain'))).statusCode).toBe(409);
    // Another reviewer's review is not theirs to submit.
    const second = await desk(1);
    expect((await reviewers[0].client.post(`/api/safety/reviews/${second.id}/submit`, findingsFor('coreStrain'))).statusCode).toBe(404);

    const early = await w.as.taskforce.post(`${base}/${id}/conclude`, { conclusion: 'safe', findingsZh: '安全' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('1 位评审专家未提交');
    await ok(await reviewers[1].client.post(`/api/safety/reviews/${second.id}/submit`, findingsFor('coreStrain')), 200, 'submit 2');

    const body = await ok(await w.as.taskforce.get(`${base}/${id}`), 200, 'body reads');
    expect(body.reviewSummary).toMatchObject({ reviewers: 2, recommendations: { safe: 1, safeWithConditions: 1, notSafe: 0 } });
    expect(body.reviewSummary.aspects.find((a: { aspect: string }) => a.aspect === 'environmentalRelease').counts).toMatchObject({ acceptable: 1, controllable: 1 });

    expect((await w.as.taskforce.post(`${base}/${id}/conclude`, { conclusion: 'safeWithConditions', findingsZh: '风险可控' })).json().error.details[0].path).toBe('/conditionsZh');
    const done = await ok(await w.as.unit.post(`${base}/${id}/conclude`, { conclusion: 'safeWithConditions', findingsZh: '环境释放风险可控', conditionsZh: '限于密闭发酵，禁止环境释放' }), 200, 'conclude');
    expect(done).toMatchObject({ state: 'concluded', conclusion: 'safeWithConditions', certificateNo: 'SEC-2026-0001', concludedOn: '2026-05-01', clock: { met: true } });
    const notSafe = await evaluationIn(w, 'concluded', { conclusion: 'notSafe' });
    const safe = await evaluationIn(w, 'concluded', { conclusion: 'safe' });
    const certs = await h.database.db.selectFrom('safetyEvaluation').select(['id', 'certificateNo']).where('id', 'in', [notSafe.id, safe.id]).execute();
    expect(Object.fromEntries(certs.map((c) => [c.id, c.certificateNo]))).toEqual({ [notSafe.id]: null, [safe.id]: 'SEC-2026-0002' });

    // The applicant reads the conclusion and the summary as counts, no reviewer's name.
    const applicant = await ok(await w.as.ent.get(`${base}/${id}`), 200, 'applicant');
    expect(applicant).toMatchObject({ conditionsZh: '限于密闭发酵，禁止环境释放', reviewSummary: { reviewers: 2 } });
    expect(applicant).not.toHaveProperty('reviews');
    expect(JSON.stringify(applicant)).not.toContain(reviewers[0].nameZh);
    expect((await inbox({ organisationId: w.org.ent })).at(-1)!.kind).toBe('safety.evaluation.concluded');
    expect((await inbox({ userId: reviewers[0].userId })).map((n) => n.kind)).toEqual(['safety.review.assigned', 'safety.review.concluded']);
    expect((await audits(id)).slice(-1)).toEqual(['safety.evaluation.conclude']);

    // The public line: subject, applicant, conclusion, certificate, date, and nothing of the dossier or findings.
    const pub = await ok(await w.as.anonymous.get(`${base}/${id}`), 200, 'public');
    expect(Object.keys(pub).sort()).toEqual(['applicantNameZh', 'certificateNo', 'code', 'concludedOn', 'conclusion', 'id', 'subjectKind', 'titleZh', 'track']);
    const list = await ok(await w.as.anonymous.get('/api/safety/conclusions?conclusion=safeWithConditions'), 200, 'public list');
    expect(list.items.map((x: { code: string }) => x.code)).toEqual([code]);
    expect(JSON.stringify(list)).not.toContain('环境释放风险可控');
    expect((await w.as.anonymous.get('/api/safety/conclusions/export.xlsx')).statusCode).toBe(200);
  });

  it('lets one of two decisions land and refuses the other; withdrawal takes reviewers off', async () => {
    h.clock.set(at('2026-06-01'));
    const a = await evaluationIn(w, 'submitted');
    const both = await Promise.all([w.as.taskforce.post(`${base}/${a.id}/accept`, {}), w.as.unit.post(`${base}/${a.id}/return`, { reasonZh: '不属于受理范围' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const b = await evaluationIn(w, 'reviewed');
    const race = await Promise.all([
      w.as.taskforce.post(`${base}/${b.id}/conclude`, { conclusion: 'safe', findingsZh: '安全' }),
      w.as.unit.post(`${base}/${b.id}/request-supplements`, { reasonZh: '补充毒理试验' }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const certs = await h.database.db.selectFrom('safetyEvaluation').select('certificateNo').where('certificateNo', 'is not', null).execute();
    expect(new Set(certs.map((c) => c.certificateNo)).size).toBe(certs.length);

    const reviewer = await expert(w);
    const c = await evaluationIn(w, 'review', { reviewers: [reviewer] });
    const withdrawn = await ok(await w.as.ent.post(`${base}/${c.id}/withdraw`, { reasonZh: '项目调整' }), 200, 'withdraw');
    expect(withdrawn).toMatchObject({ state: 'withdrawn', closedReasonZh: '项目调整', clock: { running: false } });
    expect((await reviewer.client.get('/api/safety/reviews/mine')).json().items).toEqual([]);
    expect((await inbox({ userId: reviewer.userId })).map((n) => n.kind)).toEqual(['safety.review.assigned', 'safety.review.ended']);
    expect((await w.as.ent.post(`${base}/${c.id}/withdraw`, {})).statusCode).toBe(409);
  });

  it('measures the indicator: concluded evaluations, naming the green channel ones and the median days', async () => {
    h.clock.set(at('2026-07-01'));
    const reviewer = await expert(w);
    const { id } = await evaluationIn(w, 'submitted', { extra: { trackRequested: 'greenChannel', trackReasonZh: '首创工艺' } });
    await ok(await w.as.taskforce.post(`${base}/${id}/track`, { decision: 'granted' }), 200, 'grant');
    await ok(await w.as.taskforce.post(`${base}/${id}/accept`, {}), 200, 'accept');
    const { reviews } = await ok(await w.as.taskforce.post(`${base}/${id}/reviewers`, { expertIds: [reviewer.id] }), 200, 'assign');
    h.clock.set(at('2026-07-13'));
    await ok(await reviewer.client.post(`/api/safety/reviews/${reviews[0].id}/submit`, findingsFor('coreStrain')), 200, 'review');
    await ok(await w.as.taskforce.post(`${base}/${id}/conclude`, { conclusion: 'safe', findingsZh: '安全' }), 200, 'conclude');

    const concluded = Number((await sql<{ n: number }>`select count(*)::int as n from safety_evaluation where state = 'concluded'`.execute(h.database.db)).rows[0].n);
    const m = (await h.anonymous.get('/api/plan/targets')).json().find((t: { code: string }) => t.code === 'safetyEvaluationInnovation').measurement;
    expect(m).toMatchObject({ value: concluded, drillDown: '/safety/evaluations', asOf: '2026-07-13' });
    expect(m.basisZh).toContain('其中绿色通道 1 项');
    expect(m.basisZh).toContain('（绿色通道 12 天');
  });
});
