import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFasta, runSeqCli } from '../src/index.js';
import { mutate, randomSeq, revComp, rng } from './helpers.js';

function run(args: string[]) {
  let out = '', err = '';
  const code = runSeqCli(args, { write: (t) => { out += t; }, error: (t) => { err += t; } });
  return { code, out, err };
}

describe('biomfg seq', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seqid-cli-'));
  const r = rng(21);
  const refs = Array.from({ length: 12 }, (_, i) => ({ id: `ref${i};tax=d:Bacteria,g:Genus${i % 3}`, sequence: randomSeq(r, 900) }));
  refs.push({ id: 'named', description: 'Bacillus subtilis strain 168 16S ribosomal RNA', sequence: randomSeq(r, 900) } as never);
  const db = join(dir, 'refs.fasta.gz'), q = join(dir, 'q.fasta');
  writeFileSync(db, gzipSync(formatFasta(refs)));
  writeFileSync(q, formatFasta([{ id: 'q1', sequence: mutate(refs[4].sequence, 0.005, r) }, { id: 'q2', sequence: revComp(refs[12].sequence) }]));

  it('identifies each query against a gzipped reference file and writes JSON with BLAST-style fields and a call', () => {
    const { code, out } = run(['identify', '--db', db, '--query', q, '--top', '2']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.index).toMatchObject({ references: 13 });
    expect(json.index.memoryBytes).toBeGreaterThan(0);
    expect(json.queries.map((x: { id: string }) => x.id)).toEqual(['q1', 'q2']);
    const [first] = json.queries[0].hits;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['id', 'identity', 'alignedLength', 'queryCoverage', 'mismatches', 'gaps', 'qstart', 'qend', 'sstart', 'send', 'call']));
    expect(first).toMatchObject({ id: 'ref4;tax=d:Bacteria,g:Genus1', qstart: 1, qend: 900, call: { level: 'species' } });
    expect(first.call.en).toMatch(/^Same species as Genus1 sp\. \(16S identity 99\.\d+ %, coverage 100 %\)$/);
    expect(json.queries[1].hits[0]).toMatchObject({ id: 'named', identity: 100, sstart: 900, send: 1, call: { zh: '与 Bacillus subtilis 同种（16S 一致性 100%，覆盖度 100%）' } });
  });

  it('saves the index and identifies against the saved file alike', () => {
    const file = join(dir, 'refs.seqidx');
    expect(run(['index', '--db', db, '--out', file]).code).toBe(0);
    const fromFile = JSON.parse(run(['identify', '--db', file, '--query', q]).out);
    const fromFasta = JSON.parse(run(['identify', '--db', db, '--query', q]).out);
    const strip = (j: { queries: Array<{ hits: Array<{ call: unknown }> }> }) => j.queries.map((x) => x.hits.map(({ call, ...h }) => h));
    expect(strip(fromFile)).toEqual(strip(fromFasta));
  });

  it('exits 1 naming the record and position of a problem in the input, in Chinese and English', () => {
    const bad = join(dir, 'bad.fasta');
    writeFileSync(bad, '>q1\nACGT\n>q2\nACGTACE\n');
    const { code, out, err } = run(['identify', '--db', db, '--query', bad]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('第 2 条记录（q2）第 4 行第 7 列（序列第 7 位）');
    expect(err).toContain('Record 2 (q2), line 4, column 7, sequence position 7');
  });

  it('prints its usage for missing or wrong arguments', () => {
    expect(run(['identify', '--db', db]).code).toBe(2);
    expect(run(['identify', '--db', db, '--query', q, '--k', '40']).err).toMatch(/seq identify --db/);
    rmSync(dir, { recursive: true, force: true });
  });
});
