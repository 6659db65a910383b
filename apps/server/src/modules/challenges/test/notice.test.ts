import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness } from '../../../test/harness.js';
import { challengeInReview, challengePeople, makeOrganisation, type ChallengeInReview, type ChallengePeople } from './fixture.js';
import { makeExpert, submitAll, type ExpertMade } from './fixture.review.js';

/**
 * The public notice (公示) and the awards: proposing from the ranking, the notice's period by the
 * server's clock, objections lodged in it and answered, an upheld one withdrawing the proposal,
 * confirmation only after the period with nothing pending, awards with their codes, and every
 * unsuccessful applicant's feedback without the reviewers' names.
 */
describe.each(testDatabases)('the public notice and the awards, on $name', (kind) => {
  const h = useHarness(kind);
  let p: ChallengePeople;
  let w: ChallengeInReview;
  const experts: ExpertMade[] = [];
  let ids: string[];
  const status = async (table: 'challenge' | 'application', id: string) => (await h.database.db.selectFrom(table).select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  beforeAll(async () => {
    h.clock.set('2026-05-04T02:00:00Z');
    p = await challengePeople(h);
    w = await challengeInReview(h, p, { applications: 3, challenge: { reviewersPerApplication: 2, noticeDays: 7, fundingWan: 800 } });
    ids = w.applications.map((a) => a.id);
    for (let i = 0; i < 3; i++) experts.push(await makeExpert(h, { nameZh: `公示测试专家${i}`, organisationId: await makeOrganisation(h, 'university', '外省大学') }));
    await h.services.challenges.reviews.autoAssign(p.ctx.taskforce, w.challenge.id);
  });

  it('waits for every score before proposing, and gives no feedback before the award', async () => {
    const res = await p.as.taskforce.post(`/api/challenges/${w.challenge.id}/notice`, { awardees: [{ applicationId: ids[0] }] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.details[0].path).toBe('/reviews');
    // app 0 scores 60, app 1 90, app 2 70.
    const totals = [[60, 60], [90, 90], [70, 70]];
    await submitAll(h, experts, ids, (i, j) => totals[i][j]);
    expect((await h.services.challenges.reviewResults.feedback(w.consortia[0].lead.ctx, ids[0]).catch((e) => e)).status).toBe(409);
    expect((await p.as.anonymous.get(`/api/challenges/${w.challenge.id}/notice`)).statusCode).toBe(404);
  });

  it('proposes one awardee for a single award, publishes the notice with its period, and takes objections', async () => {
    const bad = await p.as.taskforce.post(`/api/challenges/${w.challenge.id}/notice`, { awardees: [{ applicationId: ids[1] }, { applicationId: ids[2] }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('/awardees');
    const res = await p.as.taskforce.post(`/api/challenges/${w.challenge.id}/notice`, { awardees: [{ applicationId: ids[1] }], noteZh: '经专家评审，拟立项如下' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await status('challenge', w.challenge.id)).toBe('notice');
    expect(await status('application', ids[1])).toBe('proposed');

    const pub = await p.as.anonymous.get(`/api/challenges/${w.challenge.id}/notice`);
    expect(pub.statusCode, pub.body).toBe(200);
    const notice = pub.json();
    const lead = await h.database.db.selectFrom('organisation').select('nameZh').where('id', '=', w.consortia[1].lead.orgId).executeTakeFirstOrThrow();
    expect(notice.proposals).toEqual([expect.objectContaining({ applicationId: ids[1], leadNameZh: lead.nameZh, shareWan: 800, rank: 1, score: 90, status: 'proposed' })]);
    expect(new Date(notice.notice.endsAt).getTime() - new Date(notice.notice.startsAt).getTime()).toBe(7 * 86_400_000);
    expect(notice.notice.open).toBe(true);
    expect(notice.howToObject.url).toBe(`/api/challenges/${w.challenge.id}/objections`);
    expect((await p.as.anonymous.get('/api/challenges/notices')).json().items.map((x: { challengeId: string }) => x.challengeId)).toContain(w.challenge.id);

    expect((await p.as.anonymous.post(`/api/challenges/${w.challenge.id}/objections`, { reasonZh: '匿名' })).statusCode).toBe(401);
    expect((await p.as.stranger.post(`/api/challenges/${w.challenge.id}/objections`, { applicationId: ids[0], reasonZh: '未拟立项' })).json().error.details[0].path).toBe('/applicationId');
    expect((await p.as.stranger.post(`/api/challenges/${w.challenge.id}/objections`, { applicationId: ids[1], reasonZh: ' ' })).json().error.details[0].path).toBe('/reasonZh');
    const o = await p.as.stranger.post(`/api/challenges/${w.challenge.id}/objections`, { applicationId: ids[1], reasonZh: '牵头单位存在知识产权纠纷' });
    expect(o.statusCode, o.body).toBe(200);
  });

  it('an upheld objection withdraws the proposal; that application cannot come back, another is proposed in a new notice', async () => {
    const [o] = (await p.as.taskforce.get(`/api/challenges/${w.challenge.id}/objections`)).json().items;
    expect(o).toMatchObject({ status: 'pending', reasonZh: '牵头单位存在知识产权纠纷', organisationNameZh: expect.any(String) });
    const res = await p.as.taskforce.post(`/api/challenges/objections/${o.id}/decide`, { decision: 'upheld', responseZh: '经核实，纠纷属实，撤回拟立项' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'upheld', withdrawn: [ids[1]], noticeWithdrawn: true });
    expect(await status('challenge', w.challenge.id)).toBe('review');
    expect(await status('application', ids[1])).toBe('eligible');
    // The objector reads the answer; nobody else sees the objection.
    const mine = (await p.as.stranger.get(`/api/challenges/${w.challenge.id}/objections`)).json().items;
    expect(mine).toEqual([expect.objectContaining({ status: 'upheld', responseZh: '经核实，纠纷属实，撤回拟立项' })]);
    expect(mine[0]).not.toHaveProperty('lodgedByName');
    expect((await p.as.enterprise.get(`/api/challenges/${w.challenge.id}/objections`)).json().total).toBe(0);
    expect((await p.as.taskforce.post(`/api/challenges/objections/${o.id}/decide`, { decision: 'dismissed', responseZh: '再答' })).statusCode).toBe(409);

    const again = await p.as.taskforce.post(`/api/challenges/${w.challenge.id}/notice`, { awardees: [{ applicationId: ids[1] }] });
    expect(again.statusCode).toBe(409);
    const next = await p.as.taskforce.post(`/api/challenges/${w.challenge.id}/notice`, { awardees: [{ applicationId: ids[2] }] });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json().notice.round).toBe(2);
  });

  it('confirms only after the period with no objection pending; objections close with the period; awards are made', async () => {
    const c = w.challenge.id;
    expect((await p.as.enterprise.post(`/api/challenges/${c}/objections`, { reasonZh: '评审程序不规范' })).statusCode).toBe(200);
    const early = await p.as.taskforce.post(`/api/challenges/${c}/notice/confirm`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details[0].path).toBe('/endsAt');

    const { notice } = (await p.as.anonymous.get(`/api/challenges/${c}/notice`)).json();
    h.clock.set(new Date(new Date(notice.endsAt).getTime() + 1000));
    const late = await p.as.stranger.post(`/api/challenges/${c}/objections`, { reasonZh: '逾期异议' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details[0].path).toBe('/endsAt');
    const pending = await p.as.taskforce.post(`/api/challenges/${c}/notice/confirm`, {});
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.details[0].path).toBe('/objections');

    const o = (await p.as.taskforce.get(`/api/challenges/${c}/objections`)).json().items.find((x: { status: string }) => x.status === 'pending');
    expect((await p.as.taskforce.post(`/api/challenges/objections/${o.id}/decide`, { decision: 'dismissed', responseZh: '程序符合规定' })).statusCode).toBe(200);
    const done = await p.as.taskforce.post(`/api/challenges/${c}/notice/confirm`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().awards).toEqual([expect.objectContaining({ code: 'LX-2026-001', applicationId: ids[2], shareWan: 800 })]);
    expect(await status('challenge', c)).toBe('awarded');
    expect([await status('application', ids[0]), await status('application', ids[1]), await status('application', ids[2])]).toEqual(['unsuccessful', 'unsuccessful', 'awarded']);
    expect((await p.as.taskforce.post(`/api/challenges/${c}/notice/confirm`, {})).statusCode).toBe(409);
    const told = await h.database.db.selectFrom('notification').select('organisationId').where('kind', '=', 'challenges.award.unsuccessful').execute();
    expect(told.map((t) => t.organisationId).sort()).toEqual([w.consortia[0].lead.orgId, w.consortia[1].lead.orgId].sort());
    expect((await p.as.anonymous.get(`/api/challenges/${c}/notice`)).json().notice.status).toBe('confirmed');
  });

  it('gives every unsuccessful applicant its scores, rank and comments, without the reviewers\' names; nobody else', async () => {
    const lead = await h.login((await h.database.db.selectFrom('appUser').select('username').where('id', '=', w.consortia[0].lead.userId).executeTakeFirstOrThrow()).username);
    const res = await lead.get(`/api/challenges/applications/${ids[0]}/feedback`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f).toMatchObject({ status: 'unsuccessful', n: 2, score: 60, rank: 3, ranked: 3, rule: 'mean', criterionMeans: { innovation: 60 } });
    expect(f.reviews).toHaveLength(2);
    expect(f.reviews[0]).toMatchObject({ reviewer: { zh: '评审专家 1' }, total: 60, scores: { innovation: 60 }, commentZh: expect.stringContaining('技术路线基本可行') });
    for (const e of experts) {
      expect(res.body).not.toContain(e.nameZh);
      expect(res.body).not.toContain(e.id);
    }
    expect((await p.as.stranger.get(`/api/challenges/applications/${ids[0]}/feedback`)).statusCode).toBe(404);
    expect((await lead.get(`/api/challenges/applications/${ids[1]}/feedback`)).statusCode).toBe(404);
    // Districts read the ranking once the notice is out.
    expect((await p.as.district.get(`/api/challenges/${w.challenge.id}/ranking`)).statusCode).toBe(200);
  });
});
