import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';

/**
 * Who is asking, as supervision sees it: the task force (and admins) see and review
 * everything; a unit or district sees what its organisation owns, and a district also what
 * lies in its district.
 */
export interface Viewer {
  userId: string;
  username: string;
  taskForce: boolean;
  organisationId: string | null;
  districtCode: string | null;
}

export async function viewerOf(db: Kysely<DB>, ctx: Ctx): Promise<Viewer> {
  const p = ctx.principal;
  if (!p) throw unauthorized();
  const org = p.organisationId ? await db.selectFrom('organisation').select(['districtCode']).where('id', '=', p.organisationId).executeTakeFirst() : undefined;
  return {
    userId: p.userId, username: p.username, taskForce: hasRole(p, 'admin', 'taskforce'), organisationId: p.organisationId,
    districtCode: hasRole(p, 'district') ? org?.districtCode ?? null : null,
  };
}

export function requireTaskForce(ctx: Ctx) {
  if (!hasRole(ctx.principal, 'admin', 'taskforce')) throw forbidden('仅工作专班可执行此操作', 'Only the task force may do this');
}

/** May this viewer see an item owned by `ownerId`, placed in `districtCode`? */
export const canSee = (v: Viewer, ownerId: string | null, districtCode: string | null) =>
  v.taskForce || (!!ownerId && ownerId === v.organisationId) || (!!districtCode && districtCode === v.districtCode);

export const owns = (v: Viewer, ownerId: string | null) => !!ownerId && ownerId === v.organisationId;

/** Matches no organisation: a caller without one owns nothing. */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';
export const ownOrganisation = (v: Viewer) => v.organisationId ?? NO_ORGANISATION;

/**
 * The SQL twin of canSee() for work points (alias `wp`): the caller's organisation owns it,
 * or it lies in the caller's district. Only for callers outside the task force.
 */
export const seenByWorkPoint = (v: Viewer) => v.districtCode
  ? sql<boolean>`(wp.owner_organisation_id = ${ownOrganisation(v)}::uuid or wp.district_code = ${v.districtCode})`
  : sql<boolean>`wp.owner_organisation_id = ${ownOrganisation(v)}::uuid`;
