import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_BODY, expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';

/**
 * Who may call each route of the deals side of the pilot module — responses and their thread,
 * the funnel, pilot projects, one-stop services — every role and anonymous callers against
 * every route. A caller the route's rule does not admit is refused at the gate (401/403, before
 * the body is read) and nothing changes; an admitted caller reaches the service and, with an
 * object of its own, succeeds. Then the object rules the services keep: a response and its
 * thread exist only for its two organisations and the task force; a request only for its
 * requester, its handling body and the task force.
 */

type Caller = Role | 'anonymous';
type Allow = 'public' | readonly Role[];
type Method = 'GET' | 'POST' | 'PUT';

const SCOPE = 'pilot:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const PARTIES = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'] as const;
const BASE_KEEPERS = ['admin', 'taskforce', 'pilotBase'] as const;
const HANDLERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const PROJECT_READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase'] as const;
const REQUEST_READERS = PROJECT_READERS;
const TODAY = '2026-03-10';

interface Req { url: string; body?: unknown }
interface Orgs { taskForce: string; enterprise: string; institute: string; base: string; customs: string; district: string; outsider: string; otherUnit: string; itemOwner: string }
interface World {
  h: Harness;
  as: Record<Caller, Client>;
  outsider: Client;
  otherUnit: Client;
  orgs: Orgs;
  ids: { base: string; demand: string; achievement: string; response: string; project: string; request: string };
}
interface Case {
  method: Method;
  route: string;
  allow: Allow;
  scope?: typeof SCOPE;
  ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}


// ---- Objects, inserted directly (their making is tested elsewhere) --------------------------

let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}`;

/** The organisation each matrix caller speaks for (the admin sits in the task-force office). */
function orgOf(w: World, caller: Caller): string {
  const o = w.orgs;
  return ({ admin: o.taskForce, taskforce: o.taskForce, enterprise: o.enterprise, institute: o.institute, pilotBase: o.base, unit: o.customs, district: o.district } as Record<string, string>)[caller] ?? o.outsider;
}

async function demand(w: World, organisationId: string) {
  return (await w.h.database.db.insertInto('pilotDemand').values({
    code: unique('XQ-M-'), organisationId, titleZh: '万吨级 PDO 发酵放大', problemZh: '放大产率下降', scaleL: 5000, deadline: '2026-12-31', domain: 'biochem',
    districtCode: '500120', summaryZh: '5000 L 放大验证', detailZh: '菌株与工艺参数（保密）', state: 'published', publishedAt: new Date('2026-02-01T00:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A response to a fresh demand of `owner`, from another party, at a stage. */
async function response(w: World, owner: string, stage: 'responded' | 'negotiating' = 'responded', demandId?: string) {
  const responder = owner === w.orgs.enterprise ? w.orgs.institute : w.orgs.enterprise;
  return (await w.h.database.db.insertInto('pilotResponse').values({
    code: unique('XY-M-'), targetKind: 'demand', demandId: demandId ?? await demand(w, owner), ownerOrgId: owner, responderOrgId: responder, messageZh: '可承接放大验证（保密报价）',
    stage, acceptedAt: stage === 'negotiating' ? new Date() : null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

async function project(w: World) {
  return (await w.h.database.db.insertInto('pilotProject').values({
    code: unique('ZSXM-M-'), nameZh: 'PHA 材料中试', baseId: w.ids.base, leadOrgId: w.orgs.enterprise, achievementId: w.ids.achievement, stage: 'research', stageEnteredOn: TODAY,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A request of a category (routed to that category's body), filed by an organisation, in a state. */
async function serviceRequest(w: World, requester: string, category: string, state = 'submitted') {
  const db = w.h.database.db;
  const route = await db.selectFrom('serviceRoute').select(['organisationId', 'slaDays']).where('category', '=', category).executeTakeFirstOrThrow();
  return (await db.insertInto('serviceRequest').values({
    code: unique('YZS-M-'), category, titleZh: '进口菌种通关', detailZh: '一批工程菌株', requesterOrgId: requester, handlerOrgId: route.organisationId,
    slaDays: route.slaDays, dueAt: new Date('2026-03-20T00:00:00Z'), state, acceptedAt: state === 'accepted' ? new Date() : null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}

/** A request this caller handles: customs for the unit (a customs officer), 品牌建设 for the district (routed to it), any for the task force. */
const handledBy = (w: World, caller: Caller, state = 'submitted') =>
  serviceRequest(w, w.orgs.enterprise, caller === 'unit' ? 'customs' : caller === 'district' ? 'brand' : 'legal', state);

/** A request this caller may read: its own as a party, its queue's as a handler. */
const readableBy = (w: World, caller: Caller) =>
  (caller === 'unit' || caller === 'district' ? handledBy(w, caller) : serviceRequest(w, orgOf(w, caller), 'legal'));

const gateBody = { result: 'pass', reviewerNameZh: '专家组', reviewedOn: TODAY, evidenceZh: '概念验证报告' };

// ---- The table ----------------------------------------------------------------------------

const fresh = (w: World, x: { caller: Caller; admitted: boolean }, make: () => Promise<string>, shared: string) => (x.admitted ? make() : Promise.resolve(shared));

const CASES: Case[] = [
  // Responses and their thread: the parties (the service then answers only the two organisations and the task force)
  { method: 'GET', route: '/api/pilot/funnel', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/funnel?list=demands' }) },
  {
    method: 'POST', route: '/api/pilot/responses', allow: PARTIES, ok: [201],
    request: async (w, x) => ({ url: '/api/pilot/responses', body: x.admitted ? { targetKind: 'demand', itemId: await demand(w, w.orgs.itemOwner), messageZh: '可承接' } : undefined }),
  },
  { method: 'GET', route: '/api/pilot/responses', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/pilot/responses?limit=10' }) },
  { method: 'GET', route: '/api/pilot/responses/mine', allow: PARTIES, ok: [200], request: () => ({ url: '/api/pilot/responses/mine?limit=10' }) },
  { method: 'GET', route: '/api/pilot/responses/items/:kind/:id', allow: PARTIES, ok: [200], request: (w) => ({ url: `/api/pilot/responses/items/demand/${w.ids.demand}` }) },
  {
    method: 'GET', route: '/api/pilot/responses/:id', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller)), w.ids.response)}` }),
  },
  {
    method: 'POST', route: '/api/pilot/responses/:id/accept', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller)), w.ids.response)}/accept` }),
  },
  {
    method: 'POST', route: '/api/pilot/responses/:id/decline', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller)), w.ids.response)}/decline`, body: { reason: '规模不符' } }),
  },
  {
    method: 'POST', route: '/api/pilot/responses/:id/stage', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller), 'negotiating'), w.ids.response)}/stage`, body: { stage: 'signed', contractWan: 80 } }),
  },
  {
    method: 'POST', route: '/api/pilot/responses/:id/close', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller), 'negotiating'), w.ids.response)}/close`, body: { reason: '资金未落实' } }),
  },
  {
    method: 'GET', route: '/api/pilot/responses/:id/messages', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller)), w.ids.response)}/messages` }),
  },
  {
    method: 'POST', route: '/api/pilot/responses/:id/messages', allow: PARTIES, ok: [201],
    request: async (w, x) => ({ url: `/api/pilot/responses/${await fresh(w, x, () => response(w, orgOf(w, x.caller)), w.ids.response)}/messages`, body: { textZh: unique('请报价 ') } }),
  },

  // Pilot projects: overseers, bases and parties read (a party its own); the task force and bases record and review
  { method: 'GET', route: '/api/pilot/projects/board', allow: PROJECT_READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/pilot/projects/board?status=all' }) },
  { method: 'GET', route: '/api/pilot/projects/counts', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/projects/counts' }) },
  { method: 'GET', route: '/api/pilot/projects/:id', allow: PROJECT_READERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/pilot/projects/${w.ids.project}` }) },
  { method: 'POST', route: '/api/pilot/projects', allow: BASE_KEEPERS, ok: [201], request: (w) => ({ url: '/api/pilot/projects', body: { nameZh: unique('酶法合成中试 '), baseId: w.ids.base } }) },
  {
    method: 'POST', route: '/api/pilot/projects/:id/gates', allow: BASE_KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/projects/${await fresh(w, x, () => project(w), w.ids.project)}/gates`, body: gateBody }),
  },
  {
    method: 'POST', route: '/api/pilot/projects/:id/stop', allow: BASE_KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/projects/${await fresh(w, x, () => project(w), w.ids.project)}/stop`, body: { reason: '技术路线调整' } }),
  },

  // One-stop services: routes and statistics are public; parties file, handlers handle
  { method: 'GET', route: '/api/pilot/services/routes', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/services/routes' }) },
  { method: 'PUT', route: '/api/pilot/services/routes/:category', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/pilot/services/routes/legal', body: { slaDays: 7 } }) },
  { method: 'GET', route: '/api/pilot/services/stats', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/services/stats' }) },
  {
    method: 'POST', route: '/api/pilot/services/requests', allow: PARTIES, ok: [201],
    request: () => ({ url: '/api/pilot/services/requests', body: { category: 'legal', titleZh: unique('技术许可合同审查 '), detailZh: '合同草案见附件', greenChannel: true } }),
  },
  { method: 'GET', route: '/api/pilot/services/requests', allow: REQUEST_READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/pilot/services/requests?limit=10' }) },
  {
    method: 'GET', route: '/api/pilot/services/requests/:id', allow: REQUEST_READERS, scope: SCOPE, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/services/requests/${await fresh(w, x, () => readableBy(w, x.caller), w.ids.request)}` }),
  },
  {
    method: 'POST', route: '/api/pilot/services/requests/:id/accept', allow: HANDLERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/services/requests/${await fresh(w, x, () => handledBy(w, x.caller), w.ids.request)}/accept`, body: {} }),
  },
  {
    method: 'POST', route: '/api/pilot/services/requests/:id/finish', allow: HANDLERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/services/requests/${await fresh(w, x, () => handledBy(w, x.caller, 'accepted'), w.ids.request)}/finish`, body: { outcomeZh: '已办结' } }),
  },
  {
    method: 'POST', route: '/api/pilot/services/requests/:id/reject', allow: HANDLERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/services/requests/${await fresh(w, x, () => handledBy(w, x.caller), w.ids.request)}/reject`, body: { reason: '非本机构职责' } }),
  },
  {
    method: 'POST', route: '/api/pilot/services/requests/:id/withdraw', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/services/requests/${await fresh(w, x, () => serviceRequest(w, orgOf(w, x.caller), 'legal'), w.ids.request)}/withdraw`, body: {} }),
  },
];

const MINE = ['/api/pilot/responses', '/api/pilot/funnel', '/api/pilot/projects', '/api/pilot/services'];
const isCovered = (url: string) => MINE.some((p) => url === p || url.startsWith(`${p}/`));
const sendsBody = (m: Method) => m !== 'GET';

/** Every table a deals write touches, with the audit log: a refused call leaves all of them as they were. */
const TABLES = [
  'audit_log', 'pilot_demand', 'pilot_achievement', 'pilot_response', 'pilot_response_message', 'pilot_project', 'pilot_project_gate',
  'service_route', 'service_request', 'service_request_event',
];

describe.each(testDatabases)('who may call the deals routes of the pilot module, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set(`${TODAY}T02:00:00Z`);
    const db = h.database.db;
    const ctx = systemCtx('test');
    const org = async (kind: string, nameZh: string) => (await h.services.identity.createOrganisation(ctx, { kind, nameZh, districtCode: '500120' })).id;
    const routeOrg = async (category: string) => (await db.selectFrom('serviceRoute').select('organisationId').where('category', '=', category).executeTakeFirstOrThrow()).organisationId;
    w.orgs = {
      taskForce: (await db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id,
      enterprise: await org('enterprise', '矩阵-重庆璧山合成生物有限公司'), institute: await org('institute', '矩阵-西南大学生物技术研究院'),
      base: await org('pilotBase', '矩阵-璧山中试基地运营公司'), customs: await routeOrg('customs'),
      district: (await db.selectFrom('organisation').select('id').where('kind', '=', 'district').where('districtCode', '=', '500120').executeTakeFirstOrThrow()).id,
      outsider: await org('enterprise', '矩阵-重庆另一生物有限公司'), otherUnit: await org('department', '矩阵-市某委'), itemOwner: await org('enterprise', '矩阵-需求发布企业'),
    };
    // 品牌建设 goes to 璧山 here, so the district caller has a queue of its own.
    await db.updateTable('serviceRoute').set({ organisationId: w.orgs.district }).where('category', '=', 'brand').execute();
    const user = async (name: string, roles: Role[], orgId: string | null) => { await h.user(`deals-${name}`, roles, orgId); return h.login(`deals-${name}`); };
    w.as = { anonymous: h.anonymous } as Record<Caller, Client>;
    for (const role of ROLES) w.as[role] = await user(role, [role], ['curator', 'expert'].includes(role) ? null : orgOf(w, role));
    w.outsider = await user('outsider', ['enterprise'], w.orgs.outsider);
    w.otherUnit = await user('other-unit', ['unit'], w.orgs.otherUnit);

    const base = await db.insertInto('pilotBase').values({ code: 'MATRIX-BASE', nameZh: '矩阵中试基地', operatorZh: '矩阵-璧山中试基地运营公司', organisationId: w.orgs.base, districtCode: '500120' }).returning('id').executeTakeFirstOrThrow();
    w.ids = { base: base.id } as World['ids'];
    w.ids.demand = await demand(w, w.orgs.enterprise);
    w.ids.achievement = (await db.insertInto('pilotAchievement').values({
      code: 'CG-M-1', organisationId: w.orgs.institute, titleZh: '高产 PHA 工程菌', resultZh: '摇瓶 80 g/L', trl: 5, domain: 'biochem', districtCode: '500120', state: 'published', publishedAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    // The shared response: the enterprise's demand, answered by the institute, in negotiation.
    w.ids.response = await response(w, w.orgs.enterprise, 'negotiating', w.ids.demand);
    await db.insertInto('pilotResponseMessage').values({ responseId: w.ids.response, authorId: null, orgId: w.orgs.institute, textZh: '报价 80 万元（保密）' }).execute();
    w.ids.project = await project(w);
    w.ids.request = await serviceRequest(w, w.orgs.enterprise, 'customs');
  });

  it('covers every deals route the application registers, with the rule each declares', () => {
    const registered = expectRulesAsDeclared(h.routes, CASES, isCovered);
    expect(registered.length).toBe(28);
  });


  describe.each(CASES)('$method $route', (c) => {
    const rows = matrixRows(c.allow);

    it.each(rows)('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect([401, 403], label).not.toContain(res.statusCode);
        expect(c.ok, label).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('the services check the object', () => {
    it('keeps a response and its thread from a third organisation: it does not exist for it', async () => {
      const id = w.ids.response;
      const before = await fingerprint();
      for (const url of [`/api/pilot/responses/${id}`, `/api/pilot/responses/${id}/messages`]) expect((await w.outsider.get(url)).statusCode, url).toBe(404);
      for (const [path, body] of [['messages', { textZh: '旁听' }], ['accept', {}], ['decline', { reason: 'x' }], ['stage', { stage: 'signed' }], ['close', { reason: 'x' }]] as const)
        expect((await w.outsider.post(`/api/pilot/responses/${id}/${path}`, body)).statusCode, path).toBe(404);
      // A pilot base is a party too, but not to this response.
      expect((await w.as.pilotBase.get(`/api/pilot/responses/${id}/messages`)).statusCode).toBe(404);
      expect(await fingerprint()).toBe(before);
      // Nor through the lists: its item's responses and its own are empty of it, and public counts name no one.
      expect((await w.outsider.get(`/api/pilot/responses/items/demand/${w.ids.demand}`)).json()).toEqual([]);
      expect((await w.outsider.get('/api/pilot/responses/mine?limit=500')).json().items.map((r: { id: string }) => r.id)).not.toContain(id);
      for (const url of ['/api/pilot/funnel?list=demands', '/api/pilot/projects/counts', '/api/pilot/services/stats']) {
        const body = (await w.as.anonymous.get(url)).body;
        for (const secret of ['保密', '矩阵-', w.orgs.enterprise, w.orgs.institute]) expect(body, `${url} ${secret}`).not.toContain(secret);
      }
      // The two organisations and the task force read it.
      for (const c of [w.as.enterprise, w.as.institute, w.as.taskforce]) expect((await c.get(`/api/pilot/responses/${id}/messages`)).json()[0].textZh).toBe('报价 80 万元（保密）');
      // The owner's side sees every response to its item; the responder its own; the detail stays in lists.service's hands.
      expect((await w.as.enterprise.get(`/api/pilot/responses/items/demand/${w.ids.demand}`)).json().map((r: { id: string }) => r.id)).toEqual([id]);
      expect(Object.keys((await w.as.institute.get(`/api/pilot/responses/${id}`)).json())).not.toContain('detailZh');
    });

    it('lets only the handling body (or the task force) act on a request; others do not see it', async () => {
      const id = await serviceRequest(w, w.orgs.enterprise, 'customs');
      const brand = await serviceRequest(w, w.orgs.enterprise, 'brand');
      const before = await fingerprint();
      for (const [who, c, rid] of [['a unit not the handler', w.otherUnit, id], ['customs on 璧山\'s request', w.as.unit, brand], ['璧山 on a customs request', w.as.district, id]] as const) {
        expect((await c.get(`/api/pilot/services/requests/${rid}`)).statusCode, who).toBe(404);
        for (const [path, body] of [['accept', {}], ['reject', { reason: 'x' }], ['finish', { outcomeZh: 'x' }]] as const)
          expect((await c.post(`/api/pilot/services/requests/${rid}/${path}`, body)).statusCode, `${who} ${path}`).toBe(404);
      }
      expect((await w.otherUnit.get('/api/pilot/services/requests?limit=500')).json().total).toBe(0);
      // The requester sees its request but does not handle it; the handler does not withdraw it.
      expect((await w.as.enterprise.post(`/api/pilot/services/requests/${id}/accept`, {})).statusCode).toBe(403);
      expect((await w.as.unit.post(`/api/pilot/services/requests/${id}/withdraw`, {})).statusCode).toBe(403);
      expect((await w.outsider.post(`/api/pilot/services/requests/${id}/withdraw`, {})).statusCode).toBe(404);
      expect(await fingerprint()).toBe(before);
      expect((await w.as.unit.post(`/api/pilot/services/requests/${id}/accept`, {})).json().state).toBe('accepted');
    });

    it('shows a party only the projects it takes part in, and lets a base review only its own', async () => {
      const other = (await w.h.database.db.insertInto('pilotProject').values({ code: unique('ZSXM-M-'), nameZh: '别家的项目', leadOrgId: w.orgs.outsider, stageEnteredOn: TODAY }).returning('id').executeTakeFirstOrThrow()).id;
      const before = await fingerprint();
      expect((await w.as.enterprise.get(`/api/pilot/projects/${other}`)).statusCode).toBe(404);
      expect((await w.as.institute.get(`/api/pilot/projects/${other}`)).statusCode).toBe(404);
      expect((await w.as.pilotBase.post(`/api/pilot/projects/${other}/gates`, gateBody)).statusCode).toBe(403);
      expect((await w.as.pilotBase.post(`/api/pilot/projects/${other}/stop`, { reason: 'x' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      expect((await w.as.unit.get(`/api/pilot/projects/${other}`)).statusCode).toBe(200);
    });
  });

  describe('an API token with pilot:read', () => {
    let machine: Client;
    beforeAll(async () => {
      const created = await w.as.taskforce.post('/api/tokens', { name: 'pilot reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      machine = bearerClient(h.app, created.json().token);
    });

    it('reaches exactly the routes that name the scope (and the public ones), and writes nothing', async () => {
      for (const c of CASES) {
        const label = `token ${c.method} ${c.route}`;
        if (c.scope || c.allow === 'public') {
          const { url } = await c.request(w, { caller: 'taskforce', admitted: true });
          const res = await machine.get(url);
          expect(c.ok, `${label}: ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        } else {
          const { url } = await c.request(w, { caller: 'taskforce', admitted: false });
          const before = c.method === 'GET' ? null : await fingerprint();
          const res = await machine.request(c.method, url.split('?')[0], sendsBody(c.method) ? BAD_BODY : undefined);
          expect(res.statusCode, `${label}: ${res.body.slice(0, 200)}`).toBe(403);
          if (before) expect(await fingerprint(), label).toBe(before);
        }
      }
    });
  });
});
