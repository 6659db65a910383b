import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { systemCtx } from '../../../platform/context/ctx.js';
import { loadDemoFactoryEpcis } from '../../../demo/factory-epcis.js';
import { epcisDocument } from './epcis.fixture.js';

/**
 * Factories (registration, the public list and page with their figures, the demo) and who may call
 * every route of the epcis part: each role and anonymous callers against each route. A caller the
 * rule does not admit is refused at the gate — on /epcis with the binding's problem document — and
 * nothing changes; an admitted caller reaches the service.
 */

const OVERSEERS = ['admin', 'taskforce', 'unit', 'district'] as const;
const OPERATORS = ['enterprise', 'pilotBase'] as const;
const READERS = [...OVERSEERS, ...OPERATORS] as const;
const CAPTURERS = ['enterprise', 'pilotBase', 'admin'] as const;
const Q = 'epcis:query';
const C = 'epcis:capture';

const SITE = 'urn:epc:id:sgln:6970005.00001.0';
let serial = 0;
const unique = (s: string) => `${s}${++serial}`;
const LD = { 'content-type': 'application/ld+json' };
const oneEvent = (extra: Record<string, unknown> = {}) => epcisDocument([{
  type: 'ObjectEvent', eventID: `urn:uuid:40000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`, eventTime: '2026-02-01T08:00:00+08:00', eventTimeZoneOffset: '+08:00',
  action: 'OBSERVE', bizStep: 'shipping', epcList: ['urn:epc:id:sgtin:6970005.012345.1'], ...extra,
}]);

interface World {
  h: Harness;
  as: Record<Caller | 'other', Client>;
  org: { enterprise: string; pilotBase: string; other: string };
  factory: { enterprise: string; pilotBase: string };
  job: { enterprise: string; pilotBase: string };
  event: { enterprise: string; pilotBase: string };
}
interface Case { method: string; route: string; allow: Allow; scope?: string; ok: number[]; request(w: World, caller: Caller): { url: string; body?: unknown; headers?: Record<string, string> } }

const own = (caller: Caller): 'enterprise' | 'pilotBase' => (caller === 'pilotBase' ? 'pilotBase' : 'enterprise');
const enc = encodeURIComponent;

const CASES: Case[] = [
  { method: 'GET', route: '/api/factory/factories', allow: 'public', ok: [200], request: () => ({ url: '/api/factory/factories?kind=smartFactory' }) },
  { method: 'GET', route: '/api/factory/vocabularies', allow: 'public', ok: [200], request: () => ({ url: '/api/factory/vocabularies' }) },
  { method: 'GET', route: '/api/factory/factories/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/factory/factories/${w.factory.enterprise}` }) },
  {
    method: 'POST', route: '/api/factory/factories', allow: READERS, ok: [201],
    request: (w, caller) => ({ url: '/api/factory/factories', body: { nameZh: unique('矩阵测试工厂'), kind: 'smartFactory', ...((OVERSEERS as readonly string[]).includes(caller) ? { organisationId: w.org.enterprise } : {}) } }),
  },
  { method: 'PATCH', route: '/api/factory/factories/:id', allow: READERS, ok: [200], request: (w, caller) => ({ url: `/api/factory/factories/${w.factory[own(caller)]}`, body: { addressZh: unique('重庆市璧山区示例路 ') } }) },
  { method: 'OPTIONS', route: '/epcis', allow: READERS, scope: Q, ok: [204], request: () => ({ url: '/epcis' }) },
  { method: 'OPTIONS', route: '/epcis/capture', allow: CAPTURERS, scope: C, ok: [204], request: () => ({ url: '/epcis/capture' }) },
  { method: 'POST', route: '/epcis/capture', allow: CAPTURERS, scope: C, ok: [202], request: () => ({ url: '/epcis/capture', body: JSON.stringify(oneEvent()), headers: LD }) },
  { method: 'GET', route: '/epcis/capture', allow: CAPTURERS, scope: C, ok: [200], request: () => ({ url: '/epcis/capture?limit=5' }) },
  { method: 'GET', route: '/epcis/capture/:captureID', allow: CAPTURERS, scope: C, ok: [200], request: (w, caller) => ({ url: `/epcis/capture/${w.job[own(caller)]}` }) },
  { method: 'GET', route: '/epcis/events', allow: READERS, scope: Q, ok: [200], request: () => ({ url: '/epcis/events?EQ_bizStep=shipping&perPage=5' }) },
  { method: 'GET', route: '/epcis/events/:eventID', allow: READERS, scope: Q, ok: [200], request: (w, caller) => ({ url: `/epcis/events/${enc(w.event[own(caller)])}` }) },
  { method: 'GET', route: '/epcis/eventTypes', allow: READERS, scope: Q, ok: [200], request: () => ({ url: '/epcis/eventTypes' }) },
  { method: 'GET', route: '/epcis/eventTypes/:id', allow: READERS, scope: Q, ok: [200], request: () => ({ url: '/epcis/eventTypes/ObjectEvent' }) },
  { method: 'GET', route: '/epcis/eventTypes/:id/events', allow: READERS, scope: Q, ok: [200], request: () => ({ url: '/epcis/eventTypes/ObjectEvent/events?perPage=2' }) },
  ...(['epcs', 'bizSteps', 'dispositions', 'readPoints', 'bizLocations'] as const).flatMap((r): Case[] => {
    const id = { epcs: 'urn:epc:id:sgtin:6970005.012345.1', bizSteps: 'shipping', dispositions: 'in_transit', readPoints: SITE, bizLocations: SITE }[r];
    return [
      { method: 'GET', route: `/epcis/${r}`, allow: READERS, scope: Q, ok: [200], request: () => ({ url: `/epcis/${r}?perPage=5` }) },
      // A value no event the caller sees names is not found (404), like a value that never was.
      { method: 'GET', route: `/epcis/${r}/:id`, allow: READERS, scope: Q, ok: [200, 404], request: () => ({ url: `/epcis/${r}/${enc(id)}` }) },
      { method: 'GET', route: `/epcis/${r}/:id/events`, allow: READERS, scope: Q, ok: [200], request: () => ({ url: `/epcis/${r}/${enc(id)}/events` }) },
    ];
  }),
];

const TABLES = ['audit_log', 'factory', 'epcis_capture', 'epcis_event', 'epcis_event_epc', 'epcis_event_biz_transaction'];
const isCovered = (url: string) => url === '/api/factory/vocabularies' || url === '/epcis' || url.startsWith('/epcis/') || url === '/api/factory/factories' || url.startsWith('/api/factory/factories/');

describe.each(testDatabases)('factories, and who may call the epcis part\'s routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    const mk = async (k: string, nameZh: string) => (await h.services.identity.createOrganisation(systemCtx('test'), { kind: k, nameZh, districtCode: '500120' })).id;
    w.org = { enterprise: await mk('enterprise', '矩阵测试发酵企业'), pilotBase: await mk('pilotBase', '矩阵测试中试基地'), other: await mk('enterprise', '矩阵测试另一企业') };
    const orgOf: Partial<Record<Role, string>> = { enterprise: w.org.enterprise, pilotBase: w.org.pilotBase, admin: w.org.enterprise, institute: w.org.other };
    w.as = { anonymous: h.anonymous } as World['as'];
    for (const role of ROLES) {
      await h.user(`fac-matrix-${role}`, [role], orgOf[role] ?? null);
      w.as[role] = await h.login(`fac-matrix-${role}`);
    }
    await h.user('fac-other', ['enterprise'], w.org.other);
    w.as.other = await h.login('fac-other');
    const made = async (caller: 'enterprise' | 'pilotBase', sgln: string | null) => {
      const res = await w.as[caller].post('/api/factory/factories', { nameZh: unique('基础工厂'), kind: 'digitalWorkshop', sgln });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    w.factory = { enterprise: await made('enterprise', SITE), pilotBase: await made('pilotBase', null) };
    const captured = async (caller: 'enterprise' | 'pilotBase') => {
      const doc = oneEvent({ readPoint: { id: SITE }, disposition: 'in_transit' });
      const res = await w.as[caller].request('POST', '/epcis/capture', JSON.stringify(doc), LD);
      expect(res.statusCode, res.body).toBe(202);
      return { job: res.json().captureID as string, event: (doc.epcisBody.eventList[0] as { eventID: string }).eventID };
    };
    const [e, p] = [await captured('enterprise'), await captured('pilotBase')];
    w.job = { enterprise: e.job, pilotBase: p.job };
    w.event = { enterprise: e.event, pilotBase: p.event };
  }, 120_000);

  it('covers every route of the part, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.as[caller];
      const { url, body, headers } = c.request(w, caller);
      if (verdict === 'admitted') {
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined, headers);
        expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        return;
      }
      if (url.startsWith('/api/')) return expectRefused(client, caller, c.method, url, fingerprint);
      // The EPCIS interface answers the gate's refusal with the binding's problem document.
      const before = await fingerprint();
      const res = await client.request(c.method, url.split('?')[0], sendsBody(c.method) ? ['not', 'a', 'document'] : undefined);
      const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
      expect(res.statusCode, label).toBe(caller === 'anonymous' ? 401 : 403);
      expect(String(res.headers['content-type']), label).toMatch(/^application\/problem\+json/);
      expect(res.json(), label).toMatchObject({ type: 'epcisException:SecurityException', status: res.statusCode });
      expect(await fingerprint(), `${label}: something changed`).toBe(before);
    });
  });

  it('numbers factories FAC-0001… and checks each field, writing nothing when one is wrong', async () => {
    const codes = (await h.database.db.selectFrom('factory').select('code').orderBy('code').execute()).map((r) => r.code);
    expect(codes[0]).toBe('FAC-0001');
    expect(codes.every((c, i) => c === `FAC-${String(i + 1).padStart(4, '0')}`)).toBe(true);
    const before = await fingerprint();
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await w.as.enterprise.post('/api/factory/factories', { nameZh: unique('校验工厂'), kind: 'smartFactory', ...body });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    };
    await bad({ sgln: 'urn:epc:id:sgln:123.45.0' }, '/sgln');
    await bad({ districtCode: '999999' }, '/districtCode');
    const existing = (await w.as.enterprise.get(`/api/factory/factories/${w.factory.enterprise}`)).json().nameZh;
    await bad({ nameZh: existing }, '/nameZh');
    expect((await w.as.taskforce.post('/api/factory/factories', { nameZh: unique('无主工厂'), kind: 'smartFactory' })).statusCode).toBe(422);
    expect(await fingerprint()).toBe(before);
    // Another enterprise may not edit it; the audit trail holds every registration and edit.
    expect((await w.as.other.patch(`/api/factory/factories/${w.factory.enterprise}`, { nameEn: 'x' })).statusCode).toBe(403);
    const audits = await h.database.db.selectFrom('auditLog').select('action').where('entityId', '=', w.factory.enterprise).execute();
    expect(audits.map((a) => a.action)).toContain('factory.create');
    expect(audits.map((a) => a.action)).toContain('factory.update');
  });

  it('tells visitors what they may know and its keepers how to connect; counts the site\'s events and batches', async () => {
    await w.as.enterprise.request('POST', '/epcis/capture', JSON.stringify(oneEvent({ bizLocation: { id: 'urn:epc:id:sgln:6970005.00001.7' } })), LD);
    await w.as.enterprise.request('POST', '/epcis/capture', JSON.stringify(oneEvent({ readPoint: { id: 'urn:epc:id:sgln:6970005.00002.0' } })), LD);
    const listed = (await h.anonymous.get('/api/factory/factories?limit=100')).json().items.find((f: { id: string }) => f.id === w.factory.enterprise);
    expect(listed).toMatchObject({ connected: true, eventCount: 2, batchCount: 0, organisationNameZh: '矩阵测试发酵企业', districtNameZh: expect.any(String) });
    expect(listed).not.toHaveProperty('sgln');
    expect(listed.lastEventAt).toBeTruthy();
    const pb = (await h.anonymous.get(`/api/factory/factories/${w.factory.pilotBase}`)).json();
    expect(pb).toMatchObject({ connected: false, eventCount: 0 });
    expect(pb).not.toHaveProperty('connect');

    const page = (await w.as.enterprise.get(`/api/factory/factories/${w.factory.enterprise}`)).json();
    expect(page).toMatchObject({ sgln: SITE, may: { edit: true }, connect: { captureUrl: '/epcis/capture', captureScope: 'epcis:capture', queryScope: 'epcis:query', ingestScope: 'factory:ingest', mqttTopic: `cqb/factories/${page.code}/batches/{batchNo}/readings` } });
    expect(page.figures.byBizStep).toEqual([{ bizStep: 'shipping', n: 2 }]);
    expect((await w.as.taskforce.get(`/api/factory/factories/${w.factory.enterprise}`)).json().connect).toBeDefined();
    expect((await w.as.other.get(`/api/factory/factories/${w.factory.enterprise}`)).json().connect).toBeUndefined();
  });

  it('loads the demo factories once', async () => {
    const ent = await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '重庆示例合成生物科技有限公司（测试）', districtCode: '500102' });
    const partner = await h.services.identity.createOrganisation(systemCtx('test'), { kind: 'enterprise', nameZh: '重庆示例生物制剂有限公司（测试）', districtCode: '500120' });
    await h.user('demo.enterprise', ['enterprise'], ent.id);
    await h.user('demo.partner', ['enterprise'], partner.id);
    expect(await loadDemoFactoryEpcis(h.database)).toBe(3);
    expect(await loadDemoFactoryEpcis(h.database)).toBe(0);
    const demo = await h.database.db.selectFrom('factory').select(['organisationId', 'kind', 'isDemo']).where('isDemo', '=', true).execute();
    expect(demo.filter((f) => f.organisationId === ent.id).map((f) => f.kind).sort()).toEqual(['digitalWorkshop', 'smartFactory']);
    expect(demo.filter((f) => f.organisationId === partner.id)).toHaveLength(1);
  });
});
