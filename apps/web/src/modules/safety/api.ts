/**
 * The shapes the safety routes answer with (apps/server/src/modules/safety). What an evaluation
 * carries depends on its reader (`audience`): the public gets the conclusion line only (no
 * `audience` key), a reviewer no contact and `myReview`, the body and overseers `reviews` and the
 * full `reviewSummary`, the applicant the summary as counts. Absent, never null: test with `in`.
 */
export interface Page<T> { total: number; items: T[] }
export interface Text { zh: string; en: string }
export type Audience = 'body' | 'overseer' | 'applicant' | 'reviewer';
export type Action = 'edit' | 'submit' | 'withdraw' | 'supplement' | 'accept' | 'return' | 'requestSupplements' | 'decideTrack' | 'assign' | 'conclude';

export interface Clock {
  limitDays: number; startedOn: string; daysUsed: number; daysLeft: number; pausedDays: number;
  paused: boolean; running: boolean; overdue: boolean; dueOn: string; met: boolean | null;
}

/** The public line of a concluded evaluation. */
export interface PublicConclusion {
  id: string; code: string; subjectKind: string; titleZh: string; applicantNameZh: string; track: string;
  conclusion: string; certificateNo: string | null; concludedOn: string;
}

export interface Finding { aspect: string; assessment: string; noteZh: string | null }
export interface Review {
  id: string; expertId: string; expertCode: string; expertNameZh: string; expertOrganisationZh: string; expertTitleZh: string | null;
  status: string; source: 'proposal' | 'manual'; fit: number | null; shared: string[]; assignedAt: string;
  findings: Finding[] | null; recommendation: string | null; conditionsZh: string | null; summaryZh: string | null; submittedAt: string | null;
  endReasonZh: string | null; endedAt: string | null; replacedBy: string | null;
}
export interface SummaryAspect { aspect: string; zh: string; en: string; counts: Record<string, number>; notes?: { expertNameZh: string; assessment: string; noteZh: string }[] }
export interface ReviewSummary {
  reviewers: number; recommendations: Record<string, number>; aspects: SummaryAspect[];
  conditions?: { expertNameZh: string; conditionsZh: string }[];
}

export interface Evaluation extends PublicConclusion {
  audience: Audience;
  strainId: string | null; strainAccession: string | null; strainNameZh: string | null;
  descriptionZh: string; fields: string[]; applicantOrganisationId: string;
  contactNameZh?: string; contactPhone?: string; contactEmail?: string | null;
  fileIds: string[]; files?: { id: string; name: string; sizeBytes: number }[];
  state: string; resumeState: string | null;
  trackRequested: string; trackReasonZh: string | null; trackDecision: string | null; trackDecisionNoteZh: string | null;
  timeLimitDays: number | null; submittedAt: string | null; acceptedOn: string | null;
  closedReasonZh: string | null; closedOn: string | null; findingsZh: string | null; conditionsZh: string | null;
  /** The aspects reviewers assess for this subject, in order. */
  aspects: string[];
  clock: Clock | null; pauses: { id: string; startedOn: string; endedOn: string | null; reasonZh: string; answerZh: string | null }[];
  reviews?: Review[]; reviewSummary?: ReviewSummary; myReview?: Review;
  may: Action[]; reviewers?: { live: number; submitted: number };
  createdAt: string; updatedAt: string;
}

/** GET /api/safety/reviews/mine */
export interface MyReview {
  id: string; evaluationId: string; status: string; assignedAt: string; submittedAt: string | null; recommendation: string | null; shared: string[];
  code: string; titleZh: string; subjectKind: string; state: string; track: string; applicantNameZh: string; aspects: string[]; clock: Clock | null;
}

export interface ProposedExpert { id: string; expertId: string; code: string; nameZh: string; titleZh: string | null; organisationZh: string; fit: number; shared: string[] }
export interface ExcludedExpert { id: string; code: string; nameZh: string; titleZh: string | null; organisationZh: string; reasons: { kind: string; zh: string; en: string }[] }
/** GET /api/safety/evaluations/:id/reviewer-proposal */
export interface Proposal { fields: string[]; wanted: number; live: number; need: number; reviewers: ProposedExpert[]; shortfall: Text | null; excluded: ExcludedExpert[] }

/** The fields an applicant writes. */
export interface EvaluationInput {
  subjectKind: string; strainId: string | null; titleZh: string; descriptionZh: string; fields: string[];
  contactNameZh: string; contactPhone: string; contactEmail: string | null; fileIds: string[]; trackRequested: string; trackReasonZh: string | null;
}

