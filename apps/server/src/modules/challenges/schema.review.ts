import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../platform/db/schema.js';

/** The review part's tables (migrations/0010_challenge_reviews.sql), merged into the application's DB type. */
export type AssignmentStatus = 'assigned' | 'submitted' | 'declined' | 'conflict' | 'removed';

export interface ReviewAssignmentTable {
  id: Generated<string>;
  challengeId: string;
  applicationId: string;
  expertId: string;
  status: Generated<AssignmentStatus>;
  source: 'auto' | 'manual' | 'replacement';
  fit: number | null;
  shared: Generated<string[]>;
  /** jsonb with a default: written as JSON text, optional on insert. */
  scores: ColumnType<Record<string, number>, string | undefined, string>;
  criterionComments: ColumnType<Record<string, string>, string | undefined, string>;
  commentZh: string | null;
  total: number | null;
  submittedAt: Date | null;
  endReasonZh: string | null;
  endedAt: Date | null;
  replacedBy: string | null;
  assignedBy: string | null;
  assignedAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ChallengeNoticeTable {
  id: Generated<string>;
  challengeId: string;
  round: number;
  status: Generated<'running' | 'confirmed' | 'superseded' | 'withdrawn'>;
  startsAt: Date;
  endsAt: Date;
  noteZh: string | null;
  proposedBy: string | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  createdAt: Timestamp;
}

export interface NoticeProposalTable {
  noticeId: string;
  applicationId: string;
  shareWan: number;
  rank: number | null;
  score: number | null;
  status: Generated<'proposed' | 'withdrawn' | 'awarded'>;
}

export interface NoticeObjectionTable {
  id: Generated<string>;
  noticeId: string;
  challengeId: string;
  applicationId: string | null;
  lodgedBy: string;
  organisationId: string | null;
  reasonZh: string;
  status: Generated<'pending' | 'upheld' | 'dismissed'>;
  responseZh: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  lodgedAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    reviewAssignment: ReviewAssignmentTable;
    challengeNotice: ChallengeNoticeTable;
    noticeProposal: NoticeProposalTable;
    noticeObjection: NoticeObjectionTable;
  }
}
