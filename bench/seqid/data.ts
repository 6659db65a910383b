/**
 * The two identification benchmarks' data sets, both from the 16S type-strain file in
 * bench/data/16s/ (see its SOURCES.md), built from a fixed seed so every run sees the same data.
 *
 * 1. Genus, real held-out: one sequence of every genus that has at least two is the query, every
 *    other sequence is a reference. Truth: the query's genus.
 * 2. Species at scale, generated: each real sequence stands for a species; its references are
 *    12 or 13 variants (50,000 in all) with 0.2–1 % substitutions and 0–3 indels of 1–3 bases;
 *    the 1,000 queries are further variants of species drawn at random, 0.5–1.5 % substitutions
 *    and 0–4 indels, 30 % reverse-complemented, 30 % trimmed to a 1,200–1,400 bp window.
 *    Truth: the species the query was drawn from.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseFasta } from '../../packages/seqid/src/index.js';
import { rng } from '../random.js';

export interface Seq { id: string; sequence: string }
export interface BenchSet {
  name: string;
  refs: Seq[];
  queries: Seq[];
  /** the label a reference or query is judged by (genus, or species) */
  labelOf: Map<string, string>;
}

export function readSixteenS(): Array<Seq & { genus: string }> {
  const text = gunzipSync(readFileSync(new URL('../data/16s/ten_16s.100.fa.gz', import.meta.url))).toString('utf8');
  const { records, problems } = parseFasta(text);
  if (problems.length) throw new Error(`bench data: ${problems[0].en}`);
  return records.map((r) => ({ id: r.id.split(';')[0], sequence: r.sequence, genus: /g:([^,;]+)/.exec(r.id)?.[1] ?? 'unknown' }));
}

export function genusSet(seed = 7): BenchSet {
  const all = readSixteenS(), r = rng(seed);
  const byGenus = new Map<string, number[]>();
  all.forEach((s, i) => byGenus.set(s.genus, [...(byGenus.get(s.genus) ?? []), i]));
  const held = new Set<number>();
  for (const members of byGenus.values()) if (members.length >= 2) held.add(members[Math.floor(r() * members.length)]);
  const labelOf = new Map(all.map((s) => [s.id, s.genus]));
  return { name: 'genus, real held-out', refs: all.filter((_, i) => !held.has(i)), queries: all.filter((_, i) => held.has(i)), labelOf };
}

const BASES = 'ACGT';

/** Substitutions at `rate` (to one of the three other bases), then `indels` insertions or deletions of 1–3 bases. */
export function mutate(sequence: string, rate: number, indels: number, r: () => number): string {
  const out = sequence.split('');
  for (let i = 0; i < out.length; i++) {
    if (r() >= rate) continue;
    const at = BASES.indexOf(out[i]);
    out[i] = at < 0 ? out[i] : BASES[(at + 1 + Math.floor(r() * 3)) % 4];
  }
  for (let x = 0; x < indels; x++) {
    const len = 1 + Math.floor(r() * 3), at = Math.floor(r() * (out.length - len));
    if (r() < 0.5) out.splice(at, len);
    else out.splice(at, 0, ...Array.from({ length: len }, () => BASES[Math.floor(r() * 4)]));
  }
  return out.join('');
}

const COMPLEMENT: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', R: 'Y', Y: 'R', S: 'S', W: 'W', K: 'M', M: 'K', B: 'V', V: 'B', D: 'H', H: 'D', N: 'N' };
export const reverseComplement = (s: string) => s.split('').reverse().map((c) => COMPLEMENT[c] ?? 'N').join('');

export function speciesSet(refs = 50_000, queries = 1_000, seed = 16): BenchSet {
  const all = readSixteenS(), r = rng(seed);
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);
  const labelOf = new Map<string, string>();
  const refSeqs: Seq[] = [];
  const perSpecies = Math.floor(refs / all.length), extra = refs - perSpecies * all.length;
  all.forEach((s, si) => {
    const n = perSpecies + (si < extra ? 1 : 0);
    for (let v = 0; v < n; v++) {
      const id = `${s.id}_v${String(v + 1).padStart(2, '0')}`;
      refSeqs.push({ id, sequence: mutate(s.sequence, between(0.002, 0.01), Math.floor(r() * 4), r) });
      labelOf.set(id, s.id);
    }
  });
  const querySeqs: Seq[] = [];
  for (let q = 0; q < queries; q++) {
    const s = all[Math.floor(r() * all.length)];
    let seq = mutate(s.sequence, between(0.005, 0.015), Math.floor(r() * 5), r);
    if (r() < 0.3) {
      const len = Math.min(seq.length, Math.floor(between(1200, 1400)));
      const at = Math.floor(r() * (seq.length - len + 1));
      seq = seq.slice(at, at + len);
    }
    if (r() < 0.3) seq = reverseComplement(seq);
    const id = `Q${String(q + 1).padStart(4, '0')}`;
    querySeqs.push({ id, sequence: seq });
    labelOf.set(id, s.id);
  }
  return { name: 'species at scale, generated', refs: refSeqs, queries: querySeqs, labelOf };
}
