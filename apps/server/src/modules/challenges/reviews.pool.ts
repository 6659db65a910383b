import { sql, type Kysely, type Transaction } from 'kysely';
import type { Application, Expert } from '@cq-biomfg/assign';
import type { DB } from '../../platform/db/schema.js';
import { collaborationRef } from './model/reviews.js';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * What the assignment engine reads, loaded set-wise: a few queries whatever the number of
 * experts (5,000) or applications (500). Only conflicts and collaborations that touch the
 * applications' organisations or team members are loaded; the others cannot matter.
 *
 * A person, for conflicts, is an expert record: a team member linked to the expert pool
 * (application_person.expert_id) and the person of a declared conflict or a joint paper.
 */
export interface Pool {
  applications: Application[];
  experts: Expert[];
  /** Every organisation and person (expert) id the engine may put in its words, with the name. */
  names: Map<string, string>;
  /** Each expert's account (reviewers are told in their inbox) and each application's code. */
  userOf: Map<string, string>;
  codeOf: Map<string, string>;
}

/** Which applications: one, or a challenge's eligible ones. Which experts: all with an account, or one. */
export interface PoolScope { challengeId?: string; applicationId?: string; expertId?: string }

/** A temporary set of ids as SQL: the applications in scope. */
function appsIn(s: PoolScope) {
  return s.applicationId
    ? sql`select id from application where id = ${s.applicationId}`
    : sql`select id from application where challenge_id = ${s.challengeId!} and status = 'eligible'`;
}

export async function loadPool(q: Q, s: PoolScope): Promise<Pool> {
  const apps = appsIn(s);
  const [applications, members, people] = await Promise.all([
    sql<{ id: string; code: string; leadOrganisationId: string; fields: string[] }>`
      select a.id, a.code, a.lead_organisation_id, c.fields from application a join challenge c on c.id = a.challenge_id
      where a.id in (${apps}) order by a.code`.execute(q),
    sql<{ applicationId: string; organisationId: string }>`select application_id, organisation_id from application_member where application_id in (${apps})`.execute(q),
    sql<{ applicationId: string; expertId: string; nameZh: string }>`select application_id, expert_id, name_zh from application_person where application_id in (${apps}) and expert_id is not null`.execute(q),
  ]);
  const orgsOfApps = sql`select lead_organisation_id from application where id in (${apps}) union select organisation_id from application_member where application_id in (${apps})`;
  const peopleOfApps = sql`select expert_id from application_person where application_id in (${apps}) and expert_id is not null`;
  const touches = sql`(organisation_id in (${orgsOfApps}) or person_id in (${peopleOfApps}))`;
  const expertFilter = s.expertId ? sql`and id = ${s.expertId}` : sql``;
  const ofExpert = s.expertId ? sql`and expert_id = ${s.expertId}` : sql``;
  // A conflict or a joint paper recorded on a team member's record naming another expert binds
  // that expert too: both sides are read, the team member's side turned round to the other expert.
  const mirroredFor = s.expertId ? sql`and person_id = ${s.expertId}` : sql``;
  const [experts, conflicts, collaborations, orgNames] = await Promise.all([
    // A reviewer signs in to score: experts without an account are not assigned.
    sql<{ id: string; userId: string; organisationId: string | null; fields: string[]; available: boolean; maxLoad: number | null }>`
      select id, user_id, organisation_id, fields, available, max_load from expert where user_id is not null ${expertFilter} order by id`.execute(q),
    sql<{ expertId: string; organisationId: string | null; personId: string | null }>`
      select expert_id, organisation_id, person_id from expert_conflict where ${touches} ${ofExpert}
      union all
      select person_id, null, expert_id from expert_conflict where expert_id in (${peopleOfApps}) and person_id is not null ${mirroredFor}`.execute(q),
    sql<{ expertId: string; kind: 'publication' | 'project'; ref: string | null; titleZh: string; organisationId: string | null; personId: string | null }>`
      select expert_id, kind, ref, title_zh, organisation_id, person_id from expert_collaboration where ${touches} ${ofExpert}
      union all
      select person_id, kind, ref, title_zh, null, expert_id from expert_collaboration where expert_id in (${peopleOfApps}) and person_id is not null ${mirroredFor}`.execute(q),
    sql<{ id: string; nameZh: string }>`select id, name_zh from organisation where id in (${orgsOfApps})`.execute(q),
  ]);

  const byApp = <T extends { applicationId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) (m.get(r.applicationId) ?? m.set(r.applicationId, []).get(r.applicationId)!).push(r);
    return m;
  };
  const membersOf = byApp(members.rows);
  const peopleOf = byApp(people.rows);
  const names = new Map<string, string>(orgNames.rows.map((o) => [o.id, o.nameZh]));
  for (const p of people.rows) names.set(p.expertId, p.nameZh);

  const declared = new Map<string, { organisationIds: string[]; personIds: string[] }>();
  for (const c of conflicts.rows) {
    const d = declared.get(c.expertId) ?? declared.set(c.expertId, { organisationIds: [], personIds: [] }).get(c.expertId)!;
    if (c.organisationId) d.organisationIds.push(c.organisationId);
    if (c.personId) d.personIds.push(c.personId);
  }
  const coworkers = new Map<string, NonNullable<Expert['coworkers']>>();
  for (const c of collaborations.rows) {
    const list = coworkers.get(c.expertId) ?? coworkers.set(c.expertId, []).get(c.expertId)!;
    list.push({ kind: c.kind, ref: collaborationRef(c), ...(c.personId ? { personId: c.personId } : {}), ...(c.organisationId ? { organisationId: c.organisationId } : {}) });
  }

  return {
    applications: applications.rows.map((a) => ({
      id: a.id, fields: a.fields, leadOrganisationId: a.leadOrganisationId,
      memberOrganisationIds: (membersOf.get(a.id) ?? []).map((m) => m.organisationId),
      peopleIds: (peopleOf.get(a.id) ?? []).map((p) => p.expertId),
    })),
    experts: experts.rows.map((e) => ({
      id: e.id,
      // No organisation recorded: an id no application has, so no same-organisation conflict is invented.
      organisationId: e.organisationId ?? `none:${e.id}`,
      fields: e.fields, available: e.available, ...(e.maxLoad ? { maxLoad: e.maxLoad } : {}),
      ...(declared.has(e.id) ? { declaredConflicts: declared.get(e.id) } : {}),
      ...(coworkers.has(e.id) ? { coworkers: coworkers.get(e.id) } : {}),
    })),
    names,
    userOf: new Map(experts.rows.map((e) => [e.id, e.userId])),
    codeOf: new Map(applications.rows.map((a) => [a.id, a.code])),
  };
}
