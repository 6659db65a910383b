import { beforeAll, describe, expect, it } from 'vitest';
import { expectCell, tablesFingerprint } from '../../../test/refusal.js';
import { expectRulesAsDeclared, matrixRows, type Allow, type Caller } from '../../../test/route-matrix.js';
import { testDatabases, useHarness, type Client, type Harness } from '../../../test/harness.js';
import { ROLES, type Role } from '../../../platform/access/model.js';
import { buildProcessWorld, HOUR, RECIPE, simulatedBatch, type ProcessWorld } from './batches.fixture.js';

/**
 * Who may call the process part's routes (batches, readings, rejections, golden profiles): every
 * role and visitors against each. A refused caller gets 401/403 and nothing changes; an admitted
 * one reaches the service. The operators (enterprise, pilot base) are of the factory's
 * organisation; overseers judge outcomes and make golden profiles of any organisation's batches.
 */
const READERS = ['admin', 'taskforce', 'unit', 'district', 'enterprise', 'pilotBase'] as const;
const OPERATORS = ['enterprise', 'pilotBase'] as const;
const READ = 'factory:read';
const INGEST = 'factory:ingest';

interface World { h: Harness; p: ProcessWorld; good: string[]; running: string; ended: string; profile: string; n: number }
interface Case { method: 'GET' | 'POST'; route: string; allow: Allow; scope?: string; ok: number[]; request(w: World, x: { caller: Caller; admitted: boolean }): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown } }

const ctxOfCaller = (w: World) => w.p.ctx.opA;
const freshRunning = async (w: World) => (await w.h.services.factory.batches.create(ctxOfCaller(w), { factory: w.p.factory.a.code, externalId: `ACC-${++w.n}`, equipment: 'F-1', recipe: RECIPE })).id as string;

const CASES: Case[] = [
  { method: 'GET', route: '/api/factory/batches', allow: READERS, scope: READ, ok: [200], request: () => ({ url: '/api/factory/batches?state=running' }) },
  { method: 'GET', route: '/api/factory/batches/export.xlsx', allow: READERS, ok: [200], request: () => ({ url: '/api/factory/batches/export.xlsx?state=completed' }) },
  { method: 'POST', route: '/api/factory/batches', allow: OPERATORS, scope: INGEST, ok: [201], request: (w) => ({ url: '/api/factory/batches', body: { factory: w.p.factory.a.code, externalId: `NEW-${++w.n}`, equipment: 'F-2', recipe: RECIPE } }) },
  { method: 'GET', route: '/api/factory/batches/:id', allow: READERS, scope: READ, ok: [200], request: (w) => ({ url: `/api/factory/batches/${w.running}` }) },
  { method: 'POST', route: '/api/factory/batches/:id/phases', allow: OPERATORS, scope: INGEST, ok: [200], request: (w) => ({ url: `/api/factory/batches/${w.running}/phases`, body: { name: `phase-${++w.n}` } }) },
  { method: 'POST', route: '/api/factory/batches/:id/end', allow: OPERATORS, scope: INGEST, ok: [200], request: async (w, x) => ({ url: `/api/factory/batches/${x.admitted ? await freshRunning(w) : w.running}/end`, body: { state: 'aborted' } }) },
  { method: 'POST', route: '/api/factory/batches/:id/outcome', allow: READERS, ok: [200], request: (w) => ({ url: `/api/factory/batches/${w.ended}/outcome`, body: { outcome: 'good' } }) },
  { method: 'GET', route: '/api/factory/batches/:id/series', allow: READERS, scope: READ, ok: [200], request: (w) => ({ url: `/api/factory/batches/${w.good[0]}/series?points=50` }) },
  { method: 'GET', route: '/api/factory/batches/:id/golden-comparison', allow: READERS, scope: READ, ok: [200], request: (w) => ({ url: `/api/factory/batches/${w.good[0]}/golden-comparison` }) },
  { method: 'POST', route: '/api/factory/readings', allow: OPERATORS, scope: INGEST, ok: [200], request: (w) => ({ url: '/api/factory/readings', body: { factory: w.p.factory.a.code, readings: [{ batch: 'RUN', variable: 'pH', at: new Date(Date.now() - 1000 * ++w.n).toISOString(), value: 7 }] } }) },
  { method: 'GET', route: '/api/factory/rejections', allow: READERS, scope: READ, ok: [200], request: () => ({ url: '/api/factory/rejections' }) },
  { method: 'GET', route: '/api/factory/variables', allow: READERS, scope: READ, ok: [200], request: () => ({ url: '/api/factory/variables' }) },
  { method: 'GET', route: '/api/factory/golden', allow: READERS, scope: READ, ok: [200], request: () => ({ url: '/api/factory/golden?status=active' }) },
  { method: 'POST', route: '/api/factory/golden/preview', allow: READERS, ok: [200], request: (w) => ({ url: '/api/factory/golden/preview', body: { batchIds: w.good } }) },
  { method: 'POST', route: '/api/factory/golden', allow: READERS, ok: [201], request: (w) => ({ url: '/api/factory/golden', body: { batchIds: w.good } }) },
  { method: 'GET', route: '/api/factory/golden/:id', allow: READERS, scope: READ, ok: [200], request: (w) => ({ url: `/api/factory/golden/${w.profile}` }) },
  {
    method: 'POST', route: '/api/factory/golden/:id/retire', allow: READERS, ok: [200],
    request: async (w, x) => ({ url: `/api/factory/golden/${x.admitted ? (await w.h.services.factory.golden.create(w.p.ctx.opA, { batchIds: w.good })).id : w.profile}/retire` }),
  },
];

// A batch's scores are the monitoring part's (its own access test).
const MONITORING = ['/api/factory/batches/:id/scores'];
const isCovered = (url: string) => !MONITORING.includes(url) && ['/api/factory/batches', '/api/factory/readings', '/api/factory/rejections', '/api/factory/variables', '/api/factory/golden'].some((p) => url === p || url.startsWith(`${p}/`));
const TABLES = ['audit_log', 'factory_batch', 'sensor_reading', 'ingest_rejection', 'golden_profile'];

describe.each(testDatabases)('who may call the batch, reading and golden routes, on $name', (kind) => {
  const h = useHarness(kind);
  const w = { h, n: 0 } as World;
  const as = {} as Record<Caller, Client>;
  const fingerprint = tablesFingerprint(() => h.database.db, TABLES);

  beforeAll(async () => {
    w.p = await buildProcessWorld(h, 'x');
    as.anonymous = h.anonymous;
    for (const role of ROLES) {
      await h.user(`proc-acc-${role}`, [role as Role], role === 'enterprise' || role === 'pilotBase' ? w.p.org.a : null);
      as[role as Role] = await h.login(`proc-acc-${role}`);
    }
    const t0 = Date.UTC(2026, 5, 1);
    w.good = [];
    for (let i = 0; i < 3; i++) w.good.push((await simulatedBatch(h, w.p, i, { start: t0 + i * 2 * 24 * HOUR, seed: 40 + i, durationHours: 12 })).id);
    w.running = (await h.services.factory.batches.create(w.p.ctx.opA, { factory: w.p.factory.a.code, externalId: 'RUN', equipment: 'F-1', recipe: RECIPE, startedAt: new Date(Date.now() - 3600_000).toISOString() })).id;
    w.ended = await freshRunning(w);
    await h.services.factory.batches.end(w.p.ctx.opA, w.ended, { state: 'completed' });
    w.profile = (await h.services.factory.golden.create(w.p.ctx.opA, { batchIds: w.good })).id;
    // Eleven sign-ins (argon2id) and three simulated runs: slow on a busy machine.
  }, 180_000);

  it('covers every route of the process part the application registers, with the rule each declares', () => {
    expectRulesAsDeclared(h.routes, CASES, isCovered);
  });

  describe.each(CASES)('$method $route', (c) => {
    it.each(matrixRows(c.allow))('as $caller: $verdict', async ({ caller, verdict }) => {
      await expectCell(c, w, as[caller], caller, verdict, fingerprint);
    });
  });

  it('lets a factory:read token read and a factory:ingest token post, and neither judge', async () => {
    const { machine, reader } = w.p.as;
    expect((await reader.get(`/api/factory/batches/${w.good[0]}/series`)).statusCode).toBe(200);
    expect((await reader.post('/api/factory/readings', { factory: w.p.factory.a.code, readings: [] })).statusCode).toBe(403);
    expect((await machine.post('/api/factory/readings', { factory: w.p.factory.a.code, readings: [] })).statusCode).toBe(200);
    expect((await machine.get('/api/factory/batches')).statusCode).toBe(403);
    const before = await fingerprint();
    expect((await machine.post(`/api/factory/batches/${w.ended}/outcome`, { outcome: 'bad', noteZh: 'x' })).statusCode).toBe(403);
    expect((await machine.post('/api/factory/golden', { batchIds: w.good })).statusCode).toBe(403);
    expect((await reader.get('/api/factory/batches/export.xlsx')).statusCode).toBe(403);
    expect(await fingerprint()).toBe(before);
  });
});
