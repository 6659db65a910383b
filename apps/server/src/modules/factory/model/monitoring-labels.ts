/** Names of the monitoring statistics and of an alarm's states (监控统计量、报警状态), as pages and exports show them. */
export const STATISTICS = {
  t2: { zh: 'Hotelling T²', en: 'Hotelling T²' },
  spe: { zh: '平方预测误差 SPE(Q)', en: 'Squared prediction error SPE (Q)' },
} as const;
export type StatisticCode = keyof typeof STATISTICS;

export const ALARM_STATES = {
  open: { zh: '未处理', en: 'Open' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  closed: { zh: '已关闭', en: 'Closed' },
} as const;

export const MODEL_STATUSES = {
  active: { zh: '在用', en: 'Active' },
  retired: { zh: '已停用', en: 'Retired' },
} as const;
