import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { CALLERS, admits, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { ctxOf, unique } from '../../challenges/test/fixture.js';
import { applicationBody, BISHAN, findingsFor, ok } from './fixture.js';

/**
 * Who may call each safety route: every role and anonymous callers against every
 * /api/safety route. A caller the rule does not admit is refused at the gate (401/403) and
 * nothing changes; an admitted caller reaches the service with an object it may act on. Then
 * what each reader sees of one evaluation: the body and overseers all of it, the applicant its
 * own, an expert only what it reviews, everyone else the public conclusion line (and nothing
 * before a conclusion), the dossier never in public.
 */

const SCOPE = 'safety:read';
const BODY = ['admin', 'taskforce', 'unit'] as const;
const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const APPLICANTS = ['enterprise', 'institute', 'pilotBase'] as const;
const REVIEWERS = ['expert'] as const;
const DOSSIER_READERS = [...OVERSEERS, ...APPLICANTS, ...REVIEWERS] as const;
const base = '/api/safety/evaluations';
const DOSSIER_WORDS = '申报书正文-保密-7731';

type Applicant = (typeof APPLICANTS)[number];
type Method = 'GET' | 'POST' | 'PATCH';
type State = 'draft' | 'submitted' | 'accepted' | 'supplementing' | 'review' | 'reviewed' | 'concluded';
interface World {
  h: Harness;
  as: Record<Caller, Client>;
  ctx: Record<Applicant, Ctx>;
  /** The matrix expert (linked to the expert caller) and a spare one at the university. */
  experts: { mine: string; spare: string };
  ids: { draft: string; submitted: string; accepted: string; review: string; reviewId: string; concluded: string; file: string; reviewFile: string };
}
interface Req { url: string; body?: unknown }
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}

const applicantOf = (caller: Caller): Applicant => ((APPLICANTS as readonly string[]).includes(caller) ? caller as Applicant : 'enterprise');

async function upload(w: World, who: Applicant) {
  return (await w.h.services.files.upload(w.ctx[who], { name: '申报书.pdf', mime: 'application/pdf', content: Buffer.from(`%PDF ${DOSSIER_WORDS} ${unique('f')}`) })).id;
}

/** A fresh evaluation of this applicant's organisation, taken through the API to a state; the matrix expert reviews it. */
async function fresh(w: World, state: State, who: Applicant = 'enterprise', extra: Record<string, unknown> = {}) {
  const c = w.as[who];
  const fileIds = [await upload(w, who)];
  const e = await ok(await c.post(base, applicationBody({ fileIds, descriptionZh: DOSSIER_WORDS, ...extra })), 201, 'draft');
  const id = e.id as string;
  const step = async (client: Client, path: string, body: unknown = {}) => ok(await client.post(`${base}/${id}/${path}`, body), 200, path);
  if (state === 'draft') return { id, fileId: fileIds[0], reviewId: '' };
  await step(c, 'submit');
  if (state === 'submitted') return { id, fileId: fileIds[0], reviewId: '' };
  await step(w.as.taskforce, 'accept');
  if (state === 'supplementing') await step(w.as.taskforce, 'request-supplements', { reasonZh: '补充检测报告' });
  if (state === 'accepted' || state === 'supplementing') return { id, fileId: fileIds[0], reviewId: '' };
  const assigned = await step(w.as.taskforce, 'reviewers', { expertIds: [w.experts.mine] });
  const reviewId = (assigned.reviews as { id: string }[])[0].id;
  if (state === 'review') return { id, fileId: fileIds[0], reviewId };
  await ok(await w.as.expert.post(`/api/safety/reviews/${reviewId}/submit`, findingsFor('coreStrain')), 200, 'review');
  if (state === 'reviewed') return { id, fileId: fileIds[0], reviewId };
  await step(w.as.taskforce, 'conclude', { conclusion: 'safe', findingsZh: '安全' });
  return { id, fileId: fileIds[0], reviewId };
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/safety/conclusions', allow: 'public', ok: [200], request: () => ({ url: `/api/safety/conclusions?q=${encodeURIComponent('丁二酸')}&limit=5` }) },
  { method: 'GET', route: '/api/safety/conclusions/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/safety/conclusions/export.xlsx?conclusion=safe' }) },
  { method: 'GET', route: base, allow: OVERSEERS, scope: SCOPE, ok: [200], request: () => ({ url: `${base}?overdue=true&limit=5` }) },
  { method: 'GET', route: `${base}/mine`, allow: APPLICANTS, scope: SCOPE, ok: [200], request: () => ({ url: `${base}/mine?state=draft` }) },
  { method: 'GET', route: `${base}/:id`, allow: 'public', ok: [200], request: (w) => ({ url: `${base}/${w.ids.concluded}` }) },
  {
    method: 'GET', route: `${base}/:id/files/:fileId`, allow: DOSSIER_READERS, ok: [200],
    request: async (w, x) => {
      if (!x.admitted || admits(OVERSEERS, x.caller)) return { url: `${base}/${w.ids.submitted}/files/${w.ids.file}` };
      if (x.caller === 'expert') return { url: `${base}/${w.ids.review}/files/${w.ids.reviewFile}` };
      const own = await fresh(w, 'draft', applicantOf(x.caller));
      return { url: `${base}/${own.id}/files/${own.fileId}` };
    },
  },
  {
    method: 'POST', route: base, allow: APPLICANTS, ok: [201],
    request: async (w, x) => ({ url: base, body: applicationBody(x.admitted ? { fileIds: [await upload(w, applicantOf(x.caller))] } : {}) }),
  },
  { method: 'PATCH', route: `${base}/:id`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'draft', applicantOf(x.caller))).id : w.ids.draft}`, body: { titleZh: unique('改过的名称') } }) },
  { method: 'POST', route: `${base}/:id/submit`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'draft', applicantOf(x.caller))).id : w.ids.draft}/submit`, body: {} }) },
  { method: 'POST', route: `${base}/:id/withdraw`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'submitted', applicantOf(x.caller))).id : w.ids.submitted}/withdraw`, body: { reasonZh: '项目调整' } }) },
  { method: 'POST', route: `${base}/:id/supplement`, allow: APPLICANTS, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'supplementing', applicantOf(x.caller))).id : w.ids.accepted}/supplement`, body: { answerZh: '已补充' } }) },
  { method: 'POST', route: `${base}/:id/accept`, allow: BODY, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'submitted')).id : w.ids.submitted}/accept`, body: {} }) },
  { method: 'POST', route: `${base}/:id/return`, allow: BODY, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'submitted')).id : w.ids.submitted}/return`, body: { reasonZh: '不属于受理范围' } }) },
  { method: 'POST', route: `${base}/:id/request-supplements`, allow: BODY, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'accepted')).id : w.ids.accepted}/request-supplements`, body: { reasonZh: '补充毒理试验' } }) },
  {
    method: 'POST', route: `${base}/:id/track`, allow: BODY, ok: [200],
    request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'submitted', 'enterprise', { trackRequested: 'priority', trackReasonZh: '创新工艺' })).id : w.ids.submitted}/track`, body: { decision: 'granted' } }),
  },
  { method: 'POST', route: `${base}/:id/conclude`, allow: BODY, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'reviewed')).id : w.ids.review}/conclude`, body: { conclusion: 'safe', findingsZh: '安全' } }) },
  { method: 'GET', route: `${base}/:id/reviewer-proposal`, allow: BODY, scope: SCOPE, ok: [200], request: (w) => ({ url: `${base}/${w.ids.accepted}/reviewer-proposal?n=2` }) },
  { method: 'POST', route: `${base}/:id/reviewers`, allow: BODY, ok: [200], request: async (w, x) => ({ url: `${base}/${x.admitted ? (await fresh(w, 'accepted')).id : w.ids.accepted}/reviewers`, body: { expertIds: [w.experts.spare] } }) },
  { method: 'POST', route: '/api/safety/reviews/:id/replace', allow: BODY, ok: [200], request: async (w, x) => ({ url: `/api/safety/reviews/${x.admitted ? (await fresh(w, 'review')).reviewId : w.ids.reviewId}/replace`, body: { reasonZh: '利益冲突', expertId: w.experts.spare } }) },
  { method: 'POST', route: '/api/safety/reviews/:id/remove', allow: BODY, ok: [200], request: async (w, x) => ({ url: `/api/safety/reviews/${x.admitted ? (await fresh(w, 'review')).reviewId : w.ids.reviewId}/remove`, body: { reasonZh: '长期出差' } }) },
  { method: 'GET', route: '/api/safety/reviews/mine', allow: REVIEWERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/safety/reviews/mine?status=assigned' }) },
  { method: 'POST', route: '/api/safety/reviews/:id/submit', allow: REVIEWERS, ok: [200], request: async (w, x) => ({ url: `/api/safety/reviews/${x.admitted ? (await fresh(w, 'review')).reviewId : w.ids.reviewId}/submit`, body: findingsFor('coreStrain') }) },
  { method: 'POST', route: '/api/safety/reviews/:id/decline', allow: REVIEWERS, ok: [200], request: async (w, x) => ({ url: `/api/safety/reviews/${x.admitted ? (await fresh(w, 'review')).reviewId : w.ids.reviewId}/decline`, body: { reasonZh: '时间冲突' } }) },
];

/** Every table these routes write, with the audit log, the notifications they send and the files. */
const TABLES = ['audit_log', 'notification', 'mail_outbox', 'stored_file', 'safety_evaluation', 'safety_evaluation_pause', 'safety_review'];

describe.each(testDatabases)('who may call the safety routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh, districtCode: BISHAN })).id;
    const org = {
      enterprise: await mk('enterprise', '重庆示范合成生物公司（安全评价权限测试）'), institute: await mk('institute', '重庆生物研究院（安全评价权限测试）'),
      pilotBase: await mk('pilotBase', '璧山中试基地（安全评价权限测试）'), university: await mk('university', '重庆某大学（安全评价权限测试）'),
    };
    const orgOf: Partial<Record<Role, string>> = { enterprise: org.enterprise, institute: org.institute, pilotBase: org.pilotBase, expert: org.university };
    w.as = { anonymous: h.anonymous } as World['as'];
    w.ctx = {} as World['ctx'];
    const userIds = {} as Record<Role, string>;
    for (const role of ROLES) {
      userIds[role] = await h.user(`safety-matrix-${role}`, [role], orgOf[role] ?? null);
      w.as[role] = await h.login(`safety-matrix-${role}`);
    }
    for (const a of APPLICANTS) w.ctx[a] = await ctxOf(h, userIds[a]);
    const expertRow = (userId: string | null, nameZh: string) => h.database.db.insertInto('expert').values({
      code: unique('ZJ-S'), userId, organisationId: org.university, organisationZh: '重庆某大学', nameZh, fields: ['生物安全', '合成生物学'], createdAt: new Date(), updatedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    const spareUser = await h.user('safety-matrix-spare-expert', ['expert'], org.university);
    w.experts = { mine: (await expertRow(userIds.expert, '矩阵专家')).id, spare: (await expertRow(spareUser, '备用专家')).id };
    const draft = await fresh(w, 'draft');
    const submitted = await fresh(w, 'submitted');
    const accepted = await fresh(w, 'accepted');
    const review = await fresh(w, 'review');
    const concluded = await fresh(w, 'concluded');
    w.ids = { draft: draft.id, submitted: submitted.id, accepted: accepted.id, review: review.id, reviewId: review.reviewId, concluded: concluded.id, file: submitted.fileId, reviewFile: review.fileId };
  });

  it('covers every safety route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, (url) => url.startsWith('/api/safety/'));
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  it('shows each reader its part: the body and overseers all, the applicant its own, an expert what it reviews, everyone else the conclusion line', async () => {
    const expected: Record<Caller, string> = {
      admin: 'body', taskforce: 'body', unit: 'body', district: 'overseer', enterprise: 'applicant',
      institute: 'public', pilotBase: 'public', curator: 'public', expert: 'reviewer', anonymous: 'public',
    };
    for (const caller of CALLERS) {
      const res = await w.as[caller].get(`${base}/${w.ids.concluded}`);
      expect(res.statusCode, caller).toBe(200);
      const audience = res.json().audience ?? 'public';
      expect(audience, caller).toBe(expected[caller]);
      expect(res.body.includes(DOSSIER_WORDS), caller).toBe(audience !== 'public');
      // Not concluded: nobody outside sees it at all; the reviewer of another evaluation neither.
      const open = await w.as[caller].get(`${base}/${w.ids.accepted}`);
      expect(open.statusCode, `${caller} open`).toBe(['body', 'overseer', 'applicant'].includes(expected[caller]) ? 200 : 404);
    }
    for (const url of ['/api/safety/conclusions?limit=100', '/api/safety/conclusions/export.xlsx']) expect((await h.anonymous.get(url)).body).not.toContain(DOSSIER_WORDS);
    // Another applicant's and a non-reviewing expert's file requests find nothing.
    expect((await w.as.institute.get(`${base}/${w.ids.submitted}/files/${w.ids.file}`)).statusCode).toBe(404);
    expect((await w.as.expert.get(`${base}/${w.ids.submitted}/files/${w.ids.file}`)).statusCode).toBe(404);
  });

  it('reads for a machine with safety:read on the scoped routes, and writes nothing', async () => {
    const created = await w.as.taskforce.post('/api/tokens', { name: 'safety reader', scopes: [SCOPE] });
    expect(created.statusCode, created.body).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get(`${base}?limit=5`)).statusCode).toBe(200);
    const before = await fingerprint();
    expect((await machine.post(`${base}/${w.ids.submitted}/accept`, {})).statusCode).toBe(403);
    expect((await machine.post(`${base}/${w.ids.accepted}/reviewers`, { expertIds: [w.experts.spare] })).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
    // On a public route a token is anyone: the conclusion line only.
    expect((await machine.get(`${base}/${w.ids.concluded}`)).json()).not.toHaveProperty('descriptionZh');
  });
});
