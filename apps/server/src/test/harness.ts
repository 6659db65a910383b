import { seedModules } from '../modules/seed.js';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { migrate } from '../platform/db/migrate.js';
import type { Database } from '../platform/db/database.js';
import { systemCtx } from '../platform/context/ctx.js';
import { identityService } from '../platform/identity/service.js';
import { planService } from '../modules/plan/service.js';
import { readPlanFiles } from '../modules/plan/files.js';
import type { Role } from '../platform/access/model.js';
import type { TestDatabaseKind } from './databases.js';

export { testDatabases } from './databases.js';

export const TEST_PASSWORD = 'Test#password2024';

export interface Harness {
  database: Database;
  /** The application's clock: tests move "today" with set(); reset() returns to the real time. */
  clock: { now(): Date; set(at: Date | string): void; reset(): void };
  app: FastifyInstance;
  services: Awaited<ReturnType<typeof buildApp>>['services'];
  routes: Awaited<ReturnType<typeof buildApp>>['routes'];
  /** Creates a user with these roles (and an organisation, if named) and returns its id. */
  user(username: string, roles: Role[], organisationId?: string | null): Promise<string>;
  /** Signs in through the API and returns a client that sends the cookie and CSRF token. */
  login(username: string, password?: string): Promise<Client>;
  anonymous: Client;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function client(app: FastifyInstance, cookie?: string, csrf?: string, bearer?: string): Client {
  const request = (method: string, url: string, body?: unknown, extra: Record<string, string> = {}) => {
    const headers: Record<string, string> = { ...extra };
    if (cookie) headers.cookie = cookie;
    if (csrf) headers['x-csrf-token'] = csrf;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    return app.inject({ method: method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  };
  return {
    request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    put: (url, body) => request('PUT', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

export const bearerClient = (app: FastifyInstance, token: string) => client(app, undefined, undefined, token);

/**
 * A migrated, seeded database and an app on it for one suite; closed after the suite.
 * Call inside describe.each(testDatabases).
 */
export function useHarness(kind: TestDatabaseKind, options: { seed?: boolean; bodyLimitBytes?: number } = {}): Harness {
  const h = {} as Harness;
  let fixed: Date | null = null;
  h.clock = { now: () => fixed ?? new Date(), set: (at) => { fixed = new Date(at); }, reset: () => { fixed = null; } };
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const opened = await kind.open();
    drop = opened.drop;
    h.database = opened.database;
    await migrate(h.database.db);
    if (options.seed !== false) {
      const plan = planService(h.database);
      await plan.seed(systemCtx('test'), readPlanFiles());
      await seedModules(h.database, plan, systemCtx('test'));
    }
    const built = await buildApp({ database: h.database, sessionTtlHours: 12, secureCookies: false, bodyLimitBytes: options.bodyLimitBytes ?? 1_048_576, now: () => h.clock.now() });
    h.app = built.app;
    h.services = built.services;
    h.routes = built.routes;
    await h.app.ready();
    h.anonymous = client(h.app);
    h.user = async (username, roles, organisationId = null) =>
      (await identityService(h.database).createUser(systemCtx('test'), { username, displayName: username, roles, password: TEST_PASSWORD, organisationId })).id;
    h.login = async (username, password = TEST_PASSWORD) => {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      return client(h.app, cookie, res.json().csrfToken);
    };
  });
  afterAll(async () => {
    await h.app?.close();
    await drop?.();
  });
  return h;
}
