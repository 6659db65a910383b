import type { ErrorDetail } from '../../../platform/http/errors.js';

/** What a model's fitting accepts, and what an alarm's note must be. */
export interface ModelInput {
  batchIds: string[];
  nameZh?: string | null;
  noteZh?: string | null;
  /** Fixed number of principal components (default: eigenvalues above the mean). */
  components?: number;
  /** Confidence of the T² and SPE limits (default 0.99). */
  confidence?: number;
  /** Points in a row above a limit that raise an alarm (default 3). */
  consecutive?: number;
  /** Grid step in minutes (default: about 240 points over the batch). */
  stepMinutes?: number;
}

export const MIN_MODEL_BATCHES = 3;
const zh = (z: string, e: string) => `${z}（${e}）`;

export function modelInputProblems(x: ModelInput): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (new Set(x.batchIds).size < MIN_MODEL_BATCHES) p.push({ path: '/batchIds', message: zh(`至少选择 ${MIN_MODEL_BATCHES} 个合格批次`, `choose at least ${MIN_MODEL_BATCHES} good batches`) });
  if (x.components !== undefined && !(Number.isInteger(x.components) && x.components >= 1 && x.components <= 20)) p.push({ path: '/components', message: zh('主成分数为 1–20 的整数', 'a whole number from 1 to 20') });
  if (x.confidence !== undefined && !(x.confidence >= 0.9 && x.confidence <= 0.9999)) p.push({ path: '/confidence', message: zh('置信水平在 0.9 与 0.9999 之间', 'between 0.9 and 0.9999') });
  if (x.consecutive !== undefined && !(Number.isInteger(x.consecutive) && x.consecutive >= 1 && x.consecutive <= 20)) p.push({ path: '/consecutive', message: zh('连续点数为 1–20 的整数', 'a whole number from 1 to 20') });
  if (x.stepMinutes !== undefined && !(x.stepMinutes >= 1 && x.stepMinutes <= 24 * 60)) p.push({ path: '/stepMinutes', message: zh('步长 1 分钟至 24 小时', 'between 1 minute and 24 hours') });
  return p;
}

/** A note on an alarm: required, at most 2000 characters. */
export function noteProblems(noteZh: unknown, path = '/noteZh', required = true): ErrorDetail[] {
  const t = typeof noteZh === 'string' ? noteZh.trim() : '';
  if (required && !t) return [{ path, message: zh('请填写说明', 'a note is required') }];
  if (t.length > 2000) return [{ path, message: zh('说明不超过 2000 字', 'at most 2000 characters') }];
  return [];
}
