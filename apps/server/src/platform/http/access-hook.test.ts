import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useHarness, type Client } from '../../test/harness.js';

/** How the access hook tells who is calling: a session cookie, or an API token in the Authorization header. */
describe.each(testDatabases)('telling who is calling on $name', (kind) => {
  const h = useHarness(kind, { seed: false });
  let admin: Client;
  let adminReadToken: string;

  beforeAll(async () => {
    await h.user('root', ['admin']);
    admin = await h.login('root');
    const created = await admin.post('/api/tokens', { name: 'reader', scopes: ['admin:read'] });
    expect(created.statusCode).toBe(201);
    adminReadToken = created.json().token;
  });

  const get = (url: string, headers: Record<string, string>) => h.app.inject({ method: 'GET', url, headers });

  it('accepts the Bearer scheme in any letter case, as RFC 6750 allows', async () => {
    for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
      const res = await get('/api/admin/users', { authorization: `${scheme} ${adminReadToken}` });
      expect(res.statusCode, `${scheme}: ${res.body}`).toBe(200);
    }
  });

  it('treats an Authorization header of another scheme as no credentials at all', async () => {
    const res = await get('/api/admin/users', { authorization: `Basic ${Buffer.from('root:pw').toString('base64')}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('refuses an unknown token with 401 even on a public route, rather than quietly serving it as anonymous', async () => {
    for (const authorization of ['Bearer cqb_deadbeef_not-a-token', 'bearer', 'Bearer ', `Bearer ${adminReadToken} extra`]) {
      const res = await get('/api/meta', { authorization });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe('invalid_token');
    }
  });

  it('judges a request that carries both a token and a session cookie by the token', async () => {
    const login = await h.anonymous.post('/api/auth/login', { username: 'root', password: 'Test#password2024' });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await get('/api/auth/me', { cookie })).statusCode).toBe(200);
    expect((await get('/api/auth/me', { cookie, authorization: `Bearer ${adminReadToken}` })).statusCode).toBe(403);
  });

  it('does not let a token write, even to a route its owner may write to, and asks it for no CSRF token', async () => {
    const res = await h.app.inject({
      method: 'POST', url: '/api/admin/organisations', headers: { authorization: `Bearer ${adminReadToken}` }, payload: { kind: 'other', nameZh: '令牌写入' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('ignores an unknown session cookie: the caller is anonymous', async () => {
    const res = await get('/api/auth/me', { cookie: 'cqb_sid=forged-session-id' });
    expect(res.statusCode).toBe(401);
    expect((await get('/api/meta', { cookie: 'cqb_sid=forged-session-id' })).statusCode).toBe(200);
  });

  it('asks a signed-in person for no CSRF token on reads', async () => {
    const login = await h.anonymous.post('/api/auth/login', { username: 'root', password: 'Test#password2024' });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await get('/api/admin/users', { cookie })).statusCode).toBe(200);
  });
});
