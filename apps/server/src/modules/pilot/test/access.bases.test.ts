import { beforeAll, describe, expect, it } from 'vitest';
import { BAD_BODY, expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, sendsBody } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { addDays } from '../../../platform/dates.js';
import { makeBase, makeCapability, makeEquipment, makePlatform, pilotPeople, unique, type PilotCaller, type PilotPeople } from './fixture.js';

/**
 * Who may call each route of pilot bases, equipment and bookings: every role and anonymous
 * callers against every route. A caller the route's rule does not admit is refused at the gate
 * — 401 or 403, before the body is read — and nothing changes; a caller it admits reaches the
 * service. Then the object rules the services keep: a base is kept by its own keepers only, a
 * booking is seen by its requester and its base, and the public calendar shows no one's name.
 */

type Allow = 'public' | readonly Role[];
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const SCOPE = 'pilot:read';
const TASK_FORCE = ['admin', 'taskforce'] as const;
const KEEPERS = ['admin', 'taskforce', 'pilotBase'] as const;
const PARTIES = ['admin', 'taskforce', 'enterprise', 'institute', 'pilotBase'] as const;
const UTILISATION = ['admin', 'taskforce', 'pilotBase', 'unit', 'district'] as const;

interface Req { url: string; body?: unknown }
interface World {
  h: Harness;
  p: PilotPeople;
  ids: { base: string; platform: string; capability: string; service: string; equipment: string; booking: string };
}
interface Case {
  method: Method;
  route: string;
  allow: Allow;
  scope?: typeof SCOPE;
  ok: number[];
  /** The request for this caller; fresh objects are made only for admitted callers. */
  request(w: World, x: { caller: PilotCaller; admitted: boolean }): Promise<Req> | Req;
}


async function json(res: { statusCode: number; body: string; json(): any }, expected: number, what: string) {
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
}

// ---- Making objects (as the task force, or as the caller who must own them) ---------------

let slots = 0;
/** An hour no other booking of the suite holds. */
const nextSlot = () => {
  const n = slots++;
  const day = addDays('2026-04-01', Math.floor(n / 10));
  const hour = String(8 + (n % 10)).padStart(2, '0');
  return { from: `${day}T${hour}:00:00+08:00`, to: `${day}T${hour}:45:00+08:00` };
};
const bookingBody = () => ({ ...nextSlot(), purposeZh: '发酵工艺验证' });
const caller = (w: World, who: PilotCaller) => w.p.as[who as keyof PilotPeople['as']];

async function booking(w: World, who: PilotCaller = 'enterprise') {
  return (await json(await caller(w, who).post(`/api/pilot/equipment/${w.ids.equipment}/bookings`, bookingBody()), 201, 'booking')).id as string;
}
async function approvedBooking(w: World) {
  const id = await booking(w);
  await json(await w.p.as.taskforce.post(`/api/pilot/bookings/${id}/approve`), 200, 'approve');
  return id;
}
async function checkedInBooking(w: World) {
  const id = await approvedBooking(w);
  await json(await w.p.as.taskforce.post(`/api/pilot/bookings/${id}/check-in`), 200, 'check-in');
  return id;
}
const service = async (w: World) => (await json(await w.p.as.taskforce.post(`/api/pilot/bases/${w.ids.base}/services`, { nameZh: unique('工艺放大服务'), priceYuan: 50000 }), 201, 'service')).id as string;

// ---- The table ----------------------------------------------------------------------------

const CASES: Case[] = [
  // Bases: public list and profile; the task force registers and recognises; keepers edit
  { method: 'GET', route: '/api/pilot/bases', allow: 'public', ok: [200], request: () => ({ url: '/api/pilot/bases?tier=key,national' }) },
  { method: 'GET', route: '/api/pilot/bases/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}` }) },
  {
    method: 'POST', route: '/api/pilot/bases', allow: TASK_FORCE, ok: [201],
    request: (w) => ({ url: '/api/pilot/bases', body: { nameZh: unique('矩阵中试基地'), operatorZh: '某运营公司', districtCode: '500120', organisationId: w.p.org.pilotBase } }),
  },
  { method: 'PATCH', route: '/api/pilot/bases/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}`, body: { summaryZh: unique('简介') } }) },
  {
    method: 'PUT', route: '/api/pilot/bases/:id/tier', allow: TASK_FORCE, ok: [200],
    request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/tier`, body: { tier: 'key', recognisedOn: '2025-12-01', recognisedByZh: '重庆市科学技术局' } }),
  },
  { method: 'PUT', route: '/api/pilot/bases/:id/alliance', allow: TASK_FORCE, ok: [200], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/alliance`, body: { allianceMember: true } }) },

  // Platforms, capabilities, services: the base's keepers
  { method: 'POST', route: '/api/pilot/bases/:id/platforms', allow: KEEPERS, ok: [201], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/platforms`, body: { nameZh: unique('平台') } }) },
  { method: 'PATCH', route: '/api/pilot/platforms/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/pilot/platforms/${w.ids.platform}`, body: { summaryZh: unique('平台简介') } }) },
  {
    method: 'DELETE', route: '/api/pilot/platforms/:id', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/platforms/${x.admitted ? (await makePlatform(w.p, w.ids.base)).id : w.ids.platform}` }),
  },
  {
    method: 'POST', route: '/api/pilot/platforms/:id/capabilities', allow: KEEPERS, ok: [201],
    request: (w) => ({ url: `/api/pilot/platforms/${w.ids.platform}/capabilities`, body: { nameZh: unique('能力'), processes: ['发酵'], volumeMinL: 10, volumeMaxL: 100 } }),
  },
  { method: 'PATCH', route: '/api/pilot/capabilities/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/pilot/capabilities/${w.ids.capability}`, body: { descriptionZh: unique('说明') } }) },
  {
    method: 'DELETE', route: '/api/pilot/capabilities/:id', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/capabilities/${x.admitted ? (await makeCapability(w.p, w.ids.platform)).id : w.ids.capability}` }),
  },
  { method: 'POST', route: '/api/pilot/bases/:id/services', allow: KEEPERS, ok: [201], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/services`, body: { nameZh: unique('服务'), leadTimeDays: 10 } }) },
  { method: 'PATCH', route: '/api/pilot/base-services/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/pilot/base-services/${w.ids.service}`, body: { priceYuan: 60000 } }) },
  { method: 'DELETE', route: '/api/pilot/base-services/:id', allow: KEEPERS, ok: [200], request: async (w, x) => ({ url: `/api/pilot/base-services/${x.admitted ? await service(w) : w.ids.service}` }) },

  // Equipment: public, kept by the base's keepers
  { method: 'GET', route: '/api/pilot/equipment', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/equipment?baseId=${w.ids.base}` }) },
  { method: 'GET', route: '/api/pilot/equipment/:id', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/equipment/${w.ids.equipment}` }) },
  { method: 'POST', route: '/api/pilot/bases/:id/equipment', allow: KEEPERS, ok: [201], request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/equipment`, body: { nameZh: unique('摇床'), typeZh: '摇床' } }) },
  { method: 'PATCH', route: '/api/pilot/equipment/:id', allow: KEEPERS, ok: [200], request: (w) => ({ url: `/api/pilot/equipment/${w.ids.equipment}`, body: { capacityZh: unique('500 L') } }) },
  {
    method: 'DELETE', route: '/api/pilot/equipment/:id', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/equipment/${x.admitted ? (await makeEquipment(w.p, w.ids.base)).id : w.ids.equipment}` }),
  },
  { method: 'GET', route: '/api/pilot/atlas', allow: 'public', ok: [200], request: () => ({ url: `/api/pilot/atlas?process=${encodeURIComponent('发酵')}&grade=GLP` }) },

  // Bookings: calendars are public; parties book; the base decides; readers of utilisation
  { method: 'GET', route: '/api/pilot/equipment/:id/bookings', allow: 'public', ok: [200], request: (w) => ({ url: `/api/pilot/equipment/${w.ids.equipment}/bookings?from=2026-04-01&to=2026-05-01` }) },
  { method: 'POST', route: '/api/pilot/equipment/:id/bookings', allow: PARTIES, ok: [201], request: (w) => ({ url: `/api/pilot/equipment/${w.ids.equipment}/bookings`, body: bookingBody() }) },
  { method: 'GET', route: '/api/pilot/bookings', allow: PARTIES, ok: [200], request: () => ({ url: '/api/pilot/bookings?state=requested' }) },
  { method: 'GET', route: '/api/pilot/bookings/:id', allow: PARTIES, ok: [200], request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await booking(w, x.caller) : w.ids.booking}` }) },
  { method: 'POST', route: '/api/pilot/bookings/:id/approve', allow: KEEPERS, ok: [200], request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await booking(w) : w.ids.booking}/approve` }) },
  {
    method: 'POST', route: '/api/pilot/bookings/:id/reject', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await booking(w) : w.ids.booking}/reject`, body: { reason: '设备检修' } }),
  },
  {
    // The requester cancels its own booking (and the base may cancel any of its own).
    method: 'POST', route: '/api/pilot/bookings/:id/cancel', allow: PARTIES, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await booking(w, x.caller) : w.ids.booking}/cancel`, body: {} }),
  },
  { method: 'POST', route: '/api/pilot/bookings/:id/check-in', allow: KEEPERS, ok: [200], request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await approvedBooking(w) : w.ids.booking}/check-in` }) },
  {
    method: 'POST', route: '/api/pilot/bookings/:id/usage', allow: KEEPERS, ok: [200],
    request: async (w, x) => ({ url: `/api/pilot/bookings/${x.admitted ? await checkedInBooking(w) : w.ids.booking}/usage`, body: { usageHours: 0.5 } }),
  },
  {
    // The district caller is 璧山's, where the base is.
    method: 'GET', route: '/api/pilot/bases/:id/utilisation', allow: UTILISATION, scope: SCOPE, ok: [200],
    request: (w) => ({ url: `/api/pilot/bases/${w.ids.base}/utilisation?from=2026-04-01&to=2026-05-01` }),
  },
  { method: 'GET', route: '/api/pilot/utilisation', allow: UTILISATION, scope: SCOPE, ok: [200], request: () => ({ url: '/api/pilot/utilisation?from=2026-04-01&to=2026-05-01' }) },
];

/** The paths of this part of the pilot module (others register routes under /api/pilot too, some beside these). */
const MY_PATHS = [
  /^\/api\/pilot\/(atlas|utilisation)$/,
  /^\/api\/pilot\/bases(\/:id(\/(tier|alliance|platforms|services|equipment|utilisation))?)?$/,
  /^\/api\/pilot\/platforms\/:id(\/capabilities)?$/,
  /^\/api\/pilot\/(capabilities|base-services)\/:id$/,
  /^\/api\/pilot\/equipment(\/:id(\/bookings)?)?$/,
  /^\/api\/pilot\/bookings(\/:id(\/(approve|reject|cancel|check-in|usage))?)?$/,
];
const isCovered = (url: string) => MY_PATHS.some((p) => p.test(url));

const TABLES = ['audit_log', 'pilot_base', 'pilot_platform', 'pilot_capability', 'pilot_service', 'equipment', 'equipment_booking'];

describe.each(testDatabases)('who may call the pilot base and booking routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h } as World;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-03-10T02:00:00Z');
    w.p = await pilotPeople(h);
    const base = (await makeBase(h, w.p)).id;
    const platform = (await makePlatform(w.p, base)).id;
    const ids = { base, platform, capability: (await makeCapability(w.p, platform)).id, equipment: (await makeEquipment(w.p, base)).id } as World['ids'];
    w.ids = ids;
    ids.service = await service(w);
    ids.booking = await booking(w, 'enterprise');
  });

  it('covers every route of bases, equipment and bookings the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });


  describe.each(CASES)('$method $route', (c) => {
    const rows = matrixRows(c.allow).map(({ caller: who, verdict }) => ({ who, verdict }));

    it.each(rows)('as $who: $verdict', async ({ who, verdict }) => {
      const client = caller(w, who);
      if (verdict === 'admitted') {
        const { url, body } = await c.request(w, { caller: who, admitted: true });
        const res = await client.request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
        const label = `${who} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
        expect([401, 403], label).not.toContain(res.statusCode);
        expect(c.ok, label).toContain(res.statusCode);
        return;
      }
      const { url } = await c.request(w, { caller: who, admitted: false });
      await expectRefused(client, who, c.method, url, fingerprint);
    });
  });

  describe('the services check the object', () => {
    it('keeps another base\'s keeper out of this base, its platforms, capabilities, services, equipment, bookings and utilisation', async () => {
      const other = w.p.as.otherBase;
      const fresh = await booking(w);
      const before = await fingerprint();
      const attempts: [string, Promise<{ statusCode: number; body: string }>, number][] = [
        ['edit base', other.patch(`/api/pilot/bases/${w.ids.base}`, { summaryZh: '不是我的' }), 403],
        ['add platform', other.post(`/api/pilot/bases/${w.ids.base}/platforms`, { nameZh: '不是我的' }), 403],
        ['edit platform', other.patch(`/api/pilot/platforms/${w.ids.platform}`, { nameZh: '不是我的' }), 403],
        ['delete platform', other.delete(`/api/pilot/platforms/${w.ids.platform}`), 403],
        ['add capability', other.post(`/api/pilot/platforms/${w.ids.platform}/capabilities`, { nameZh: '不是我的', volumeMinL: 1, volumeMaxL: 2 }), 403],
        ['edit capability', other.patch(`/api/pilot/capabilities/${w.ids.capability}`, { nameZh: '不是我的' }), 403],
        ['delete capability', other.delete(`/api/pilot/capabilities/${w.ids.capability}`), 403],
        ['add service', other.post(`/api/pilot/bases/${w.ids.base}/services`, { nameZh: '不是我的' }), 403],
        ['edit service', other.patch(`/api/pilot/base-services/${w.ids.service}`, { priceYuan: 1 }), 403],
        ['delete service', other.delete(`/api/pilot/base-services/${w.ids.service}`), 403],
        ['add equipment', other.post(`/api/pilot/bases/${w.ids.base}/equipment`, { nameZh: '不是我的', typeZh: '摇床' }), 403],
        ['edit equipment', other.patch(`/api/pilot/equipment/${w.ids.equipment}`, { status: 'retired' }), 403],
        ['delete equipment', other.delete(`/api/pilot/equipment/${w.ids.equipment}`), 403],
        ['approve', other.post(`/api/pilot/bookings/${fresh}/approve`), 404],
        ['reject', other.post(`/api/pilot/bookings/${fresh}/reject`, { reason: '不是我的' }), 404],
        ['cancel', other.post(`/api/pilot/bookings/${fresh}/cancel`, {}), 404],
        ['check in', other.post(`/api/pilot/bookings/${fresh}/check-in`), 404],
        ['read booking', other.get(`/api/pilot/bookings/${fresh}`), 404],
        ['utilisation', other.get(`/api/pilot/bases/${w.ids.base}/utilisation`), 403],
        // Nor may another enterprise touch the enterprise's booking.
        ['other enterprise cancels', w.p.as.otherEnterprise.post(`/api/pilot/bookings/${fresh}/cancel`, {}), 404],
      ];
      for (const [what, call, status] of attempts) expect((await call).statusCode, what).toBe(status);
      expect(await fingerprint()).toBe(before);
      expect((await other.get(`/api/pilot/bases/${w.ids.base}`)).json().may.edit).toBe(false);
    });

    it('shows visitors and other parties the busy slots of a calendar, without who or why', async () => {
      const url = `/api/pilot/equipment/${w.ids.equipment}/bookings?from=2026-04-01&to=2026-05-01`;
      for (const who of ['anonymous', 'expert', 'otherEnterprise', 'otherBase', 'institute'] as const) {
        const cal = await json(await w.p.as[who].get(url), 200, 'calendar');
        expect(cal.slots.length, who).toBeGreaterThan(0);
        const others = cal.slots.filter((s: { mine: boolean }) => !s.mine);
        for (const s of others) expect(Object.keys(s).sort(), who).toEqual(['from', 'mine', 'state', 'to']);
        expect(JSON.stringify(others), who).not.toMatch(/重庆璧山合成生物有限公司|pilot-enterprise|发酵工艺验证/);
      }
      const keeper = await json(await w.p.as.pilotBase.get(url), 200, 'keeper calendar');
      expect(keeper.slots.find((s: { id?: string }) => s.id === w.ids.booking)).toMatchObject({ purposeZh: '发酵工艺验证', bookedByName: expect.stringContaining('pilot-enterprise') });
    });

    it('lets an API token with pilot:read read utilisation, and nothing that writes or names a person', async () => {
      const token = await json(await w.p.as.taskforce.post('/api/tokens', { name: 'pilot reader', scopes: [SCOPE] }), 201, 'token');
      const machine: Client = bearerClient(h.app, token.token);
      expect((await machine.get(`/api/pilot/bases/${w.ids.base}/utilisation`)).statusCode).toBe(200);
      expect((await machine.get('/api/pilot/atlas')).statusCode).toBe(200);
      const before = await fingerprint();
      expect((await machine.get('/api/pilot/bookings')).statusCode).toBe(403);
      expect((await machine.post(`/api/pilot/equipment/${w.ids.equipment}/bookings`, BAD_BODY)).statusCode).toBe(403);
      expect((await machine.patch(`/api/pilot/bases/${w.ids.base}`, { summaryZh: '机器写入' })).statusCode).toBe(403);
      expect(await fingerprint()).toBe(before);
    });
  });
});
