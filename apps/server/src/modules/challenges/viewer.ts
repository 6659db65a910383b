import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';

/**
 * Who is asking, as the challenges module sees it. Organisers (task force, units) run challenges;
 * applicants act for their organisation and see only its applications (lead or member); an expert
 * sees only what it is assigned, through its expert record; visitors see what is public.
 */
export interface ChallengeViewer {
  userId: string | null;
  organisationId: string | null;
  taskForce: boolean;
  /** Task force or a unit (department): may run challenges. */
  organiser: boolean;
  /** Overseers read every application once the challenge is past review (task force, units, districts). */
  overseer: boolean;
  roles: string[];
  /** The expert record linked to the caller's account, if any. */
  expertId: string | null;
}

export async function challengeViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<ChallengeViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, organisationId: null, taskForce: false, organiser: false, overseer: false, roles: [], expertId: null };
  const expert = hasRole(p, 'expert')
    ? await db.selectFrom('expert').select('id').where('userId', '=', p.userId).executeTakeFirst()
    : undefined;
  return {
    userId: p.userId, organisationId: p.organisationId,
    taskForce: hasRole(p, 'admin', 'taskforce'),
    organiser: hasRole(p, 'admin', 'taskforce', 'unit'),
    overseer: hasRole(p, 'admin', 'taskforce', 'unit', 'district'),
    roles: [...p.roles], expertId: expert?.id ?? null,
  };
}

/** Who runs a challenge (formal check, review, notice, delivery): the task force any, a department the ones its organisation posts. */
export const mayRun = (v: ChallengeViewer, c: { organiserId: string | null }) => v.taskForce || (v.organiser && !!v.organisationId && v.organisationId === c.organiserId);

export function requireOrganiser(v: ChallengeViewer) {
  if (!v.organiser) throw forbidden('仅工作专班或主管部门可执行此操作', 'Only the task force or a department may do this');
}

/** Writes that speak for an organisation need the caller to belong to one. */
export function requireOrganisation(v: ChallengeViewer): string {
  if (!v.userId) throw unauthorized();
  if (!v.organisationId) throw forbidden('账号未关联机构，不能代表机构申报或提出需求', 'Your account belongs to no organisation, so it cannot apply or raise needs for one');
  return v.organisationId;
}
