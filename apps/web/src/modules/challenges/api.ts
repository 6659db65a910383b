import type { Comparator, RubricCriterion } from './labels';

/** The answer shapes of /api/challenges/* this module's pages read (the catalog's are in catalog/api.ts). */
export interface Page<T> { total: number; items: T[] }
export interface Named { zh: string; en: string }

export interface Indicator { id?: string; nameZh: string; comparator: Comparator; targetValue: number; unit: string | null; methodZh: string | null }

/** A challenge as everyone reads it (the public fields). */
export interface ChallengePublic {
  id: string; code: string; needId: string | null; titleZh: string; titleEn: string | null; summaryZh: string | null; fields: string[]; domain: string | null;
  mode: 'single' | 'parallel'; fundingWan: number; maxTeams: number; durationMonths: number; eligibilityZh: string | null; maxMembers: number;
  requiresUserEnterprise: boolean; deadline: string; blind: boolean; rubric: RubricCriterion[]; noticeDays: number; status: string;
  organiserId: string | null; organiserNameZh: string | null; publishedAt: string | null; cancelledAt: string | null; cancelReasonZh: string | null;
  applicationCount: number;
}

export interface ChallengeMay { edit: boolean; publish: boolean; extend: boolean; startReview: boolean; cancel: boolean; run?: boolean }

/** The whole record, for organisers and overseers (`may` only there). */
export interface ChallengeDetail extends ChallengePublic {
  indicators: Indicator[];
  reviewersPerApplication?: number;
  deadlineChanges?: { fromDeadline: string; toDeadline: string; reasonZh: string; changedAt: string }[];
  may?: ChallengeMay;
}

export interface TimelineStep { key: string; zh: string; en: string; on: string | null; at: string | null; planned: boolean; done: boolean; noteZh: string | null }
export interface Timeline { challengeId: string; code: string; status: string; steps: TimelineStep[] }

export interface ChecklistItem { key: string; zh: string; en: string; ok: boolean; detailZh: string }

export interface ApplicationRow {
  id: string; code: string; challengeId: string; leadOrganisationId: string; titleZh: string; budgetWan: number; currentTrl: number | null; targetTrl: number | null;
  status: string; submittedAt: string | null; formalNoteZh: string | null; formalCheckedAt: string | null; leadUserEnterprise: boolean; withdrawnAt: string | null;
  createdAt: string; updatedAt: string; leadNameZh: string; leadKind: string; challengeCode: string; challengeTitleZh: string; challengeStatus: string; challengeDeadline: string;
  party?: 'lead' | 'member' | null; memberNamesZh?: string | null; milestoneCount?: number;
}

export interface ApplicationDetail extends ApplicationRow {
  planZh: string;
  members: { organisationId: string; userEnterprise: boolean; roleZh: string | null; nameZh: string; kind: string }[];
  people: { id: string; nameZh: string; organisationId: string | null; expertId: string | null; roleZh: string; position: number }[];
  milestones: { id: string; position: number; titleZh: string; month: number; deliverableZh: string | null }[];
  budgetLines: { id: string; position: number; itemZh: string; amountWan: number }[];
  party: 'lead' | 'member' | null;
  checklist: ChecklistItem[];
  formalChecklist: ChecklistItem[] | null;
  budgetCapWan: number;
  budgetRule: Named;
  may: { edit: boolean; submit: boolean; withdraw: boolean; formalCheck: boolean };
}

export interface OrganisationOption { id: string; nameZh: string; kind: string }

// --- Review ---

export interface Reviewer {
  id: string; applicationId: string; expertId: string; status: string; source: string; fit: number | null; shared: string[]; total: number | null;
  submittedAt: string | null; endReasonZh: string | null; replacedBy: string | null; assignedAt: string;
  expertCode: string; expertNameZh: string; expertOrganisationZh: string | null; expertTitleZh: string | null;
}
export interface AssignmentRow { id: string; code: string; titleZh: string; status: string; leadNameZh: string; reviewers: Reviewer[]; live: number; submitted: number; missing: number }
export interface Assignments { challengeId: string; code: string; status: string; reviewersPerApplication: number; items: AssignmentRow[] }
export interface Shortfall { applicationId: string; code?: string; missing: number; eligibleExperts: number; ruledOut?: unknown; reasonZh: string; reasonEn: string }
export interface AutoAssignResult { challengeId: string; applications: number; assigned: number; reviewersPerApplication: number; complete: number; shortfalls: Shortfall[] }

export interface Aggregate {
  n: number; mean: number | null; trimmedMean: number | null; score: number | null; rule: 'trimmedMean' | 'mean';
  min: number | null; max: number | null; sd: number | null; spread: number | null; wideSpread: boolean;
}
export interface RankedApplication extends Aggregate {
  id: string; code: string; titleZh: string; status: string; leadOrganisationId: string; leadNameZh: string;
  reviewers: number; submitted: number; totals: number[]; criterionMeans: Record<string, number | null>; rank: number | null;
}
export interface Ranking { challengeId: string; code: string; titleZh: string; status: string; rubric: RubricCriterion[]; rule: Named; items: RankedApplication[] }

export interface Feedback extends Aggregate {
  applicationId: string; challenge: { id: string; code: string; titleZh: string }; rubric: RubricCriterion[];
  code: string; titleZh: string; status: string; reviewers: number; submitted: number; totals: number[]; criterionMeans: Record<string, number | null>;
  rank: number | null; ranked: number;
  reviews: { reviewer: Named; scores: Record<string, number>; criterionComments: Record<string, string>; total: number | null; commentZh: string | null }[];
}

export interface DeskItem {
  id: string; status: string; total: number | null; submittedAt: string | null; assignedAt: string; challengeId: string; challengeCode: string;
  challengeTitleZh: string; challengeStatus: string; blind: boolean; applicationCode: string; applicationTitleZh: string | null;
}
/** The application as its reviewer reads it: no names where the challenge is blind. */
export interface ReviewerApplication {
  blind: boolean; code: string; budgetWan: number; currentTrl: number | null; targetTrl: number | null; submittedAt: string | null;
  titleZh: string | null; planZh: string | null;
  lead: { label?: Named; nameZh?: string; kind: string };
  members: { label?: Named; nameZh?: string; kind: string; userEnterprise: boolean; roleZh: string | null }[];
  people: { label?: Named; nameZh?: string; organisation?: Named; organisationNameZh?: string | null; roleZh: string | null }[];
  milestones: { position: number; titleZh: string | null; month: number; deliverableZh: string | null }[];
  budgetLines: { position: number; itemZh: string | null; amountWan: number }[];
}
export interface DeskDetail {
  id: string; status: string; scores: Record<string, number> | null; criterionComments: Record<string, string> | null; commentZh: string | null; total: number | null; submittedAt: string | null;
  challenge: { id: string; code: string; titleZh: string; summaryZh: string | null; fields: string[]; mode: string; fundingWan: number; durationMonths: number; blind: boolean; status: string; indicators: Indicator[] };
  rubric: RubricCriterion[];
  application: ReviewerApplication;
  panel: (Aggregate & { others: number[] }) | null;
}

export interface NoticeProposal { applicationId: string; shareWan: number; rank: number | null; score: number | null; status: string; code: string; titleZh: string; leadNameZh: string; memberNamesZh: string[] }
export interface Notice {
  challenge: { id: string; code: string; titleZh: string; mode: string; fundingWan: number; status: string };
  notice: { id: string; round: number; status: string; startsAt: string; endsAt: string; noteZh: string | null; confirmedAt: string | null; open: boolean };
  proposals: NoticeProposal[];
  objections: Record<string, number>;
  howToObject: Named & { method: string; url: string };
}
export interface Objection {
  id: string; noticeId: string; applicationId: string | null; applicationCode: string | null; reasonZh: string; status: string; responseZh: string | null;
  decidedAt: string | null; lodgedAt: string; lodgedByName?: string; organisationNameZh?: string | null;
}

// --- Delivery ---

export interface NextMilestone { id: string; awardId: string; position: number; titleZh: string; dueOn: string; status: string; overdue: boolean }
export interface BoardItem {
  id: string; code: string; challengeId: string; challengeCode: string; challengeTitleZh: string; challengeStatus: string; mode: 'single' | 'parallel';
  leadNameZh: string; applicationTitleZh: string; status: string; statusZh: string; statusEn: string; awardedAt: string; contractNo: string | null; contractSignedOn: string | null;
  shareWan: number; mergedInWan: number; payableWan: number; paidWan: number; paidShare: number; milestonesTotal: number; milestonesPassed: number;
  nextMilestone: NextMilestone | null; overdueCount: number; lead?: boolean;
}
export interface Board { total: number; items: BoardItem[]; totals: { shareWan: number; paidWan: number; active: number; overdue: number } }

export interface VerdictCell { verdict: string; zh: string; en: string; reasonZh: string | null; remainingWan: number | null; mergeIntoAwardId: string | null; mergeIntoCode: string | null }
export interface VerdictBoard {
  challenge: { id: string; code: string; titleZh: string; mode: string };
  teams: { awardId: string; code: string; leadNameZh: string; status: string; shareWan: number; mergedInWan: number; payableWan: number; paidWan: number; mergedIntoCode: string | null; milestonesPassed: number; milestonesTotal: number; nextMilestone: NextMilestone | null }[];
  reviews: { id: string; titleZh: string; heldOn: string; noteZh: string | null; verdicts: Record<string, VerdictCell> }[];
}

export interface LedgerRow {
  id: string; awardId: string; challengeId: string; amountWan: number; paidOn: string; voucherNo: string; noteZh: string | null; createdAt: string; milestoneId: string | null;
  milestoneTitleZh: string | null; awardCode: string; challengeCode: string; challengeTitleZh: string; leadNameZh: string;
}
export interface LedgerTotal { key: string; amountWan: number; count: number; awardCode?: string; challengeCode?: string; leadNameZh?: string; shareWan?: number; payableWan?: number; awardStatus?: string }
export interface Ledger { items: LedgerRow[]; totals: { total: number; byAward: LedgerTotal[]; byChallenge: LedgerTotal[]; byYear: LedgerTotal[] } }

export interface FileMeta { id: string; fileName?: string; name?: string }
export interface MilestoneReport { id: string; milestoneId: string; textZh: string; progress: { indicatorId: string; value: number }[]; submittedAt: string; decision: 'passed' | 'rework' | null; decisionZh: string | null; decidedAt: string | null; files: FileMeta[] }
export interface AwardMilestone { id: string; position: number; titleZh: string; deliverableZh: string | null; month: number | null; dueOn: string; status: string; passedOn: string | null; overdue: boolean; isNext: boolean; reports: MilestoneReport[] }
export interface Output { id: string; awardId: string; kind: string; kindZh: string; kindEn: string; titleZh: string; ref: string | null; outputOn: string | null; ipRightId?: string | null; platformNameZh?: string | null }
export interface AwardDetail {
  id: string; code: string; challengeId: string; applicationId: string; shareWan: number; mergedInWan: number; status: string; statusZh: string; statusEn: string;
  awardedAt: string; contractNo: string | null; contractSignedOn: string | null; challengeCode: string; challengeTitleZh: string; mode: string; modeZh: string;
  leadNameZh: string; applicationTitleZh: string; memberNames: string[]; relation: string; payableWan: number; paidWan: number;
  indicators: (Indicator & { id: string })[];
  milestones: AwardMilestone[];
  verdicts: { reviewId: string; titleZh: string; heldOn: string; verdict: string; verdictZh: string; verdictEn: string; reasonZh: string | null; remainingWan: number | null; mergeIntoCode: string | null }[];
  tranches: { id: string; amountWan: number; paidOn: string; voucherNo: string; noteZh: string | null; milestoneTitleZh: string | null }[];
  acceptance: null | { heldOn: string; conclusion: 'passed' | 'failed'; allMet: boolean; exceptionZh: string | null; noteZh: string | null; results: { indicator: Indicator; achievedValue: number; met: boolean; evidenceZh: string }[] };
  outputs: Output[];
  may: { recordContract: boolean; editMilestones: boolean; report: boolean; decideReports: boolean; pay: boolean; accept: boolean; recordOutputs: boolean };
}

export interface PublicAward {
  id: string; code: string; challengeId: string; challengeCode: string; challengeTitleZh: string; mode: string; modeZh: string; modeEn: string; awardeeNameZh: string;
  memberNames: string[]; projectTitleZh: string; shareWan: number; awardedOn: string; contractSignedOn: string | null; status: string; statusZh: string; statusEn: string;
}
export interface PublicResult {
  id: string; code: string; challengeId: string; challengeCode: string; challengeTitleZh: string; awardeeNameZh: string; memberNames: string[]; projectTitleZh: string;
  acceptedOn: string; allIndicatorsMet: boolean;
  indicators: { nameZh: string; comparator: Comparator; targetValue: number; unit: string | null; achievedValue: number; met: boolean }[];
  outputs: { kind: string; kindZh: string; kindEn: string; titleZh: string; ref: string | null; outputOn: string | null; platformNameZh: string | null }[];
}
