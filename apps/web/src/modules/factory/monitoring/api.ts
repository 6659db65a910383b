/** What the monitoring pages read from the server (modules/factory: monitor.*.ts, alarms.*.ts). */
export interface VariableLabel { variable: string; zh: string; en: string; unit: string }
export interface Contribution extends VariableLabel { value: number; share: number }
export type Statistic = 't2' | 'spe';
export type AlarmState = 'open' | 'acknowledged' | 'closed';

export interface Alarm {
  id: string; code: string; batchId: string; modelId: string; factoryId: string; organisationId: string;
  statistic: Statistic; statisticZh: string; statisticEn: string; point: number; at: string; value: number; limitValue: number;
  contributions: Contribution[]; state: AlarmState; stateZh: string; stateEn: string;
  acknowledgedBy: string | null; acknowledgedAt: string | null; acknowledgedByName: string | null; ackNoteZh: string | null;
  closedAt: string | null; createdAt: string;
  batchCode: string; batchExternalId: string; recipe: string; batchState: string; factoryCode: string; factoryNameZh: string; modelCode: string;
  notes?: { id: string; kind: 'acknowledge' | 'note' | 'close'; noteZh: string; createdAt: string; authorName: string | null }[];
}
export interface AlarmPage { total: number; byState: Record<AlarmState, number>; items: Alarm[] }

export interface ScorePoint { point: number; at: string; t2: number; spe: number; t2c: number[]; spec: number[] }
export interface BatchScores {
  batchId: string;
  model: null | { id: string; code: string; nameZh: string; recipe: string; variables: VariableLabel[]; components: number; confidence: number; t2Limit: number; speLimit: number; consecutive: number; status: 'active' | 'retired' };
  points: ScorePoint[];
  alarms: Alarm[];
}

export interface ModelSummary {
  id: string; code: string; nameZh: string; recipe: string; organisationId: string; organisationNameZh: string; batchIds: string[]; batchCount: number;
  variables: string[]; components: number; confidence: number; t2Limit: number; speLimit: number; consecutive: number;
  status: 'active' | 'retired'; statusZh: string; statusEn: string; createdAt: string; retiredAt: string | null; explainedByModel: number;
}

/** A fitted model as its page (and the preview before saving) shows it. */
export interface ModelFit {
  variables: VariableLabel[]; components: number; eigenvalues: number[]; explained: number[]; cumulative: number[]; loadings: number[][];
  observations: number; trainingExceedance: { t2: number; spe: number };
  phases: { name: string; zh: string; en: string; points: number; hours: number }[];
}
export interface ModelPreview extends ModelFit { recipe: string; batchIds: string[]; limits: { confidence: number; t2: number; spe: number; speMethod: string }; rule: { consecutive: number } }
export interface ModelDetail extends ModelFit, Omit<ModelSummary, 'variables' | 'batchCount' | 'explainedByModel' | 'organisationNameZh'> {
  speMethod: string; noteZh: string | null; scoredBatches: number; openAlarms: number;
  batches: { id: string; code: string; externalId: string; equipment: string; startedAt: string | null; endedAt: string | null }[];
}

/** A batch as the model-fitting form lists candidates (the process part's GET /api/factory/batches). */
export interface BatchItem { id: string; code: string; externalId: string; recipe: string; equipment: string; factoryNameZh: string; organisationId: string; startedAt: string | null; endedAt: string | null; outcome: string | null; state: string }
