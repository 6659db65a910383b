import { describe, expect, it } from 'vitest';
import { SeqIndex, search } from '../src/index.js';
import { mutate, randomSeq, rng } from './helpers.js';

function refs(seed: number, n = 40) {
  const r = rng(seed), base = randomSeq(r, 1000);
  return { r, seqs: Array.from({ length: n }, (_, i) => [`s${i}`, i % 2 ? mutate(base, 0.05, r) : randomSeq(r, 1000)] as const) };
}

describe('SeqIndex', () => {
  it('adds, replaces and removes one sequence at a time, before and after compaction', () => {
    const { r, seqs } = refs(1);
    const index = new SeqIndex();
    for (const [k, s] of seqs) index.add(k, s);
    expect(index.size).toBe(40);
    expect(index.has('s3')).toBe(true);
    const replacement = randomSeq(r, 800);
    index.add('s3', replacement);
    expect(index.size).toBe(40);
    expect(index.sequence('s3')).toBe(replacement);
    expect(search(index, seqs[3][1], { top: 40 }).find((h) => h.key === 's3')).toBeUndefined();
    expect(search(index, replacement, { top: 1 })[0]).toMatchObject({ key: 's3', identity: 100 });

    index.compact();
    expect(index.remove('s5')).toBe(true);
    expect(index.remove('s5')).toBe(false);
    expect(index.has('s5')).toBe(false);
    expect(index.size).toBe(39);
    expect([...index.keys()]).not.toContain('s5');
    expect(search(index, seqs[5][1], { top: 40 }).map((h) => h.key)).not.toContain('s5');
    index.add('late', seqs[5][1]);
    expect(search(index, seqs[5][1], { top: 1 })[0]).toMatchObject({ key: 'late', identity: 100 });
  });

  it('gives the same hits from the pending tail as from the compacted postings', () => {
    const { r, seqs } = refs(2);
    const index = new SeqIndex();
    for (const [k, s] of seqs) index.add(k, s);
    const queries = [mutate(seqs[7][1], 0.02, r), mutate(seqs[8][1], 0.02, r)];
    const before = queries.map((q) => search(index, q));
    index.compact();
    expect(queries.map((q) => search(index, q))).toEqual(before);
  });

  it('stores ambiguous bases beside the packed ones and gives the sequence back as given', () => {
    const index = new SeqIndex({ k: 8 });
    index.add('amb', 'acgtNNNNRYKMacguBDHVSW');
    expect(index.sequence('amb')).toBe('ACGTNNNNRYKMACGTBDHVSW');
    expect(() => index.add('bad', 'ACGTX')).toThrow(/'X' at position 5 of bad/);
    expect(() => new SeqIndex({ k: 20 })).toThrow(/k must be/);
  });

  it('round-trips through bytes: same keys, same sequences, same hits', () => {
    const { r, seqs } = refs(3);
    const index = new SeqIndex({ k: 10 });
    for (const [k, s] of seqs) index.add(k, s);
    index.add('ambiguous', 'NNNN' + seqs[0][1].slice(0, 500) + 'RYRY');
    const bytes = index.toBytes();
    // Bytes read back from a database are often at an odd offset in a larger buffer.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const loaded = SeqIndex.fromBytes(shifted.subarray(3));
    expect(loaded.k).toBe(10);
    expect([...loaded.keys()]).toEqual([...index.keys()]);
    expect(loaded.sequence('ambiguous')).toBe(index.sequence('ambiguous'));
    const queries = [mutate(seqs[11][1], 0.02, r), seqs[0][1].slice(100, 600)];
    for (const q of queries) expect(search(loaded, q)).toEqual(search(index, q));
    expect(loaded.memoryBytes()).toBeGreaterThan(0);
    loaded.add('more', randomSeq(r, 700));
    expect(search(loaded, loaded.sequence('more')!, { top: 1 })[0].key).toBe('more');
  });

  it('builds the same postings by sorting (small segments) as by dense counting (large ones), frequent k-mers cut alike', () => {
    const r = rng(5);
    const index = new SeqIndex({ k: 6, frequentFraction: 0.01 });
    for (let i = 0; i < 300; i++) index.add(`r${i}`, randomSeq(r, 40) + (i % 3 ? 'NACGTRY' : '') + randomSeq(r, 20));
    const internal = index as unknown as { buildPostingsSorted(cap: number): unknown; buildPostingsDense(cap: number): unknown };
    const sorted = internal.buildPostingsSorted(4) as { frequent: Uint8Array };
    expect(sorted).toEqual(internal.buildPostingsDense(4));
    expect(sorted.frequent.some((f) => f === 1)).toBe(true);
  });

  it('refuses truncated, corrupt and other-version bytes', () => {
    const { seqs } = refs(4, 10);
    const index = new SeqIndex();
    for (const [k, s] of seqs) index.add(k, s);
    const bytes = index.toBytes();
    expect(() => SeqIndex.fromBytes(bytes.slice(0, bytes.length - 8))).toThrow(/truncated/);
    expect(() => SeqIndex.fromBytes(bytes.slice(0, 20))).toThrow(/truncated/);
    const flipped = bytes.slice();
    flipped[bytes.length - 100] ^= 0x10;
    expect(() => SeqIndex.fromBytes(flipped)).toThrow(/checksum/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, 99, true);
    expect(() => SeqIndex.fromBytes(other)).toThrow(/version 99/);
    expect(() => SeqIndex.fromBytes(new TextEncoder().encode('>not an index, a FASTA file....\nACGT'))).toThrow(/not a readable index/);
  });
});
