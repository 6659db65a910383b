import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';
import type { Grid } from '@cq-biomfg/monitor';
import type { RejectReason } from './model/process-readings.js';

/** The process part's tables (migrations/0019_factory_process.sql), merged into the application's DB type. */
export interface IngestRejectionTable {
  factoryId: string;
  source: 'http' | 'mqtt';
  reason: RejectReason;
  /** bigint: read as a string (int8). */
  count: Generated<string>;
  firstAt: Timestamp;
  lastAt: Timestamp;
  lastBatch: string | null;
  lastDetail: string | null;
}

export interface StoredBand { mean: number[]; sd: number[]; lower: number[]; upper: number[]; n: number[] }

export interface GoldenProfileTable {
  id: Generated<string>;
  code: string;
  organisationId: string;
  recipe: string;
  equipment: string | null;
  nameZh: string;
  batchIds: string[];
  grid: Json<Grid>;
  bands: Json<Record<string, StoredBand>>;
  k: number;
  stepMs: number;
  status: Generated<'active' | 'retired'>;
  noteZh: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  retiredAt: Timestamp | null;
  isDemo: Generated<boolean>;
}

/** Readings for a factory code that names no factory (0022): counted, seen by overseers. */
export interface IngestUnknownFactoryTable {
  factoryCode: string;
  source: 'http' | 'mqtt';
  /** bigint: read as a string (int8). */
  count: Generated<string>;
  firstAt: Timestamp;
  lastAt: Timestamp;
  lastBatch: string | null;
  lastDetail: string | null;
}
declare module '../../platform/db/schema.js' {
  interface DB {
    ingestRejection: IngestRejectionTable;
    ingestUnknownFactory: IngestUnknownFactoryTable;
    goldenProfile: GoldenProfileTable;
  }
}
