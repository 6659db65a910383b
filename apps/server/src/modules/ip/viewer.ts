import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { IP_CENTRE } from './model/labels.js';

/**
 * Who is asking, as the ip module sees it. The task force sees and keeps everything; a holder
 * organisation's users keep its rights and see reports about them; the IP operations centre's
 * unit users handle every infringement report; a reporter sees its own reports.
 */
export interface IpViewer {
  userId: string | null;
  displayName: string;
  organisationId: string | null;
  taskForce: boolean;
  /** Handles infringement reports: the task force, or a unit user of the IP operations centre. */
  handler: boolean;
}

/** The IP operations centre's organisation (seeded by seed.ts). */
export async function ipCentreId(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom('organisation').select('id').where('kind', '=', IP_CENTRE.kind).where('nameZh', '=', IP_CENTRE.nameZh).executeTakeFirst();
  return row?.id ?? null;
}

export async function ipViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<IpViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, displayName: '', organisationId: null, taskForce: false, handler: false };
  const taskForce = hasRole(p, 'admin', 'taskforce');
  const centre = !taskForce && hasRole(p, 'unit') && !!p.organisationId ? await ipCentreId(db) : null;
  return { userId: p.userId, displayName: p.displayName, organisationId: p.organisationId, taskForce, handler: taskForce || (!!centre && centre === p.organisationId) };
}
