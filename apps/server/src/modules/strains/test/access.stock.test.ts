import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { admits, expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Harness } from '../../../test/harness.js';
import type { Ctx } from '../../../platform/context/ctx.js';
import { MTA_VERSION } from '../model/mta.js';
import { makeLab, makeStrain, RESTRICTED, strainPeople, unique, type LabMade, type StrainMade, type StrainPeople } from './fixture.js';

/**
 * Who may call each route of the stock part (locations, lots, moves, viability tests, alerts,
 * sharing requests): every role and visitors against every route. A caller the rule does not
 * admit is refused at the gate (401/403) and nothing changes; an admitted caller reaches the
 * service. Then a restricted strain: its full record never leaves through any of these routes,
 * and its lots reach the curators only.
 */

const SCOPE = 'strains:read';
const CURATORS = ['admin', 'taskforce', 'curator'] as const;
const REQUESTERS = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase'] as const;
const SHARING_READERS = ['admin', 'taskforce', 'curator', 'enterprise', 'institute', 'pilotBase', 'unit', 'district'] as const;
/** A field of the restricted strain outside its public summary. */
const SECRET = `绝密分离地点-${process.pid}`;

type Method = 'GET' | 'POST' | 'PATCH';
interface World {
  h: Harness; p: StrainPeople; plain: StrainMade; risky: StrainMade; pilotLab: LabMade;
  freezer: string; lot: string; bigLot: string; riskyLot: string; riskyLotCode: string; request: string; riskyRequest: string;
}
interface Case {
  method: Method; route: string; allow: Allow; scope?: string; ok: number[];
  request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

const lotBody = (strainId: string, extra: Record<string, unknown> = {}) => ({ strainId, method: 'freezeDried', preparedOn: '2026-01-05', vialsPrepared: 10, alertLevel: 1, viabilityIntervalMonths: 12, ...extra });

/** Who files a request for the caller: its own organisation and lab, or (curators) the enterprise. */
function filing(w: World, caller: Caller): { ctx: Ctx; extra: Record<string, unknown>; labId: string } {
  const { p } = w;
  if (caller === 'enterprise') return { ctx: p.ctx.enterprise, extra: {}, labId: p.lab.bsl2.id };
  if (caller === 'institute') return { ctx: p.ctx.institute, extra: {}, labId: p.lab.bsl3.id };
  if (caller === 'pilotBase') return { ctx: p.ctx.pilotBase, extra: {}, labId: w.pilotLab.id };
  const ctx = caller === 'admin' || caller === 'taskforce' ? p.ctx[caller] : p.ctx.curator;
  return { ctx, extra: { organisationId: p.org.enterprise }, labId: p.lab.bsl2.id };
}

/** A fresh request of the plain strain in a state, filed as `filing` says for the caller. */
async function requestIn(w: World, state: 'submitted' | 'approved' | 'shipped', caller: Caller = 'enterprise') {
  const s = w.h.services.strains.sharing;
  const f = filing(w, caller);
  const r = await s.create(f.ctx, { strainId: w.plain.id, labId: f.labId, purposeZh: '权限测试', vials: 1, mtaVersion: MTA_VERSION, mtaAccepted: true, ...f.extra });
  if (state === 'submitted') return r.id;
  await s.approve(w.p.ctx.curator, r.id);
  if (state === 'approved') return r.id;
  await s.ship(w.p.ctx.curator, r.id, { lotId: w.bigLot, vials: 1, carrierZh: '顺丰', trackingNo: unique('SF'), shippedOn: '2026-03-10' });
  return r.id;
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/storage-locations', allow: CURATORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/storage-locations?status=inUse' }) },
  { method: 'GET', route: '/api/storage-locations/:id', allow: CURATORS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/storage-locations/${w.freezer}` }) },
  { method: 'POST', route: '/api/storage-locations', allow: CURATORS, ok: [201], request: () => ({ url: '/api/storage-locations', body: { code: unique('LN'), nameZh: '液氮罐', kind: 'liquidNitrogen' } }) },
  { method: 'PATCH', route: '/api/storage-locations/:id', allow: CURATORS, ok: [200], request: (w) => ({ url: `/api/storage-locations/${w.freezer}`, body: { roomZh: unique('保藏楼') } }) },

  { method: 'GET', route: '/api/strain-lots', allow: CURATORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/strain-lots?alert=any' }) },
  { method: 'GET', route: '/api/strain-lots/export.xlsx', allow: CURATORS, ok: [200], request: () => ({ url: '/api/strain-lots/export.xlsx?method=freezeDried' }) },
  { method: 'GET', route: '/api/strain-lots/:id', allow: CURATORS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/strain-lots/${w.lot}` }) },
  { method: 'POST', route: '/api/strain-lots', allow: CURATORS, ok: [201], request: (w) => ({ url: '/api/strain-lots', body: lotBody(w.plain.id) }) },
  { method: 'PATCH', route: '/api/strain-lots/:id', allow: CURATORS, ok: [200], request: (w) => ({ url: `/api/strain-lots/${w.lot}`, body: { noteZh: unique('备注') } }) },
  { method: 'POST', route: '/api/strain-lots/:id/moves', allow: CURATORS, ok: [200], request: (w) => ({ url: `/api/strain-lots/${w.bigLot}/moves`, body: { kind: 'withdraw', vials: 1, reasonZh: '内部试验' } }) },
  { method: 'POST', route: '/api/strain-lots/:id/viability-tests', allow: CURATORS, ok: [201], request: (w) => ({ url: `/api/strain-lots/${w.lot}/viability-tests`, body: { testedOn: '2026-03-01', method: 'plateCount', passed: true } }) },
  { method: 'GET', route: '/api/strains/:id/lots', allow: CURATORS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/strains/${w.risky.id}/lots` }) },
  { method: 'GET', route: '/api/strains/stock/alerts', allow: CURATORS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/strains/stock/alerts?days=60' }) },

  { method: 'GET', route: '/api/sharing-requests', allow: SHARING_READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/sharing-requests?limit=100' }) },
  { method: 'GET', route: '/api/sharing-requests/terms', allow: REQUESTERS, scope: SCOPE, ok: [200], request: (w) => ({ url: `/api/sharing-requests/terms?strainId=${w.risky.id}` }) },
  // Readers outside the requesting organisation get 404 (sharing.test proves who reads what).
  { method: 'GET', route: '/api/sharing-requests/:id', allow: SHARING_READERS, scope: SCOPE, ok: [200, 404], request: (w) => ({ url: `/api/sharing-requests/${w.riskyRequest}` }) },
  {
    method: 'POST', route: '/api/sharing-requests', allow: REQUESTERS, ok: [201],
    request: (w, x) => {
      const f = filing(w, x.caller);
      return { url: '/api/sharing-requests', body: { strainId: w.plain.id, labId: f.labId, purposeZh: '发酵研究', vials: 1, mtaVersion: MTA_VERSION, mtaAccepted: true, ...f.extra } };
    },
  },
  { method: 'POST', route: '/api/sharing-requests/:id/approve', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/sharing-requests/${x.admitted ? await requestIn(w, 'submitted') : w.request}/approve`, body: {} }) },
  { method: 'POST', route: '/api/sharing-requests/:id/reject', allow: CURATORS, ok: [200], request: async (w, x) => ({ url: `/api/sharing-requests/${x.admitted ? await requestIn(w, 'submitted') : w.request}/reject`, body: { reasonZh: '库存不足' } }) },
  {
    method: 'POST', route: '/api/sharing-requests/:id/ship', allow: CURATORS, ok: [200],
    request: async (w, x) => ({ url: `/api/sharing-requests/${x.admitted ? await requestIn(w, 'approved') : w.request}/ship`, body: { lotId: w.bigLot, vials: 1, carrierZh: '顺丰冷链', trackingNo: unique('SF'), shippedOn: '2026-03-10' } }),
  },
  { method: 'POST', route: '/api/sharing-requests/:id/receive', allow: REQUESTERS, ok: [200], request: async (w, x) => ({ url: `/api/sharing-requests/${x.admitted ? await requestIn(w, 'shipped', x.caller) : w.request}/receive`, body: {} }) },
  { method: 'POST', route: '/api/sharing-requests/:id/withdraw', allow: REQUESTERS, ok: [200], request: async (w, x) => ({ url: `/api/sharing-requests/${x.admitted ? await requestIn(w, 'submitted', x.caller) : w.request}/withdraw`, body: {} }) },
];

const isCovered = (url: string) => ['/api/storage-locations', '/api/strain-lots', '/api/sharing-requests'].some((p) => url === p || url.startsWith(`${p}/`))
  || url === '/api/strains/:id/lots' || url.startsWith('/api/strains/stock/');

const TABLES = ['audit_log', 'notification', 'mail_outbox', 'storage_location', 'strain_lot', 'viability_test', 'stock_move', 'sharing_request'];

describe.each(testDatabases)('who may call the stock and sharing routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    const p = await strainPeople(h);
    w.p = p;
    w.pilotLab = await makeLab(h, p.org.pilotBase, 2);
    w.plain = await makeStrain(h, p);
    w.risky = await makeStrain(h, p, { ...RESTRICTED, isolationPlaceZh: SECRET, historyZh: SECRET });
    const s = h.services.strains;
    w.freezer = (await s.locations.create(p.ctx.curator, { code: unique('F80'), nameZh: '超低温冰箱', kind: 'freezer80' })).id;
    w.lot = (await s.lots.create(p.ctx.curator, lotBody(w.plain.id, { locationId: w.freezer, rack: 'R1', box: 'B1', position: 'A1' }) as never)).id;
    w.bigLot = (await s.lots.create(p.ctx.curator, lotBody(w.plain.id, { vialsPrepared: 500 }) as never)).id;
    const riskyLot = await s.lots.create(p.ctx.curator, lotBody(w.risky.id, { locationId: w.freezer, rack: 'R9', box: 'B9', position: 'J9' }) as never);
    w.riskyLot = riskyLot.id;
    w.riskyLotCode = riskyLot.code;
    w.request = await requestIn(w, 'submitted');
    w.riskyRequest = (await s.sharing.create(p.ctx.institute, { strainId: w.risky.id, labId: p.lab.bsl3.id, purposeZh: '疫苗研究', vials: 1, mtaVersion: MTA_VERSION, mtaAccepted: true })).id;
  });

  it('covers every route of the stock part the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const client = w.p.as[caller];
      if (verdict === 'refused') {
        const { url } = await c.request(w, { caller, admitted: false });
        return expectRefused(client, caller, c.method, url, fingerprint);
      }
      const { url, body } = await c.request(w, { caller, admitted: true });
      const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
      expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    });
  });

  it('never lets a restricted strain’s full record out, and its lots only to the curators', async () => {
    const callers: (Caller | 'officer' | 'stranger')[] = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert', 'anonymous', 'officer', 'stranger'];
    const curatorsOf = (x: string) => (CURATORS as readonly string[]).includes(x) || x === 'officer';
    const asRole = (x: string): Caller => (x === 'officer' ? 'curator' : x === 'stranger' ? 'enterprise' : x) as Caller;
    const urls = CASES.filter((c) => c.method === 'GET' && !c.route.endsWith('.xlsx'));
    let reached = 0;
    for (const c of urls) {
      for (const caller of callers) {
        if (!admits(c.allow, asRole(caller))) continue;
        const { url } = await c.request(w, { caller: asRole(caller), admitted: true });
        const res = await w.p.as[caller].get(url);
        const label = `${caller} GET ${url}: ${res.statusCode}`;
        expect(res.body, label).not.toContain(SECRET);
        if (!curatorsOf(caller)) expect(res.body, label).not.toContain(w.riskyLotCode);
        if (res.statusCode === 200) reached++;
      }
    }
    expect(reached).toBeGreaterThan(40);
    // The lot search and the export are the curators'; the requester sees its request with the strain's summary.
    const mine = await (await w.p.as.institute.get(`/api/sharing-requests/${w.riskyRequest}`)).json();
    expect(mine).toMatchObject({ accession: w.risky.accession, restricted: true, hazardClass: 2, strainBiosafetyLevel: 3 });
    expect(Object.keys(mine)).not.toContain('isolationPlaceZh');
    expect((await w.p.as.stranger.get(`/api/sharing-requests/${w.riskyRequest}`)).statusCode).toBe(404);
    const file = await w.p.as.curator.get(`/api/strain-lots/export.xlsx?strainId=${w.risky.id}`);
    expect(file.statusCode).toBe(200);
  });

  it('reads for a machine with strains:read on the scoped routes, and writes nothing', async () => {
    const created = await w.p.as.taskforce.post('/api/tokens', { name: 'stock reader', scopes: [SCOPE] });
    expect(created.statusCode, created.body).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get('/api/strain-lots?alert=any')).statusCode).toBe(200);
    expect((await machine.get('/api/sharing-requests')).statusCode).toBe(200);
    const before = await fingerprint();
    expect((await machine.post('/api/strain-lots', lotBody(w.plain.id))).statusCode).toBe(403);
    expect((await machine.post(`/api/sharing-requests/${w.request}/approve`, {})).statusCode).toBe(403);
    expect((await machine.get('/api/strain-lots/export.xlsx')).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });
});

