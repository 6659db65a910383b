import type { Database } from '../db/database.js';
import type { Ctx } from '../context/ctx.js';
import { hasRole } from '../access/model.js';
import { forbidden } from '../http/errors.js';

/** Reading the audit log: a record's history, or the whole trail for the task force and admins. */
export function auditService(database: Database) {
  const { db } = database;
  return {
    /** The history of one record. Modules whose readers are wider than admin/taskforce call this after their own object check. */
    entityHistory(entityType: string, entityId: string) {
      return db.selectFrom('auditLog')
        .select(['id', 'at', 'actorName', 'action', 'entityType', 'entityId', 'summary', 'before', 'after', 'requestId'])
        .where('entityType', '=', entityType).where('entityId', '=', entityId)
        .orderBy('id', 'desc').limit(500).execute();
    },

    async list(ctx: Ctx, f: { entityType?: string; entityId?: string; actorName?: string; action?: string; limit?: number; offset?: number }) {
      if (!hasRole(ctx.principal, 'admin', 'taskforce')) throw forbidden();
      let q = db.selectFrom('auditLog').select(['id', 'at', 'actorName', 'action', 'entityType', 'entityId', 'summary', 'before', 'after', 'requestId']);
      if (f.entityType) q = q.where('entityType', '=', f.entityType);
      if (f.entityId) q = q.where('entityId', '=', f.entityId);
      if (f.actorName) q = q.where('actorName', '=', f.actorName);
      if (f.action) q = q.where('action', '=', f.action);
      return q.orderBy('id', 'desc').limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
    },
  };
}
export type AuditService = ReturnType<typeof auditService>;
