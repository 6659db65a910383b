import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness } from '../../../test/harness.js';
import type { Role } from '../../../platform/access/model.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import {
  applicationBody, challengeBody, challengePeople, makeApplication, makeChallenge, makeConsortium, type ChallengeMade, type ChallengePeople, type Consortium,
} from './fixture.js';

/**
 * Who may call each route of the core part (challenges, applications, the formal check): every
 * role and visitors against every such route. A caller the rule does not admit is refused at the
 * gate (401/403) and nothing changes; an admitted caller reaches the service and succeeds on an
 * object it may act on (its own organisation's challenge or application).
 */

type Method = 'GET' | 'POST' | 'PATCH';
const SCOPE = 'challenges:read';
const ORGANISERS = ['admin', 'taskforce', 'unit'] as const;
const APPLICANTS = ['admin', 'taskforce', 'enterprise', 'institute'] as const;
const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const READERS = ['admin', 'taskforce', 'enterprise', 'institute', 'unit', 'district'] as const;

interface World {
  h: ReturnType<typeof useHarness>;
  p: ChallengePeople;
  ids: { open: ChallengeMade; draft: ChallengeMade; application: string };
}
interface Req { url: string; body?: unknown }
interface Case { method: Method; route: string; allow: Allow; scope?: string; ok: number[]; request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req }

const ctxOf = (w: World, caller: Caller): Ctx => w.p.ctx[caller as Role];
const C = '/api/challenges';
const A = '/api/challenges/applications';

/** A fresh challenge the caller runs (its own organisation's, or the task force's), published unless told. */
const ownChallenge = (w: World, caller: Caller, publish = true) => makeChallenge(w.h, w.p, {}, { publish, by: ctxOf(w, caller) });

/** A fresh open challenge whose deadline has just passed (set in the database: the clock stays where it is). */
async function pastDeadline(w: World, caller: Caller) {
  const c = await ownChallenge(w, caller);
  await w.h.database.db.updateTable('challenge').set({ deadline: new Date(w.h.clock.now().getTime() - 1000) }).where('id', '=', c.id).execute();
  return c;
}

/** A fresh application the caller may write: its own organisation leads it, or (task force) anyone's. */
async function ownApplication(w: World, caller: Caller, submit: boolean) {
  const c = await makeChallenge(w.h, w.p);
  let k: Consortium;
  if (caller === 'enterprise' || caller === 'institute') {
    k = { lead: { orgId: w.p.org[caller], userId: w.p.userId[caller], ctx: w.p.ctx[caller], kind: caller, userEnterprise: false }, members: [] };
  } else k = await makeConsortium(w.h, { members: 0 });
  return (await makeApplication(w.h, c, k, {}, { submit })).id;
}

const CASES: Case[] = [
  { method: 'GET', route: `${C}/open`, allow: 'public', ok: [200], request: () => ({ url: `${C}/open?q=${encodeURIComponent('酶')}` }) },
  { method: 'GET', route: `${C}/open/export.xlsx`, allow: 'public', ok: [200], request: () => ({ url: `${C}/open/export.xlsx?mode=single` }) },
  { method: 'GET', route: C, allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: `${C}?status=open` }) },
  { method: 'GET', route: `${C}/:id`, allow: 'public', ok: [200], request: (w) => ({ url: `${C}/${w.ids.open.id}` }) },
  { method: 'GET', route: `${C}/:id/timeline`, allow: 'public', ok: [200], request: (w) => ({ url: `${C}/${w.ids.open.id}/timeline` }) },
  { method: 'POST', route: C, allow: ORGANISERS, ok: [201], request: (w) => ({ url: C, body: challengeBody(w.h) }) },
  { method: 'PATCH', route: `${C}/:id`, allow: ORGANISERS, ok: [200], request: async (w, x) => ({ url: `${C}/${x.admitted ? (await ownChallenge(w, x.caller, false)).id : w.ids.draft.id}`, body: { titleZh: '改过的榜单名称' } }) },
  { method: 'POST', route: `${C}/:id/publish`, allow: ORGANISERS, ok: [200], request: async (w, x) => ({ url: `${C}/${x.admitted ? (await ownChallenge(w, x.caller, false)).id : w.ids.draft.id}/publish`, body: {} }) },
  {
    method: 'POST', route: `${C}/:id/extend`, allow: ORGANISERS, ok: [200],
    request: async (w, x) => {
      const c = x.admitted ? await ownChallenge(w, x.caller) : w.ids.open;
      return { url: `${C}/${c.id}/extend`, body: { deadline: new Date(c.deadline.getTime() + 7 * 86_400_000).toISOString(), reasonZh: '延长一周' } };
    },
  },
  { method: 'POST', route: `${C}/:id/start-review`, allow: ORGANISERS, ok: [200], request: async (w, x) => ({ url: `${C}/${x.admitted ? (await pastDeadline(w, x.caller)).id : w.ids.open.id}/start-review`, body: {} }) },
  { method: 'POST', route: `${C}/:id/cancel`, allow: ORGANISERS, ok: [200], request: async (w, x) => ({ url: `${C}/${x.admitted ? (await ownChallenge(w, x.caller, false)).id : w.ids.draft.id}/cancel`, body: { reasonZh: '不再需要' } }) },
  { method: 'GET', route: `${C}/:id/applications`, allow: OVERSEERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `${C}/${w.ids.open.id}/applications?status=draft` }) },
  { method: 'GET', route: `${C}/:id/applications/export.xlsx`, allow: ORGANISERS, ok: [200], request: (w) => ({ url: `${C}/${w.ids.open.id}/applications/export.xlsx` }) },
  {
    method: 'POST', route: `${C}/:id/applications`, allow: APPLICANTS, ok: [201],
    request: async (w, x) => {
      if (!x.admitted) return { url: `${C}/${w.ids.open.id}/applications`, body: {} };
      const c = await makeChallenge(w.h, w.p);
      const own = x.caller === 'enterprise' || x.caller === 'institute';
      const k: Consortium = own
        ? { lead: { orgId: w.p.org[x.caller as 'enterprise'], userId: '', ctx: ctxOf(w, x.caller), kind: String(x.caller), userEnterprise: false }, members: [] }
        : await makeConsortium(w.h, { members: 0 });
      return { url: `${C}/${c.id}/applications`, body: { ...applicationBody(c, k), ...(own ? {} : { leadOrganisationId: k.lead.orgId }) } };
    },
  },
  { method: 'GET', route: `${A}/mine`, allow: APPLICANTS, scope: SCOPE, ok: [200], request: () => ({ url: `${A}/mine?status=draft` }) },
  { method: 'GET', route: `${A}/:id`, allow: READERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `${A}/${w.ids.application}` }) },
  { method: 'PATCH', route: `${A}/:id`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${A}/${x.admitted ? await ownApplication(w, x.caller, false) : w.ids.application}`, body: { titleZh: '改过的申请名称' } }) },
  { method: 'POST', route: `${A}/:id/submit`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${A}/${x.admitted ? await ownApplication(w, x.caller, false) : w.ids.application}/submit`, body: {} }) },
  { method: 'POST', route: `${A}/:id/withdraw`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${A}/${x.admitted ? await ownApplication(w, x.caller, true) : w.ids.application}/withdraw`, body: { reasonZh: '调整方案' } }) },
  {
    method: 'POST', route: `${A}/:id/formal-check`, allow: ORGANISERS, ok: [200],
    request: async (w, x) => {
      if (!x.admitted) return { url: `${A}/${w.ids.application}/formal-check`, body: {} };
      const c = await ownChallenge(w, x.caller);
      const a = await makeApplication(w.h, c, await makeConsortium(w.h));
      await w.h.database.db.updateTable('challenge').set({ deadline: new Date(w.h.clock.now().getTime() - 1000) }).where('id', '=', c.id).execute();
      await w.h.services.challenges.challenges.startReview(ctxOf(w, x.caller), c.id);
      return { url: `${A}/${a.id}/formal-check`, body: { decision: 'eligible' } };
    },
  },
];

const CHALLENGE_ACTIONS = ['timeline', 'publish', 'extend', 'start-review', 'cancel', 'applications', 'applications/export.xlsx'];
const APPLICATION_ACTIONS = ['submit', 'withdraw', 'formal-check'];
/** The core part's routes; the catalog, review and delivery parts test theirs. */
const isCovered = (url: string) => url === C || url === `${C}/open` || url === `${C}/open/export.xlsx` || url === `${C}/:id` || url === `${A}/mine` || url === `${A}/:id`
  || (url.startsWith(`${C}/:id/`) && CHALLENGE_ACTIONS.includes(url.slice(`${C}/:id/`.length)))
  || (url.startsWith(`${A}/:id/`) && APPLICATION_ACTIONS.includes(url.slice(`${A}/:id/`.length)));

const TABLES = ['audit_log', 'notification', 'challenge', 'challenge_indicator', 'challenge_deadline_change', 'application', 'application_member', 'application_person', 'application_milestone', 'application_budget_line'];

describe.each(testDatabases)('who may call the challenge and application routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await challengePeople(h);
    const open = await makeChallenge(h, w.p);
    const draft = await makeChallenge(h, w.p, {}, { publish: false });
    // The enterprise leads, the institute is a member: both read it.
    const k: Consortium = {
      lead: { orgId: w.p.org.enterprise, userId: w.p.userId.enterprise, ctx: w.p.ctx.enterprise, kind: 'enterprise', userEnterprise: false },
      members: [{ orgId: w.p.org.institute, userId: w.p.userId.institute, ctx: w.p.ctx.institute, kind: 'institute', userEnterprise: false }],
    };
    const application = (await makeApplication(h, open, k, {}, { submit: false })).id;
    w.ids = { open, draft, application };
  }, 120_000);

  it('covers every core route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      await expectCell(c, w, client, caller, verdict, fingerprint);
    });
  });
});
