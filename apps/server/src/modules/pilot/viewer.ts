import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';

/**
 * Who is asking, as the pilot module sees it. The task force oversees everything and reviews
 * list items; a pilot-base user keeps the bases its organisation operates; enterprises post
 * demands, institutes and enterprises post achievements; units handle the one-stop requests
 * routed to their organisation. Visitors see what is published, never a confidential detail.
 */
export interface PilotViewer {
  userId: string | null;
  organisationId: string | null;
  organisationKind: string | null;
  taskForce: boolean;
  roles: string[];
  /** Bases whose operator is the caller's organisation (pilot-base users only). */
  baseIds: string[];
}

export async function pilotViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<PilotViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, organisationId: null, organisationKind: null, taskForce: false, roles: [], baseIds: [] };
  const [org, bases] = await Promise.all([
    p.organisationId ? db.selectFrom('organisation').select('kind').where('id', '=', p.organisationId).executeTakeFirst() : undefined,
    p.organisationId && hasRole(p, 'pilotBase') ? db.selectFrom('pilotBase').select('id').where('organisationId', '=', p.organisationId).execute() : [],
  ]);
  return {
    userId: p.userId, organisationId: p.organisationId, organisationKind: org?.kind ?? null,
    taskForce: hasRole(p, 'admin', 'taskforce'), roles: [...p.roles], baseIds: bases.map((b) => b.id),
  };
}

export const keepsBase = (v: PilotViewer, baseId: string) => v.taskForce || v.baseIds.includes(baseId);

export function requirePilotTaskForce(v: PilotViewer) {
  if (!v.taskForce) throw forbidden('仅工作专班可执行此操作', 'Only the task force may do this');
}

/** Writes that speak for an organisation need the caller to belong to one. */
export function requireOrganisation(v: PilotViewer): string {
  if (!v.userId) throw unauthorized();
  if (!v.organisationId) throw forbidden('账号未关联机构，不能代表机构发布或响应', 'Your account belongs to no organisation, so it cannot post or respond for one');
  return v.organisationId;
}
