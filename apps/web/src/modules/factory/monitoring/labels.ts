import type { Named } from '../../supervision/shared';

/** The monitoring vocabularies as the server names them (modules/factory/model/monitoring-labels.ts). */
export const STATISTICS: Record<string, Named> = {
  t2: { zh: 'Hotelling T²', en: 'Hotelling T²', color: 'purple' },
  spe: { zh: '平方预测误差 SPE', en: 'Squared prediction error SPE', color: 'geekblue' },
};

export const ALARM_STATES: Record<string, Named> = {
  open: { zh: '未处理', en: 'Open', color: 'red' },
  acknowledged: { zh: '已确认', en: 'Acknowledged', color: 'gold' },
  closed: { zh: '已关闭', en: 'Closed', color: 'default' },
};

export const MODEL_STATUSES: Record<string, Named> = {
  active: { zh: '在用', en: 'Active', color: 'green' },
  retired: { zh: '已停用', en: 'Retired', color: 'default' },
};

export const NOTE_KINDS: Record<string, Named> = {
  acknowledge: { zh: '确认', en: 'Acknowledged' },
  note: { zh: '说明', en: 'Note' },
  close: { zh: '关闭', en: 'Closed' },
};

/** A statistic's value as the pages print it: small values with more decimals. */
export const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
