import { describe, expect, it } from 'vitest';
import { formatFasta, parseFasta } from '../src/index.js';

describe('parseFasta', () => {
  it('reads several records with any line width, line ending and case', () => {
    const text = '>one first sequence\nACGT\nacgt\r\n>two\r\nAC\rGG\r\r>three  spaced   out \nA C\tG-T..A\n';
    const { records, problems } = parseFasta(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { id: 'one', description: 'first sequence', sequence: 'ACGTACGT', line: 1 },
      { id: 'two', description: '', sequence: 'ACGG', line: 4 },
      { id: 'three', description: 'spaced   out', sequence: 'ACGTA', line: 8 },
    ]);
  });

  it('keeps IUPAC ambiguity codes, reads U as T and skips a byte-order mark', () => {
    const { records, problems } = parseFasta('\uFEFF>rna\nacguu\nRYSWKMBDHVN nryswkmbdhv\n');
    expect(problems).toEqual([]);
    expect(records[0].sequence).toBe('ACGTTRYSWKMBDHVNNRYSWKMBDHV');
  });

  it('names the record, line, column and sequence position of every character that is not a nucleotide code', () => {
    const { records, problems } = parseFasta('>ok\nACGT\n>bad protein\nACGT\nACXJ\n');
    expect(records.map((r) => r.id)).toEqual(['ok', 'bad']);
    expect(problems).toEqual([
      expect.objectContaining({ record: 2, id: 'bad', line: 5, column: 3, position: 7 }),
      expect.objectContaining({ record: 2, id: 'bad', line: 5, column: 4, position: 8 }),
    ]);
    expect(problems[0].zh).toBe('第 2 条记录（bad）第 5 行第 3 列（序列第 7 位）：字符“X”不是 IUPAC 核苷酸代码');
    expect(problems[0].en).toBe("Record 2 (bad), line 5, column 3, sequence position 7: 'X' is not an IUPAC nucleotide code");
  });

  it('reports text before the first header, an empty header, an empty sequence and a duplicate id', () => {
    const { problems } = parseFasta('ACGT\n>\nACGT\n>empty\n\n>dup\nAC\n>dup\nGT\n');
    expect(problems.map((p) => [p.record, p.line, p.column, p.position, p.en])).toEqual([
      [0, 1, 1, null, "Line 1: text before the first '>' header"],
      [1, 2, 1, null, 'Record 1, line 2, column 1: the header has no id'],
      [2, 4, 1, null, 'Record 2 (empty), line 4, column 1: the sequence is empty'],
      [4, 8, 2, null, "Record 4 (dup), line 8, column 2: the id 'dup' is used twice"],
    ]);
    expect(problems.every((p) => p.zh && /[\u4e00-\u9fff]/.test(p.zh))).toBe(true);
  });

  it('stops at too many records and names where a sequence grows too long', () => {
    const many = parseFasta('>a\nA\n>b\nC\n>c\nG\n', { maxRecords: 2 });
    expect(many.records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(many.problems).toEqual([expect.objectContaining({ record: 3, line: 5, position: null, en: 'Line 5: more than 2 records' })]);
    const long = parseFasta('>a\nACGTA\nCGT\n>b\nAC\n', { maxLength: 6 });
    expect(long.problems).toEqual([expect.objectContaining({ record: 1, id: 'a', line: 3, column: 2, position: 7 })]);
    expect(long.records[0].sequence).toBe('ACGTAC');
  });

  it('caps the number of problems so a wrong file does not flood the answer', () => {
    const { problems } = parseFasta(`>p\n${'MKLVQE'.repeat(100)}\n`, { maxProblems: 5 });
    expect(problems).toHaveLength(5);
  });

  it('formats records back to FASTA that parses to the same thing', () => {
    const records = [{ id: 'x', description: 'a b', sequence: 'ACGT'.repeat(20) }, { id: 'y', sequence: 'NNRY' }];
    const text = formatFasta(records, 60);
    expect(text.split('\n')[1]).toHaveLength(60);
    expect(parseFasta(text).records.map((r) => [r.id, r.description, r.sequence])).toEqual([['x', 'a b', 'ACGT'.repeat(20)], ['y', '', 'NNRY']]);
  });
});
