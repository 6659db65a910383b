import type { Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The talent module's tables (migrations/0006_talent.sql), merged into the application's DB type. */
export interface ExpertTable {
  id: Generated<string>;
  code: string;
  userId: string | null;
  organisationId: string | null;
  organisationZh: string;
  nameZh: string;
  nameEn: string | null;
  titleZh: string | null;
  fields: Generated<string[]>;
  domains: Generated<string[]>;
  available: Generated<boolean>;
  maxLoad: number | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  contactZh: string | null;
  profileZh: string | null;
}

export interface ExpertConflictTable {
  id: Generated<string>;
  expertId: string;
  organisationId: string | null;
  personId: string | null;
  noteZh: string | null;
  declaredBy: string | null;
  fromBlindReview: Generated<boolean>;
  declaredAt: Timestamp;
}

export interface ExpertCollaborationTable {
  id: Generated<string>;
  expertId: string;
  kind: 'publication' | 'project';
  ref: string | null;
  titleZh: string;
  year: number | null;
  organisationId: string | null;
  personId: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface ExpertCommitteeTable {
  id: Generated<string>;
  code: string;
  nameZh: string;
  nameEn: string | null;
  mandateZh: string | null;
  createdAt: Timestamp;
}

export interface CommitteeMembershipTable {
  id: Generated<string>;
  committeeId: string;
  expertId: string;
  role: 'chair' | 'viceChair' | 'member';
  termStart: string;
  termEnd: string;
  renewedFrom: string | null;
  createdAt: Timestamp;
}

export interface CommitteeConsultationTable {
  id: Generated<string>;
  code: string;
  committeeId: string;
  kind: 'decision' | 'project';
  subjectZh: string;
  heldOn: string;
  adviceZh: string;
  taskNo: number | null;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
}

export interface CommitteeConsultationExpertTable {
  consultationId: string;
  expertId: string;
}

export interface TalentTable {
  id: Generated<string>;
  code: string;
  nameZh: string;
  nameEn: string | null;
  kind: 'national' | 'academician' | 'leadGoose' | 'highEnd';
  programme: 'yuyue' | 'newChongqing' | 'millionTalents' | 'other';
  programmeOtherZh: string | null;
  organisationId: string | null;
  organisationZh: string;
  fieldZh: string;
  titleZh: string | null;
  teamSize: number | null;
  arrivalOn: string | null;
  status: 'recruiting' | 'arrived' | 'left';
  leftOn: string | null;
  expertId: string | null;
  noteZh: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TalentSupportItemTable {
  id: Generated<string>;
  talentId: string;
  item: 'funding' | 'housing' | 'lab' | 'subsidy' | 'team' | 'other';
  descriptionZh: string | null;
  amountWan: number | null;
  sortOrder: Generated<number>;
}

export interface EducationProgrammeTable {
  id: Generated<string>;
  code: string;
  organisationId: string;
  kind: 'bachelor' | 'master' | 'doctoral' | 'joint' | 'training';
  nameZh: string;
  partnerZh: string | null;
  startYear: number;
  enrolment: number | null;
  noteZh: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    expert: ExpertTable;
    expertConflict: ExpertConflictTable;
    expertCollaboration: ExpertCollaborationTable;
    expertCommittee: ExpertCommitteeTable;
    committeeMembership: CommitteeMembershipTable;
    committeeConsultation: CommitteeConsultationTable;
    committeeConsultationExpert: CommitteeConsultationExpertTable;
    talent: TalentTable;
    talentSupportItem: TalentSupportItemTable;
    educationProgramme: EducationProgrammeTable;
  }
}
