import { beforeAll, describe, expect, it } from 'vitest';
import { bearerClient, testDatabases, useHarness, TEST_PASSWORD, type Client } from '../../test/harness.js';
import { verifyAuditChain } from '../audit/verify.js';

/** The administrator's use cases: organisations, users, passwords, and the audit trail each write leaves. */

const NEW_PASSWORD = 'Fresh#password2025';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describe.each(testDatabases)('identity administration on $name', (kind) => {
  const h = useHarness(kind);
  let admin: Client;
  let rootId: string;
  let districtCode: string;

  beforeAll(async () => {
    rootId = await h.user('root', ['admin']);
    admin = await h.login('root');
    districtCode = (await h.database.db.selectFrom('district').select('code').orderBy('code').executeTakeFirstOrThrow()).code;
  });

  const auditRows = (entityId: string) =>
    h.database.db.selectFrom('auditLog').selectAll().where('entityId', '=', entityId).orderBy('id').execute();
  const auditCount = async () =>
    Number((await h.database.db.selectFrom('auditLog').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const paths = (res: { json(): { error: { details: { path: string }[] } } }) => res.json().error.details.map((d) => d.path);

  describe('organisations', () => {
    let orgId: string;

    it('are created by an admin, answered with 201, and the creation is audited with the new record', async () => {
      const res = await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '重庆测试生物制造有限公司', nameEn: 'Chongqing Test Biomanufacturing Co.', districtCode, creditCode: '91350100M000100Y43' });
      expect(res.statusCode, res.body).toBe(201);
      const org = res.json();
      expect(org).toMatchObject({ kind: 'enterprise', nameZh: '重庆测试生物制造有限公司', districtCode, isDemo: false });
      const wrongCheck = await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '重庆校验码错误有限公司', creditCode: '91350100M000100Y44' });
      expect(wrongCheck.statusCode).toBe(422);
      expect(wrongCheck.json().error.details).toEqual([{ path: '/creditCode', message: expect.stringContaining('校验码错误，应为 3') }]);
      orgId = org.id;
      const rows = await auditRows(orgId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ action: 'organisation.create', entityType: 'organisation', entityId: orgId, actorId: rootId, actorName: 'root', before: null });
      expect(rows[0].after).toMatchObject({ id: orgId, nameZh: '重庆测试生物制造有限公司', districtCode });
    });

    it('are refused with 422 naming the field when the district code is unknown or malformed', async () => {
      const before = await auditCount();
      const unknown = await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '未知区县企业', districtCode: '509999' });
      expect(unknown.statusCode).toBe(422);
      expect(paths(unknown)).toEqual([expect.stringMatching(/\/districtCode$/)]);
      const malformed = await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '格式错误企业', districtCode: '110101' });
      expect(malformed.statusCode).toBe(422);
      expect(paths(malformed)).toEqual(['/districtCode']);
      expect(await auditCount()).toBe(before);
    });

    it('must have a unique name within their kind (409 naming the field); another kind may share it', async () => {
      const dup = await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '重庆测试生物制造有限公司' });
      expect(dup.statusCode).toBe(409);
      expect(paths(dup)).toEqual([expect.stringMatching(/\/nameZh$/)]);
      const otherKind = await admin.post('/api/admin/organisations', { kind: 'pilotBase', nameZh: '重庆测试生物制造有限公司' });
      expect(otherKind.statusCode).toBe(201);
    });

    it('get one 201 and 409s, never a 500, when the same organisation is created several times at once', async () => {
      const body = { kind: 'other', nameZh: '同时创建的机构' };
      const results = await Promise.all([1, 2, 3, 4].map(() => admin.post('/api/admin/organisations', body)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(paths(r)).toEqual([expect.stringMatching(/\/nameZh$/)]);
    });

    it('are updated by an admin, and the audit row holds the record before and after', async () => {
      const res = await admin.patch(`/api/admin/organisations/${orgId}`, { nameEn: 'CQ Test Bio Co.', districtCode: null });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ nameEn: 'CQ Test Bio Co.', districtCode: null });
      const row = (await auditRows(orgId)).at(-1)!;
      expect(row).toMatchObject({ action: 'organisation.update', entityType: 'organisation', entityId: orgId });
      expect(row.before).toMatchObject({ nameEn: 'Chongqing Test Biomanufacturing Co.', districtCode });
      expect(row.after).toMatchObject({ nameEn: 'CQ Test Bio Co.', districtCode: null });
    });

    it('refuse on update an unknown district (422), a name taken in their kind (409), and an unknown id (404)', async () => {
      const before = await auditCount();
      expect((await admin.patch(`/api/admin/organisations/${orgId}`, { districtCode: '509999' })).statusCode).toBe(422);
      await admin.post('/api/admin/organisations', { kind: 'enterprise', nameZh: '另一家企业' });
      const taken = await admin.patch(`/api/admin/organisations/${orgId}`, { nameZh: '另一家企业' });
      expect(taken.statusCode).toBe(409);
      expect(paths(taken)).toEqual([expect.stringMatching(/\/nameZh$/)]);
      expect((await admin.patch(`/api/admin/organisations/${NO_SUCH_ID}`, { nameEn: 'x' })).statusCode).toBe(404);
      expect(await auditCount()).toBe(before + 1); // only the creation of 另一家企业
    });

    it('are listed, filtered by kind and by text', async () => {
      const all = (await admin.get('/api/admin/organisations?kind=enterprise')).json() as { kind: string; nameZh: string }[];
      expect(all.length).toBeGreaterThanOrEqual(2);
      expect(all.every((o) => o.kind === 'enterprise')).toBe(true);
      const found = (await admin.get(`/api/admin/organisations?q=${encodeURIComponent('测试生物')}`)).json() as { nameZh: string }[];
      expect(found.map((o) => o.nameZh)).toContain('重庆测试生物制造有限公司');
      expect(found.every((o) => o.nameZh.includes('测试生物'))).toBe(true);
    });
  });

  describe('users', () => {
    let orgId: string;
    let zhangId: string;

    beforeAll(async () => {
      orgId = (await admin.post('/api/admin/organisations', { kind: 'institute', nameZh: '测试研究院' })).json().id;
    });

    it('are created by an admin with roles and an organisation; neither the answer nor the audit row holds the password or its hash', async () => {
      const res = await admin.post('/api/admin/users', { username: 'zhang', displayName: '张三', email: 'zhang@example.org', organisationId: orgId, roles: ['institute', 'expert'], password: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(201);
      const user = res.json();
      expect(user).toMatchObject({ username: 'zhang', displayName: '张三', organisationId: orgId, roles: ['institute', 'expert'], disabled: false, locked: false });
      expect(user).not.toHaveProperty('passwordHash');
      expect(res.body).not.toContain(NEW_PASSWORD);
      zhangId = user.id;
      const rows = await auditRows(zhangId);
      expect(rows.map((r) => r.action)).toEqual(['user.create']);
      expect(rows[0]).toMatchObject({ entityType: 'user', actorName: 'root', before: null });
      expect(rows[0].after).toMatchObject({ id: zhangId, username: 'zhang', roles: ['institute', 'expert'] });
      expect(JSON.stringify(rows[0])).not.toMatch(/passwordHash|argon2|Fresh#/);
      expect((await h.anonymous.post('/api/auth/login', { username: 'zhang', password: NEW_PASSWORD })).statusCode).toBe(200);
    });

    it('must have a username nobody has, whatever its letter case (409 naming the field)', async () => {
      const before = await auditCount();
      const res = await admin.post('/api/admin/users', { username: 'ZHANG', displayName: '另一个张三', roles: ['expert'], password: NEW_PASSWORD });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('conflict');
      expect(paths(res)).toEqual([expect.stringMatching(/\/username$/)]);
      expect(await auditCount()).toBe(before);
    });

    it('get one 201 and 409s, never a 500, when the same username is created several times at once', async () => {
      const body = { username: 'twin', displayName: 'Twin', roles: ['expert'], password: NEW_PASSWORD };
      const results = await Promise.all([1, 2, 3, 4].map(() => admin.post('/api/admin/users', body)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
      for (const r of results.filter((x) => x.statusCode === 409)) expect(paths(r)).toEqual([expect.stringMatching(/\/username$/)]);
    });

    it('are refused a weak password with 422: too short, or containing the username', async () => {
      const short = await admin.post('/api/admin/users', { username: 'weak1', displayName: 'W', roles: ['expert'], password: 'short' });
      expect(short.statusCode).toBe(422);
      expect(paths(short)).toEqual(['/password']);
      const own = await admin.post('/api/admin/users', { username: 'weakling', displayName: 'W', roles: ['expert'], password: 'my-Weakling-2024' });
      expect(own.statusCode).toBe(422);
      expect(paths(own)).toEqual([expect.stringMatching(/\/password$/)]);
      expect(own.json().error.details[0].message).toMatch(/用户名.*username/);
    });

    it('are refused an organisation that does not exist with 422 naming the field', async () => {
      const res = await admin.post('/api/admin/users', { username: 'orphan', displayName: 'O', roles: ['enterprise'], organisationId: NO_SUCH_ID, password: NEW_PASSWORD });
      expect(res.statusCode).toBe(422);
      expect(paths(res)).toEqual([expect.stringMatching(/\/organisationId$/)]);
    });

    it('are refused an unknown role, a malformed username or email with 422 naming each field', async () => {
      const res = await admin.post('/api/admin/users', { username: 'no spaces allowed', displayName: 'X', email: 'not-an-email', roles: ['overlord'], password: NEW_PASSWORD });
      expect(res.statusCode).toBe(422);
      expect(paths(res).sort()).toEqual(['/email', '/roles/0', '/username']);
    });

    it('are listed without password hashes, and filtered by text, role and organisation', async () => {
      const all = await admin.get('/api/admin/users');
      expect(all.statusCode).toBe(200);
      expect(all.body).not.toMatch(/passwordHash|argon2/);
      const users = all.json() as { username: string; roles: string[]; organisationNameZh: string | null }[];
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['root', 'zhang']));
      expect(users.find((u) => u.username === 'zhang')!.organisationNameZh).toBe('测试研究院');
      const experts = (await admin.get('/api/admin/users?role=institute')).json() as { username: string }[];
      expect(experts.map((u) => u.username)).toEqual(['zhang']);
      const byText = (await admin.get('/api/admin/users?q=ZHA')).json() as { username: string }[];
      expect(byText.map((u) => u.username)).toEqual(['zhang']);
      const byOrg = (await admin.get(`/api/admin/users?organisationId=${orgId}`)).json() as { username: string }[];
      expect(byOrg.map((u) => u.username)).toEqual(['zhang']);
      const page = (await admin.get('/api/admin/users?limit=1&offset=1')).json() as unknown[];
      expect(page).toHaveLength(1);
    });

    it('are shown one at a time without the hash, and an unknown id is 404', async () => {
      const res = await admin.get(`/api/admin/users/${zhangId}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().username).toBe('zhang');
      expect(res.body).not.toMatch(/passwordHash|argon2/);
      expect((await admin.get(`/api/admin/users/${NO_SUCH_ID}`)).statusCode).toBe(404);
    });

    it('are updated by an admin, and the audit row holds the user before and after', async () => {
      const res = await admin.patch(`/api/admin/users/${zhangId}`, { displayName: '张三丰', roles: ['expert'], organisationId: null });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ displayName: '张三丰', roles: ['expert'], organisationId: null });
      const row = (await auditRows(zhangId)).at(-1)!;
      expect(row).toMatchObject({ action: 'user.update', entityType: 'user' });
      expect(row.before).toMatchObject({ displayName: '张三', roles: ['institute', 'expert'], organisationId: orgId });
      expect(row.after).toMatchObject({ displayName: '张三丰', roles: ['expert'], organisationId: null });
      expect(JSON.stringify(row)).not.toMatch(/passwordHash|argon2/);
    });

    it('are refused on update an organisation that does not exist (422) or an unknown id (404), and an empty patch (422)', async () => {
      const before = await auditCount();
      const res = await admin.patch(`/api/admin/users/${zhangId}`, { organisationId: NO_SUCH_ID });
      expect(res.statusCode).toBe(422);
      expect(paths(res)).toEqual([expect.stringMatching(/\/organisationId$/)]);
      expect((await admin.patch(`/api/admin/users/${NO_SUCH_ID}`, { displayName: 'x' })).statusCode).toBe(404);
      expect((await admin.patch(`/api/admin/users/${zhangId}`, {})).statusCode).toBe(422);
      expect(await auditCount()).toBe(before);
    });
  });

  describe('disabling', () => {
    let doraId: string;

    beforeAll(async () => {
      doraId = await h.user('dora', ['enterprise']);
    });

    it('ends the user\'s sessions, stops their API tokens and refuses their sign-in, and is audited', async () => {
      const dora = await h.login('dora');
      const token = (await dora.post('/api/tokens', { name: 'mes', scopes: ['plan:read'] })).json().token as string;
      expect((await bearerClient(h.app, token).get('/api/plan/versions')).statusCode).toBe(200);

      const res = await admin.patch(`/api/admin/users/${doraId}`, { disabled: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().disabled).toBe(true);

      expect((await dora.get('/api/auth/me')).statusCode).toBe(401);
      const sessions = await h.database.db.selectFrom('userSession').select('idHash').where('userId', '=', doraId).execute();
      expect(sessions).toEqual([]);
      expect((await bearerClient(h.app, token).get('/api/plan/versions')).statusCode).toBe(401);
      expect((await h.anonymous.post('/api/auth/login', { username: 'dora', password: TEST_PASSWORD })).statusCode).toBe(401);

      const row = (await auditRows(doraId)).filter((r) => r.action === 'user.update').at(-1)!;
      expect(row.before).toMatchObject({ disabled: false });
      expect(row.after).toMatchObject({ disabled: true });
    });

    it('is undone by enabling the user again', async () => {
      expect((await admin.patch(`/api/admin/users/${doraId}`, { disabled: false })).statusCode).toBe(200);
      expect((await h.anonymous.post('/api/auth/login', { username: 'dora', password: TEST_PASSWORD })).statusCode).toBe(200);
    });

    it('is refused to an admin for their own account (409), as is dropping their own admin role, and nothing changes', async () => {
      const before = await auditCount();
      const self = await admin.patch(`/api/admin/users/${rootId}`, { disabled: true });
      expect(self.statusCode).toBe(409);
      expect(self.json().error.code).toBe('conflict');
      const demote = await admin.patch(`/api/admin/users/${rootId}`, { roles: ['taskforce'] });
      expect(demote.statusCode).toBe(409);
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
      const row = await h.database.db.selectFrom('appUser').select(['disabled', 'roles']).where('id', '=', rootId).executeTakeFirstOrThrow();
      expect(row).toEqual({ disabled: false, roles: ['admin'] });
      expect(await auditCount()).toBe(before);
    });

    it('lets an admin change their own other details', async () => {
      const res = await admin.patch(`/api/admin/users/${rootId}`, { displayName: '管理员', roles: ['admin', 'taskforce'] });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual(['admin', 'taskforce']);
    });
  });

  describe('resetting a password', () => {
    let eveId: string;

    beforeAll(async () => {
      eveId = await h.user('eve', ['district']);
    });

    it('sets a password the user signs in with, ends their sessions, and is audited without the password', async () => {
      const eve = await h.login('eve');
      const res = await admin.post(`/api/admin/users/${eveId}/password`, { password: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(204);
      expect((await eve.get('/api/auth/me')).statusCode).toBe(401);
      expect((await h.anonymous.post('/api/auth/login', { username: 'eve', password: TEST_PASSWORD })).statusCode).toBe(401);
      expect((await h.anonymous.post('/api/auth/login', { username: 'eve', password: NEW_PASSWORD })).statusCode).toBe(200);
      const row = (await auditRows(eveId)).find((r) => r.action === 'user.resetPassword')!;
      expect(row).toMatchObject({ entityType: 'user', entityId: eveId, actorName: 'root' });
      expect(JSON.stringify(row)).not.toMatch(/argon2|Fresh#|passwordHash/);
    });

    it('also clears a lockout', async () => {
      await h.database.db.updateTable('appUser').set({ failedLogins: 3, lockedUntil: new Date(Date.now() + 600_000) }).where('id', '=', eveId).execute();
      expect((await admin.post(`/api/admin/users/${eveId}/password`, { password: 'Third#password2026' })).statusCode).toBe(204);
      expect((await admin.get(`/api/admin/users/${eveId}`)).json()).toMatchObject({ locked: false, failedLogins: 0 });
    });

    it('refuses a weak password (422) and an unknown user (404)', async () => {
      expect((await admin.post(`/api/admin/users/${eveId}/password`, { password: 'short' })).statusCode).toBe(422);
      const own = await admin.post(`/api/admin/users/${eveId}/password`, { password: 'eve-is-my-password' });
      expect(own.statusCode).toBe(422);
      expect(paths(own)).toEqual([expect.stringMatching(/\/password$/)]);
      expect((await admin.post(`/api/admin/users/${NO_SUCH_ID}/password`, { password: NEW_PASSWORD })).statusCode).toBe(404);
    });
  });

  describe('unlocking', () => {
    it('clears the lockout and is audited with before and after', async () => {
      const id = (await h.database.db.selectFrom('appUser').select('id').where('username', '=', 'zhang').executeTakeFirstOrThrow()).id;
      await h.database.db.updateTable('appUser').set({ failedLogins: 0, lockedUntil: new Date(Date.now() + 600_000) }).where('id', '=', id).execute();
      const res = await admin.post(`/api/admin/users/${id}/unlock`);
      expect(res.statusCode).toBe(200);
      expect(res.json().locked).toBe(false);
      const row = (await auditRows(id)).at(-1)!;
      expect(row).toMatchObject({ action: 'user.unlock', entityType: 'user', before: { locked: true }, after: { locked: false } });
      expect((await admin.post(`/api/admin/users/${NO_SUCH_ID}/unlock`)).statusCode).toBe(404);
    });
  });

  describe('API tokens', () => {
    it('are created by an admin for another user, shown once, and audited without the secret', async () => {
      const doraId = (await h.database.db.selectFrom('appUser').select('id').where('username', '=', 'dora').executeTakeFirstOrThrow()).id;
      const res = await admin.post('/api/tokens', { name: 'dora MES', scopes: ['plan:read'], userId: doraId, expiresInDays: 30 });
      expect(res.statusCode, res.body).toBe(201);
      const { id, token, userId } = res.json();
      expect(userId).toBe(doraId);
      const row = (await auditRows(id))[0];
      expect(row).toMatchObject({ action: 'token.create', entityType: 'apiToken', entityId: id });
      expect(JSON.stringify(row)).not.toContain(token);
      expect(JSON.stringify(row)).not.toMatch(/tokenHash/);
      const listed = (await admin.get('/api/admin/tokens')).json() as { id: string }[];
      expect(listed.find((t) => t.id === id)).not.toHaveProperty('token');

      expect((await admin.delete(`/api/tokens/${id}`)).statusCode).toBe(200);
      expect((await auditRows(id)).map((r) => r.action)).toEqual(['token.create', 'token.revoke']);
      expect((await admin.delete(`/api/tokens/${id}`)).statusCode).toBe(409);
    });

    it('are refused an unknown scope with 422', async () => {
      const res = await admin.post('/api/tokens', { name: 'x', scopes: ['plan:read', 'everything:write'] });
      expect(res.statusCode).toBe(422);
      expect(paths(res)).toEqual([expect.stringMatching(/\/scopes/)]);
    });

    it('are not made by a non-admin for somebody else', async () => {
      const dora = await h.login('dora');
      const res = await dora.post('/api/tokens', { name: 'x', scopes: ['plan:read'], userId: rootId });
      expect(res.statusCode).toBe(403);
    });
  });

  it('leaves an audit chain that still verifies after all these writes', async () => {
    const report = await verifyAuditChain(h.database.db);
    expect(report).toMatchObject({ ok: true });
    expect(report.rows).toBeGreaterThan(10);
  });
});
