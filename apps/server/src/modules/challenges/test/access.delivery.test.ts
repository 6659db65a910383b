import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Harness } from '../../../test/harness.js';
import { SCOPES } from '../../../platform/access/model.js';
import { challengePeople, type ChallengePeople } from './fixture.js';
import { awardedChallenge, peopleConsortium, todayOf, type AwardedChallenge } from './delivery.fixture.js';

/**
 * Who may call each delivery route: every role and anonymous callers against every route. A
 * caller the rule does not admit is refused at the gate (401/403) and nothing changes; an
 * admitted caller reaches the service, which then checks the object: the team's lead
 * organisation (the enterprise caller) reports and records outputs, its consortium member (the
 * institute caller) reads but may not write (403), organisers run the rest.
 */

const SCOPE = 'challenges:read';
const ORGANISERS = ['admin', 'taskforce', 'unit'] as const;
const APPLICANTS = ['admin', 'taskforce', 'enterprise', 'institute'] as const;
const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const AWARD_READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute'] as const;
const OUTPUT_RECORDERS = ['admin', 'taskforce', 'unit', 'enterprise', 'institute'] as const;
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface World {
  h: Harness; p: ChallengePeople;
  /** Team 0 is led by the enterprise caller with the institute as member; team 1 takes contract edits; teams 2–4 are accepted one per organiser. */
  c: AwardedChallenge;
}
interface Case {
  method: Method; route: string; allow: Allow; scope?: string;
  /** What an admitted caller gets: the service's own answer for callers that are not the team. */
  ok: (caller: Caller) => number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

let serial = 0;
const n = () => ++serial;
const always = (...codes: number[]) => () => codes;
/** The lead writes; the member, and organisers where only the lead may, are refused by the service. */
const leadOnly = (created: number) => (caller: Caller) => (caller === 'enterprise' ? [created] : [403]);
const leadOrOrganiser = (created: number) => (caller: Caller) => (caller === 'institute' ? [403] : [created]);

const team = (w: World, i: number) => w.c.awards[i];
let accepted = 1;

async function pendingMilestone(w: World) {
  const m = await w.h.database.db.selectFrom('awardMilestone').select('id').where('awardId', '=', team(w, 0).id).where('status', 'in', ['pending', 'rework']).orderBy('position').executeTakeFirstOrThrow();
  return m.id;
}

async function pendingReport(w: World) {
  const s = w.h.services.challenges.milestones;
  return (await s.submitReport(w.p.ctx.enterprise, await pendingMilestone(w), { textZh: '节点进展报告' })).id;
}

async function output(w: World) {
  return (await w.h.services.challenges.outputs.record(w.p.ctx.enterprise, team(w, 0).id, { kind: 'paper', titleZh: `待删论文 ${n()}` })).id;
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/challenges/awards', allow: 'public', ok: always(200), request: () => ({ url: '/api/challenges/awards?limit=5' }) },
  { method: 'GET', route: '/api/challenges/results', allow: 'public', ok: always(200), request: () => ({ url: '/api/challenges/results' }) },
  { method: 'GET', route: '/api/challenges/awards/mine', allow: APPLICANTS, scope: SCOPE, ok: always(200), request: () => ({ url: '/api/challenges/awards/mine' }) },
  { method: 'GET', route: '/api/challenges/awards/:id', allow: AWARD_READERS, scope: SCOPE, ok: always(200), request: (w) => ({ url: `/api/challenges/awards/${team(w, 0).id}` }) },
  { method: 'GET', route: '/api/challenges/board', allow: OVERSEERS, scope: SCOPE, ok: always(200), request: () => ({ url: '/api/challenges/board?overdue=false' }) },
  { method: 'GET', route: '/api/challenges/board/export.xlsx', allow: OVERSEERS, ok: always(200), request: () => ({ url: '/api/challenges/board/export.xlsx' }) },
  {
    method: 'POST', route: '/api/challenges/awards/:id/contract', allow: ORGANISERS, ok: always(200),
    request: (w) => ({ url: `/api/challenges/awards/${team(w, 1).id}/contract`, body: { contractNo: `HT-ACL-${n()}`, signedOn: todayOf(w.h) } }),
  },
  {
    method: 'PUT', route: '/api/challenges/awards/:id/milestones', allow: ORGANISERS, ok: always(200),
    request: (w) => ({ url: `/api/challenges/awards/${team(w, 1).id}/milestones`, body: { milestones: [{ titleZh: '中期评估', dueOn: '2027-12-31' }, { titleZh: '验收', dueOn: '2028-06-30' }] } }),
  },
  {
    method: 'POST', route: '/api/challenges/milestones/:id/reports', allow: APPLICANTS, ok: leadOnly(201),
    request: async (w) => ({ url: `/api/challenges/milestones/${await pendingMilestone(w)}/reports`, body: { textZh: '节点报告：完成中试放大' } }),
  },
  {
    method: 'POST', route: '/api/challenges/milestone-reports/:id/decision', allow: ORGANISERS, ok: always(200),
    request: async (w, x) => ({ url: `/api/challenges/milestone-reports/${x.admitted ? await pendingReport(w) : team(w, 0).id}/decision`, body: { decision: 'passed' } }),
  },
  {
    method: 'POST', route: '/api/challenges/:id/delivery-reviews', allow: ORGANISERS, ok: always(201),
    request: async (w) => {
      const active = await w.h.database.db.selectFrom('award').select('id').where('challengeId', '=', w.c.challenge.id).where('status', '=', 'active').execute();
      return { url: `/api/challenges/${w.c.challenge.id}/delivery-reviews`, body: { titleZh: `年度评估 ${n()}`, heldOn: todayOf(w.h), verdicts: active.map((a) => ({ awardId: a.id, verdict: 'continue' })) } };
    },
  },
  { method: 'GET', route: '/api/challenges/:id/delivery-reviews', allow: OVERSEERS, scope: SCOPE, ok: always(200), request: (w) => ({ url: `/api/challenges/${w.c.challenge.id}/delivery-reviews` }) },
  {
    method: 'POST', route: '/api/challenges/awards/:id/tranches', allow: ORGANISERS, ok: always(201),
    request: (w) => ({ url: `/api/challenges/awards/${team(w, 0).id}/tranches`, body: { amountWan: 1, paidOn: todayOf(w.h), voucherNo: `PZ-ACL-${n()}` } }),
  },
  { method: 'GET', route: '/api/challenges/tranches', allow: OVERSEERS, scope: SCOPE, ok: always(200), request: (w) => ({ url: `/api/challenges/tranches?challengeId=${w.c.challenge.id}` }) },
  { method: 'GET', route: '/api/challenges/tranches/export.xlsx', allow: OVERSEERS, ok: always(200), request: () => ({ url: '/api/challenges/tranches/export.xlsx' }) },
  {
    method: 'POST', route: '/api/challenges/awards/:id/acceptance', allow: ORGANISERS, ok: always(200),
    request: (w, x) => ({
      url: `/api/challenges/awards/${team(w, x.admitted ? ++accepted : 2).id}/acceptance`,
      body: { heldOn: todayOf(w.h), results: w.c.indicators.map((i) => ({ indicatorId: i.id, achievedValue: i.targetValue, evidenceZh: '检测报告' })) },
    }),
  },
  {
    method: 'POST', route: '/api/challenges/awards/:id/outputs', allow: OUTPUT_RECORDERS, ok: leadOrOrganiser(201),
    request: (w) => ({ url: `/api/challenges/awards/${team(w, 0).id}/outputs`, body: { kind: 'paper', titleZh: `论文 ${n()}`, ref: `10.1000/acl.${serial}` } }),
  },
  {
    method: 'DELETE', route: '/api/challenges/outputs/:id', allow: OUTPUT_RECORDERS, ok: leadOrOrganiser(200),
    request: async (w, x) => ({ url: `/api/challenges/outputs/${x.admitted ? await output(w) : team(w, 0).id}` }),
  },
];

const isCovered = (url: string) => ['/api/challenges/awards', '/api/challenges/results', '/api/challenges/board', '/api/challenges/milestones/', '/api/challenges/milestone-reports/', '/api/challenges/tranches', '/api/challenges/outputs/']
  .some((prefix) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) || url.endsWith('/delivery-reviews');

/** Every table these routes write, with the audit log, the notifications and the IP register they link into. */
const TABLES = ['audit_log', 'notification', 'award', 'award_milestone', 'milestone_report', 'delivery_review', 'award_verdict', 'tranche', 'award_acceptance', 'acceptance_result', 'challenge_output', 'challenge', 'ip_right', 'ip_link'];

describe.each(testDatabases)('who may call the delivery routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    accepted = 1;
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await challengePeople(h);
    w.c = await awardedChallenge(h, w.p, { teams: 5, fundingWan: 1000, consortia: [peopleConsortium(w.p)] });
    const s = h.services.challenges.milestones;
    for (const [i, a] of w.c.awards.entries()) await s.recordContract(w.p.ctx.taskforce, a.id, { contractNo: `HT-ACL-T${i}`, signedOn: todayOf(h) });
    await s.replaceMilestones(w.p.ctx.taskforce, team(w, 0).id, { milestones: Array.from({ length: 8 }, (_, i) => ({ titleZh: `节点 ${i + 1}`, dueOn: `2027-0${i + 1}-15` })) });
  });

  it('covers every delivery route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = caller === 'anonymous' ? h.anonymous : w.p.as[caller];
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        expect(c.ok(caller), `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  // Runs once the platform lists the scope (platform/access/model.ts SCOPES): a token cannot carry it before.
  it.runIf(SCOPE in SCOPES)('reads for a machine with challenges:read on the scoped routes, and writes nothing', async () => {
    const created = await w.p.as.taskforce.post('/api/tokens', { name: 'delivery reader', scopes: [SCOPE] });
    expect(created.statusCode, created.body).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get('/api/challenges/board')).json().items.map((x: { id: string }) => x.id)).toContain(team(w, 0).id);
    expect((await machine.get(`/api/challenges/tranches?challengeId=${w.c.challenge.id}`)).statusCode).toBe(200);
    const before = await fingerprint();
    expect((await machine.post(`/api/challenges/awards/${team(w, 0).id}/tranches`, { amountWan: 1, paidOn: todayOf(h), voucherNo: 'PZ-MACHINE' })).statusCode).toBe(403);
    expect((await machine.get('/api/challenges/tranches/export.xlsx')).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });
});
