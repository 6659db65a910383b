/** What the batch pages read from the server (modules/factory: batches.*, readings.*, golden.*). */
export interface Phase { name: string; startedAt: string; zh: string; en: string }
export type BatchState = 'planned' | 'running' | 'completed' | 'aborted';

export interface Batch {
  id: string; code: string; externalId: string; factoryId: string; factoryCode: string; factoryNameZh: string; organisationId: string;
  equipment: string; recipe: string; productZh: string | null; strainId: string | null; strainAccession: string | null; strainNameZh: string | null;
  lotEpc: string | null; phases: Phase[]; currentPhase: string | null; state: BatchState; startedAt: string | null; endedAt: string | null;
  outcome: 'good' | 'bad' | null; outcomeNoteZh: string | null;
  variables?: { variable: string; zh: string; en: string; unit: string; count: number; first: string; last: string }[];
}
export interface Page<T> { total: number; items: T[] }

export interface SeriesVariable { variable: string; zh: string; en: string; unit: string; points: [number, number, number, number][] }
export interface Series { batchId: string; from: string | null; to: string | null; bucketMs: number; variables: SeriesVariable[] }

export interface ComparedVariable {
  variable: string; zh: string; en: string; unit: string;
  mean: (number | null)[]; lower: (number | null)[]; upper: (number | null)[]; value: (number | null)[]; outside: boolean[]; outsideCount: number;
}
export interface Comparison {
  batchId: string; profile: { id: string; code: string; nameZh: string; recipe: string; equipment: string | null; k: number; status: string } | null;
  at: (number | null)[]; phase: string[]; variables: ComparedVariable[]; outsideTotal?: number;
}

export interface Rejections {
  items: { factoryId: string; factoryCode: string; factoryNameZh: string; source: 'http' | 'mqtt'; reason: string; reasonZh: string; reasonEn: string; count: number; lastAt: string; lastBatch: string | null; lastDetail: string | null }[];
  factories: { factoryId: string; factoryCode: string; factoryNameZh: string; total: number }[];
}

export interface GridPhase { name: string; offsets: number[]; zh: string; en: string }
export interface Band { mean: (number | null)[]; sd: (number | null)[]; lower: (number | null)[]; upper: (number | null)[]; n: number[] }
export interface VariableInfo { variable: string; zh: string; en: string; unit: string }

export interface GoldenSummary {
  id: string; code: string; nameZh: string; recipe: string; equipment: string | null; organisationNameZh?: string; status: 'active' | 'retired';
  k: number; stepMs: number; createdAt: string; retiredAt: string | null; batchCount: number; variableCount: number;
  phases: { name: string; zh: string; en: string; points: number; hours: number }[];
}
export interface GoldenProfile extends GoldenSummary {
  grid: GridPhase[]; bands: Record<string, Band>; variables: VariableInfo[]; noteZh: string | null; organisationId: string;
  batches: { id: string; code: string; externalId: string; equipment: string; startedAt: string; endedAt: string }[];
}
export interface GoldenPreview { recipe: string; equipment: string | null; k: number; stepMs: number; batchIds: string[]; grid: GridPhase[]; bands: Record<string, Band>; variables: VariableInfo[] }
