import type { Conflict, ConflictKind, Expert } from '@cq-biomfg/assign';
import type { ErrorDetail } from '../../../platform/http/errors.js';

/**
 * Experts' conflicts of interest as every review (challenges, safety evaluations) words them: the
 * engine's conflicts named, the 409 detail, joint work as the engine's `ref`, and an expert's own
 * cap less what it already holds.
 */

type Text = { zh: string; en: string };

/** The kinds of conflict of interest (利益冲突) the engine checks, named. */
export const CONFLICT_KIND_NAMES: Record<ConflictKind, Text> = {
  sameOrganisation: { zh: '同一机构', en: 'same organisation' },
  coApplicant: { zh: '共同申报', en: 'co-applicant' },
  declared: { zh: '本人声明回避', en: 'declared conflict' },
  jointPublication: { zh: '合作发表论文', en: 'joint publication' },
  jointProject: { zh: '合作承担项目', en: 'joint project' },
};

export interface NamedConflict { kind: ConflictKind; kindZh: string; kindEn: string; reasonZh: string; reasonEn: string; organisationId?: string; personId?: string }

/**
 * The engine's conflict with every organisation and person id in its words replaced by the name,
 * so a 409 tells a person which organisation, colleague or paper stands in the way.
 */
export function nameConflict(c: Conflict, names: ReadonlyMap<string, string>): NamedConflict {
  const named = (s: string) => [...names].reduce((t, [id, name]) => t.split(id).join(name), s);
  return {
    kind: c.kind, kindZh: CONFLICT_KIND_NAMES[c.kind].zh, kindEn: CONFLICT_KIND_NAMES[c.kind].en,
    reasonZh: named(c.reason.zh), reasonEn: named(c.reason.en),
    ...(c.organisationId ? { organisationId: c.organisationId } : {}), ...(c.personId ? { personId: c.personId } : {}),
  };
}

export const conflictDetail = (c: NamedConflict): ErrorDetail => ({ path: '/expertId', message: `【${c.kindZh}】${c.reasonZh}（${c.kindEn}: ${c.reasonEn}）` });

/** A joint paper or project as the engine's `ref`: the title, with the DOI or project number when recorded. */
export const collaborationRef = (c: { titleZh: string; ref: string | null }) => (c.ref ? `《${c.titleZh}》${c.ref}` : `《${c.titleZh}》`);

/**
 * An expert's own cap (max_load) counts the reviews it already holds in the challenge: the engine
 * is given what is left, and an expert with nothing left is not offered at all. Experts without a
 * cap of their own are given as they are (the round's cap applies).
 */
export function withRoom(experts: readonly Expert[], held: ReadonlyMap<string, number>): Expert[] {
  return experts.flatMap((e) => {
    const used = held.get(e.id) ?? 0;
    if (!e.maxLoad || !used) return [e];
    return e.maxLoad > used ? [{ ...e, maxLoad: e.maxLoad - used }] : [];
  });
}
