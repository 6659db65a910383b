import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_BODY, expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, sendsBody } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { multipart } from '../../supervision/test/fixture.js';
import { creditCode, industryPeople } from './fixture.js';

/**
 * Who may call each route of the industry module: every role and anonymous callers against
 * every /api/industry route. A caller the route's rule does not admit is refused at the gate —
 * 401 or 403, before the body is read or validated, and nothing changes; a caller it admits
 * reaches the service, which may still say 404/409/422 about the object. Then the object-level
 * rules the services keep (viewer.ts): who sees figures and leads, what an enterprise may edit,
 * who verifies whose figures, and what an API token with industry:read reaches.
 */

type Caller = Role | 'anonymous';
type Allow = 'public' | 'authenticated' | readonly Role[];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SCOPE = 'industry:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const READERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const MANAGERS = ['admin', 'taskforce', 'district'] as const;
const EDITORS = ['admin', 'taskforce', 'district', 'enterprise'] as const;
const FIGURE_READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise'] as const;

/** 璧山 (the linked enterprise's district, and the matrix's district caller) and 渝北. */
const BISHAN = '500120';
const YUBEI = '500112';

/** A body no route's schema accepts: refused callers send it to show the gate comes first. */

/** What only those who may see an enterprise's figures get on its profile. */
const PRIVATE_KEYS = ['figures', 'leads', 'history', 'latestFigure', 'transformations', 'investments', 'organisationId'];

interface Req { url: string; body?: unknown; headers?: Record<string, string> }

/** What one suite has made, and how to make more. */
interface World {
  h: Harness;
  /** The matrix's callers; `district` is 璧山, the linked enterprise's own district. */
  as: Record<Caller, Client>;
  yubei: Client;
  /** An enterprise user whose organisation is linked to no enterprise record. */
  otherEnterprise: Client;
  ids: {
    /** 璧山, linked to the fixture's enterprise organisation. */
    entBishan: string;
    entYubei: string;
    programme: string;
    /** A self-reported figure awaiting verification (璧山). */
    figure: string;
    park: string; parkCode: string; seededPark: string;
    fund: string; fundCode: string; seededFund: string;
    leadBishan: string; leadYubei: string;
  };
  templates: { enterprises: Buffer };
}

interface Case {
  method: Method;
  route: string;
  allow: Allow;
  /** The scope that lets an API token call the route (none: people only). */
  scope?: typeof SCOPE;
  /** What an admitted caller gets with the request below. */
  ok: number[];
  /** The request for this caller; fresh objects are made only for admitted callers. */
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<Req> | Req;
}


// ---- Making objects (always as the task force, or the owner) ------------------------------

let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}`;
let codes = 0;
const nextCreditCode = (district = BISHAN) => creditCode(700 + ++codes, district);

async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

const enterpriseBody = (district: string, extra: Record<string, unknown> = {}) => ({
  creditCode: nextCreditCode(district), nameZh: unique('重庆测试生物科技有限公司'), districtCode: district, domains: ['biochem'], products: ['1,3-丙二醇'], ...extra,
});

async function enterprise(w: World, district: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await json(await w.as.taskforce.post('/api/industry/enterprises', enterpriseBody(district, extra)), 201, 'enterprise')).id;
}

async function lead(w: World, district: string, targetNameZh = unique('某生物基材料股份有限公司')): Promise<{ id: string; targetKey: string }> {
  return json(await w.as.taskforce.post('/api/industry/leads', { targetNameZh, ownerDistrictCode: district }), 201, 'lead');
}

/** A self-reported figure awaiting verification, on a fresh enterprise of 璧山. */
async function submittedFigure(w: World): Promise<string> {
  const enterpriseId = await enterprise(w, BISHAN);
  return (await w.h.database.db.insertInto('enterpriseFigure')
    .values({ enterpriseId, year: 2024, revenueWan: 8000, source: 'selfReported', state: 'submitted' }).returning('id').executeTakeFirstOrThrow()).id;
}

const transformation = { category: 'lowEnd', goalZh: '发酵工艺节能改造', startedOn: '2025-01-01', milestones: [{ titleZh: '完成设备选型', dueOn: '2025-06-30', doneOn: null }] };
const figures = { revenueWan: 12000, outputValueWan: 15000, employees: 120 };
const parkBody = (code: string) => ({ code, kind: 'park', nameZh: `测试生物制造园-${code}`, districtCodes: [BISHAN], domains: ['biochem'] });
const fundBody = (code: string) => ({ code, nameZh: `测试产业基金-${code}`, kind: 'venture', sizeWan: 50000, domains: ['biochem'] });

// ---- The table ----------------------------------------------------------------------------

const CASES: Case[] = [
  // Enterprises: profiles are public; managers keep records; an enterprise edits its own
  { method: 'GET', route: '/api/industry/enterprises', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/enterprises?limit=10' }) },
  { method: 'GET', route: '/api/industry/search', allow: 'public', ok: [200], request: () => ({ url: `/api/industry/search?q=${encodeURIComponent('生物科技')}` }) },
  { method: 'GET', route: '/api/industry/enterprises/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: `/api/industry/enterprises/export.xlsx?districtCode=${BISHAN}` }) },
  { method: 'GET', route: '/api/industry/enterprises/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}` }) },
  {
    // The district caller is 璧山's: it registers in its own district.
    method: 'POST', route: '/api/industry/enterprises', allow: MANAGERS, ok: [201],
    request: () => ({ url: '/api/industry/enterprises', body: enterpriseBody(BISHAN) }),
  },
  {
    // Public fields an enterprise may edit itself, on the linked record (璧山's, so the district manages it too).
    method: 'PATCH', route: '/api/industry/enterprises/:id', allow: EDITORS, ok: [200],
    request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}`, body: { nameEn: unique('Bishan Synthetic Bio '), products: ['1,3-丙二醇', '生物基聚酯'] } }),
  },
  {
    method: 'PUT', route: '/api/industry/enterprises/:id/designations', allow: MANAGERS, ok: [200],
    request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}/designations`, body: { designations: [{ kind: 'srdi', level: 'municipal', year: 2023 }] } }),
  },
  {
    method: 'PUT', route: '/api/industry/enterprises/:id/chain-nodes', allow: EDITORS, ok: [200],
    request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}/chain-nodes`, body: { nodeCodes: ['biochem.methanol'] } }),
  },
  {
    method: 'POST', route: '/api/industry/enterprises/:id/transformations', allow: MANAGERS, ok: [201],
    request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}/transformations`, body: transformation }),
  },
  {
    method: 'PUT', route: '/api/industry/enterprises/:id/transformations/:programmeId', allow: MANAGERS, ok: [200],
    request: (w) => ({ url: `/api/industry/enterprises/${w.ids.entBishan}/transformations/${w.ids.programme}`, body: { ...transformation, goalZh: unique('发酵工艺节能改造，') } }),
  },
  {
    // The enterprise reports on its own record; managers on a fresh 璧山 record each (the task
    // force's statistics would otherwise make the firm's later self-report a 409).
    method: 'PUT', route: '/api/industry/enterprises/:id/figures/:year', allow: EDITORS, ok: [200],
    request: async (w, x) => ({
      url: `/api/industry/enterprises/${x.admitted && x.caller !== 'enterprise' ? await enterprise(w, BISHAN) : w.ids.entBishan}/figures/2024`, body: figures,
    }),
  },
  { method: 'GET', route: '/api/industry/figures', allow: FIGURE_READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/figures?limit=10' }) },
  { method: 'GET', route: '/api/industry/figures/export.xlsx', allow: READERS, ok: [200], request: () => ({ url: '/api/industry/figures/export.xlsx?year=2024' }) },
  {
    method: 'POST', route: '/api/industry/figures/:id/verify', allow: MANAGERS, ok: [200],
    request: async (w, x) => ({ url: `/api/industry/figures/${x.admitted ? await submittedFigure(w) : w.ids.figure}/verify`, body: { decision: 'verify' } }),
  },
  { method: 'GET', route: '/api/industry/templates/:kind', allow: MANAGERS, ok: [200], request: () => ({ url: '/api/industry/templates/enterprises.xlsx' }) },
  {
    // An empty template imports nothing and says so (422): the caller passed the gate.
    method: 'POST', route: '/api/industry/import/:kind', allow: MANAGERS, ok: [422],
    request: (w) => { const m = multipart('企业名录.xlsx', w.templates.enterprises); return { url: '/api/industry/import/enterprises', body: m.payload, headers: m.headers }; },
  },

  // The map, targets, chains, parks, funds
  { method: 'GET', route: '/api/industry/map', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/map?measure=count' }) },
  { method: 'GET', route: '/api/industry/rollup', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/rollup' }) },
  { method: 'GET', route: '/api/industry/targets/:code/records', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/targets/industryScale/records?limit=10' }) },
  { method: 'GET', route: '/api/industry/chains', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/chains' }) },
  { method: 'GET', route: '/api/industry/chains/targets', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/chains/targets' }) },
  { method: 'GET', route: '/api/industry/chains/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/chains/export.xlsx' }) },
  { method: 'GET', route: '/api/industry/chains/:code', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/chains/biochem' }) },
  { method: 'GET', route: '/api/industry/parks', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/parks' }) },
  { method: 'GET', route: '/api/industry/parks/export.xlsx', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/parks/export.xlsx' }) },
  { method: 'GET', route: '/api/industry/parks/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/industry/parks/${w.ids.seededPark}` }) },
  { method: 'POST', route: '/api/industry/parks', allow: TASK_FORCE, ok: [201], request: () => ({ url: '/api/industry/parks', body: parkBody(unique('testPark')) }) },
  {
    method: 'PUT', route: '/api/industry/parks/:id', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/industry/parks/${w.ids.park}`, body: { ...parkBody(w.ids.parkCode), focusZh: unique('合成生物学中试') } }),
  },
  { method: 'GET', route: '/api/industry/funds', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/funds' }) },
  { method: 'GET', route: '/api/industry/funds/summary', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/funds/summary' }) },
  { method: 'GET', route: '/api/industry/funds/export.xlsx', allow: READERS, ok: [200], request: () => ({ url: '/api/industry/funds/export.xlsx' }) },
  { method: 'GET', route: '/api/industry/funds/:id', allow: READERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/industry/funds/${w.ids.seededFund}` }) },
  { method: 'POST', route: '/api/industry/funds', allow: TASK_FORCE, ok: [201], request: () => ({ url: '/api/industry/funds', body: fundBody(unique('testFund')) }) },
  {
    method: 'PUT', route: '/api/industry/funds/:id', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/industry/funds/${w.ids.fund}`, body: { ...fundBody(w.ids.fundCode), managerZh: unique('重庆产业投资管理公司') } }),
  },
  {
    method: 'POST', route: '/api/industry/funds/:id/investments', allow: TASK_FORCE, ok: [201],
    request: (w) => ({ url: `/api/industry/funds/${w.ids.fund}/investments`, body: { enterpriseId: w.ids.entBishan, amountWan: 3000, investedOn: '2025-06-01' } }),
  },

  // Investment leads: the task force and districts (a district its own)
  { method: 'GET', route: '/api/industry/leads', allow: MANAGERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/leads?limit=10' }) },
  { method: 'GET', route: '/api/industry/leads/pipeline', allow: MANAGERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/leads/pipeline' }) },
  { method: 'GET', route: '/api/industry/leads/overlaps', allow: MANAGERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/leads/overlaps' }) },
  {
    // Each admitted caller decides a fresh overlap: one company chased by 渝北 and 璧山.
    method: 'POST', route: '/api/industry/leads/overlaps/decide', allow: TASK_FORCE, ok: [200],
    request: async (w, x) => {
      if (!x.admitted) return { url: '/api/industry/leads/overlaps/decide' };
      const name = unique('某合成生物龙头企业');
      const first = await lead(w, YUBEI, name);
      await lead(w, BISHAN, name);
      return { url: '/api/industry/leads/overlaps/decide', body: { targetKey: first.targetKey, primaryLeadId: first.id, mode: 'joint', noteZh: '渝北主办' } };
    },
  },
  { method: 'GET', route: '/api/industry/leads/clocks', allow: MANAGERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/industry/leads/clocks' }) },
  { method: 'PUT', route: '/api/industry/leads/clocks', allow: TASK_FORCE, ok: [200], request: () => ({ url: '/api/industry/leads/clocks', body: { clue: 7, negotiating: 30 } }) },
  { method: 'GET', route: '/api/industry/leads/export.xlsx', allow: MANAGERS, ok: [200], request: () => ({ url: '/api/industry/leads/export.xlsx' }) },
  { method: 'GET', route: '/api/industry/leads/:id', allow: MANAGERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/industry/leads/${w.ids.leadBishan}` }) },
  {
    method: 'POST', route: '/api/industry/leads', allow: MANAGERS, ok: [201],
    request: () => ({ url: '/api/industry/leads', body: { targetNameZh: unique('某生物基材料股份有限公司'), ownerDistrictCode: BISHAN, chainNodeCode: 'biochem.methanol' } }),
  },
  {
    method: 'PATCH', route: '/api/industry/leads/:id', allow: MANAGERS, ok: [200],
    request: (w) => ({ url: `/api/industry/leads/${w.ids.leadBishan}`, body: { nextActionZh: unique('上门拜访'), nextActionOn: '2026-03-20' } }),
  },
  {
    method: 'POST', route: '/api/industry/leads/:id/stage', allow: MANAGERS, ok: [200],
    request: async (w, x) => ({ url: `/api/industry/leads/${x.admitted ? (await lead(w, BISHAN)).id : w.ids.leadBishan}/stage`, body: { stage: 'negotiating', noteZh: '已见面' } }),
  },
  {
    method: 'POST', route: '/api/industry/leads/:id/activities', allow: MANAGERS, ok: [200],
    request: (w) => ({ url: `/api/industry/leads/${w.ids.leadBishan}/activities`, body: { textZh: unique('电话沟通') } }),
  },
  {
    method: 'POST', route: '/api/industry/leads/:id/close', allow: MANAGERS, ok: [200],
    request: async (w, x) => ({ url: `/api/industry/leads/${x.admitted ? (await lead(w, BISHAN)).id : w.ids.leadBishan}/close`, body: { reason: '企业另选址' } }),
  },
  { method: 'GET', route: '/api/industry/events', allow: 'public', ok: [200], request: () => ({ url: '/api/industry/events' }) },
  { method: 'POST', route: '/api/industry/events', allow: TASK_FORCE, ok: [201], request: () => ({ url: '/api/industry/events', body: { nameZh: unique('生物制造招商推介会'), heldOn: '2026-04-18' } }) },
];

const isCovered = (url: string) => url.startsWith('/api/industry/') || url === '/api/industry';

/** Every table an industry write touches, with the audit log: a refused call leaves all of them as they were. */
const TABLES = [
  'audit_log', 'enterprise', 'enterprise_designation', 'enterprise_chain_node', 'transformation_programme', 'enterprise_figure',
  'park', 'fund', 'fund_investment', 'investment_lead', 'investment_lead_activity', 'investment_lead_clock', 'invest_event',
];

describe.each(testDatabases)('who may call the industry routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;

  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const p = await industryPeople(h);
    const more = await Promise.all((['institute', 'pilotBase', 'curator'] as const).map(async (role) => {
      await h.user(`industry-matrix-${role}`, [role]);
      return [role, await h.login(`industry-matrix-${role}`)] as const;
    }));
    w.as = {
      admin: p.as.admin, taskforce: p.as.taskforce, unit: p.as.unit, district: p.as.bishan, enterprise: p.as.enterprise, expert: p.as.expert,
      ...Object.fromEntries(more), anonymous: h.anonymous,
    } as Record<Caller, Client>;
    w.yubei = p.as.yubei;
    const otherOrg = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '重庆渝北另一生物有限公司', districtCode: YUBEI })).id;
    await h.user('industry-other-enterprise', ['enterprise'], otherOrg);
    w.otherEnterprise = await h.login('industry-other-enterprise');
    const tf = w.as.taskforce;

    w.templates = { enterprises: (await tf.get('/api/industry/templates/enterprises.xlsx')).rawPayload };
    const ids = {} as World['ids'];
    w.ids = ids;
    // The enterprise user's record: created by the task force and linked to its organisation.
    ids.entBishan = await enterprise(w, BISHAN, { nameZh: '重庆璧山合成生物有限公司', organisationId: p.enterpriseOrgId });
    ids.entYubei = await enterprise(w, YUBEI, { nameZh: '重庆渝北生物制药有限公司' });
    ids.programme = (await json(await tf.post(`/api/industry/enterprises/${ids.entBishan}/transformations`, transformation), 201, 'programme')).id;
    ids.figure = await submittedFigure(w);
    ids.parkCode = unique('matrixPark');
    ids.park = (await json(await tf.post('/api/industry/parks', parkBody(ids.parkCode)), 201, 'park')).id;
    ids.seededPark = (await h.database.db.selectFrom('park').select('id').where('code', '=', 'lifeScienceCity').executeTakeFirstOrThrow()).id;
    ids.fundCode = unique('matrixFund');
    ids.fund = (await json(await tf.post('/api/industry/funds', fundBody(ids.fundCode)), 201, 'fund')).id;
    ids.seededFund = (await h.database.db.selectFrom('fund').select('id').where('code', '=', 'cqIndustryMotherFund').executeTakeFirstOrThrow()).id;
    ids.leadBishan = (await json(await w.as.district.post('/api/industry/leads', { targetNameZh: '某酶制剂股份有限公司', enterpriseId: ids.entBishan }), 201, 'bishan lead')).id;
    ids.leadYubei = (await json(await w.yubei.post('/api/industry/leads', { targetNameZh: '某生物医药集团有限公司', enterpriseId: ids.entYubei }), 201, 'yubei lead')).id;
    // Verified figures on both records (123 and 60 亿元, both in the ≥ 50 亿元 tier), so that there is something to see and to hide.
    await json(await tf.put(`/api/industry/enterprises/${ids.entBishan}/figures/2023`, { revenueWan: 1_234_567, source: 'statistics' }), 200, 'bishan figures');
    await json(await tf.put(`/api/industry/enterprises/${ids.entYubei}/figures/2023`, { revenueWan: 600_000, source: 'statistics' }), 200, 'yubei figures');
  });

  it('covers every industry route the application registers, with the rule each declares', () => {
    const registered = expectRulesAsDeclared(h.routes, CASES, isCovered);
    expect(registered.length).toBe(50);
  });


  describe.each(CASES)('$method $route', (c) => {
    const rows = matrixRows(c.allow);

    it.each(rows)('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      if (verdict === 'admitted') {
        const { url, body, headers } = await c.request(w, { caller, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined, headers);
        const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect([401, 403], label).not.toContain(res.statusCode);
        expect(c.ok, label).toContain(res.statusCode);
        return;
      }
      // Refused: no query string and a body no schema accepts, so an admitted caller would get 422 —
      // a refusal proves the gate answered before validation, and says nothing of the object.
      const { url } = await c.request(w, { caller, admitted: false });
      await expectRefused(client, caller, c.method, url, fingerprint);
    });
  });

  describe('the services check the object', () => {
    const profile = async (client: Client, id: string) => json(await client.get(`/api/industry/enterprises/${id}`), 200, 'profile');

    it('shows visitors, experts, an unrelated enterprise and another district the public profile only', async () => {
      for (const [who, client] of [['anonymous', w.as.anonymous], ['expert', w.as.expert], ['other enterprise', w.otherEnterprise], ['渝北', w.yubei], ['institute', w.as.institute]] as const) {
        const e = await profile(client, w.ids.entBishan);
        expect(e.nameZh, who).toBe('重庆璧山合成生物有限公司');
        for (const key of PRIVATE_KEYS) expect(Object.keys(e), `${who} sees ${key}`).not.toContain(key);
        expect(e.may, who).toEqual({ edit: false, manage: false, verify: false, submitFigures: false });
        expect(JSON.stringify(e), who).not.toContain('1234567');
        // Nor through the list or the search.
        const listed = (await json(await client.get(`/api/industry/enterprises?districtCode=${BISHAN}&limit=500`), 200, 'list')).items as Record<string, unknown>[];
        const mine = listed.find((x) => x.id === w.ids.entBishan)!;
        expect(mine, who).toBeDefined();
        expect(Object.keys(mine), who).not.toContain('latestFigure');
        const found = (await json(await client.get(`/api/industry/search?q=${encodeURIComponent('璧山合成生物')}`), 200, 'search')).enterprises as Record<string, unknown>[];
        expect(found.map((x) => x.id), who).toContain(w.ids.entBishan);
        for (const x of found) expect(Object.keys(x), who).not.toContain('latestFigure');
      }
      // A district sees figures of its own enterprises, not of another district's.
      expect(Object.keys(await profile(w.yubei, w.ids.entYubei))).toContain('figures');
      // Chains and parks: visitors get counts and standings, not scale or leads.
      for (const client of [w.as.anonymous, w.as.expert, w.as.enterprise]) {
        const graph = await json(await client.get('/api/industry/chains/biochem'), 200, 'graph');
        for (const n of graph.nodes) {
          expect(n.reason).toBeNull();
          expect(Object.keys(n)).not.toContain('scaleWan');
          expect(Object.keys(n)).not.toContain('activeLeads');
        }
        for (const t of await json(await client.get('/api/industry/chains/targets'), 200, 'targets')) expect(Object.keys(t)).not.toContain('activeLeads');
        for (const park of await json(await client.get('/api/industry/parks'), 200, 'parks')) expect(Object.keys(park)).not.toContain('scaleWan');
      }
      const tfNode = (await json(await w.as.taskforce.get('/api/industry/chains/biochem'), 200, 'graph')).nodes[0];
      expect(Object.keys(tfNode)).toEqual(expect.arrayContaining(['scaleWan', 'activeLeads']));
    });

    it('shows figures to the task force, a unit, the enterprise\'s own district and the enterprise itself; leads to the task force and the district only', async () => {
      for (const [who, client] of [['taskforce', w.as.taskforce], ['admin', w.as.admin], ['unit', w.as.unit], ['璧山', w.as.district], ['the enterprise', w.as.enterprise]] as const) {
        const e = await profile(client, w.ids.entBishan);
        expect(Object.keys(e), who).toEqual(expect.arrayContaining(['figures', 'latestFigure', 'history', 'leads']));
        expect(e.figures.map((f: { year: number }) => f.year), who).toContain(2023);
        expect(e.latestFigure, who).toMatchObject({ year: 2023 });
        const leads = e.leads.map((l: { id: string }) => l.id);
        if (who === 'unit' || who === 'the enterprise') expect(leads, who).toEqual([]);
        else expect(leads, who).toContain(w.ids.leadBishan);
      }
      expect((await profile(w.as.enterprise, w.ids.entBishan)).may).toMatchObject({ edit: true, manage: false, verify: false, submitFigures: true });
      expect((await profile(w.as.district, w.ids.entBishan)).may).toMatchObject({ edit: true, manage: true, verify: true });
      // The list gives tiers (latestFigure) to the same people.
      const listed = (await json(await w.as.unit.get(`/api/industry/enterprises?districtCode=${BISHAN}&limit=500`), 200, 'list')).items as Record<string, unknown>[];
      expect(listed.find((x) => x.id === w.ids.entBishan)).toHaveProperty('latestFigure');
    });

    it('maps enterprise counts for everyone, and scale only for units, districts and the task force', async () => {
      const count = await w.as.anonymous.get('/api/industry/map?measure=count');
      expect(count.statusCode).toBe(200);
      expect(count.json().items.find((d: { code: string }) => d.code === BISHAN).value).toBeGreaterThan(0);
      expect([401, 403]).toContain((await w.as.anonymous.get('/api/industry/map?measure=scale')).statusCode);
      for (const who of ['expert', 'enterprise'] as const) expect((await w.as[who].get('/api/industry/map?measure=scale')).statusCode, who).toBe(403);
      for (const [who, client] of [['unit', w.as.unit], ['璧山', w.as.district], ['渝北', w.yubei], ['taskforce', w.as.taskforce]] as const) {
        const res = await client.get('/api/industry/map?measure=scale');
        expect(res.statusCode, who).toBe(200);
        expect(res.json().measure).toBe('scale');
      }
      // Filtering by revenue tier is a figure too.
      expect((await w.as.anonymous.get('/api/industry/enterprises?tier=100')).statusCode).toBe(403);
      expect((await w.as.enterprise.get('/api/industry/enterprises?tier=100')).statusCode).toBe(403);
      const yubeiTier = (await json(await w.yubei.get('/api/industry/enterprises?tier=50&limit=500'), 200, 'tier')).items.map((x: { id: string }) => x.id);
      expect(yubeiTier).toContain(w.ids.entYubei);
      expect(yubeiTier).not.toContain(w.ids.entBishan); // 123 亿元, but in 璧山: not 渝北's to see
    });

    it('lets an enterprise edit its own public fields, and nothing else', async () => {
      const ent = w.as.enterprise;
      const ok = await ent.patch(`/api/industry/enterprises/${w.ids.entBishan}`, { nameEn: 'Bishan Synthetic Biology Co.', products: ['1,3-丙二醇', 'PDO 纤维'] });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ nameEn: 'Bishan Synthetic Biology Co.', products: ['1,3-丙二醇', 'PDO 纤维'] });
      const before = await fingerprint();
      for (const patch of [{ districtCode: YUBEI }, { creditCode: nextCreditCode() }, { nameZh: '改名生物有限公司' }, { nameEn: 'x', districtCode: BISHAN }, { organisationId: null }]) {
        const res = await ent.patch(`/api/industry/enterprises/${w.ids.entBishan}`, patch);
        expect(res.statusCode, `${JSON.stringify(patch)}: ${res.body}`).toBe(403);
      }
      expect((await ent.patch(`/api/industry/enterprises/${w.ids.entYubei}`, { nameEn: 'Not mine' })).statusCode).toBe(403);
      expect((await ent.put(`/api/industry/enterprises/${w.ids.entYubei}/chain-nodes`, { nodeCodes: ['biochem.methanol'] })).statusCode).toBe(403);
      expect((await ent.put(`/api/industry/enterprises/${w.ids.entYubei}/figures/2025`, figures)).statusCode).toBe(403);
      expect((await ent.put(`/api/industry/enterprises/${w.ids.entBishan}/designations`, { designations: [] })).statusCode).toBe(403);
      // An enterprise user whose organisation is linked to no record edits nothing.
      expect((await w.otherEnterprise.patch(`/api/industry/enterprises/${w.ids.entYubei}`, { nameEn: 'Not mine' })).statusCode).toBe(403);
      expect((await w.otherEnterprise.get('/api/industry/figures')).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      expect((await profile(w.as.anonymous, w.ids.entBishan)).districtCode).toBe(BISHAN);
    });

    it('takes an enterprise\'s own figures as submitted, for its own district (not another) to verify', async () => {
      const put = await w.as.enterprise.put(`/api/industry/enterprises/${w.ids.entBishan}/figures/2025`, { revenueWan: 280000, employees: 800 });
      expect(put.statusCode, put.body).toBe(200);
      const figure = put.json();
      expect(figure).toMatchObject({ year: 2025, state: 'submitted', source: 'selfReported', verifiedBy: null });
      // Awaiting verification, it does not count: the task force's statistics for 2023 are the latest verified.
      expect((await profile(w.as.enterprise, w.ids.entBishan)).latestFigure).toMatchObject({ year: 2023 });
      // The enterprise sees its own figures only; 渝北 does not see 璧山's.
      const own = (await json(await w.as.enterprise.get('/api/industry/figures?limit=500'), 200, 'own figures')).items as { id: string; enterpriseId: string }[];
      expect(own.map((f) => f.id)).toContain(figure.id);
      expect(new Set(own.map((f) => f.enterpriseId))).toEqual(new Set([w.ids.entBishan]));
      const yubeiSees = (await json(await w.yubei.get('/api/industry/figures?limit=500'), 200, 'yubei figures')).items as { id: string; districtCode: string }[];
      expect(yubeiSees.map((f) => f.id)).not.toContain(figure.id);
      expect(yubeiSees.every((f) => f.districtCode === YUBEI)).toBe(true);

      const before = await fingerprint();
      const other = await w.yubei.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' });
      expect(other.statusCode, other.body).toBe(403);
      expect((await w.as.enterprise.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' })).statusCode).toBe(403);
      expect((await w.as.unit.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);

      const own2 = await w.as.district.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' });
      expect(own2.statusCode, own2.body).toBe(200);
      expect(own2.json()).toMatchObject({ id: figure.id, state: 'verified', source: 'selfReported' });
      expect((await profile(w.as.enterprise, w.ids.entBishan)).latestFigure).toMatchObject({ year: 2025 });
      // Verified once: a second verification is a conflict, not a change.
      expect((await w.as.district.post(`/api/industry/figures/${figure.id}/verify`, { decision: 'verify' })).statusCode).toBe(409);
    });

    it('keeps a district to its own enterprises and its own leads; units get no leads', async () => {
      const bishan = w.as.district;
      const before = await fingerprint();
      expect((await bishan.post('/api/industry/enterprises', enterpriseBody(YUBEI))).statusCode).toBe(403);
      expect((await bishan.patch(`/api/industry/enterprises/${w.ids.entYubei}`, { nameEn: 'Not ours' })).statusCode).toBe(403);
      expect((await bishan.put(`/api/industry/enterprises/${w.ids.entYubei}/designations`, { designations: [] })).statusCode).toBe(403);
      expect((await bishan.put(`/api/industry/enterprises/${w.ids.entYubei}/figures/2024`, figures)).statusCode).toBe(403);
      expect((await bishan.post(`/api/industry/enterprises/${w.ids.entYubei}/transformations`, transformation)).statusCode).toBe(403);
      // Moving an enterprise to another district is the task force's.
      expect((await bishan.patch(`/api/industry/enterprises/${w.ids.entBishan}`, { districtCode: YUBEI })).statusCode).toBe(403);
      expect((await bishan.post('/api/industry/leads', { targetNameZh: '某企业', ownerDistrictCode: YUBEI })).statusCode).toBe(403);

      // 渝北's lead does not exist for 璧山.
      expect((await bishan.get(`/api/industry/leads/${w.ids.leadYubei}`)).statusCode).toBe(404);
      expect((await bishan.patch(`/api/industry/leads/${w.ids.leadYubei}`, { nextActionZh: '代办' })).statusCode).toBe(404);
      expect((await bishan.post(`/api/industry/leads/${w.ids.leadYubei}/stage`, { stage: 'negotiating' })).statusCode).toBe(404);
      expect((await bishan.post(`/api/industry/leads/${w.ids.leadYubei}/activities`, { textZh: '代办' })).statusCode).toBe(404);
      expect((await bishan.post(`/api/industry/leads/${w.ids.leadYubei}/close`, { reason: '代办' })).statusCode).toBe(404);
      expect(await fingerprint()).toBe(before);
      const listed = (await json(await bishan.get('/api/industry/leads?limit=500'), 200, 'leads')).items as { id: string; ownerDistrictCode: string }[];
      expect(listed.map((l) => l.id)).toContain(w.ids.leadBishan);
      expect(listed.map((l) => l.id)).not.toContain(w.ids.leadYubei);
      expect(listed.every((l) => l.ownerDistrictCode === BISHAN)).toBe(true);
      // Not through the profile either.
      expect((await profile(w.yubei, w.ids.entYubei)).leads.map((l: { id: string }) => l.id)).toContain(w.ids.leadYubei);
      expect((await profile(w.as.taskforce, w.ids.entYubei)).leads.map((l: { id: string }) => l.id)).toContain(w.ids.leadYubei);

      const tf = await w.as.taskforce.get(`/api/industry/leads/${w.ids.leadYubei}`);
      expect(tf.statusCode).toBe(200);
      expect(tf.json()).toMatchObject({ id: w.ids.leadYubei, ownerDistrictCode: YUBEI, may: { manage: true, coordinate: true } });
      expect((await w.yubei.get(`/api/industry/leads/${w.ids.leadYubei}`)).json().may).toEqual({ manage: true, coordinate: false });

      for (const url of ['/api/industry/leads', `/api/industry/leads/${w.ids.leadYubei}`, '/api/industry/leads/pipeline', '/api/industry/leads/export.xlsx']) {
        expect((await w.as.unit.get(url)).statusCode, `unit ${url}`).toBe(403);
        expect((await w.as.enterprise.get(url)).statusCode, `enterprise ${url}`).toBe(403);
      }
      expect((await w.as.unit.post('/api/industry/leads', { targetNameZh: '某企业', ownerDistrictCode: BISHAN })).statusCode).toBe(403);
    });
  });


  describe('rules found by this test and fixed in the services', () => {
    it('a district reads only its own firms behind an indicator\'s drill-down', async () => {
      const res = await w.yubei.get('/api/industry/targets/industryScale/records?year=2023&limit=500');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: string; districtCode: string; revenueWan: number }[];
      expect(items.filter((x) => x.districtCode !== YUBEI)).toEqual([]);
    });

    it('only the task force links an enterprise account, to an enterprise organisation not linked elsewhere', async () => {
      const org = (await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '重庆璧山待关联生物有限公司', districtCode: BISHAN })).id;
      const res = await w.as.district.post('/api/industry/enterprises', { ...enterpriseBody(BISHAN), organisationId: org });
      expect(res.statusCode, res.body).toBe(403);
      const linked = await w.as.taskforce.post('/api/industry/enterprises', { ...enterpriseBody(BISHAN), organisationId: org });
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json()).not.toHaveProperty('tokens');
      const again = await w.as.taskforce.post('/api/industry/enterprises', { ...enterpriseBody(BISHAN), organisationId: org });
      expect(again.statusCode).toBe(409);
      const unit = (await h.database.db.selectFrom('organisation').select('id').where('kind', '=', 'taskForce').executeTakeFirstOrThrow()).id;
      expect((await w.as.taskforce.post('/api/industry/enterprises', { ...enterpriseBody(BISHAN), organisationId: unit })).statusCode).toBe(422);
    });
  });

  describe('an API token with industry:read', () => {
    let machine: Client;
    let otherScope: Client;
    beforeAll(async () => {
      const created = await w.as.taskforce.post('/api/tokens', { name: 'industry reader', scopes: [SCOPE] });
      expect(created.statusCode, created.body).toBe(201);
      machine = bearerClient(h.app, created.json().token);
      const other = await w.as.taskforce.post('/api/tokens', { name: 'supervision reader', scopes: ['supervision:read'] });
      expect(other.statusCode, other.body).toBe(201);
      otherScope = bearerClient(h.app, other.json().token);
    });

    it('reads the roll-up, figures and leads, but writes nothing', async () => {
      const rollup = await machine.get('/api/industry/rollup');
      expect(rollup.statusCode, rollup.body).toBe(200);
      expect(rollup.json().totalWan).toBeGreaterThan(0);
      expect((await machine.get('/api/industry/leads?limit=500')).json().items.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([w.ids.leadBishan, w.ids.leadYubei]));
      const before = await fingerprint();
      for (const [url, body] of [
        ['/api/industry/enterprises', enterpriseBody(BISHAN)],
        ['/api/industry/leads', { targetNameZh: '机器写入', ownerDistrictCode: BISHAN }],
        ['/api/industry/events', { nameZh: '机器写入的活动' }],
        [`/api/industry/figures/${w.ids.figure}/verify`, { decision: 'verify' }],
      ] as const) {
        const res = await machine.post(url, body);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(403);
      }
      expect((await machine.patch(`/api/industry/enterprises/${w.ids.entBishan}`, { nameEn: '机器写入' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
      expect((await otherScope.get('/api/industry/rollup')).statusCode).toBe(403);
    });

    it('reaches exactly the routes that name the scope (and the public ones)', async () => {
      for (const c of CASES) {
        const label = `token ${c.method} ${c.route}`;
        if (c.scope || c.allow === 'public') {
          if (c.method !== 'GET') continue;
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
