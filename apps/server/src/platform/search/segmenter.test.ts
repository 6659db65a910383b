import { describe, expect, it } from 'vitest';
import { queryTokens, tokensOf, contentWords } from './segmenter.js';

describe('Chinese search tokens', () => {
  it('gives 丙二醇 for 1,3-丙二醇, with the plan\'s terms in the dictionary', () => {
    expect(tokensOf('1,3-丙二醇')).toContain('丙二醇');
    expect(tokensOf('生物基聚酯')).toEqual(expect.arrayContaining(['生物基聚酯', '聚酯']));
  });

  it('splits an unknown name the same way in a record and in a query', () => {
    const record = tokensOf('重庆博腾制药科技股份有限公司');
    for (const t of queryTokens('博腾')) expect(record).toContain(t);
  });

  it('asks the index only for the words that narrow the match', () => {
    expect(queryTokens('生物科技')).toEqual(['生物科技']);
    expect(queryTokens('重庆某某生物科技有限公司')).not.toContain('有限公司');
    expect(queryTokens('重庆')).toEqual(['重庆']);
    // Every record that holds the kept tokens holds the dropped ones as well.
    const record = tokensOf('重庆华森生物医药有限公司');
    expect(tokensOf('华森生物医药').every((t) => record.includes(t))).toBe(true);
    expect(queryTokens('华森生物医药').every((t) => record.includes(t))).toBe(true);
  });
});

describe('synonyms', () => {
  it('finds a record written one way from a query written the other', () => {
    expect(tokensOf('PDO 发酵')).toEqual(expect.arrayContaining(['pdo', '丙二醇']));
    const record = tokensOf('1,3-丙二醇生物科技有限公司');
    expect(queryTokens('PDO').every((t) => record.includes(t))).toBe(true);
    const other = tokensOf('琥珀酸发酵');
    expect(queryTokens('丁二酸').every((t) => other.includes(t))).toBe(true);
  });
});

describe('content words for matching', () => {
  it('leaves out numbers, unit letters and function characters, and keeps words and telling single characters', () => {
    const w = contentWords('在5 m³罐中和酶催化发酵，产量60 g/L');
    expect(w).toEqual(expect.arrayContaining(['酶催化', '发酵', '产量']));
    for (const junk of ['在', '和', '5', '60', 'm', 'g', 'l']) expect(w).not.toContain(junk);
    expect(contentWords('酶')).toEqual(['酶']);
  });
});
