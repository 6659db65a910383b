import type { Named } from '../../supervision/shared';

/** Batch states and outcomes as the server names them (model/process-batches.ts), with their colours. */
export const BATCH_STATES: Record<string, Named> = {
  planned: { zh: '计划', en: 'Planned', color: 'default' },
  running: { zh: '运行中', en: 'Running', color: 'processing' },
  completed: { zh: '已完成', en: 'Completed', color: 'success' },
  aborted: { zh: '已中止', en: 'Aborted', color: 'error' },
};
export const OUTCOMES: Record<string, Named> = {
  good: { zh: '合格', en: 'Good', color: 'green' },
  bad: { zh: '不合格', en: 'Bad', color: 'red' },
};
export const PHASES: Record<string, Named> = {
  sterilisation: { zh: '灭菌', en: 'Sterilisation' },
  seed: { zh: '种子培养', en: 'Seed culture' },
  batch: { zh: '分批培养', en: 'Batch' },
  fedBatch: { zh: '补料分批', en: 'Fed-batch' },
  induction: { zh: '诱导', en: 'Induction' },
  harvest: { zh: '放罐', en: 'Harvest' },
};
export const SOURCES: Record<string, Named> = { http: { zh: 'HTTP 批量', en: 'HTTP bulk' }, mqtt: { zh: 'MQTT', en: 'MQTT' } };

/** Numbers on charts and tooltips: three significant figures, no exponent for everyday values. */
export const fmt = (v: number | null | undefined) => (v === null || v === undefined || Number.isNaN(v) ? '—' : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString() : Number(v.toPrecision(3)).toString());
export const hours = (ms: number) => `${(ms / 3600_000).toFixed(1)} h`;
