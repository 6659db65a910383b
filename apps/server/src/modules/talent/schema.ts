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
}

export interface ExpertConflictTable {
  id: Generated<string>;
  expertId: string;
  organisationId: string | null;
  personId: string | null;
  noteZh: string | null;
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
  createdAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    expert: ExpertTable;
    expertConflict: ExpertConflictTable;
    expertCollaboration: ExpertCollaborationTable;
  }
}
