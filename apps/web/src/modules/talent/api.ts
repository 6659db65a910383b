/** What the talent routes answer (apps/server/src/modules/talent/*.routes.ts). */
export interface Page<T> { total: number; items: T[] }

export interface ExpertRow {
  id: string; code: string; nameZh: string; nameEn: string | null; titleZh: string | null;
  organisationId: string | null; organisationZh: string; fields: string[]; domains: string[];
  available: boolean; maxLoad: number | null; committeeRole: string | null; linked?: boolean;
}
export interface Term { id: string; role: string; termStart: string; termEnd: string; status: string; committeeNameZh?: string }
export interface Conflict { id: string; organisationId: string | null; organisationNameZh: string | null; personId: string | null; personNameZh: string | null; noteZh: string | null; declaredAt: string }
export interface Collaboration { id: string; kind: string; ref: string | null; titleZh: string; year: number | null; organisationId: string | null; organisationNameZh: string | null; personId: string | null; personNameZh: string | null }
export type ExpertDetail = ExpertRow & (
  | { full: false }
  | { full: true; contactZh: string | null; profileZh: string | null; userId: string | null; username: string | null; conflicts: Conflict[]; collaborations: Collaboration[]; memberships: Term[] }
);

export interface MemberTerm extends Term { expertId: string; expertCode: string; nameZh: string; nameEn: string | null; titleZh: string | null; organisationZh: string; fields: string[]; renewedFrom: string | null }
export interface Committee { id: string; code: string; nameZh: string; nameEn: string | null; mandateZh: string | null; asOf: string; current: MemberTerm[]; counts: Record<string, number>; terms: MemberTerm[] }
export interface Roster { nameZh: string; nameEn: string; mandateZh: string; asOf: string; members: { role: string; nameZh: string; titleZh: string | null; organisationZh: string; fields: string[] }[] }
export interface Consultation {
  id: string; code: string; kind: string; subjectZh: string; heldOn: string; adviceZh: string; taskNo: number | null; recordedBy: string | null;
  experts: { id: string; nameZh: string; titleZh: string | null; organisationZh: string }[];
}

export interface SupportItem { item: string; descriptionZh: string | null; amountWan: number | null }
export interface TalentRow {
  id: string; code: string; nameZh: string; nameEn: string | null; kind: string; programme: string; programmeOtherZh: string | null;
  organisationId: string | null; organisationZh: string; fieldZh: string; titleZh: string | null; teamSize: number | null;
  arrivalOn: string | null; status: string; leftOn: string | null; expertId: string | null; expertNameZh: string | null; noteZh: string | null;
  support: SupportItem[]; supportTotalWan: number;
}
export interface TalentSummary {
  asOf: string; planStart: string;
  byKind: { kind: string; arrived: number; arrivedSincePlan: number; recruiting: number; left: number }[];
  byProgramme: { programme: string; arrived: Record<string, number> }[];
  targets: { code: string; kind: string; target: number; value: number }[];
}

export interface Programme { id: string; code: string; organisationId: string; organisationNameZh: string; kind: string; nameZh: string; partnerZh: string | null; startYear: number; enrolment: number | null; noteZh: string | null }
export interface OrganisationOption { id: string; kind: string; nameZh: string; nameEn: string | null }
