import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../db/database.js';
import type { Ctx } from '../context/ctx.js';
import type { Principal, Role } from '../access/model.js';
import { audit } from '../audit/audit.js';
import { AppError, invalid, unauthorized } from '../http/errors.js';
import { identityStore } from '../identity/store.js';
import { afterFailedLogin, passwordProblems } from '../identity/model.js';
import { publicUser, tokenHash } from '../identity/service.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';

/** Logging in and out, and telling who a request is from (session cookie or API token). */

export interface AuthOptions {
  sessionTtlHours: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', { zh: '用户名或密码错误', en: 'Invalid username or password' });

export function authService(database: Database, options: AuthOptions) {
  const { db } = database;

  return {
    async login(ctx: Ctx, input: { username: string; password: string; userAgent?: string }) {
      const now = new Date();
      const user = await identityStore.userByUsername(db, input.username);
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        throw invalidCredentials();
      }
      if (user.lockedUntil && user.lockedUntil > now) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
        throw new AppError(423, 'account_locked', { zh: `账户已锁定，请 ${minutes} 分钟后再试`, en: `Account locked; try again in ${minutes} minutes` }, [], { 'retry-after': String(minutes * 60) });
      }
      const ok = await verifyPassword(user.passwordHash, input.password);
      const actor: Ctx = { ...ctx, principal: { userId: user.id, username: user.username, displayName: user.displayName, organisationId: user.organisationId, roles: user.roles as Role[], via: 'session', scopes: null } };
      if (!ok || user.disabled) {
        const next = afterFailedLogin(user.failedLogins, now);
        await db.transaction().execute(async (trx) => {
          await identityStore.updateUser(trx, user.id, next);
          await audit(trx, actor, {
            action: next.lockedUntil ? 'auth.locked' : 'auth.loginFailed', entityType: 'user', entityId: user.id,
            summary: next.lockedUntil ? `连续登录失败，账户锁定（Locked after repeated failed logins）` : `登录失败（Failed login）`,
          });
        });
        throw invalidCredentials();
      }
      const sessionId = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + options.sessionTtlHours * 3_600_000);
      const updated = await db.transaction().execute(async (trx) => {
        await trx.insertInto('userSession').values({ idHash: sha256(sessionId), userId: user.id, csrfToken, expiresAt, ip: ctx.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null }).execute();
        await trx.deleteFrom('userSession').where('userId', '=', user.id).where('expiresAt', '<', now).execute();
        const u = await identityStore.updateUser(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
        await audit(trx, actor, { action: 'auth.login', entityType: 'user', entityId: user.id, summary: '登录（Signed in）' });
        return u;
      });
      return { sessionId, csrfToken, expiresAt, user: publicUser(updated) };
    },

    async logout(ctx: Ctx) {
      const p = ctx.principal;
      if (!p?.sessionIdHash) return;
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('userSession').where('idHash', '=', p.sessionIdHash!).execute();
        await audit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: p.userId, summary: '退出登录（Signed out）' });
      });
    },

    async me(ctx: Ctx) {
      const user = ctx.principal && (await identityStore.userById(db, ctx.principal.userId));
      if (!user) throw unauthorized();
      return publicUser(user);
    },

    async changeOwnPassword(ctx: Ctx, current: string, next: string) {
      const p = ctx.principal;
      if (!p) throw unauthorized();
      const user = await identityStore.userById(db, p.userId);
      if (!user || !(await verifyPassword(user.passwordHash, current)))
        throw invalid([{ path: '/currentPassword', message: '当前密码不正确（Current password is wrong）' }]);
      const problems = passwordProblems(next, user.username);
      if (problems.length) throw invalid(problems.map((d) => ({ ...d, path: '/newPassword' })));
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await identityStore.updateUser(trx, user.id, { passwordHash });
        // Other sessions end: whoever knew the old password is signed out.
        let del = trx.deleteFrom('userSession').where('userId', '=', user.id);
        if (p.sessionIdHash) del = del.where('idHash', '<>', p.sessionIdHash);
        await del.execute();
        await audit(trx, ctx, { action: 'user.changePassword', entityType: 'user', entityId: user.id, summary: '修改了自己的密码（Changed own password）' });
      });
    },

    /** The principal behind a session cookie, or null when it is unknown or expired. */
    async principalFromSession(sessionId: string): Promise<(Principal & { csrfToken: string }) | null> {
      const idHash = sha256(sessionId);
      const row = await db
        .selectFrom('userSession')
        .innerJoin('appUser', 'appUser.id', 'userSession.userId')
        .select(['appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.organisationId', 'appUser.roles', 'appUser.disabled',
          'userSession.csrfToken', 'userSession.expiresAt', 'userSession.lastSeenAt'])
        .where('userSession.idHash', '=', idHash)
        .executeTakeFirst();
      if (!row || row.disabled || row.expiresAt <= new Date()) return null;
      // Touch at most once a minute: a read should not be a write on every request.
      if (Date.now() - row.lastSeenAt.getTime() > 60_000)
        await db.updateTable('userSession').set({ lastSeenAt: new Date() }).where('idHash', '=', idHash).execute();
      return {
        userId: row.id, username: row.username, displayName: row.displayName, organisationId: row.organisationId,
        roles: row.roles as Role[], via: 'session', scopes: null, sessionIdHash: idHash, csrfToken: row.csrfToken,
      };
    },

    async principalFromToken(token: string): Promise<Principal | null> {
      const row = await db
        .selectFrom('apiToken')
        .innerJoin('appUser', 'appUser.id', 'apiToken.userId')
        .select(['apiToken.id as tokenId', 'apiToken.scopes', 'apiToken.expiresAt', 'apiToken.revokedAt', 'apiToken.lastUsedAt',
          'appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.organisationId', 'appUser.roles', 'appUser.disabled'])
        .where('apiToken.tokenHash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!row || row.disabled || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date())) return null;
      if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
        await db.updateTable('apiToken').set({ lastUsedAt: new Date() }).where('id', '=', row.tokenId).execute();
      return {
        userId: row.id, username: row.username, displayName: row.displayName, organisationId: row.organisationId,
        roles: row.roles as Role[], via: 'token', scopes: row.scopes,
      };
    },
  };
}

export type AuthService = ReturnType<typeof authService>;

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
