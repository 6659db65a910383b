import { describe, expect, it } from 'vitest';
import { bp, fastaProblems, identityStatus } from './model';

describe('the sequence pages\' rules', () => {
  it('reads the record a FASTA problem names from its path', () => {
    expect(fastaProblems([
      { path: '/fasta/records/2', message: '第 2 条记录（b）第 5 行第 3 列（序列第 9 位）：字符“J”不是 IUPAC 核苷酸代码' },
      { path: '/file/records/0', message: '第 1 行：第一个“>”标题行之前有文本' },
      { path: '/fasta', message: 'FASTA 中没有记录' },
    ]).map((p) => p.record)).toEqual([2, 0, null]);
  });

  it('writes lengths in bp, kbp and Mbp', () => {
    expect([bp(1465), bp(52_000), bp(4_600_000)]).toEqual(['1,465 bp', '52.0 kbp', '4.60 Mbp']);
  });

  it('colours identity by the call', () => {
    expect([identityStatus('species'), identityStatus('genus'), identityStatus('none')]).toEqual(['success', 'normal', 'exception']);
  });
});
