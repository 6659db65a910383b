import { describe, expect, it } from 'vitest';
import { bearerClient, testDatabases, useHarness, TEST_PASSWORD } from '../../test/harness.js';

describe.each(testDatabases)('authentication on $name', (kind) => {
  const h = useHarness(kind);

  it('signs in with a password, sets an HTTP-only cookie and answers with the user and a CSRF token', async () => {
    await h.user('alice', ['taskforce']);
    const res = await h.anonymous.post('/api/auth/login', { username: 'alice', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('alice');
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.csrfToken).toMatch(/.{20,}/);
    const cookie = res.cookies.find((c) => c.name === 'cqb_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });

  it('tells who is signed in, and nobody when no one is', async () => {
    const alice = await h.login('alice');
    expect((await alice.get('/api/auth/me')).json().user.roles).toEqual(['taskforce']);
    const anon = await h.anonymous.get('/api/auth/me');
    expect(anon.statusCode).toBe(401);
    expect(anon.json().error.message).toContain('请先登录');
  });

  it('refuses a wrong password with the same answer as an unknown user', async () => {
    const wrong = await h.anonymous.post('/api/auth/login', { username: 'alice', password: 'nope-nope-nope' });
    const unknown = await h.anonymous.post('/api/auth/login', { username: 'nobody', password: 'nope-nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe(unknown.json().error.code);
  });

  it('locks an account for 15 minutes after 5 failed logins, even for the right password', async () => {
    await h.user('bob', ['unit']);
    for (let i = 0; i < 5; i++) expect((await h.anonymous.post('/api/auth/login', { username: 'bob', password: 'wrong-password' })).statusCode).toBe(401);
    const locked = await h.anonymous.post('/api/auth/login', { username: 'bob', password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    const row = await h.database.db.selectFrom('appUser').select('lockedUntil').where('username', '=', 'bob').executeTakeFirstOrThrow();
    const minutes = (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('lets an admin unlock a locked account', async () => {
    await h.user('root', ['admin']);
    const admin = await h.login('root');
    const bob = await h.database.db.selectFrom('appUser').select('id').where('username', '=', 'bob').executeTakeFirstOrThrow();
    expect((await admin.post(`/api/admin/users/${bob.id}/unlock`)).statusCode).toBe(200);
    expect((await h.anonymous.post('/api/auth/login', { username: 'bob', password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const res = await h.login('alice');
    const login = await h.anonymous.post('/api/auth/login', { username: 'alice', password: TEST_PASSWORD });
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const without = await h.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie }, payload: { name: 'x', scopes: ['plan:read'] } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await h.app.inject({ method: 'POST', url: '/api/tokens', headers: { cookie, 'x-csrf-token': 'forged' }, payload: { name: 'x', scopes: ['plan:read'] } });
    expect(wrong.statusCode).toBe(403);
    expect((await res.post('/api/tokens', { name: 'x', scopes: ['plan:read'] })).statusCode).toBe(201);
  });

  it('ends the session on logout', async () => {
    const alice = await h.login('alice');
    expect((await alice.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await alice.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('does not accept an expired session', async () => {
    const alice = await h.login('alice');
    await h.database.db.updateTable('userSession').set({ expiresAt: new Date(Date.now() - 1000) }).execute();
    expect((await alice.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('lets machine clients call scoped routes with a bearer token and no CSRF token, until it is revoked', async () => {
    const alice = await h.login('alice');
    const created = await alice.post('/api/tokens', { name: 'factory MES', scopes: ['plan:read'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^cqb_[0-9a-f]{8}_/);
    const machine = bearerClient(h.app, token);
    expect((await machine.get('/api/plan/targets')).statusCode).toBe(200);
    expect((await machine.get('/api/auth/me')).statusCode).toBe(403);
    const listed = (await alice.get('/api/tokens')).json();
    expect(listed.find((t: { id: string }) => t.id === id)).not.toHaveProperty('token');
    expect((await alice.delete(`/api/tokens/${id}`)).statusCode).toBe(200);
    const after = await machine.get('/api/plan/targets');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
  });

  it('stops a token from reaching routes outside its scopes, whatever its owner may do', async () => {
    await h.user('ada', ['admin']);
    const admin = await h.login('ada');
    const { token } = (await admin.post('/api/tokens', { name: 'read plan', scopes: ['plan:read'] })).json();
    expect((await bearerClient(h.app, token).get('/api/admin/users')).statusCode).toBe(403);
    const { token: adminToken } = (await admin.post('/api/tokens', { name: 'read users', scopes: ['admin:read'] })).json();
    expect((await bearerClient(h.app, adminToken).get('/api/admin/users')).statusCode).toBe(200);
    expect((await bearerClient(h.app, adminToken).post('/api/admin/organisations', { kind: 'other', nameZh: 'x' })).statusCode).toBe(403);
  });

  it('does not let a user revoke another user\'s token', async () => {
    const alice = await h.login('alice');
    const { id } = (await alice.post('/api/tokens', { name: 'mine', scopes: ['plan:read'] })).json();
    await h.user('mallory', ['enterprise']);
    const mallory = await h.login('mallory');
    expect((await mallory.delete(`/api/tokens/${id}`)).statusCode).toBe(403);
  });

  it('changes one\'s own password and signs out the other sessions', async () => {
    await h.user('carol', ['expert']);
    const first = await h.login('carol');
    const second = await h.login('carol');
    const res = await second.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Another#pass2025' });
    expect(res.statusCode).toBe(204);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect((await h.anonymous.post('/api/auth/login', { username: 'carol', password: 'Another#pass2025' })).statusCode).toBe(200);
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await h.database.db.selectFrom('appUser').select('passwordHash').where('username', '=', 'alice').executeTakeFirstOrThrow();
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
