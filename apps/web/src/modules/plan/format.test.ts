import { describe, expect, it } from 'vitest';
import type { Target } from './api';
import { chineseNumeral, goal, progress } from './format';

const target = (over: Partial<Target>): Target => ({
  code: 'x', actionNo: 3, statementZh: '', statementEn: '', indicatorZh: '', indicatorEn: '', quantified: true,
  comparator: 'gt', value: 1000, unit: '亿元', unitEn: '100 million yuan', year: 2027, threshold: null,
  sourceSentence: '', measurement: null, ...over,
});

describe('formatting targets', () => {
  it('writes the goal with its comparator and unit', () => {
    expect(goal('zh', target({}))).toBe('> 1,000 亿元');
    expect(goal('zh', target({ comparator: 'gte', value: 5, unit: '家', unitEn: 'enterprises' }))).toBe('≥ 5 家');
    expect(goal('en', target({ comparator: 'gte', value: 5, unit: '家', unitEn: 'enterprises' }))).toBe('≥ 5 enterprises');
  });

  it('reads 亿元 as billions of yuan in English', () => {
    expect(goal('en', target({}))).toBe('> 100 billion yuan');
  });

  it('has no goal for a qualitative target and no progress without a measurement', () => {
    expect(goal('zh', target({ quantified: false, value: null }))).toBeNull();
    expect(progress(target({}))).toBeNull();
    expect(progress(target({ measurement: { value: 250, asOf: '2025-12-31', basisZh: '', basisEn: '' } }))).toBe(25);
  });

  it('numbers the actions as the plan does', () => {
    expect([1, 7, 8, 10].map(chineseNumeral)).toEqual(['一', '七', '八', '十']);
  });
});
