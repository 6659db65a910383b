/** A valid need as a raiser writes it; tests change what they are about. */
export const needBody = (extra: Record<string, unknown> = {}) => ({
  titleZh: '超高通量微流控液滴分选系统', field: 'screening', domain: 'biochem',
  problemZh: '核心分选芯片依赖进口，分选通量不足', currentLevelZh: '国外产品每秒数千滴，国内处于样机阶段',
  indicators: [{ nameZh: '分选通量', targetValue: 3000, unit: '滴/秒' }, { nameZh: '分选准确率', targetValue: 99, unit: '%' }],
  expectedOutcomeZh: '形成国产化筛选装备并在企业应用', contactNameZh: '李工', contactPhone: '13800001234', contactEmail: 'li@example.cn',
  suggestedMode: 'single', fundingWan: 800, ...extra,
});
