import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, unauthorized } from '../../platform/http/errors.js';

/**
 * Who is asking, as the safety module sees it. The evaluation body (task force, units) runs every
 * evaluation; districts read them; an applicant acts for its organisation and sees only its
 * applications; an expert sees only the evaluations it reviews, through its expert record;
 * visitors see the public conclusions.
 */
export interface SafetyViewer {
  userId: string | null;
  organisationId: string | null;
  body: boolean;
  overseer: boolean;
  applicant: boolean;
  /** The expert record linked to the caller's account, if any. */
  expertId: string | null;
}

export async function safetyViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<SafetyViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, organisationId: null, body: false, overseer: false, applicant: false, expertId: null };
  const expert = hasRole(p, 'expert') ? await db.selectFrom('expert').select('id').where('userId', '=', p.userId).executeTakeFirst() : undefined;
  return {
    userId: p.userId, organisationId: p.organisationId,
    body: hasRole(p, 'admin', 'taskforce', 'unit'),
    overseer: hasRole(p, 'admin', 'taskforce', 'unit', 'district'),
    applicant: hasRole(p, 'enterprise', 'institute', 'pilotBase'),
    expertId: expert?.id ?? null,
  };
}

export function requireBody(v: SafetyViewer) {
  if (!v.body) throw forbidden('仅安全评价机构（工作专班、责任单位）可执行此操作', 'Only the evaluation body (task force, units) may do this');
}

/** Applying speaks for an organisation: the caller must belong to one. */
export function requireApplicantOrganisation(v: SafetyViewer): string {
  if (!v.userId) throw unauthorized();
  if (!v.applicant) throw forbidden('仅企业、高校院所、中试基地可申请安全评价', 'Only enterprises, institutes and pilot bases apply for safety evaluation');
  if (!v.organisationId) throw forbidden('账号未关联机构，不能代表机构申请', 'Your account belongs to no organisation, so it cannot apply for one');
  return v.organisationId;
}

export function requireExpert(v: SafetyViewer): string {
  if (!v.expertId) throw forbidden('账号未关联专家库中的专家', 'Your account is not linked to an expert record');
  return v.expertId;
}
