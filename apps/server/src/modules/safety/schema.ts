import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';
import type { Finding, ReviewSummary } from './model/findings.js';
import type { Conclusion, EvaluationState, ReviewStatus, SubjectKind, Track } from './model/labels.js';

/** The safety module's tables (migrations/0015_safety.sql), merged into the application's DB type. */
export interface SafetyEvaluationTable {
  id: Generated<string>;
  code: string;
  subjectKind: SubjectKind;
  strainId: string | null;
  titleZh: string;
  descriptionZh: string;
  fields: Generated<string[]>;
  applicantOrganisationId: string;
  createdBy: string | null;
  contactNameZh: string;
  contactPhone: string;
  contactEmail: string | null;
  fileIds: Generated<string[]>;
  state: Generated<EvaluationState>;
  resumeState: 'accepted' | 'review' | null;
  trackRequested: Generated<Track>;
  trackReasonZh: string | null;
  trackDecision: 'granted' | 'refused' | null;
  trackDecisionNoteZh: string | null;
  trackDecidedBy: string | null;
  trackDecidedAt: Timestamp | null;
  track: Generated<Track>;
  timeLimitDays: number | null;
  submittedAt: Timestamp | null;
  acceptedOn: string | null;
  acceptedBy: string | null;
  closedReasonZh: string | null;
  closedOn: string | null;
  conclusion: Conclusion | null;
  conditionsZh: string | null;
  findingsZh: string | null;
  reviewSummary: Json<ReviewSummary> | null;
  certificateNo: string | null;
  concludedOn: string | null;
  concludedBy: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SafetyEvaluationPauseTable {
  id: Generated<string>;
  evaluationId: string;
  startedOn: string;
  endedOn: string | null;
  reasonZh: string;
  requestedBy: string | null;
  answerZh: string | null;
}

export interface SafetyReviewTable {
  id: Generated<string>;
  evaluationId: string;
  expertId: string;
  status: Generated<ReviewStatus>;
  source: 'proposal' | 'manual';
  fit: number | null;
  shared: Generated<string[]>;
  assignedBy: string | null;
  assignedAt: Timestamp;
  findings: Json<Finding[]> | null;
  recommendation: Conclusion | null;
  conditionsZh: string | null;
  summaryZh: string | null;
  submittedAt: Timestamp | null;
  endReasonZh: string | null;
  endedAt: Timestamp | null;
  replacedBy: string | null;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    safetyEvaluation: SafetyEvaluationTable;
    safetyEvaluationPause: SafetyEvaluationPauseTable;
    safetyReview: SafetyReviewTable;
  }
}
