import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { hasRole } from '../../platform/access/model.js';
import { forbidden, notFound } from '../../platform/http/errors.js';

/**
 * Who is asking, as the industry map sees it. Visitors see public profile fields only; the
 * task force sees everything; units see figures and roll-ups but not leads; a district
 * verifies the figures of enterprises in it and manages its own leads; an enterprise edits
 * its own profile and submits its own figures.
 */
export interface IndustryViewer {
  userId: string | null;
  taskForce: boolean;
  unit: boolean;
  districtCode: string | null;
  /** The enterprise record an enterprise user speaks for. */
  enterpriseId: string | null;
}

export async function industryViewerOf(db: Kysely<DB>, ctx: Ctx): Promise<IndustryViewer> {
  const p = ctx.principal;
  if (!p) return { userId: null, taskForce: false, unit: false, districtCode: null, enterpriseId: null };
  const [org, ent] = await Promise.all([
    p.organisationId && hasRole(p, 'district') ? db.selectFrom('organisation').select('districtCode').where('id', '=', p.organisationId).executeTakeFirst() : undefined,
    p.organisationId && hasRole(p, 'enterprise') ? db.selectFrom('enterprise').select('id').where('organisationId', '=', p.organisationId).executeTakeFirst() : undefined,
  ]);
  return {
    userId: p.userId, taskForce: hasRole(p, 'admin', 'taskforce'), unit: hasRole(p, 'unit'),
    districtCode: org?.districtCode ?? null, enterpriseId: ent?.id ?? null,
  };
}

/** May see figures, tiers and scale of this enterprise. */
export const seesFigures = (v: IndustryViewer, e: { id: string; districtCode: string }) =>
  v.taskForce || v.unit || v.districtCode === e.districtCode || v.enterpriseId === e.id;

/** May see every firm's figures, so also a chain node's or park's scale, which can be one firm's. */
export const seesAllFigures = (v: IndustryViewer) => v.taskForce || v.unit;

/** May see the scale roll-ups (not individual firms). */
export const seesScale = (v: IndustryViewer) => v.taskForce || v.unit || !!v.districtCode;

/** May manage this enterprise's record (its district or the task force). */
export const manages = (v: IndustryViewer, districtCode: string) => v.taskForce || v.districtCode === districtCode;

export function requireIndustryTaskForce(v: IndustryViewer) {
  if (!v.taskForce) throw forbidden('仅工作专班可执行此操作', 'Only the task force may do this');
}

/** Leads are for the task force and districts; a district sees its own and those it shares. */
export function requireLeadViewer(v: IndustryViewer) {
  if (!v.taskForce && !v.districtCode) throw notFound('招商线索不存在', 'Lead not found');
}
