import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';

/**
 * The challenge core's tables (migrations/0009_challenges.sql), merged into the application's DB
 * type. The catalog, review and delivery parts keep theirs in schema.catalog.ts, schema.review.ts
 * and schema.delivery.ts.
 */
export interface RubricCriterion { key: string; nameZh: string; nameEn: string; weight: number; max: number }

export interface ChallengeTable {
  id: Generated<string>;
  code: string;
  needId: string | null;
  titleZh: string;
  titleEn: string | null;
  summaryZh: string | null;
  fields: Generated<string[]>;
  domain: string | null;
  mode: 'single' | 'parallel';
  fundingWan: number;
  maxTeams: Generated<number>;
  durationMonths: number;
  eligibilityZh: string | null;
  maxMembers: Generated<number>;
  requiresUserEnterprise: Generated<boolean>;
  deadline: Timestamp;
  blind: Generated<boolean>;
  reviewersPerApplication: Generated<number>;
  rubric: Json<RubricCriterion[]>;
  noticeDays: Generated<number>;
  status: Generated<string>;
  organiserId: string | null;
  createdBy: string | null;
  publishedAt: Date | null;
  reviewStartedAt: Date | null;
  cancelledAt: Date | null;
  cancelReasonZh: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ChallengeIndicatorTable {
  id: Generated<string>;
  challengeId: string;
  position: number;
  nameZh: string;
  comparator: '>=' | '<=' | '=';
  targetValue: number;
  unit: Generated<string>;
  methodZh: string | null;
}

export interface ApplicationTable {
  id: Generated<string>;
  code: string;
  challengeId: string;
  leadOrganisationId: string;
  createdBy: string | null;
  titleZh: string;
  planZh: Generated<string>;
  budgetWan: Generated<number>;
  currentTrl: number | null;
  targetTrl: number | null;
  status: Generated<string>;
  submittedAt: Date | null;
  formalNoteZh: string | null;
  formalCheckedBy: string | null;
  formalCheckedAt: Date | null;
  formalChecklist: Json<ChecklistItem[]> | null;
  leadUserEnterprise: Generated<boolean>;
  withdrawnAt: Date | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

/** One line of the formal check's checklist (model/applications.ts computes it). */
export interface ChecklistItem { key: string; zh: string; en: string; ok: boolean; detailZh: string }

export interface ChallengeDeadlineChangeTable {
  id: Generated<string>;
  challengeId: string;
  fromDeadline: Date;
  toDeadline: Date;
  reasonZh: string;
  changedBy: string | null;
  changedAt: Timestamp;
}

export interface ApplicationMemberTable {
  applicationId: string;
  organisationId: string;
  userEnterprise: Generated<boolean>;
  roleZh: string | null;
}

export interface ApplicationPersonTable {
  id: Generated<string>;
  applicationId: string;
  nameZh: string;
  organisationId: string | null;
  expertId: string | null;
  roleZh: Generated<string>;
  position: Generated<number>;
}

export interface ApplicationMilestoneTable {
  id: Generated<string>;
  applicationId: string;
  position: number;
  titleZh: string;
  month: number;
  deliverableZh: string | null;
}

export interface ApplicationBudgetLineTable {
  id: Generated<string>;
  applicationId: string;
  position: number;
  itemZh: string;
  amountWan: number;
}

export interface AwardTable {
  id: Generated<string>;
  code: string;
  challengeId: string;
  applicationId: string;
  shareWan: number;
  status: Generated<string>;
  awardedAt: Timestamp;
  contractNo: string | null;
  contractSignedOn: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    challenge: ChallengeTable;
    challengeIndicator: ChallengeIndicatorTable;
    challengeDeadlineChange: ChallengeDeadlineChangeTable;
    application: ApplicationTable;
    applicationMember: ApplicationMemberTable;
    applicationPerson: ApplicationPersonTable;
    applicationMilestone: ApplicationMilestoneTable;
    applicationBudgetLine: ApplicationBudgetLineTable;
    award: AwardTable;
  }
}
