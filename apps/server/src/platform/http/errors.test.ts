import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../app.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { installAccess } from './access-hook.js';
import { testDatabases, useHarness, type Client } from '../../test/harness.js';

/** Every failure answers in one shape, in Chinese and English, with a request id, and tells nothing of the server's insides. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CHINESE = /[\u4e00-\u9fff]/;
const ENGLISH = /[A-Za-z]/;

/** Asserts the one error shape: { error: { code, message, details: [{ path, message }] } } and nothing else. */
function expectError(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'details', 'message']);
  expect(body.error.code).toMatch(/^[a-z_]+$/);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(CHINESE);
  expect(body.error.message).toMatch(ENGLISH);
  expect(Array.isArray(body.error.details)).toBe(true);
  for (const d of body.error.details) {
    expect(Object.keys(d).sort()).toEqual(['message', 'path']);
    expect(d.path).toMatch(/^\//);
    expect(d.message).toMatch(CHINESE);
    expect(d.message).toMatch(ENGLISH);
  }
  expect(res.body).not.toMatch(/"stack"|\bat .+\.(ts|js):\d+/);
  expect(res.headers['x-request-id']).toBeTruthy();
  return body.error as { code: string; message: string; details: { path: string; message: string }[] };
}

const BODY_LIMIT = 4096;

describe.each(testDatabases)('errors on $name', (kind) => {
  const h = useHarness(kind, { seed: false, bodyLimitBytes: BODY_LIMIT });
  let admin: Client;
  let expert: Client;

  beforeAll(async () => {
    await h.user('root', ['admin']);
    await h.user('erin', ['expert']);
    admin = await h.login('root');
    expert = await h.login('erin');
  });

  describe('malformed requests', () => {
    it('answers malformed JSON with 400', async () => {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "root", "pass' });
      expectError(res, 400, 'malformed_json');
    });

    it('answers an empty JSON body with 400', async () => {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '' });
      expectError(res, 400, 'malformed_json');
    });

    it('answers a body of a type the API does not read with 415', async () => {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
      expectError(res, 415, 'unsupported_media_type');
    });

    it('answers a body over the limit with 413', async () => {
      const res = await h.anonymous.post('/api/auth/login', { username: 'root', password: 'x'.repeat(BODY_LIMIT * 2) });
      expectError(res, 413, 'payload_too_large');
    });

    it('checks access before reading a large body: an anonymous caller of a protected route gets 401, not 413', async () => {
      const res = await h.anonymous.post('/api/admin/organisations', { kind: 'other', nameZh: 'x'.repeat(BODY_LIMIT * 2) });
      expectError(res, 401, 'unauthorized');
    });
  });

  describe('unknown routes', () => {
    it('answer an unknown API path with 404 naming the method and the path, without the query', async () => {
      const error = expectError(await h.anonymous.get('/api/no-such-thing?secret=1'), 404, 'not_found');
      expect(error.message).toContain('GET /api/no-such-thing');
      expect(error.message).not.toContain('secret');
    });

    it('answer a known path with a method it does not have with 404', async () => {
      expectError(await h.anonymous.delete('/api/meta'), 404, 'not_found');
      expectError(await h.anonymous.request('PROPFIND', '/api/meta'), 404, 'not_found');
    });

    it('answer 404 to anonymous callers too, without asking them to sign in', async () => {
      expectError(await h.anonymous.post('/api/admin/no-such-thing', {}), 404, 'not_found');
    });
  });

  describe('validation', () => {
    it('answers a missing field with 422 and a detail whose path names the field', async () => {
      const error = expectError(await h.anonymous.post('/api/auth/login', { password: 'whatever' }), 422, 'validation_failed');
      expect(error.details.map((d) => d.path)).toEqual(['/username']);
    });

    it('reports every problem of a body at once', async () => {
      const error = expectError(await h.anonymous.post('/api/auth/login', {}), 422, 'validation_failed');
      expect(error.details.map((d) => d.path).sort()).toEqual(['/password', '/username']);
    });

    it('names a field nobody asked for', async () => {
      const error = expectError(await h.anonymous.post('/api/auth/login', { username: 'a', password: 'b', remember: true }), 422);
      expect(error.details.map((d) => d.path)).toEqual(['/remember']);
    });

    it('answers an unknown role with 422 at the index of the role', async () => {
      const res = await admin.post('/api/admin/users', { username: 'bob', displayName: 'Bob', roles: ['expert', 'king'], password: 'Long#password2024' });
      const error = expectError(res, 422, 'validation_failed');
      expect(error.details.map((d) => d.path)).toEqual(['/roles/1']);
      expect(error.details[0].message).toMatch(/以下之一.*must be one of: .*"admin".*"expert"/);
    });

    it('says once what is wrong with a nullable field, not once per branch of its type', async () => {
      const res = await admin.post('/api/admin/organisations', { kind: 'other', nameZh: '区县代码格式', districtCode: '1101' });
      const error = expectError(res, 422, 'validation_failed');
      expect(error.details).toEqual([{ path: '/districtCode', message: expect.stringMatching(/must match pattern/) }]);
    });

    it('names the query string and the URL parameters in the paths of their errors', async () => {
      expect(expectError(await admin.get('/api/admin/users?limit=100000'), 422).details.map((d) => d.path)).toEqual(['/querystring/limit']);
      expect(expectError(await admin.get('/api/admin/users/not-a-uuid'), 422).details.map((d) => d.path)).toEqual(['/params/id']);
    });
  });

  describe('refusals', () => {
    it('answers a caller who must sign in with 401', async () => {
      expectError(await h.anonymous.get('/api/auth/me'), 401, 'unauthorized');
    });

    it('answers a bad API token with 401', async () => {
      const res = await h.app.inject({ method: 'GET', url: '/api/tokens', headers: { authorization: 'Bearer cqb_00000000_nope' } });
      expectError(res, 401, 'invalid_token');
    });

    it('answers a role that may not call the route with 403', async () => {
      expectError(await expert.get('/api/admin/users'), 403, 'forbidden');
    });

    it('answers a missing CSRF token with 403', async () => {
      const login = await h.anonymous.post('/api/auth/login', { username: 'erin', password: 'Test#password2024' });
      const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
      expectError(res, 403, 'csrf_failed');
    });

    it('answers a conflict with 409 and the field it is about', async () => {
      const res = await admin.post('/api/admin/users', { username: 'ERIN', displayName: 'Erin again', roles: ['expert'], password: 'Long#password2024' });
      const error = expectError(res, 409, 'conflict');
      expect(error.details.map((d) => d.path)).toEqual([expect.stringMatching(/\/username$/)]);
    });

    it('answers an object that does not exist with 404', async () => {
      expectError(await admin.get('/api/admin/users/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    });
  });

  describe('the request id', () => {
    it('is on every response, a fresh UUID when the caller sent none', async () => {
      const responses = [
        await h.anonymous.get('/api/meta'),
        await h.anonymous.get('/healthz'),
        await h.anonymous.get('/api/docs/json'),
        await h.anonymous.get('/api/auth/me'),
        await h.anonymous.get('/api/nope'),
        await expert.get('/api/admin/users'),
        await h.anonymous.post('/api/auth/login', {}),
        await h.anonymous.post('/api/auth/login', { username: 'x'.repeat(BODY_LIMIT * 2), password: 'x' }),
      ];
      const ids = responses.map((r) => String(r.headers['x-request-id']));
      for (const id of ids) expect(id).toMatch(UUID);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('echoes a well-formed incoming X-Request-Id, on success and on failure', async () => {
      for (const url of ['/api/meta', '/api/auth/me', '/api/nope']) {
        const res = await h.app.inject({ method: 'GET', url, headers: { 'x-request-id': 'edge-7f3a.19c_42' } });
        expect(res.headers['x-request-id']).toBe('edge-7f3a.19c_42');
      }
    });

    it('replaces an incoming id that is too short, too long or has odd characters', async () => {
      for (const given of ['short', 'x'.repeat(65), 'has spaces in it', 'semi;colon-123', '<script>alert(1)</script>']) {
        const res = await h.app.inject({ method: 'GET', url: '/api/meta', headers: { 'x-request-id': given } });
        expect(res.headers['x-request-id']).toMatch(UUID);
      }
    });

    it('is the id the audit log records for the write', async () => {
      const res = await admin.post('/api/admin/organisations', { kind: 'other', nameZh: '请求编号测试机构' });
      expect(res.statusCode).toBe(201);
      const row = await h.database.db.selectFrom('auditLog').select('requestId').where('entityId', '=', res.json().id).executeTakeFirstOrThrow();
      expect(row.requestId).toBe(res.headers['x-request-id']);
    });
  });

  describe('on an application with failing routes', () => {
    let app: FastifyInstance;
    const pub = { config: { access: { allow: 'public' as const } } };

    beforeAll(async () => {
      app = (await buildApp({ database: h.database, sessionTtlHours: 1, secureCookies: false, bodyLimitBytes: BODY_LIMIT })).app;
      await app.register(async (p) => {
        p.get('/api/test/throws', pub, async () => {
          throw new Error('connection to postgres://cqb:hunter2@db.internal failed');
        });
        p.get('/api/test/throws-string', pub, async () => {
          throw 'hunter2';
        });
        p.get('/api/test/sql', pub, async () => {
          await h.database.db.selectFrom('secretTable' as never).selectAll().execute();
          return {};
        });
        p.get('/api/test/bad-response', { ...pub, schema: { response: { 200: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } } },
          async () => ({ hunter2: true }));
        p.get('/api/test/status-418', pub, async () => {
          throw Object.assign(new Error('hunter2 is the password'), { statusCode: 418 });
        });
      });
      await app.ready();
    });
    afterAll(() => app?.close());

    it('answers an unexpected error with 500, no stack trace and none of its text', async () => {
      for (const url of ['/api/test/throws', '/api/test/throws-string', '/api/test/sql', '/api/test/bad-response']) {
        const res = await app.inject({ method: 'GET', url });
        const error = expectError(res, 500, 'internal_error');
        expect(error.details).toEqual([]);
        expect(res.body).not.toMatch(/hunter2|postgres|secret|Error:|relation/i);
      }
    });

    it('keeps the status of a foreign error that carries one, but none of its text', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/test/status-418' });
      expectError(res, 418);
      expect(res.body).not.toContain('hunter2');
    });

    it('answers too many sign-in attempts with 429 and says when to retry', async () => {
      // The limit counts attempts, valid or not; empty bodies keep the test from hashing passwords.
      let res: LightMyRequestResponse | undefined;
      for (let i = 0; i < 40; i++) {
        res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
        if (res.statusCode === 429) break;
        expect(res.statusCode).toBe(422);
      }
      expectError(res!, 429, 'too_many_requests');
      expect(Number(res!.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('answers a URL that does not decode with 400 in the one shape', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/plan/tasks/%E0%A4%A' });
      expectError(res, 400, 'bad_url');
    });
  });
});

describe('the handler for errors Fastify meets before routing', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ frameworkErrors, routerOptions: { maxParamLength: 20 } });
    installErrorHandler(app);
    installAccess(app, {} as never, []);
    app.get('/api/things/:id', { config: { access: { allow: 'public' } } }, async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('answers a URL that does not decode with 400 in the one shape, with a request id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/things/%E0%A4%A' });
    expectError(res, 400, 'bad_url');
    expect(res.body).not.toContain('%E0');
  });

  it('answers a parameter over the length limit with 414 in the one shape', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/things/${'a'.repeat(50)}` });
    expectError(res, 414, 'uri_too_long');
  });
});
