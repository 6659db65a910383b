import type { Application, Conflict, ConflictKind, Expert, Text } from './types.js';

/** The kinds of conflict of interest (利益冲突回避), in the order they are reported. */
export const CONFLICT_KINDS: readonly ConflictKind[] = ['sameOrganisation', 'coApplicant', 'declared', 'jointPublication', 'jointProject'];
export const BIT: Record<ConflictKind, number> = { sameOrganisation: 1, coApplicant: 2, declared: 4, jointPublication: 8, jointProject: 16 };

/** An application's organisations and people as sets, built once per application. */
export interface ApplicationSets {
  lead: string;
  members: Set<string>;
  people: Set<string>;
}

export function applicationSets(a: Application): ApplicationSets {
  const members = new Set(a.memberOrganisationIds);
  members.delete(a.leadOrganisationId);
  return { lead: a.leadOrganisationId, members, people: new Set(a.peopleIds ?? []) };
}

const isApplicantOrg = (s: ApplicationSets, org: string | undefined) => org !== undefined && (org === s.lead || s.members.has(org));
const orgRole = (s: ApplicationSets, org: string): Text => (org === s.lead ? { zh: '申报单位', en: 'the lead applicant' } : { zh: '联合申报单位', en: 'a co-applicant organisation' });

/**
 * The conflicts between an expert and an application, as a bit mask of kinds; with `out`, also
 * each conflict in words. One function for both, so the fast check in `assign` and the reasons
 * given to people cannot disagree.
 */
export function collectConflicts(e: Expert, s: ApplicationSets, out: Conflict[] | null): number {
  let mask = 0;
  const org = e.organisationId;
  if (org === s.lead) {
    mask |= BIT.sameOrganisation;
    out?.push({ kind: 'sameOrganisation', organisationId: org, reason: { zh: `与申报单位同属一个机构（${org}）`, en: `same organisation as the lead applicant (${org})` } });
  } else if (s.members.has(org)) {
    mask |= BIT.coApplicant;
    out?.push({ kind: 'coApplicant', organisationId: org, reason: { zh: `所在机构 ${org} 是本项目的联合申报单位`, en: `works at ${org}, a co-applicant organisation` } });
  }
  if (s.people.has(e.id)) {
    mask |= BIT.coApplicant;
    out?.push({ kind: 'coApplicant', personId: e.id, reason: { zh: '本人是申报团队成员', en: 'is a member of the applying team' } });
  }
  const declared = e.declaredConflicts;
  if (declared) {
    for (const o of declared.organisationIds ?? []) {
      if (!isApplicantOrg(s, o)) continue;
      mask |= BIT.declared;
      if (!out) break;
      const role = orgRole(s, o);
      out.push({ kind: 'declared', organisationId: o, reason: { zh: `本人声明与${role.zh} ${o} 存在利益冲突`, en: `declared a conflict with ${o}, ${role.en}` } });
    }
    for (const p of declared.personIds ?? []) {
      if (!s.people.has(p)) continue;
      mask |= BIT.declared;
      if (!out) break;
      out.push({ kind: 'declared', personId: p, reason: { zh: `本人声明与申报团队成员 ${p} 存在利益冲突`, en: `declared a conflict with ${p}, a member of the applying team` } });
    }
  }
  for (const c of e.coworkers ?? []) {
    const withPerson = c.personId !== undefined && s.people.has(c.personId);
    const withOrg = !withPerson && isApplicantOrg(s, c.organisationId);
    if (!withPerson && !withOrg) continue;
    const kind: ConflictKind = c.kind === 'publication' ? 'jointPublication' : 'jointProject';
    mask |= BIT[kind];
    if (!out) continue;
    const what = c.kind === 'publication' ? { zh: '合作发表论文', en: 'joint publication' } : { zh: '合作承担项目', en: 'joint project' };
    const ref = c.ref ? { zh: `（${c.ref}）`, en: ` (${c.ref})` } : { zh: '', en: '' };
    if (withPerson) out.push({ kind, personId: c.personId, ref: c.ref, reason: { zh: `与申报团队成员 ${c.personId} ${what.zh}${ref.zh}`, en: `${what.en} with ${c.personId}, a member of the applying team${ref.en}` } });
    else {
      const role = orgRole(s, c.organisationId!);
      out.push({ kind, organisationId: c.organisationId, ref: c.ref, reason: { zh: `与${role.zh} ${c.organisationId} ${what.zh}${ref.zh}`, en: `${what.en} with ${c.organisationId}, ${role.en}${ref.en}` } });
    }
  }
  return mask;
}

/** Every conflict of interest between an expert and an application, each with its kind and reason in words. */
export function conflictsOf(expert: Expert, application: Application): Conflict[] {
  const out: Conflict[] = [];
  collectConflicts(expert, applicationSets(application), out);
  return out;
}

/** A manual assignment (a secretary picks the reviewer): the conflicts that forbid it; empty when it may stand. */
export function checkAssignment(expert: Expert, application: Application): Conflict[] {
  return conflictsOf(expert, application);
}

/** Refusal of an assignment for a conflict of interest; the server answers 409 with `conflicts`. */
export class ConflictOfInterestError extends Error {
  readonly status = 409;
  constructor(readonly expertId: string, readonly applicationId: string, readonly conflicts: Conflict[]) {
    super(`expert ${expertId} cannot review application ${applicationId}: ${conflicts.map((c) => c.reason.en).join('; ')}`);
    this.name = 'ConflictOfInterestError';
  }
}

/** Throws `ConflictOfInterestError` (409, naming each conflict) when the expert may not review the application. */
export function assertAssignable(expert: Expert, application: Application): void {
  const conflicts = conflictsOf(expert, application);
  if (conflicts.length) throw new ConflictOfInterestError(expert.id, application.id, conflicts);
}
