import type { Kysely, Selectable } from 'kysely';
import { containsPattern } from '../db/like.js';
import type { AppUserTable, DB, OrganisationTable, ApiTokenTable } from '../db/schema.js';

/** SQL for organisations, users and API tokens; the only file that touches those tables. */
type Q = Kysely<DB>;
export type UserRow = Selectable<AppUserTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type ApiTokenRow = Selectable<ApiTokenTable>;

const userColumns = [
  'appUser.id', 'appUser.username', 'appUser.displayName', 'appUser.email', 'appUser.organisationId', 'appUser.roles',
  'appUser.failedLogins', 'appUser.lockedUntil', 'appUser.disabled', 'appUser.lastLoginAt', 'appUser.isDemo',
  'appUser.createdAt', 'appUser.updatedAt',
] as const;

export const identityStore = {
  userByUsername: (q: Q, username: string) =>
    q.selectFrom('appUser').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst(),

  userById: (q: Q, id: string) => q.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst(),

  listUsers: (q: Q, f: { q?: string; role?: string; organisationId?: string; limit: number; offset: number }) => {
    let query = q
      .selectFrom('appUser')
      .leftJoin('organisation', 'organisation.id', 'appUser.organisationId')
      .select([...userColumns, 'organisation.nameZh as organisationNameZh']);
    if (f.q) {
      const pattern = containsPattern(f.q);
      query = query.where((eb) => eb.or([eb('appUser.username', 'ilike', pattern), eb('appUser.displayName', 'ilike', pattern)]));
    }
    if (f.role) query = query.where((eb) => eb(eb.val(f.role), '=', eb.fn.any('appUser.roles')));
    if (f.organisationId) query = query.where('appUser.organisationId', '=', f.organisationId);
    return query.orderBy('appUser.username').limit(f.limit).offset(f.offset).execute();
  },

  countUsers: async (q: Q) => (await q.selectFrom('appUser').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,

  insertUser: (q: Q, v: { username: string; displayName: string; email: string | null; organisationId: string | null; roles: string[]; passwordHash: string; isDemo?: boolean }) =>
    q.insertInto('appUser').values(v).returningAll().executeTakeFirstOrThrow(),

  updateUser: (q: Q, id: string, v: Partial<Omit<UserRow, 'id' | 'createdAt'>>) =>
    q.updateTable('appUser').set({ ...v, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  districtExists: async (q: Q, code: string) => !!(await q.selectFrom('district').select('code').where('code', '=', code).executeTakeFirst()),

  organisationNames: (q: Q, kinds: string[]) => q.selectFrom('organisation').select(['kind', 'nameZh']).where('kind', 'in', kinds).execute(),

  organisationById: (q: Q, id: string) => q.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst(),

  organisationByName: (q: Q, kind: string, nameZh: string) =>
    q.selectFrom('organisation').selectAll().where('kind', '=', kind).where('nameZh', '=', nameZh).executeTakeFirst(),

  listOrganisations: (q: Q, f: { kind?: string; q?: string; limit: number; offset: number }) => {
    let query = q.selectFrom('organisation').selectAll();
    if (f.kind) query = query.where('kind', '=', f.kind);
    if (f.q) {
      const pattern = containsPattern(f.q);
      query = query.where((eb) => eb.or([eb('nameZh', 'ilike', pattern), eb('nameEn', 'ilike', pattern)]));
    }
    return query.orderBy('kind').orderBy('nameZh').limit(f.limit).offset(f.offset).execute();
  },

  insertOrganisation: (q: Q, v: { kind: string; nameZh: string; nameEn: string | null; districtCode: string | null; creditCode: string | null; isDemo?: boolean }) =>
    q.insertInto('organisation').values(v).returningAll().executeTakeFirstOrThrow(),

  updateOrganisation: (q: Q, id: string, v: Partial<Omit<OrganisationRow, 'id' | 'createdAt'>>) =>
    q.updateTable('organisation').set({ ...v, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),

  insertToken: (q: Q, v: { userId: string; name: string; prefix: string; tokenHash: string; scopes: string[]; createdBy: string | null; expiresAt: Date | null }) =>
    q.insertInto('apiToken').values(v).returningAll().executeTakeFirstOrThrow(),

  tokenById: (q: Q, id: string) => q.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirst(),

  listTokens: (q: Q, userId?: string) => {
    let query = q
      .selectFrom('apiToken')
      .innerJoin('appUser', 'appUser.id', 'apiToken.userId')
      .select(['apiToken.id', 'apiToken.userId', 'appUser.username', 'apiToken.name', 'apiToken.prefix', 'apiToken.scopes',
        'apiToken.createdAt', 'apiToken.expiresAt', 'apiToken.revokedAt', 'apiToken.lastUsedAt']);
    if (userId) query = query.where('apiToken.userId', '=', userId);
    return query.orderBy('apiToken.createdAt', 'desc').execute();
  },

  revokeToken: (q: Q, id: string) =>
    q.updateTable('apiToken').set({ revokedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
};
