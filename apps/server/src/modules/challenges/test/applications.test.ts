import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabases, useHarness } from '../../../test/harness.js';
import {
  applicationBody, challengePeople, closeApplications, makeApplication, makeChallenge, makeConsortium, makeOrganisation, makeUser, unique,
  type ChallengeMade, type ChallengePeople, type Consortium,
} from './fixture.js';

/**
 * Applications (揭榜申请): a consortium's lead drafts, edits, submits and withdraws while the
 * challenge is open and before its deadline by server time; one per lead per challenge; the
 * consortium, budget, milestones and TRLs obey the challenge's rules (422 naming the field);
 * members read but do not write, strangers see nothing; organisers make the formal check.
 */

type Res = { statusCode: number; body: string; json(): any };
const paths = (r: Res) => (r.json().error?.details ?? []).map((x: { path: string }) => x.path);
const A = '/api/challenges/applications';

describe.each(testDatabases)('applications, on $name', (kind) => {
  const h = useHarness(kind);
  let p: ChallengePeople;
  let c: ChallengeMade;
  const count = async (table: string) => Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.database.db)).rows[0].n);
  const post = (k: Consortium, challenge: ChallengeMade, extra: Record<string, unknown> = {}) =>
    h.services.challenges.applications.create(k.lead.ctx, challenge.id, applicationBody(challenge, k, extra) as never);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    p = await challengePeople(h);
    c = await makeChallenge(h, p, { maxMembers: 2 });
  });

  it('takes one application per lead per challenge: a second is a 409 naming the first; codes SB-year-number', async () => {
    const k = await makeConsortium(h);
    const first = await post(k, c);
    expect(first).toMatchObject({ status: 'draft', party: 'lead', leadOrganisationId: k.lead.orgId });
    expect(first.code).toMatch(/^SB-2026-\d{4}$/);
    const err = await post(k, c).catch((e) => e);
    expect(err).toMatchObject({ status: 409 });
    expect(err.message).toContain(first.code);
    // Withdrawn, it still is the lead's one.
    await h.services.challenges.applications.withdraw(k.lead.ctx, first.id, { reasonZh: '调整方案' });
    expect(await post(k, c).catch((e) => e.status)).toBe(409);
    // At the same moment: still one.
    const k2 = await makeConsortium(h);
    const both = await Promise.allSettled([post(k2, c), post(k2, c)]);
    expect(both.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((both.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
  });

  it('refuses a consortium too large, the lead as a member, a member twice, an unknown organisation, a non-enterprise user enterprise (422 naming the field), and writes nothing', async () => {
    const k = await makeConsortium(h, { members: 3 });
    const client = await h.login((await h.database.db.selectFrom('appUser').select('username').where('id', '=', k.lead.userId).executeTakeFirstOrThrow()).username);
    const before = await count('application');
    const body = (extra: Record<string, unknown>) => applicationBody(c, k, extra);
    const cases: [Record<string, unknown>, string[]][] = [
      [{}, ['/members']],
      [{ members: [{ organisationId: k.lead.orgId }], people: [] }, ['/members/0/organisationId']],
      [{ members: [{ organisationId: k.members[0].orgId }, { organisationId: k.members[0].orgId }], people: [] }, ['/members/1/organisationId']],
      [{ members: [{ organisationId: '00000000-0000-4000-8000-000000000001' }], people: [] }, ['/members/0/organisationId']],
      [{ members: [{ organisationId: k.members[0].orgId, userEnterprise: true }], people: [] }, ['/members/0/userEnterprise']],
      [{ members: [], people: [{ nameZh: '外单位人员', organisationId: p.org.stranger }] }, ['/people/0/organisationId']],
      [{ members: [], people: [{ nameZh: '某专家', expertId: '00000000-0000-4000-8000-000000000002' }] }, ['/people/0/expertId']],
    ];
    for (const [extra, expected] of cases) {
      const res = await client.post(`/api/challenges/${c.id}/applications`, body(extra));
      expect(res.statusCode, `${JSON.stringify(extra)} ${res.body}`).toBe(422);
      expect(paths(res), JSON.stringify(extra)).toEqual(expected);
    }
    expect(await count('application')).toBe(before);
  });

  it('states and applies the budget rule: at most the funding; in parallel funding at most funding ÷ teams × 1.5; lines add up to the budget', async () => {
    const k = await makeConsortium(h);
    const over = await post(k, c, { budgetWan: 1000.5, budgetLines: [{ itemZh: '设备费', amountWan: 1000.5 }] }).catch((e) => e);
    expect(over).toMatchObject({ status: 422, details: [{ path: '/budgetWan' }] });
    const parallel = await makeChallenge(h, p, { mode: 'parallel', maxTeams: 3, fundingWan: 900 });
    const cap = await post(k, parallel, { budgetWan: 450.01, budgetLines: [{ itemZh: '设备费', amountWan: 450.01 }] }).catch((e) => e);
    expect(cap).toMatchObject({ status: 422, details: [{ path: '/budgetWan' }] });
    expect(cap.details[0].message).toContain('450');
    const ok = await post(k, parallel, { budgetWan: 450, budgetLines: [{ itemZh: '设备费', amountWan: 300 }, { itemZh: '材料费', amountWan: 100 }] });
    expect(ok).toMatchObject({ budgetCapWan: 450, budgetRule: { zh: expect.stringContaining('× 1.5') } });
    // A draft may be unbalanced; submitting needs the lines to add up.
    const unbalanced = await h.services.challenges.applications.submit(k.lead.ctx, ok.id).catch((e) => e);
    expect(unbalanced).toMatchObject({ status: 422, details: [{ path: '/budgetLines' }] });
    expect(ok.checklist.find((x: { key: string }) => x.key === 'budget')).toMatchObject({ ok: false });
    await h.services.challenges.applications.update(k.lead.ctx, ok.id, { budgetLines: [{ itemZh: '设备费', amountWan: 300 }, { itemZh: '材料费', amountWan: 150 }] });
    expect(await h.services.challenges.applications.submit(k.lead.ctx, ok.id)).toMatchObject({ status: 'submitted' });
  });

  it('keeps milestones within the duration and the target TRL at or above the current one (1–9); submitting needs the whole', async () => {
    const k = await makeConsortium(h);
    const m = await post(k, c, { milestones: [{ titleZh: '结题', month: 25 }] }).catch((e) => e);
    expect(m).toMatchObject({ status: 422, details: [{ path: '/milestones/0/month' }] });
    const t = await post(k, c, { currentTrl: 5, targetTrl: 4 }).catch((e) => e);
    expect(t).toMatchObject({ status: 422, details: [{ path: '/targetTrl' }] });
    const bare = await h.services.challenges.applications.create(k.lead.ctx, c.id, { titleZh: '先占个位' });
    const err = await h.services.challenges.applications.submit(k.lead.ctx, bare.id).catch((e) => e);
    expect(err.status).toBe(422);
    expect(err.details.map((x: { path: string }) => x.path).sort()).toEqual(['/budgetLines', '/budgetWan', '/currentTrl', '/milestones', '/people', '/planZh', '/targetTrl']);
  });

  it('requires a user enterprise among the consortium when the challenge does: a member or the lead flagged, and an enterprise', async () => {
    const ue = await makeChallenge(h, p, { requiresUserEnterprise: true });
    const without = await makeConsortium(h);
    const a = await makeApplication(h, ue, without, {}, { submit: false });
    expect(await h.services.challenges.applications.submit(without.lead.ctx, a.id).catch((e) => e)).toMatchObject({ status: 422, details: [{ path: '/members' }] });
    const asLead = await h.services.challenges.applications.update(without.lead.ctx, a.id, { leadUserEnterprise: true });
    expect(asLead.checklist.find((x: { key: string }) => x.key === 'userEnterprise')).toMatchObject({ ok: true });
    expect(await h.services.challenges.applications.submit(without.lead.ctx, a.id)).toMatchObject({ status: 'submitted' });
    const withMember = await makeConsortium(h, { userEnterprise: true });
    expect(await makeApplication(h, ue, withMember)).toMatchObject({ status: 'submitted' });
    // An institute lead cannot be the user enterprise.
    const inst = await makeConsortium(h, { leadKind: 'institute', members: 0 });
    expect(await post(inst, ue, { leadUserEnterprise: true }).catch((e) => e)).toMatchObject({ status: 422, details: [{ path: '/leadUserEnterprise' }] });
  });

  it('lets members read but not write, strangers see nothing (404), experts and visitors are refused at the gate; the lead\'s list and the organisers\' list', async () => {
    const k = await makeConsortium(h, { members: 2, memberUsers: true });
    const a = await makeApplication(h, c, k, {}, { submit: false });
    const s = h.services.challenges.applications;
    expect(await s.get(k.members[0].ctx!, a.id)).toMatchObject({ party: 'member', may: { edit: false, submit: false } });
    await expect(s.update(k.members[0].ctx!, a.id, { titleZh: '成员改名' })).rejects.toMatchObject({ status: 403 });
    await expect(s.submit(k.members[0].ctx!, a.id)).rejects.toMatchObject({ status: 403 });
    await expect(s.withdraw(k.members[0].ctx!, a.id)).rejects.toMatchObject({ status: 403 });
    await expect(s.get(p.ctx.stranger, a.id)).rejects.toMatchObject({ status: 404 });
    await expect(s.update(p.ctx.stranger, a.id, { titleZh: '陌生人改名' })).rejects.toMatchObject({ status: 404 });
    await expect(s.submit(p.ctx.stranger, a.id)).rejects.toMatchObject({ status: 404 });
    expect((await p.as.expert.get(`${A}/${a.id}`)).statusCode).toBe(403);
    expect((await p.as.anonymous.get(`${A}/${a.id}`)).statusCode).toBe(401);
    expect((await p.as.district.get(`${A}/${a.id}`)).statusCode).toBe(200);

    const mineOf = async (ctx: ChallengePeople['ctx'][keyof ChallengePeople['ctx']]) => (await s.mine(ctx, { limit: 50, offset: 0 })).items.map((x) => [x.id, x.party]);
    expect(await mineOf(k.lead.ctx)).toContainEqual([a.id, 'lead']);
    expect(await mineOf(k.members[1].ctx!)).toContainEqual([a.id, 'member']);
    expect((await mineOf(p.ctx.stranger)).map(([id]) => id)).not.toContain(a.id);

    const listed = await p.as.unit.get(`/api/challenges/${c.id}/applications`);
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(a.id);
    expect((await p.as.enterprise.get(`/api/challenges/${c.id}/applications`)).statusCode).toBe(403);
    // The lead edits; the team's people may be linked to expert records.
    const expert = await h.database.db.insertInto('expert').values({ code: unique('ZJ'), organisationZh: '重庆大学', nameZh: '李专家', createdAt: h.clock.now(), updatedAt: h.clock.now() }).returning('id').executeTakeFirstOrThrow();
    const edited = await s.update(k.lead.ctx, a.id, { people: [{ nameZh: '李专家', organisationId: k.members[0].orgId, expertId: expert.id, roleZh: '技术顾问' }] });
    expect(edited.people).toEqual([expect.objectContaining({ nameZh: '李专家', expertId: expert.id })]);
  });

  it('refuses creating, editing, submitting and withdrawing after the deadline by server time (409), and on a challenge not open', async () => {
    const late = await makeChallenge(h, p);
    const k = await makeConsortium(h);
    const draft = await makeApplication(h, late, k, {}, { submit: false });
    const k2 = await makeConsortium(h);
    const submitted = await makeApplication(h, late, k2);
    const draftChallenge = await makeChallenge(h, p, {}, { publish: false });
    await expect(post(await makeConsortium(h), draftChallenge)).rejects.toMatchObject({ status: 404 });

    h.clock.set(new Date(late.deadline.getTime() + 1));
    const s = h.services.challenges.applications;
    const k3 = await makeConsortium(h);
    for (const attempt of [
      () => post(k3, late), () => s.update(k.lead.ctx, draft.id, { titleZh: '截止后修改' }), () => s.submit(k.lead.ctx, draft.id), () => s.withdraw(k2.lead.ctx, submitted.id),
    ]) await expect(attempt()).rejects.toMatchObject({ status: 409, details: [{ path: '/deadline' }] });
    const res = await (await h.login((await h.database.db.selectFrom('appUser').select('username').where('id', '=', k3.lead.userId).executeTakeFirstOrThrow()).username))
      .post(`/api/challenges/${late.id}/applications`, applicationBody(late, k3));
    expect(res.statusCode).toBe(409);
    expect(await s.get(k.lead.ctx, draft.id)).toMatchObject({ status: 'draft' });
    await closeApplications(h, p, late);
    await expect(post(k3, late)).rejects.toMatchObject({ status: 409, details: [{ path: '/challengeId' }] });
  });

  it('makes the formal check after the deadline: each submitted application eligible or ineligible with the reason, the checklist kept; two decisions at once → one 409', async () => {
    const fc = await makeChallenge(h, p, { requiresUserEnterprise: true });
    const good = await makeApplication(h, fc, await makeConsortium(h, { userEnterprise: true }));
    const other = await makeApplication(h, fc, await makeConsortium(h, { userEnterprise: true }));
    const k = await makeConsortium(h, { userEnterprise: true });
    const third = await makeApplication(h, fc, k);
    const s = h.services.challenges.applications;
    await expect(s.formalCheck(p.ctx.taskforce, good.id, { decision: 'eligible' })).rejects.toMatchObject({ status: 409 });
    await closeApplications(h, p, fc);

    const otherUnit = await makeUser(h, ['unit'], await makeOrganisation(h, 'department', '重庆市农业农村委员会'));
    await expect(s.formalCheck(otherUnit.ctx, good.id, { decision: 'eligible' })).rejects.toMatchObject({ status: 403 });
    expect((await p.as.district.post(`${A}/${good.id}/formal-check`, { decision: 'eligible' })).statusCode).toBe(403);
    const noReason = await p.as.taskforce.post(`${A}/${other.id}/formal-check`, { decision: 'ineligible' });
    expect(noReason.statusCode).toBe(422);
    expect(paths(noReason)).toEqual(['/noteZh']);

    const decided = await p.as.taskforce.post(`${A}/${good.id}/formal-check`, { decision: 'eligible' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'eligible', formalCheckedBy: p.userId.taskforce });
    expect(decided.json().formalChecklist.map((x: { key: string; ok: boolean }) => [x.key, x.ok])).toEqual([
      ['consortium', true], ['userEnterprise', true], ['budget', true], ['milestones', true], ['trl', true], ['team', true], ['plan', true],
    ]);
    expect((await p.as.taskforce.post(`${A}/${good.id}/formal-check`, { decision: 'ineligible', noteZh: '改判' })).statusCode).toBe(409);

    const both = await Promise.all([
      p.as.taskforce.post(`${A}/${other.id}/formal-check`, { decision: 'eligible' }),
      p.as.admin.post(`${A}/${other.id}/formal-check`, { decision: 'ineligible', noteZh: '预算不合理' }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await h.database.db.selectFrom('auditLog').select('id').where('entityId', '=', other.id).where('action', '=', 'challenges.application.formalCheck').execute()).toHaveLength(1);

    // A checklist that finds a rule broken (the member is no longer flagged as the user enterprise): passing it needs a reason.
    await h.database.db.updateTable('applicationMember').set({ userEnterprise: false }).where('applicationId', '=', third.id).execute();
    const broken = await s.get(p.ctx.taskforce, third.id);
    expect(broken.checklist.find((x) => x.key === 'userEnterprise')).toMatchObject({ ok: false });
    await expect(s.formalCheck(p.ctx.taskforce, third.id, { decision: 'eligible' })).rejects.toMatchObject({ status: 422, details: [{ path: '/noteZh' }] });
    expect(await s.formalCheck(p.ctx.unit, third.id, { decision: 'ineligible', noteZh: '缺少应用企业' }).catch((e) => e.status)).toBe(403);
    expect(await s.formalCheck(p.ctx.taskforce, third.id, { decision: 'ineligible', noteZh: '缺少应用企业' })).toMatchObject({ status: 'ineligible', formalNoteZh: '缺少应用企业' });
    // The lead reads the decision and its reason.
    expect(await s.get(k.lead.ctx, third.id)).toMatchObject({ status: 'ineligible', formalNoteZh: '缺少应用企业' });
    const told = await h.database.db.selectFrom('notification').select(['kind', 'titleZh']).where('organisationId', '=', k.lead.orgId).execute();
    expect(told).toContainEqual({ kind: 'challenges.application.ineligible', titleZh: expect.stringContaining('缺少应用企业') });
  });
});
