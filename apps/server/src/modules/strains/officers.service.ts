import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { hasRole } from '../../platform/access/model.js';
import type { StrainDeps } from './index.js';
import { strainViewerOf } from './viewer.js';

/**
 * Biosafety officers (生物安全负责人): the task force appoints and removes them; each must hold
 * the curator role (an officer signs in as a curator; the stock part checks the appointment).
 */
export function officersService(database: Database, _deps: StrainDeps) {
  const { db } = database;

  const requireTaskForce = (ctx: Ctx) => {
    if (!hasRole(ctx.principal, 'admin', 'taskforce')) throw forbidden('仅工作专班可以任免生物安全负责人', 'Only the task force appoints and removes biosafety officers');
  };

  const rows = () => db.selectFrom('biosafetyOfficer as b').innerJoin('appUser as u', 'u.id', 'b.userId').leftJoin('organisation as o', 'o.id', 'u.organisationId')
    .leftJoin('appUser as a', 'a.id', 'b.appointedBy')
    .select(['b.userId', 'u.username', 'u.displayName', 'u.organisationId', 'o.nameZh as organisationNameZh', 'b.appointedAt', 'b.noteZh', 'a.displayName as appointedByName', 'u.roles', 'u.disabled']);

  return {
    async list(ctx: Ctx) {
      const v = await strainViewerOf(db, ctx);
      if (!v.overseer) throw forbidden();
      const found = await rows().orderBy('b.appointedAt').execute();
      return { items: found.map(({ roles, ...r }) => ({ ...r, holdsCuratorRole: (roles as string[]).includes('curator') })) };
    },

    /** Curator accounts not yet appointed, for the task force's appointment form. */
    async candidates(ctx: Ctx) {
      requireTaskForce(ctx);
      const found = await db.selectFrom('appUser as u').leftJoin('organisation as o', 'o.id', 'u.organisationId')
        .select(['u.id as userId', 'u.username', 'u.displayName', 'o.nameZh as organisationNameZh'])
        .where(sql<boolean>`'curator' = any(u.roles)`).where('u.disabled', '=', false)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('biosafetyOfficer as b').select('b.userId').whereRef('b.userId', '=', 'u.id'))))
        .orderBy('u.username').execute();
      return { items: found };
    },

    async appoint(ctx: Ctx, input: { userId: string; noteZh?: string | null }) {
      requireTaskForce(ctx);
      const u = await db.selectFrom('appUser').select(['id', 'username', 'displayName', 'roles', 'disabled']).where('id', '=', input.userId).executeTakeFirst();
      if (!u) throw invalid([{ path: '/userId', message: '用户不存在（no such user）' }]);
      if (!(u.roles as string[]).includes('curator') || u.disabled) throw invalid([{ path: '/userId', message: '生物安全负责人须为在用的菌种库管理员账号（an officer holds the curator role and is not disabled）' }]);
      const note = input.noteZh?.trim() || null;
      if (note && note.length > 500) throw invalid([{ path: '/noteZh', message: '不超过 500 个字符（at most 500 characters）' }]);
      await db.transaction().execute(async (trx) => {
        const made = await trx.insertInto('biosafetyOfficer').values({ userId: u.id, appointedBy: ctx.principal!.userId, noteZh: note })
          .onConflict((oc) => oc.column('userId').doNothing()).returning('userId').executeTakeFirst();
        if (!made) throw conflict('该用户已是生物安全负责人', 'This user is already a biosafety officer', [{ path: '/userId', message: '已任命（already appointed）' }]);
        await audit(trx, ctx, { action: 'strains.officer.appoint', entityType: 'appUser', entityId: u.id, summary: `任命生物安全负责人 ${u.displayName}（Appointed a biosafety officer）`, after: { userId: u.id, noteZh: note } });
      });
      return (await rows().where('b.userId', '=', u.id).executeTakeFirstOrThrow());
    },

    async remove(ctx: Ctx, userId: string) {
      requireTaskForce(ctx);
      await db.transaction().execute(async (trx) => {
        const gone = await trx.deleteFrom('biosafetyOfficer').where('userId', '=', userId).returningAll().executeTakeFirst();
        if (!gone) throw notFound('该用户不是生物安全负责人', 'This user is not a biosafety officer');
        await audit(trx, ctx, { action: 'strains.officer.remove', entityType: 'appUser', entityId: userId, summary: '免去生物安全负责人（Removed a biosafety officer）', before: { userId, appointedAt: gone.appointedAt, noteZh: gone.noteZh } });
      });
      return { removed: true };
    },
  };
}

export type OfficersService = ReturnType<typeof officersService>;
