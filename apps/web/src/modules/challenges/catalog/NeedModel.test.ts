import { describe, expect, it } from 'vitest';
import { fieldText, needProblems, toBody, valueText, type NeedFormValues } from './NeedModel';

const valid: NeedFormValues = {
  titleZh: ' 液滴分选芯片 ', field: 'screening', fieldOtherZh: '不该保留', domain: 'biochem', problemZh: '依赖进口', currentLevelZh: '样机阶段',
  indicators: [{ nameZh: '通量', targetValue: 3000, unit: ' 滴/秒 ' }], expectedOutcomeZh: '国产化', contactNameZh: '李工', contactPhone: '', contactEmail: null,
  suggestedMode: 'single', fundingWan: 800,
};

describe('the need form', () => {
  it('finds what the server would refuse, by field', () => {
    expect(needProblems(valid)).toEqual([]);
    const paths = needProblems({ ...valid, field: 'other', fieldOtherZh: ' ', contactPhone: 'abc', contactEmail: 'x@', fundingWan: -1,
      indicators: [{ nameZh: '通量', targetValue: 1, unit: '' }, { nameZh: '通量', targetValue: Number.NaN, unit: '' }] }).map((p) => p.path);
    expect(paths).toEqual(['fieldOtherZh', 'contactPhone', 'contactEmail', 'fundingWan', 'indicators/1/nameZh', 'indicators/1/targetValue']);
    expect(needProblems({ ...valid, indicators: [] }).map((p) => p.path)).toEqual(['indicators']);
  });

  it('sends trimmed text, nulls for empty optional text, and a named field only for "other"', () => {
    expect(toBody(valid)).toMatchObject({ titleZh: '液滴分选芯片', fieldOtherZh: null, contactPhone: null, indicators: [{ nameZh: '通量', targetValue: 3000, unit: '滴/秒' }] });
    expect(toBody({ ...valid, field: 'other', fieldOtherZh: ' 生物安全 ' }).fieldOtherZh).toBe('生物安全');
    expect(toBody(valid)).not.toHaveProperty('organisationId');
  });

  it('reads snapshot fields in the page language', () => {
    expect(fieldText('zh', 'other', '生物安全')).toBe('其他：生物安全');
    expect(valueText('zh', 'indicators', [{ nameZh: '通量', targetValue: 3000, unit: '滴/秒' }, { nameZh: '准确率', targetValue: 99, unit: '' }])).toBe('通量 3000 滴/秒；准确率 99');
    expect(valueText('en', 'suggestedMode', 'parallel')).toBe('Parallel funding');
    expect(valueText('zh', 'fundingWan', 1200)).toBe('1200 万元');
    expect(valueText('zh', 'fundingWan', null)).toBe('—');
  });
});
