import { creditCodeProblem } from './credit-code.js';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import type { Ctx } from '../context/ctx.js';
import { audit } from '../audit/audit.js';
import { hasRole, SCOPES, type Role } from '../access/model.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../http/errors.js';
import { containsPattern } from '../db/like.js';
import { hashPassword } from '../auth/passwords.js';
import { identityStore as store, type OrganisationRow, type UserRow } from './store.js';
import { isRole, passwordProblems } from './model.js';

/** The kinds of organisation a form may pick by name: parties, not the task force, departments or districts. */
const LOOKUP_KINDS = ['enterprise', 'institute', 'university', 'pilotBase', 'bank', 'other'];

/** Users, organisations and API tokens: the admin's use cases and a user's own tokens. */

export type PublicUser = Omit<UserRow, 'passwordHash'> & { locked: boolean };

export function publicUser(u: UserRow): PublicUser {
  const { passwordHash: _omit, ...rest } = u;
  return { ...rest, locked: !!u.lockedUntil && u.lockedUntil > new Date() };
}

const requireAdmin = (ctx: Ctx) => {
  if (!hasRole(ctx.principal, 'admin')) throw forbidden();
};

export interface UserInput {
  username: string;
  displayName: string;
  email?: string | null;
  organisationId?: string | null;
  roles: string[];
  password: string;
}

function checkRoles(roles: string[]) {
  const bad = roles.filter((r) => !isRole(r));
  if (bad.length) throw invalid(bad.map((r) => ({ path: '/roles', message: `未知角色 ${r}（Unknown role ${r}）` })));
}

/** An organisation's 统一社会信用代码, when given, passes the GB 32100 check. */
function checkCreditCode(code: string | null | undefined) {
  const why = code ? creditCodeProblem(code) : null;
  if (why) throw invalid([{ path: '/creditCode', message: `${why.zh}（${why.en}）` }]);
}

async function checkDistrict(q: Kysely<DB>, code: string | null | undefined) {
  if (code && !(await store.districtExists(q, code)))
    throw invalid([{ path: '/districtCode', message: '未知区县代码（Unknown district code）' }]);
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * The check-then-insert in a use case cannot see a concurrent transaction that has not
 * committed yet; the unique index then refuses the second insert. That is the same conflict
 * the check reports, and it must answer 409, not 500.
 */
async function onUniqueViolation<T>(constraint: string, work: () => Promise<T>, toError: () => Error): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const err = e as { code?: string; constraint?: string };
    if (err?.code === '23505' && (err.constraint === undefined || err.constraint === constraint)) throw toError();
    throw e;
  }
}

const usernameTaken = () => conflict('用户名已存在', 'Username already taken', [{ path: '/username', message: '用户名已存在（Username already taken）' }]);
const organisationNameTaken = () =>
  conflict('同类机构名称已存在', 'An organisation of this kind with this name exists', [{ path: '/nameZh', message: '名称重复（Duplicate name）' }]);

export function identityService(database: Database) {
  const { db } = database;

  async function checkOrganisation(id: string | null | undefined) {
    if (id && !(await store.organisationById(db, id)))
      throw invalid([{ path: '/organisationId', message: '机构不存在（Organisation does not exist）' }]);
  }

  return {
    async listUsers(ctx: Ctx, f: { q?: string; role?: string; organisationId?: string; limit?: number; offset?: number }) {
      requireAdmin(ctx);
      const rows = await store.listUsers(db, { ...f, limit: f.limit ?? 50, offset: f.offset ?? 0 });
      return rows.map((u) => ({ ...u, locked: !!u.lockedUntil && u.lockedUntil > new Date() }));
    },

    async getUser(ctx: Ctx, id: string) {
      requireAdmin(ctx);
      const u = await store.userById(db, id);
      if (!u) throw notFound('用户不存在', 'User not found');
      return publicUser(u);
    },

    async createUser(ctx: Ctx, input: UserInput, opts: { isDemo?: boolean } = {}) {
      if (ctx.principal) requireAdmin(ctx);
      checkRoles(input.roles);
      const problems = passwordProblems(input.password, input.username);
      if (problems.length) throw invalid(problems);
      await checkOrganisation(input.organisationId);
      const passwordHash = await hashPassword(input.password);
      return onUniqueViolation('app_user_username_key', () => db.transaction().execute(async (trx) => {
        if (await store.userByUsername(trx, input.username)) throw usernameTaken();
        const u = await store.insertUser(trx, {
          username: input.username, displayName: input.displayName, email: input.email ?? null,
          organisationId: input.organisationId ?? null, roles: input.roles, passwordHash, isDemo: opts.isDemo ?? false,
        });
        const after = publicUser(u);
        await audit(trx, ctx, { action: 'user.create', entityType: 'user', entityId: u.id, summary: `创建用户 ${u.username}（Created user ${u.username}）`, after });
        return after;
      }), usernameTaken);
    },

    async updateUser(ctx: Ctx, id: string, patch: { displayName?: string; email?: string | null; organisationId?: string | null; roles?: string[]; disabled?: boolean }) {
      requireAdmin(ctx);
      if (patch.roles) checkRoles(patch.roles);
      await checkOrganisation(patch.organisationId);
      return db.transaction().execute(async (trx) => {
        const before = await store.userById(trx, id);
        if (!before) throw notFound('用户不存在', 'User not found');
        if (before.id === ctx.principal?.userId && (patch.disabled || (patch.roles && !patch.roles.includes('admin'))))
          throw conflict('不能停用自己或撤销自己的管理员角色', 'You cannot disable yourself or drop your own admin role');
        const u = await store.updateUser(trx, id, patch);
        if (patch.disabled) await trx.deleteFrom('userSession').where('userId', '=', id).execute();
        await audit(trx, ctx, { action: 'user.update', entityType: 'user', entityId: id, summary: `修改用户 ${u.username}（Updated user ${u.username}）`, before: publicUser(before), after: publicUser(u) });
        return publicUser(u);
      });
    },

    async resetPassword(ctx: Ctx, id: string, password: string) {
      requireAdmin(ctx);
      const target = await store.userById(db, id);
      if (!target) throw notFound('用户不存在', 'User not found');
      const problems = passwordProblems(password, target.username);
      if (problems.length) throw invalid(problems);
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await store.updateUser(trx, id, { passwordHash, failedLogins: 0, lockedUntil: null });
        await trx.deleteFrom('userSession').where('userId', '=', id).execute();
        await audit(trx, ctx, { action: 'user.resetPassword', entityType: 'user', entityId: id, summary: `重置 ${target.username} 的密码（Reset the password of ${target.username}）` });
      });
    },

    async unlockUser(ctx: Ctx, id: string) {
      requireAdmin(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await store.userById(trx, id);
        if (!before) throw notFound('用户不存在', 'User not found');
        const u = await store.updateUser(trx, id, { failedLogins: 0, lockedUntil: null });
        await audit(trx, ctx, { action: 'user.unlock', entityType: 'user', entityId: id, summary: `解锁用户 ${u.username}（Unlocked user ${u.username}）`, before: publicUser(before), after: publicUser(u) });
        return publicUser(u);
      });
    },

    async listOrganisations(ctx: Ctx, f: { kind?: string; q?: string; limit?: number; offset?: number }) {
      if (!hasRole(ctx.principal, 'admin', 'taskforce')) throw forbidden();
      return store.listOrganisations(db, { ...f, limit: f.limit ?? 200, offset: f.offset ?? 0 });
    },

    /**
     * Organisations by name for the forms that pick one (a consortium member, an expert's
     * organisation, a declared conflict, an IP holder): names and kinds are public facts, so any
     * signed-in user may look them up; the task force and departments are not offered.
     */
    async lookupOrganisations(ctx: Ctx, f: { q?: string; kind?: string }) {
      if (!ctx.principal) throw unauthorized();
      let q = db.selectFrom('organisation').select(['id', 'kind', 'nameZh', 'nameEn']).where('kind', 'in', LOOKUP_KINDS);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.q?.trim()) q = q.where('nameZh', 'like', containsPattern(f.q.trim()));
      return q.orderBy('nameZh').limit(50).execute();
    },

    async createOrganisation(ctx: Ctx, input: { kind: string; nameZh: string; nameEn?: string | null; districtCode?: string | null; creditCode?: string | null }, opts: { isDemo?: boolean } = {}) {
      if (ctx.principal) requireAdmin(ctx);
      return onUniqueViolation('organisation_kind_name_zh_key', () => db.transaction().execute(async (trx) => {
        if (await store.organisationByName(trx, input.kind, input.nameZh)) throw organisationNameTaken();
        checkCreditCode(input.creditCode);
        await checkDistrict(trx, input.districtCode);
        const o = await store.insertOrganisation(trx, {
          kind: input.kind, nameZh: input.nameZh, nameEn: input.nameEn ?? null, districtCode: input.districtCode ?? null,
          creditCode: input.creditCode ?? null, isDemo: opts.isDemo ?? false,
        });
        await audit(trx, ctx, { action: 'organisation.create', entityType: 'organisation', entityId: o.id, summary: `创建机构 ${o.nameZh}（Created organisation）`, after: o });
        return o;
      }), organisationNameTaken);
    },

    async updateOrganisation(ctx: Ctx, id: string, patch: { nameZh?: string; nameEn?: string | null; districtCode?: string | null; creditCode?: string | null }) {
      requireAdmin(ctx);
      return onUniqueViolation('organisation_kind_name_zh_key', () => db.transaction().execute(async (trx) => {
        const before = await store.organisationById(trx, id);
        if (!before) throw notFound('机构不存在', 'Organisation not found');
        if (patch.nameZh && patch.nameZh !== before.nameZh && (await store.organisationByName(trx, before.kind, patch.nameZh))) throw organisationNameTaken();
        checkCreditCode(patch.creditCode);
        await checkDistrict(trx, patch.districtCode);
        const o: OrganisationRow = await store.updateOrganisation(trx, id, patch);
        await audit(trx, ctx, { action: 'organisation.update', entityType: 'organisation', entityId: id, summary: `修改机构 ${o.nameZh}（Updated organisation）`, before, after: o });
        return o;
      }), organisationNameTaken);
    },

    async listTokens(ctx: Ctx, all: boolean) {
      if (!ctx.principal) throw forbidden();
      if (all) requireAdmin(ctx);
      return store.listTokens(db, all ? undefined : ctx.principal.userId);
    },

    /** Creates a token for the caller (or, for an admin, for another user); the secret is shown once. */
    async createToken(ctx: Ctx, input: { name: string; scopes: string[]; expiresInDays?: number; userId?: string }) {
      const p = ctx.principal;
      if (!p || p.via !== 'session') throw forbidden('只能在登录会话中创建令牌', 'Tokens are created from a signed-in session');
      const userId = input.userId ?? p.userId;
      if (userId !== p.userId) requireAdmin(ctx);
      const unknown = input.scopes.filter((s) => !(s in SCOPES));
      if (unknown.length) throw invalid(unknown.map((s) => ({ path: '/scopes', message: `未知权限范围 ${s}（Unknown scope ${s}）` })));
      const secret = randomBytes(24).toString('base64url');
      const prefix = randomBytes(4).toString('hex');
      const token = `cqb_${prefix}_${secret}`;
      const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
      return db.transaction().execute(async (trx) => {
        if (!(await store.userById(trx, userId))) throw notFound('用户不存在', 'User not found');
        const row = await store.insertToken(trx, { userId, name: input.name, prefix, tokenHash: tokenHash(token), scopes: input.scopes, createdBy: p.userId, expiresAt });
        const { tokenHash: _h, ...shown } = row;
        await audit(trx, ctx, { action: 'token.create', entityType: 'apiToken', entityId: row.id, summary: `创建 API 令牌 ${row.name}（Created API token）`, after: shown });
        return { ...shown, token };
      });
    },

    async revokeToken(ctx: Ctx, id: string) {
      const p = ctx.principal;
      if (!p) throw forbidden();
      return db.transaction().execute(async (trx) => {
        const t = await store.tokenById(trx, id);
        if (!t) throw notFound('令牌不存在', 'Token not found');
        if (t.userId !== p.userId && !p.roles.includes('admin' as Role)) throw forbidden();
        if (t.revokedAt) throw conflict('令牌已撤销', 'Token already revoked');
        const r = await store.revokeToken(trx, id);
        await audit(trx, ctx, { action: 'token.revoke', entityType: 'apiToken', entityId: id, summary: `撤销 API 令牌 ${t.name}（Revoked API token）`, before: { revokedAt: null }, after: { revokedAt: r.revokedAt } });
        return { id, revokedAt: r.revokedAt };
      });
    },
  };
}

export type IdentityService = ReturnType<typeof identityService>;
