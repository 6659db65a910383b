import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, sendsBody, type Allow, type Caller } from '../../../test/route-matrix.js';
import { bearerClient, testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { buildMonitorWorld, type MonitorWorld } from './monitor.fixture.js';

/**
 * Who may call each monitoring route (models, scores, alarms): every role and visitors against
 * every route. A caller the rule does not admit is refused at the gate (401/403) and nothing
 * changes; an admitted caller reaches the service, which answers for the object (another
 * organisation's model or alarm is not there: 404). A machine reads with a factory:read token.
 */
const SCOPE = 'factory:read';
const READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'pilotBase'] as const;
const OPERATORS = ['enterprise', 'pilotBase'] as const;

interface World { h: Harness; w: MonitorWorld; model: string; batch: string; alarm: () => Promise<string> }
interface Case { method: 'GET' | 'POST'; route: string; allow: Allow; scope?: string; ok: number[]; request(x: World): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown } }

const CASES: Case[] = [
  { method: 'GET', route: '/api/factory/models', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/factory/models?status=active' }) },
  { method: 'POST', route: '/api/factory/models/preview', allow: READERS, ok: [200, 422], request: (x) => ({ url: '/api/factory/models/preview', body: { batchIds: x.w.good } }) },
  { method: 'POST', route: '/api/factory/models', allow: READERS, ok: [201, 422], request: (x) => ({ url: '/api/factory/models', body: { batchIds: x.w.good } }) },
  { method: 'GET', route: '/api/factory/models/:id', allow: READERS, scope: SCOPE, ok: [200, 404], request: (x) => ({ url: `/api/factory/models/${x.model}` }) },
  { method: 'POST', route: '/api/factory/models/:id/retire', allow: READERS, ok: [200, 404, 409], request: (x) => ({ url: `/api/factory/models/${x.model}/retire`, body: {} }) },
  { method: 'GET', route: '/api/factory/batches/:id/scores', allow: READERS, scope: SCOPE, ok: [200, 404], request: (x) => ({ url: `/api/factory/batches/${x.batch}/scores` }) },
  { method: 'GET', route: '/api/factory/alarms', allow: READERS, scope: SCOPE, ok: [200], request: () => ({ url: '/api/factory/alarms?state=open' }) },
  { method: 'GET', route: '/api/factory/alarms/export.xlsx', allow: READERS, ok: [200], request: () => ({ url: '/api/factory/alarms/export.xlsx?statistic=t2' }) },
  { method: 'GET', route: '/api/factory/alarms/:id', allow: READERS, scope: SCOPE, ok: [200, 404], request: async (x) => ({ url: `/api/factory/alarms/${await x.alarm()}` }) },
  { method: 'POST', route: '/api/factory/alarms/:id/acknowledge', allow: OPERATORS, ok: [200, 404], request: async (x) => ({ url: `/api/factory/alarms/${await x.alarm()}/acknowledge`, body: { noteZh: '已排查' } }) },
  { method: 'POST', route: '/api/factory/alarms/:id/notes', allow: READERS, ok: [200, 404], request: async (x) => ({ url: `/api/factory/alarms/${await x.alarm()}/notes`, body: { noteZh: '补充说明' } }) },
  { method: 'POST', route: '/api/factory/alarms/:id/close', allow: OPERATORS, ok: [200, 404], request: async (x) => ({ url: `/api/factory/alarms/${await x.alarm()}/close`, body: {} }) },
];

const isCovered = (url: string) => url.startsWith('/api/factory/models') || url.startsWith('/api/factory/alarms') || url === '/api/factory/batches/:id/scores';
const TABLES = ['audit_log', 'notification', 'monitor_model', 'monitor_score', 'monitor_alarm', 'monitor_alarm_note'];

describe.each(testDatabases)('who may call the monitoring routes, on $name', (kind) => {
  const h = useHarness(kind);
  const x = { h } as World;
  const as = {} as Record<Caller, Client>;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    h.clock.set('2026-04-01T00:00:00Z');
    x.w = await buildMonitorWorld(h, `acc${kind.name}`, 3, 60);
    x.batch = x.w.good[0];
    x.model = (await h.services.factory.models.create(x.w.people.maker, { batchIds: x.w.good })).id;
    const db = h.database.db;
    const b = await db.selectFrom('factoryBatch').select(['id', 'factoryId']).where('id', '=', x.batch).executeTakeFirstOrThrow();
    let n = 0;
    // A fresh open alarm for each call that moves one (the rule itself is tested in monitor.test).
    x.alarm = async () => (await db.insertInto('monitorAlarm').values({
      code: `ALM-T-${kind.name}-${++n}`, batchId: b.id, modelId: x.model, factoryId: b.factoryId, organisationId: x.w.org.maker, statistic: 't2', point: n,
      at: new Date('2026-02-03T00:00:00Z'), value: 30, limitValue: 12, contributions: JSON.stringify([{ variable: 'aeration', value: 25, share: 0.9 }]), createdAt: new Date(),
    }).returning('id').executeTakeFirstOrThrow()).id;
    as.anonymous = h.anonymous;
    for (const role of ROLES) {
      await h.user(`mon-acc-${kind.name}-${role}`, [role as Role], role === 'enterprise' ? x.w.org.maker : null);
      as[role as Role] = await h.login(`mon-acc-${kind.name}-${role}`);
    }
  });

  it('covers every monitoring route the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      const { url, body } = await c.request(x);
      if (verdict === 'refused') return expectRefused(as[caller], caller, c.method, url, fingerprint);
      const res = await as[caller].request(c.method, url, sendsBody(c.method) ? body ?? {} : undefined);
      expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
    });
  });

  it('an enterprise reads and moves its own alarms; a pilot base of no organisation finds none; a machine reads with factory:read and writes nothing', async () => {
    const alarm = await x.alarm();
    expect((await as.enterprise.get(`/api/factory/alarms/${alarm}`)).statusCode).toBe(200);
    expect((await as.pilotBase.get(`/api/factory/alarms/${alarm}`)).statusCode).toBe(404);
    expect((await as.pilotBase.post(`/api/factory/alarms/${alarm}/acknowledge`, { noteZh: '无权' })).statusCode).toBe(404);
    const created = await as.enterprise.post('/api/tokens', { name: 'monitor reader', scopes: [SCOPE] });
    expect(created.statusCode, created.body).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get('/api/factory/alarms')).json().items.map((a: { id: string }) => a.id)).toContain(alarm);
    expect((await machine.get(`/api/factory/batches/${x.batch}/scores`)).statusCode).toBe(200);
    const before = await fingerprint();
    expect((await machine.post(`/api/factory/alarms/${alarm}/acknowledge`, { noteZh: '机器' })).statusCode).toBe(403);
    expect((await machine.post('/api/factory/models', { batchIds: x.w.good })).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });
});
