import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';

/** The factory module's core tables (migrations/0016_factory.sql), merged into the application's DB type. */
export interface FactoryTable {
  id: Generated<string>;
  code: string;
  organisationId: string;
  nameZh: string;
  nameEn: string | null;
  kind: Generated<'smartFactory' | 'digitalWorkshop'>;
  districtCode: string | null;
  addressZh: string | null;
  sgln: string | null;
  status: Generated<'active' | 'inactive'>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface EpcisCaptureTable {
  id: Generated<string>;
  organisationId: string;
  submittedBy: string | null;
  via: 'session' | 'token';
  state: Generated<'running' | 'success' | 'failed'>;
  eventCount: Generated<number>;
  storedCount: Generated<number>;
  problem: Json<Record<string, unknown>> | null;
  createdAt: Timestamp;
  finishedAt: Timestamp | null;
}

export type EpcisEventType = 'ObjectEvent' | 'AggregationEvent' | 'TransactionEvent' | 'TransformationEvent' | 'AssociationEvent';
export type EpcRole = 'epc' | 'parent' | 'child' | 'input' | 'output' | 'quantity' | 'childQuantity' | 'inputQuantity' | 'outputQuantity';

export interface EpcisEventTable {
  /** bigserial: read as a string (int8). */
  seq: Generated<string>;
  eventId: string;
  eventType: EpcisEventType;
  action: 'ADD' | 'OBSERVE' | 'DELETE' | null;
  eventTime: Timestamp;
  eventTimeZoneOffset: string;
  recordTime: Timestamp;
  bizStep: string | null;
  disposition: string | null;
  readPoint: string | null;
  bizLocation: string | null;
  errorReason: string | null;
  organisationId: string;
  captureId: string;
  document: Json<Record<string, unknown>>;
}

export interface EpcisEventEpcTable {
  eventSeq: string;
  epc: string;
  role: EpcRole;
  quantity: number | null;
  uom: string | null;
}

export interface EpcisEventBizTransactionTable {
  eventSeq: string;
  type: Generated<string>;
  value: string;
}

export interface BatchPhase { name: string; startedAt: string }

export interface FactoryBatchTable {
  id: Generated<string>;
  code: string;
  factoryId: string;
  externalId: string;
  equipment: string;
  recipe: string;
  productZh: string | null;
  strainId: string | null;
  strainAccession: string | null;
  lotEpc: string | null;
  /** Defaults to [] on insert. */
  phases: ColumnType<BatchPhase[], BatchPhase[] | string | undefined, BatchPhase[] | string>;
  state: Generated<'planned' | 'running' | 'completed' | 'aborted'>;
  startedAt: Timestamp | null;
  endedAt: Timestamp | null;
  outcome: 'good' | 'bad' | null;
  outcomeNoteZh: string | null;
  createdBy: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface SensorReadingTable {
  batchId: string;
  variable: string;
  at: Timestamp;
  value: number;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    factory: FactoryTable;
    epcisCapture: EpcisCaptureTable;
    epcisEvent: EpcisEventTable;
    epcisEventEpc: EpcisEventEpcTable;
    epcisEventBizTransaction: EpcisEventBizTransactionTable;
    factoryBatch: FactoryBatchTable;
    sensorReading: SensorReadingTable;
  }
}
