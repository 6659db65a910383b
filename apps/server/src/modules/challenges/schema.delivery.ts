import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';

/** The delivery part's tables (migrations/0011_challenge_delivery.sql), merged into the application's DB type. */
export interface AwardMilestoneTable {
  id: Generated<string>;
  awardId: string;
  position: number;
  titleZh: string;
  deliverableZh: string | null;
  month: number | null;
  dueOn: string;
  status: Generated<'pending' | 'submitted' | 'passed' | 'rework'>;
  passedOn: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface IndicatorProgress { indicatorId: string; value: number }

export interface MilestoneReportTable {
  id: Generated<string>;
  milestoneId: string;
  awardId: string;
  textZh: string;
  fileIds: Generated<string[]>;
  progress: Json<IndicatorProgress[]>;
  submittedBy: string | null;
  submittedAt: Timestamp;
  decision: 'passed' | 'rework' | null;
  decisionZh: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

export interface DeliveryReviewTable {
  id: Generated<string>;
  challengeId: string;
  titleZh: string;
  heldOn: string;
  noteZh: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface AwardVerdictTable {
  reviewId: string;
  awardId: string;
  verdict: 'continue' | 'stop' | 'merge';
  mergeIntoId: string | null;
  remainingWan: number | null;
  reasonZh: string | null;
}

export interface TrancheTable {
  id: Generated<string>;
  awardId: string;
  challengeId: string;
  milestoneId: string | null;
  amountWan: number;
  paidOn: string;
  voucherNo: string;
  noteZh: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface AwardAcceptanceTable {
  id: Generated<string>;
  awardId: string;
  heldOn: string;
  conclusion: 'passed' | 'failed';
  allMet: boolean;
  exceptionZh: string | null;
  noteZh: string | null;
  fileIds: Generated<string[]>;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface AcceptanceResultTable {
  acceptanceId: string;
  indicatorId: string;
  achievedValue: number;
  met: boolean;
  evidenceZh: string;
}

export interface ChallengeOutputTable {
  id: Generated<string>;
  awardId: string;
  challengeId: string;
  kind: string;
  titleZh: string;
  ref: string | null;
  outputOn: string | null;
  ipRightId: string | null;
  platformId: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module './schema.js' {
  /** Columns 0011 adds to the core's award: a merge's target and what was merged into it; when delivery ended. */
  interface AwardTable {
    mergedIntoId: string | null;
    mergedInWan: Generated<number>;
    settledAt: Date | null;
  }
}

declare module '../../platform/db/schema.js' {
  interface DB {
    awardMilestone: AwardMilestoneTable;
    milestoneReport: MilestoneReportTable;
    deliveryReview: DeliveryReviewTable;
    awardVerdict: AwardVerdictTable;
    tranche: TrancheTable;
    awardAcceptance: AwardAcceptanceTable;
    acceptanceResult: AcceptanceResultTable;
    challengeOutput: ChallengeOutputTable;
  }
}
