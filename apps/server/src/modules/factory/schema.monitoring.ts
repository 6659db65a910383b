import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/schema.js';
import type { Contributor, Grid, SpeMethod } from '@cq-biomfg/monitor';

/** The monitoring part's tables (migrations/0020_factory_monitor.sql), merged into the application's DB type. */
export interface MonitorModelParams {
  grid: Grid;
  mean: number[][];
  scale: number[][];
  eigenvalues: number[];
  loadings: number[][];
  explained: number[];
  observations: number;
  speMethod: SpeMethod;
  trainingExceedance: { t2: number; spe: number };
}

export interface MonitorModelTable {
  id: Generated<string>;
  code: string;
  organisationId: string;
  recipe: string;
  nameZh: string;
  batchIds: string[];
  variables: string[];
  components: number;
  confidence: number;
  t2Limit: number;
  speLimit: number;
  consecutive: number;
  params: Json<MonitorModelParams>;
  status: Generated<'active' | 'retired'>;
  noteZh: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  retiredBy: string | null;
  retiredAt: Timestamp | null;
  isDemo: Generated<boolean>;
}

export interface MonitorScoreTable {
  batchId: string;
  modelId: string;
  point: number;
  at: Timestamp;
  t2: number;
  spe: number;
  t2Contributions: number[];
  speContributions: number[];
}

export type AlarmState = 'open' | 'acknowledged' | 'closed';

export interface MonitorAlarmTable {
  id: Generated<string>;
  code: string;
  batchId: string;
  modelId: string;
  factoryId: string;
  organisationId: string;
  statistic: 't2' | 'spe';
  point: number;
  at: Timestamp;
  value: number;
  limitValue: number;
  contributions: Json<Contributor[]>;
  state: Generated<AlarmState>;
  acknowledgedBy: string | null;
  acknowledgedAt: Timestamp | null;
  closedBy: string | null;
  closedAt: Timestamp | null;
  createdAt: Timestamp;
  isDemo: Generated<boolean>;
}

export interface MonitorAlarmNoteTable {
  id: Generated<string>;
  alarmId: string;
  kind: 'acknowledge' | 'note' | 'close';
  noteZh: string;
  authorId: string | null;
  createdAt: Timestamp;
}

declare module '../../platform/db/schema.js' {
  interface DB {
    monitorModel: MonitorModelTable;
    monitorScore: MonitorScoreTable;
    monitorAlarm: MonitorAlarmTable;
    monitorAlarmNote: MonitorAlarmNoteTable;
  }
}
