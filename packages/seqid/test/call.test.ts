import { describe, expect, it } from 'vitest';
import { callFor, THRESHOLDS, type Hit } from '../src/index.js';

const hit = (identity: number, queryCoverage = 99): Hit => ({
  key: 'r', identity, queryCoverage, alignedLength: 1400, mismatches: 0, gaps: 0, gapOpens: 0,
  queryStart: 1, queryEnd: 1400, subjectStart: 1, subjectEnd: 1400, strand: 'plus', queryLength: 1400, subjectLength: 1450, score: 2800,
});

describe('callFor', () => {
  it('applies the 16S thresholds at their edges (Yarza et al. 2014) and the coverage floor', () => {
    expect(THRESHOLDS).toEqual({ species16S: 98.7, genus16S: 94.5, minCoverage: 80 });
    expect(callFor(hit(98.7, 80), '16S').level).toBe('species');
    expect(callFor(hit(98.69), '16S').level).toBe('genus');
    expect(callFor(hit(94.5), '16S').level).toBe('genus');
    expect(callFor(hit(94.49), '16S').level).toBe('none');
    expect(callFor(hit(100, 79.99), '16S').level).toBe('none');
    expect(callFor(undefined, '16S')).toEqual({ level: 'none', zh: '无匹配（未找到相似序列）', en: 'No match (no similar sequence found)' });
  });

  it('says the call in words, with the names and the figures as measured', () => {
    expect(callFor(hit(99.6, 98), '16S', { genus: 'Bacillus', species: 'subtilis' })).toEqual({
      level: 'species', zh: '与 Bacillus subtilis 同种（16S 一致性 99.6%，覆盖度 98%）', en: 'Same species as Bacillus subtilis (16S identity 99.6 %, coverage 98 %)',
    });
    expect(callFor(hit(98.65), '16S', { genus: 'Bacillus', species: 'Bacillus subtilis' }).en).toBe('Same genus as Bacillus (16S identity 98.65 %, coverage 99 %)');
    expect(callFor(hit(99), '16S', { genus: 'Bacillus' }).zh).toBe('与 Bacillus sp. 同种（16S 一致性 99%，覆盖度 99%）');
    expect(callFor(hit(99), '16S').en).toBe('Same species as the reference (16S identity 99 %, coverage 99 %)');
    expect(callFor(hit(90.1), '16S').en).toBe('No match (16S identity 90.1 %, coverage 99 %, below the genus threshold of 94.5 %)');
    expect(callFor(hit(99, 50), '16S').zh).toBe('无匹配（覆盖度 50% 低于 80%；16S 一致性 99%，覆盖度 50%）');
  });

  it('uses the ITS thresholds of Vu et al. 2019 and makes no taxonomic call for other markers', () => {
    expect(callFor(hit(98.41), 'ITS').level).toBe('species');
    expect(callFor(hit(98.4), 'ITS').level).toBe('genus');
    expect(callFor(hit(94.29), 'ITS').level).toBe('none');
    const other = callFor(hit(100), 'other');
    expect(other.level).toBe('none');
    expect(other.en).toBe('No taxonomic call for this marker (no agreed threshold; other identity 100 %, coverage 99 %)');
  });
});
