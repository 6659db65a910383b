import { sql, type Kysely, type Transaction } from 'kysely';
import type { Application, Expert } from '@cq-biomfg/assign';
import type { DB } from '../../platform/db/schema.js';
import { collaborationRef } from '../talent/model/conflicts.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface ExpertInfo { id: string; code: string; nameZh: string; titleZh: string | null; organisationZh: string; userId: string; available: boolean }

/**
 * The expert pool as the assignment engine (@cq-biomfg/assign) reads it for one evaluation: the
 * experts with an account (a reviewer signs in to record findings), each with the declared
 * conflicts and joint work that touch the applicant organisation (the others cannot matter), and
 * what each already holds (reviews assigned and not yet submitted), for their own caps.
 */
export interface SafetyPool {
  application: Application;
  experts: Expert[];
  info: Map<string, ExpertInfo>;
  /** Reviews each expert holds now, across evaluations. */
  held: Map<string, number>;
  /** Every organisation id the engine may put in its words, with the name. */
  names: Map<string, string>;
}

export async function loadSafetyPool(q: Q, e: { id: string; applicantOrganisationId: string; applicantNameZh: string }, fields: readonly string[], expertId?: string): Promise<SafetyPool> {
  const org = e.applicantOrganisationId;
  const one = expertId ? sql`and id = ${expertId}` : sql``;
  const ofOne = expertId ? sql`and expert_id = ${expertId}` : sql``;
  const [experts, conflicts, collaborations, held] = await Promise.all([
    sql<{ id: string; code: string; nameZh: string; titleZh: string | null; organisationZh: string; userId: string; organisationId: string | null; fields: string[]; available: boolean; maxLoad: number | null }>`
      select id, code, name_zh, title_zh, organisation_zh, user_id, organisation_id, fields, available, max_load from expert where user_id is not null ${one} order by id`.execute(q),
    sql<{ expertId: string }>`select expert_id from expert_conflict where organisation_id = ${org} ${ofOne}`.execute(q),
    sql<{ expertId: string; kind: 'publication' | 'project'; ref: string | null; titleZh: string }>`
      select expert_id, kind, ref, title_zh from expert_collaboration where organisation_id = ${org} ${ofOne}`.execute(q),
    sql<{ expertId: string; n: number }>`select expert_id, count(*)::int as n from safety_review where status = 'assigned' ${ofOne} group by expert_id`.execute(q),
  ]);
  const declared = new Set(conflicts.rows.map((c) => c.expertId));
  const coworkers = new Map<string, NonNullable<Expert['coworkers']>>();
  for (const c of collaborations.rows) (coworkers.get(c.expertId) ?? coworkers.set(c.expertId, []).get(c.expertId)!).push({ kind: c.kind, ref: collaborationRef(c), organisationId: org });
  return {
    application: { id: e.id, fields: [...fields], leadOrganisationId: org, memberOrganisationIds: [] },
    experts: experts.rows.map((x) => ({
      id: x.id,
      // No organisation recorded: an id no applicant has, so no same-organisation conflict is invented.
      organisationId: x.organisationId ?? `none:${x.id}`,
      fields: x.fields, available: x.available, ...(x.maxLoad ? { maxLoad: x.maxLoad } : {}),
      ...(declared.has(x.id) ? { declaredConflicts: { organisationIds: [org] } } : {}),
      ...(coworkers.has(x.id) ? { coworkers: coworkers.get(x.id) } : {}),
    })),
    info: new Map(experts.rows.map((x) => [x.id, { id: x.id, code: x.code, nameZh: x.nameZh, titleZh: x.titleZh, organisationZh: x.organisationZh, userId: x.userId, available: x.available }])),
    held: new Map(held.rows.map((h) => [h.expertId, h.n])),
    names: new Map([[org, e.applicantNameZh]]),
  };
}
