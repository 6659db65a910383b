import { beforeAll, describe, expect, it } from 'vitest';
import { bearerClient, testDatabases, useHarness, type Client } from '../../test/harness.js';
import { ROLES, SCOPES, type Role } from '../access/model.js';

/**
 * Who may call each route of the identity module: every role, and anonymous callers, against
 * every route, with a request that succeeds when the caller is allowed.
 */

type Caller = Role | 'anonymous';
type Expect = 'public' | 'authenticated' | readonly Role[];

interface Ctx {
  caller: Caller;
  /** The caller's own user id (none for anonymous). */
  selfId: string | null;
  targetId: string;
  orgId: string;
  /** An unrevoked token of the caller's own (a random id for anonymous). */
  ownTokenId(): Promise<string>;
}

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  allow: Expect;
  request(c: Ctx): Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
}

let serial = 0;
const unique = (prefix: string) => `${prefix}${++serial}${Math.random().toString(36).slice(2, 6)}`;

const CASES: Case[] = [
  { method: 'GET', url: '/api/admin/users', allow: ['admin'], request: () => ({ url: '/api/admin/users' }) },
  {
    method: 'POST', url: '/api/admin/users', allow: ['admin'],
    request: () => ({ url: '/api/admin/users', body: { username: unique('new'), displayName: 'New', roles: ['expert'], password: 'Matrix#password2024' } }),
  },
  { method: 'GET', url: '/api/admin/users/:id', allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.targetId}` }) },
  { method: 'PATCH', url: '/api/admin/users/:id', allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.targetId}`, body: { displayName: unique('Target ') } }) },
  { method: 'POST', url: '/api/admin/users/:id/password', allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.targetId}/password`, body: { password: 'Matrix#password2025' } }) },
  { method: 'POST', url: '/api/admin/users/:id/unlock', allow: ['admin'], request: (c) => ({ url: `/api/admin/users/${c.targetId}/unlock`, body: {} }) },
  { method: 'GET', url: '/api/admin/organisations', allow: ['admin', 'taskforce'], request: () => ({ url: '/api/admin/organisations' }) },
  { method: 'POST', url: '/api/admin/organisations', allow: ['admin'], request: () => ({ url: '/api/admin/organisations', body: { kind: 'other', nameZh: unique('矩阵机构') } }) },
  { method: 'PATCH', url: '/api/admin/organisations/:id', allow: ['admin'], request: (c) => ({ url: `/api/admin/organisations/${c.orgId}`, body: { nameEn: unique('Matrix org ') } }) },
  { method: 'GET', url: '/api/admin/tokens', allow: ['admin'], request: () => ({ url: '/api/admin/tokens' }) },
  { method: 'GET', url: '/api/tokens', allow: 'authenticated', request: () => ({ url: '/api/tokens' }) },
  { method: 'POST', url: '/api/tokens', allow: 'authenticated', request: () => ({ url: '/api/tokens', body: { name: unique('matrix '), scopes: ['plan:read'] } }) },
  { method: 'DELETE', url: '/api/tokens/:id', allow: 'authenticated', request: async (c) => ({ url: `/api/tokens/${await c.ownTokenId()}` }) },
];

const isIdentityRoute = (url: string) => url.startsWith('/api/admin/') || url === '/api/tokens' || url.startsWith('/api/tokens/');

const allowed = (allow: Expect, caller: Caller) =>
  allow === 'public' || (caller !== 'anonymous' && (allow === 'authenticated' || allow.includes(caller)));

const CALLERS: Caller[] = [...ROLES, 'anonymous'];

describe.each(testDatabases)('who may call the identity routes, on $name', (kind) => {
  const h = useHarness(kind, { seed: false });
  const clients = {} as Record<Caller, Client>;
  const ids = {} as Record<Caller, string | null>;
  let targetId: string;
  let orgId: string;

  beforeAll(async () => {
    // One user per role, created and signed in once (argon2 is slow by design).
    await Promise.all(ROLES.map(async (role) => {
      ids[role] = await h.user(`as-${role}`, [role]);
      clients[role] = await h.login(`as-${role}`);
    }));
    ids.anonymous = null;
    clients.anonymous = h.anonymous;
    targetId = await h.user('target', ['enterprise']);
    const admin = clients.admin;
    orgId = (await admin.post('/api/admin/organisations', { kind: 'other', nameZh: '矩阵目标机构' })).json().id;
  });

  const ctx = (caller: Caller): Ctx => ({
    caller, selfId: ids[caller], targetId, orgId,
    async ownTokenId() {
      if (caller === 'anonymous') return '00000000-0000-4000-8000-000000000000';
      const res = await clients[caller].post('/api/tokens', { name: unique('to revoke '), scopes: ['plan:read'] });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json().id;
    },
  });

  it('covers every identity route the application registers, with the rule the route declares', () => {
    const registered = h.routes.filter((r) => isIdentityRoute(r.url)).map((r) => `${r.method} ${r.url}`).sort();
    expect(CASES.map((c) => `${c.method} ${c.url}`).sort()).toEqual(registered);
    for (const c of CASES) {
      const rule = h.routes.find((r) => r.method === c.method && r.url === c.url)!.access!;
      expect(rule.allow, `${c.method} ${c.url}`).toEqual(c.allow);
    }
  });

  describe.each(CASES)('$method $url', (c) => {
    it.each(CALLERS)('as %s', async (caller) => {
      const { url, body } = await c.request(ctx(caller));
      const client = clients[caller];
      const res = await client.request(c.method, url, c.method === 'GET' || c.method === 'DELETE' ? undefined : body ?? {});
      const label = `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (allowed(c.allow, caller)) {
        expect(res.statusCode, label).toBeGreaterThanOrEqual(200);
        expect(res.statusCode, label).toBeLessThan(300);
      } else if (caller === 'anonymous') {
        expect(res.statusCode, label).toBe(401);
        expect(res.json().error.code).toBe('unauthorized');
      } else {
        expect(res.statusCode, label).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
    });
  });

  it('lets an admin\'s API token with every scope read what names admin:read, and nothing else', async () => {
    const created = await clients.admin.post('/api/tokens', { name: 'all scopes', scopes: Object.keys(SCOPES) });
    expect(created.statusCode).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    for (const c of CASES) {
      const rule = h.routes.find((r) => r.method === c.method && r.url === c.url)!.access!;
      const { url, body } = await c.request({ ...ctx('admin'), ownTokenId: async () => created.json().id });
      const res = await machine.request(c.method, url, c.method === 'GET' || c.method === 'DELETE' ? undefined : body ?? {});
      const label = `token ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      if (rule.scope === 'admin:read') expect(res.statusCode, label).toBe(200);
      else expect(res.statusCode, label).toBe(403);
    }
  });

  it('does not let a taskforce API token with admin:read list users, only organisations', async () => {
    const created = await clients.taskforce.post('/api/tokens', { name: 'tf', scopes: ['admin:read'] });
    const machine = bearerClient(h.app, created.json().token);
    expect((await machine.get('/api/admin/organisations')).statusCode).toBe(200);
    expect((await machine.get('/api/admin/users')).statusCode).toBe(403);
  });
});
