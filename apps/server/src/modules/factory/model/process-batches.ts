import type { ErrorDetail } from '../../../platform/http/errors.js';
import { parseInstant } from './process-readings.js';

/** A batch's states and outcome (批次状态、结论), and what makes a batch's input acceptable. */
export const BATCH_STATES = {
  planned: { zh: '计划', en: 'Planned' },
  running: { zh: '运行中', en: 'Running' },
  completed: { zh: '已完成', en: 'Completed' },
  aborted: { zh: '已中止', en: 'Aborted' },
} as const;
export type BatchState = keyof typeof BATCH_STATES;

export const OUTCOMES = {
  good: { zh: '合格', en: 'Good' },
  bad: { zh: '不合格', en: 'Bad' },
} as const;
export type Outcome = keyof typeof OUTCOMES;

/**
 * Phase names factories commonly use. A batch may name others (its MES's words); golden
 * profiles align phases by name, so batches of one recipe must use the same names.
 */
export const PHASES: Record<string, { zh: string; en: string }> = {
  sterilisation: { zh: '灭菌', en: 'Sterilisation' },
  seed: { zh: '种子培养', en: 'Seed culture' },
  batch: { zh: '分批培养', en: 'Batch' },
  fedBatch: { zh: '补料分批', en: 'Fed-batch' },
  induction: { zh: '诱导', en: 'Induction' },
  harvest: { zh: '放罐', en: 'Harvest' },
};
export const phaseLabel = (name: string) => PHASES[name] ?? { zh: name, en: name };

export interface BatchInput {
  factory: string;
  externalId: string;
  equipment: string;
  recipe: string;
  productZh?: string | null;
  strainAccession?: string | null;
  lotEpc?: string | null;
  state?: 'planned' | 'running';
  startedAt?: string | null;
  phase?: string | null;
}

const text = (x: string | null | undefined) => x?.trim() ?? '';
const zh = (z: string, e: string) => `${z}（${e}）`;

/** The batch number travels as an MQTT topic level: it may hold no '/', '+' or '#'. */
const TOPIC_LEVEL = /^[^/+#\s]{1,60}$/;

export function batchProblems(x: BatchInput, now: Date): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!TOPIC_LEVEL.test(text(x.externalId))) out.push({ path: '/externalId', message: zh('批次号必填，不超过 60 字符，不含空格和 / + #', 'required, at most 60 characters, no spaces or / + #') });
  if (!text(x.equipment)) out.push({ path: '/equipment', message: zh('设备必填', 'required') });
  if (!text(x.recipe)) out.push({ path: '/recipe', message: zh('工艺配方必填', 'required') });
  if (x.startedAt && !parseInstant(x.startedAt, now)) out.push({ path: '/startedAt', message: zh('开始时间无效（需带时区）', 'invalid instant; give its offset') });
  if (x.state === 'planned' && x.startedAt) out.push({ path: '/startedAt', message: zh('计划中的批次尚未开始', 'a planned batch has not started') });
  if (x.phase !== undefined && x.phase !== null && !phaseNameOk(x.phase)) out.push({ path: '/phase', message: zh('阶段名称 1–40 字符', '1–40 characters') });
  if (x.lotEpc && !/^urn:epc:(class|id):/.test(x.lotEpc.trim())) out.push({ path: '/lotEpc', message: zh('批次 EPC 应为 urn:epc:class:… 或 urn:epc:id:…', 'expected urn:epc:class:… or urn:epc:id:…') });
  return out;
}

export const phaseNameOk = (name: string) => name.trim().length >= 1 && name.trim().length <= 40;
