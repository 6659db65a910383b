import { beforeAll, describe, expect, it } from 'vitest';
import { bearerClient, testDatabases, useHarness, type Client } from '../../test/harness.js';
import { ROLES, type Role } from '../../platform/access/model.js';

/**
 * Who may call each route of the plan module: the plan is public, so every role and anonymous
 * callers read every route; machines read it with a plan:read token.
 */

type Caller = Role | 'anonymous';

const CASES: { route: string; url: string }[] = [
  { route: '/api/plan', url: '/api/plan' },
  { route: '/api/plan', url: '/api/plan?version=1' },
  { route: '/api/plan/versions', url: '/api/plan/versions' },
  { route: '/api/plan/text', url: '/api/plan/text' },
  { route: '/api/plan/actions', url: '/api/plan/actions' },
  { route: '/api/plan/tasks', url: '/api/plan/tasks' },
  { route: '/api/plan/tasks/:no', url: '/api/plan/tasks/1' },
  { route: '/api/plan/targets', url: '/api/plan/targets' },
  { route: '/api/districts', url: '/api/districts' },
  { route: '/api/bodies', url: '/api/bodies' },
];

const isPlanRoute = (url: string) => url === '/api/plan' || url.startsWith('/api/plan/') || url === '/api/districts' || url === '/api/bodies';

const CALLERS: Caller[] = [...ROLES, 'anonymous'];

describe.each(testDatabases)('who may read the plan, on $name', (kind) => {
  const h = useHarness(kind);
  const clients = {} as Record<Caller, Client>;

  beforeAll(async () => {
    await Promise.all(ROLES.map(async (role) => {
      await h.user(`as-${role}`, [role]);
      clients[role] = await h.login(`as-${role}`);
    }));
    clients.anonymous = h.anonymous;
  });

  it('covers every plan route the application registers, each a public GET that machines reach with plan:read', () => {
    const registered = h.routes.filter((r) => isPlanRoute(r.url));
    // A new plan route (a write, say) must be added to this table with the callers it expects.
    expect(registered.map((r) => `${r.method} ${r.url}`).sort()).toEqual([...new Set(CASES.map((c) => `GET ${c.route}`))].sort());
    for (const r of registered) expect(r.access, r.url).toEqual({ allow: 'public', scope: 'plan:read' });
  });

  describe.each(CASES)('GET $url', ({ url }) => {
    it.each(CALLERS)('as %s: 200', async (caller) => {
      const res = await clients[caller].get(url);
      expect(res.statusCode, `${caller} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
    });
  });

  it('answers the same to every role as to anonymous callers: nothing in the plan depends on who asks', async () => {
    for (const { url } of CASES) {
      const anonymous = (await h.anonymous.get(url)).body;
      for (const role of ROLES) expect((await clients[role].get(url)).body, `${role} ${url}`).toBe(anonymous);
    }
  });

  it('lets a machine read every plan route with a plan:read token', async () => {
    const created = await clients.enterprise.post('/api/tokens', { name: 'plan reader', scopes: ['plan:read'] });
    expect(created.statusCode).toBe(201);
    const machine = bearerClient(h.app, created.json().token);
    for (const { url } of CASES) expect((await machine.get(url)).statusCode, url).toBe(200);
  });
});
