import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness, type Harness } from '../../../test/harness.js';
import {
  challengePeople, closeApplications, formalCheckAll, makeApplication, makeChallenge, makeConsortium,
  type ApplicationMade, type ChallengeMade, type ChallengePeople, type Consortium,
} from './fixture.js';
import { makeExpert, submitAll, type ExpertMade } from './fixture.review.js';

/**
 * Who may call each route of the review part: reviewer assignment, the reviewer's workbench,
 * the ranking and feedback, the notice and objections. Every role and anonymous callers against
 * every route: a caller the rule does not admit is refused at the gate (401/403) and nothing
 * changes; an admitted caller reaches the service and gets its answer. The challenges are run by
 * a department (unit), so the task force and that department may run them.
 */

type Method = 'GET' | 'POST' | 'PUT';
const SCOPE = 'challenges:read';
const ORGANISERS = ['admin', 'taskforce', 'unit'] as const;
const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const REVIEWERS = ['expert'] as const;
const FEEDBACK_READERS = ['admin', 'taskforce', 'enterprise', 'institute', 'unit'] as const;
const SIGNED_IN = 'authenticated' as const;

interface World {
  h: Harness;
  p: ChallengePeople;
  experts: ExpertMade[];
  /** The caller with role expert, as a reviewer. */
  me: ExpertMade;
  /** Under review: A0 (me: get and save), A1 (me: submit), A2 (me: decline), A3 (me: conflict). */
  review: { c: ChallengeMade; apps: ApplicationMade[]; mine: string[] };
  /** Awarded; B0 is the enterprise's own (with the institute as member), unsuccessful. */
  awarded: { c: ChallengeMade; apps: ApplicationMade[] };
  /** In notice past its period, one per organiser who confirms. */
  toConfirm: ChallengeMade[];
  /** Notice running: objections. */
  objected: { c: ChallengeMade; apps: ApplicationMade[] };
  /** Under review, scored: one proposal per organiser, each withdrawn on an upheld objection before the next. */
  toPropose: { c: ChallengeMade; apps: ApplicationMade[] };
}
interface Req { url: string; body?: unknown }
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}

/** A scored challenge's applications, one reviewer each from the pool, all submitted. */
async function scored(w: Pick<World, 'h' | 'p' | 'experts'>, c: ChallengeMade, apps: ApplicationMade[]) {
  await w.h.services.challenges.reviews.autoAssign(w.p.ctx.taskforce, c.id);
  await submitAll(w.h, w.experts, apps.map((a) => a.id), (i) => 80 - i * 5);
}

/** A fresh expert (matching fields, own account) assigned to an application of the review challenge. */
async function assigned(w: World, app: number) {
  const e = await makeExpert(w.h, { nameZh: '矩阵临时专家' });
  return w.h.services.challenges.reviews.assignOne(w.p.ctx.taskforce, w.review.apps[app].id, { expertId: e.id });
}

const NOBODY = '00000000-0000-0000-0000-000000000001';

const CASES: Case[] = [
  { method: 'POST', route: '/api/challenges/:id/assignments/auto', allow: ORGANISERS, ok: [200], request: (w) => ({ url: `/api/challenges/${w.review.c.id}/assignments/auto`, body: {} }) },
  { method: 'GET', route: '/api/challenges/:id/assignments', allow: ORGANISERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/challenges/${w.review.c.id}/assignments` }) },
  {
    method: 'POST', route: '/api/challenges/applications/:id/assignments', allow: ORGANISERS, ok: [200],
    request: async (w, x) => ({ url: `/api/challenges/applications/${w.review.apps[0].id}/assignments`, body: { expertId: x.admitted ? (await makeExpert(w.h)).id : NOBODY } }),
  },
  {
    method: 'POST', route: '/api/challenges/assignments/:id/replace', allow: ORGANISERS, ok: [200],
    request: async (w, x) => ({ url: `/api/challenges/assignments/${x.admitted ? (await assigned(w, 1)).id : NOBODY}/replace`, body: { reasonZh: '发现利益冲突', expertId: x.admitted ? (await makeExpert(w.h)).id : NOBODY } }),
  },
  {
    method: 'POST', route: '/api/challenges/assignments/:id/unassign', allow: ORGANISERS, ok: [200],
    request: async (w, x) => ({ url: `/api/challenges/assignments/${x.admitted ? (await assigned(w, 2)).id : NOBODY}/unassign`, body: { reasonZh: '调整' } }),
  },
  { method: 'GET', route: '/api/challenges/reviews', allow: REVIEWERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/challenges/reviews' }) },
  { method: 'GET', route: '/api/challenges/reviews/:id', allow: REVIEWERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/challenges/reviews/${w.review.mine[0]}` }) },
  { method: 'PUT', route: '/api/challenges/reviews/:id/scores', allow: REVIEWERS, ok: [200], request: (w) => ({ url: `/api/challenges/reviews/${w.review.mine[0]}/scores`, body: { scores: { innovation: 80 } } }) },
  {
    method: 'POST', route: '/api/challenges/reviews/:id/submit', allow: REVIEWERS, ok: [200],
    request: (w) => ({ url: `/api/challenges/reviews/${w.review.mine[1]}/submit`, body: { scores: { innovation: 80, feasibility: 70, team: 70, impact: 60, budget: 90 }, commentZh: '总体可行' } }),
  },
  { method: 'POST', route: '/api/challenges/reviews/:id/decline', allow: REVIEWERS, ok: [200], request: (w) => ({ url: `/api/challenges/reviews/${w.review.mine[2]}/decline`, body: { reasonZh: '时间冲突' } }) },
  { method: 'POST', route: '/api/challenges/reviews/:id/conflict', allow: REVIEWERS, ok: [200], request: (w) => ({ url: `/api/challenges/reviews/${w.review.mine[3]}/conflict`, body: { noteZh: '曾指导该单位' } }) },
  { method: 'GET', route: '/api/challenges/:id/ranking', allow: OVERSEERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/challenges/${w.awarded.c.id}/ranking` }) },
  { method: 'GET', route: '/api/challenges/:id/ranking/export.xlsx', allow: OVERSEERS, ok: [200], request: (w) => ({ url: `/api/challenges/${w.awarded.c.id}/ranking/export.xlsx` }) },
  { method: 'GET', route: '/api/challenges/applications/:id/feedback', allow: FEEDBACK_READERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/challenges/applications/${w.awarded.apps[0].id}/feedback` }) },

  { method: 'GET', route: '/api/challenges/notices', allow: 'public', ok: [200], request: () => ({ url: '/api/challenges/notices?limit=5' }) },
  { method: 'GET', route: '/api/challenges/:id/notice', allow: 'public', ok: [200], request: (w) => ({ url: `/api/challenges/${w.objected.c.id}/notice` }) },
  {
    method: 'POST', route: '/api/challenges/:id/notice', allow: ORGANISERS, ok: [200],
    request: async (w, x) => {
      const c = w.toPropose.c.id;
      if (!x.admitted) return { url: `/api/challenges/${c}/notice`, body: {} };
      const s = w.h.services.challenges.notices;
      // The last caller's proposal is withdrawn on an upheld objection, so this caller proposes the next application.
      const running = await w.h.database.db.selectFrom('noticeProposal as p').innerJoin('challengeNotice as n', 'n.id', 'p.noticeId')
        .select('p.applicationId').where('n.challengeId', '=', c).where('n.status', '=', 'running').where('p.status', '=', 'proposed').executeTakeFirst();
      if (running) {
        const o = await s.lodge(w.p.ctx.enterprise, c, { applicationId: running.applicationId, reasonZh: '材料不实' });
        await s.decide(w.p.ctx.taskforce, o.id, { decision: 'upheld', responseZh: '属实' });
      }
      const used = new Set((await w.h.database.db.selectFrom('noticeProposal as p').innerJoin('challengeNotice as n', 'n.id', 'p.noticeId').select('p.applicationId').where('n.challengeId', '=', c).execute()).map((r) => r.applicationId));
      const next = w.toPropose.apps.find((a) => !used.has(a.id))!;
      return { url: `/api/challenges/${c}/notice`, body: { awardees: [{ applicationId: next.id }] } };
    },
  },
  {
    method: 'POST', route: '/api/challenges/:id/notice/confirm', allow: ORGANISERS, ok: [200],
    request: (w, x) => ({ url: `/api/challenges/${x.admitted ? w.toConfirm[ORGANISERS.indexOf(x.caller as 'unit')].id : w.toConfirm[0].id}/notice/confirm`, body: {} }),
  },
  { method: 'POST', route: '/api/challenges/:id/objections', allow: SIGNED_IN, ok: [200], request: (w) => ({ url: `/api/challenges/${w.objected.c.id}/objections`, body: { reasonZh: '请说明评审专家名单' } }) },
  { method: 'GET', route: '/api/challenges/:id/objections', allow: SIGNED_IN, ok: [200], request: (w) => ({ url: `/api/challenges/${w.objected.c.id}/objections` }) },
  {
    method: 'POST', route: '/api/challenges/objections/:id/decide', allow: ORGANISERS, ok: [200],
    request: async (w, x) => {
      const id = x.admitted ? (await w.h.services.challenges.notices.lodge(w.p.ctx.institute, w.objected.c.id, { reasonZh: '异议' })).id : NOBODY;
      return { url: `/api/challenges/objections/${id}/decide`, body: { decision: 'dismissed', responseZh: '不成立' } };
    },
  },
];

const MINE = [/^\/api\/challenges\/(reviews|notices)(\/|$)/, /^\/api\/challenges\/(assignments|objections)\//, /^\/api\/challenges\/:id\/(assignments|ranking|notice|objections)(\/|$)/, /^\/api\/challenges\/applications\/:id\/(assignments|feedback)$/];
const isCovered = (url: string) => MINE.some((r) => r.test(url));

const TABLES = ['audit_log', 'notification', 'mail_outbox', 'review_assignment', 'challenge_notice', 'notice_proposal', 'notice_objection', 'award', 'expert_conflict', 'application', 'challenge'];

describe.each(testDatabases)('who may call the review, notice and award routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-06-01T02:00:00Z');
    const p = (w.p = await challengePeople(h));
    w.experts = [];
    for (let i = 0; i < 3; i++) w.experts.push(await makeExpert(h, { nameZh: `矩阵专家${i}` }));
    // The signed-in expert's own record: a field nobody asks for, so only manual assignment reaches it.
    const meRow = await h.database.db.insertInto('expert').values({ code: 'ZJ-MATRIX-ME', userId: p.userId.expert, organisationZh: '外省大学', nameZh: '矩阵本人', fields: ['专用领域'] }).returning('id').executeTakeFirstOrThrow();
    w.me = { id: meRow.id, nameZh: '矩阵本人', userId: p.userId.expert, ctx: p.ctx.expert };

    const run = { organiserId: p.org.unit, reviewersPerApplication: 1, noticeDays: 5 };
    const make = async (n: number, own = false) => {
      const c = await makeChallenge(h, p, run);
      const apps: ApplicationMade[] = [];
      for (let i = 0; i < n; i++) {
        const k: Consortium = own && i === 0
          ? { lead: { orgId: p.org.enterprise, userId: p.userId.enterprise, ctx: p.ctx.enterprise, kind: 'enterprise', userEnterprise: false }, members: [{ orgId: p.org.institute, userId: p.userId.institute, ctx: p.ctx.institute, kind: 'institute', userEnterprise: false }] }
          : await makeConsortium(h, { members: 0 });
        apps.push(await makeApplication(h, c, k));
      }
      return { c, apps };
    };
    const review = await make(4);
    const awarded = await make(2, true);
    const confirm = [await make(1), await make(1), await make(1)];
    const objected = await make(1);
    const toPropose = await make(3);
    for (const x of [review, awarded, ...confirm, objected, toPropose]) {
      await closeApplications(h, p, x.c);
      await formalCheckAll(h, p, x.c);
    }
    const reviews = h.services.challenges.reviews;
    w.review = { ...review, mine: [] };
    for (let i = 0; i < 4; i++) w.review.mine.push((await reviews.assignOne(p.ctx.taskforce, review.apps[i].id, { expertId: w.me.id })).id);

    const notices = h.services.challenges.notices;
    for (const x of [awarded, ...confirm, objected, toPropose]) await scored(w, x.c, x.apps);
    for (const x of [awarded, ...confirm]) await notices.propose(p.ctx.taskforce, x.c.id, { awardees: [{ applicationId: x.apps[x.apps.length - 1].id }] });
    h.clock.set(new Date(h.clock.now().getTime() + 6 * 86_400_000));
    await notices.confirm(p.ctx.taskforce, awarded.c.id);
    await notices.propose(p.ctx.taskforce, objected.c.id, { awardees: [{ applicationId: objected.apps[0].id }] });
    w.awarded = awarded;
    w.toConfirm = confirm.map((x) => x.c);
    w.objected = objected;
    w.toPropose = toPropose;
  });

  it('covers every route of the review part the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      await expectCell(c, w, client, caller, verdict, fingerprint);
    });
  });

  describe('past the gate, the object decides', () => {
    it('a reviewer reads only its own assignments; another expert\'s is not found, and so is a released one', async () => {
      const other = (await h.database.db.selectFrom('reviewAssignment').select('id').where('expertId', '!=', w.me.id).where('status', '=', 'assigned').executeTakeFirstOrThrow()).id;
      expect((await w.p.as.expert.get(`/api/challenges/reviews/${other}`)).statusCode).toBe(404);
      expect((await w.p.as.expert.put(`/api/challenges/reviews/${other}/scores`, { scores: { innovation: 1 } })).statusCode).toBe(404);
      expect((await w.p.as.expert.get(`/api/challenges/reviews/${w.review.mine[2]}`)).statusCode).toBe(404);
    });

    it('a department runs only the challenges it posted; a stranger reads no feedback; scores stay with the organisers until the notice', async () => {
      const other = await makeChallenge(h, w.p, { reviewersPerApplication: 1 });
      expect((await w.p.as.unit.post(`/api/challenges/${other.id}/assignments/auto`, {})).statusCode).toBe(403);
      expect((await w.p.as.unit.get(`/api/challenges/${other.id}/ranking`)).statusCode).toBe(403);
      expect((await w.p.as.stranger.get(`/api/challenges/applications/${w.awarded.apps[0].id}/feedback`)).statusCode).toBe(404);
      expect((await w.p.as.district.get(`/api/challenges/${w.review.c.id}/ranking`)).statusCode).toBe(403);
    });
  });
});
