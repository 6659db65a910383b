import { describe, expect, it } from 'vitest';
import { money, shareOf, yi, yiText } from './format';

describe('industry amounts', () => {
  it('reads 万元 as 亿元 once an amount reaches one 亿', () => {
    expect(money('zh', 132_000)).toBe('13.2 亿元');
    expect(money('zh', 800)).toBe('800 万元');
    expect(money('zh', null)).toBe('—');
  });

  it('reads 亿元 as billions of yuan in English', () => {
    expect(money('en', 132_000)).toBe('1.32 bn yuan');
    expect(money('en', 800)).toBe('8 m yuan');
    expect(yiText('en', 1000)).toBe('100 bn yuan');
  });

  it('rounds 亿元 to two decimals and caps the share of a target at 100', () => {
    expect(yi(4_527_512)).toBe(452.75);
    expect(shareOf(452.75, 1000)).toBe(45);
    expect(shareOf(1200, 1000)).toBe(100);
    expect(shareOf(5, 0)).toBe(0);
  });
});
