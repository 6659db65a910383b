import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';

/** The tech-need catalog's tables (migrations/0008_tech_needs.sql), merged into the application's DB type. */

/** A measurable target a need states: 目标指标 (name, value, unit). */
export interface NeedIndicator { nameZh: string; targetValue: number; unit: string }

export interface TechNeedTable {
  id: Generated<string>;
  code: string;
  titleZh: string;
  field: string;
  fieldOtherZh: string | null;
  domain: string;
  problemZh: string;
  currentLevelZh: string;
  indicators: Json<NeedIndicator[]>;
  expectedOutcomeZh: string;
  organisationId: string;
  contactNameZh: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  suggestedMode: 'single' | 'parallel' | null;
  fundingWan: number | null;
  status: Generated<string>;
  reviewNoteZh: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  withdrawnNoteZh: string | null;
  raisedBy: string | null;
  tokens: Generated<string[]>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TechNeedEditionTable {
  id: Generated<string>;
  year: number | null;
  number: number | null;
  titleZh: string;
  status: Generated<string>;
  basedOnId: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TechNeedEditionItemTable {
  editionId: string;
  needId: string;
  position: number;
  origin: 'carried' | 'added';
  snapshot: Json<Record<string, unknown>>;
  tokens: Generated<string[]>;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    techNeed: TechNeedTable;
    techNeedEdition: TechNeedEditionTable;
    techNeedEditionItem: TechNeedEditionItemTable;
  }
}
