import { describe, expect, it } from 'vitest';
import { SCORES, SeqIndex, search, type Hit } from '../src/index.js';
import { mutate, randomSeq, revComp, rng, substitute } from './helpers.js';

/** A family of close relatives (a common ancestor, each reference 4–8 % away from it) plus unrelated sequences. */
function family(seed: number) {
  const r = rng(seed);
  const ancestor = randomSeq(r, 1200);
  const refs = new Map<string, string>();
  for (let i = 0; i < 30; i++) refs.set(`rel${i}`, mutate(ancestor, 0.04 + 0.04 * r(), r));
  for (let i = 0; i < 30; i++) refs.set(`other${i}`, randomSeq(r, 900 + Math.floor(r() * 600)));
  return { r, refs };
}
const indexOf = (refs: Map<string, string>, opts?: { k?: number }) => {
  const index = new SeqIndex(opts);
  for (const [k, s] of refs) index.add(k, s);
  return index;
};
const only = (hits: Hit[]) => hits.map((h) => ({ ...h }));

describe('alignment figures on hand-made cases', () => {
  const r = rng(11);
  const q = randomSeq(r, 300);
  const one = (subject: string) => search(indexOf(new Map([['s', subject]])), q)[0];

  it('an identical sequence: 100 % over the whole query', () => {
    expect(one(q)).toMatchObject({ identity: 100, alignedLength: 300, queryCoverage: 100, mismatches: 0, gaps: 0, gapOpens: 0, queryStart: 1, queryEnd: 300, subjectStart: 1, subjectEnd: 300, strand: 'plus', score: 300 * SCORES.match });
  });

  it('three substitutions: 297 of 300 columns', () => {
    expect(one(substitute(q, [60, 150, 240]))).toMatchObject({ identity: 99, alignedLength: 300, mismatches: 3, gaps: 0, score: 297 * SCORES.match + 3 * SCORES.mismatch });
  });

  it('a deletion of 2 bases and an insertion of 3 in the subject: gap columns and openings counted', () => {
    const subject = q.slice(0, 100) + q.slice(102, 200) + 'TTT' + q.slice(200);
    const gap = (n: number) => SCORES.gapOpen + n * SCORES.gapExtend;
    expect(one(subject)).toMatchObject({ alignedLength: 303, mismatches: 0, gaps: 5, gapOpens: 2, identity: 98.35, queryCoverage: 100, subjectEnd: 301, score: 298 * SCORES.match - gap(2) - gap(3) });
  });

  it('is local: a mismatching end is left out and the coverage says so', () => {
    const h = one(substitute(q, [1]));
    expect(h).toMatchObject({ queryStart: 3, queryEnd: 300, mismatches: 0, identity: 100, alignedLength: 298, queryCoverage: 99.33 });
  });

  it('counts an ambiguity code against a compatible base as a match, against an incompatible one as a mismatch', () => {
    const chars = q.split('');
    const compatible = { A: 'R', G: 'R', C: 'Y', T: 'Y' } as Record<string, string>;
    const incompatible = { A: 'Y', G: 'Y', C: 'R', T: 'R' } as Record<string, string>;
    chars[100] = compatible[chars[100]]; chars[101] = 'N'; chars[200] = incompatible[chars[200]];
    expect(one(chars.join(''))).toMatchObject({ mismatches: 1, alignedLength: 300, identity: 99.67 });
  });
});

describe('search', () => {
  it('breaks a tie between species by the support of the other hits, never a better score', () => {
    const r = rng(41);
    const q = randomSeq(r, 800);
    const close = substitute(q, [100, 400]);
    const species = (key: string) => key.slice(0, 1);
    // 'a0' (species A) and 'b1' (species B) are the query itself: a tie, which the keys alone give to a0;
    // B has a second close hit, A none, so with species known B's hit comes first.
    const tied = new Map([['a0', q], ['b1', q], ['b2', close]]);
    expect(search(indexOf(tied), q)[0].key).toBe('a0');
    expect(search(indexOf(tied), q, { groupOf: species })[0].key).toBe('b1');
    // Support never outweighs a better score.
    const better = new Map([['a0', q], ['b1', close], ['b2', close]]);
    expect(search(indexOf(better), q, { groupOf: species })[0].key).toBe('a0');
  });

  it('finds the source of a mutated sequence among close relatives, best first', () => {
    const { r, refs } = family(1);
    const index = indexOf(refs);
    for (const source of ['rel3', 'rel17', 'rel28']) {
      const query = mutate(refs.get(source)!, 0.015, r);
      const hits = search(index, query);
      expect(hits[0].key).toBe(source);
      expect(hits[0].identity).toBeGreaterThan(97);
      expect(hits).toHaveLength(10);
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
      expect(hits.every((h) => h.key.startsWith('rel'))).toBe(true);
    }
  });

  it('finds a query given as the reverse complement, with BLAST-style coordinates', () => {
    const { r, refs } = family(2);
    const index = indexOf(refs);
    const source = refs.get('rel5')!;
    const plus = search(index, mutate(source.slice(100, 1100), 0.01, r), { top: 1 })[0];
    const minus = search(index, revComp(source.slice(100, 1100)), { top: 1 })[0];
    expect(plus).toMatchObject({ key: 'rel5', strand: 'plus', subjectStart: 101, subjectEnd: 1100 });
    expect(minus).toMatchObject({ key: 'rel5', strand: 'minus', identity: 100, queryStart: 1, queryEnd: 1000, subjectStart: 1100, subjectEnd: 101 });
  });

  it('leaves out what `allow` refuses before scoring, and never returns it', () => {
    const { r, refs } = family(3);
    const index = indexOf(refs);
    const query = mutate(refs.get('rel9')!, 0.01, r);
    const seen: string[] = [];
    const hits = search(index, query, { top: 60, allow: (key) => { seen.push(key); return key !== 'rel9' && !key.startsWith('other'); } });
    expect(hits[0].key).not.toBe('rel9');
    expect(hits.map((h) => h.key)).not.toContain('rel9');
    expect(hits.every((h) => h.key.startsWith('rel'))).toBe(true);
    expect(seen).toContain('rel9');
  });

  it('searches several segments as one', () => {
    const { r, refs } = family(4);
    const entries = [...refs];
    const a = indexOf(new Map(entries.slice(0, 25))), b = indexOf(new Map(entries.slice(25)));
    const whole = indexOf(refs);
    const query = mutate(refs.get('rel27')!, 0.01, r);
    expect(only(search([a, b], query))).toEqual(only(search(whole, query)));
  });

  it('still finds candidates when the query holds only k-mers too frequent to count', () => {
    const r = rng(5);
    const core = randomSeq(r, 300);
    const index = new SeqIndex();
    for (let i = 0; i < 300; i++) index.add(`r${i}`, randomSeq(r, 200) + core + randomSeq(r, 200));
    index.compact();
    const hits = search(index, core, { top: 3 });
    expect(hits).toHaveLength(3);
    expect(hits.every((h) => h.identity === 100 && h.alignedLength === 300)).toBe(true);
  });

  it('aligns a gene inside a long genome holding two copies of it, to one copy', () => {
    const r = rng(6);
    const gene = randomSeq(r, 1200);
    const genome = randomSeq(r, 50_000) + gene + randomSeq(r, 80_000) + gene + randomSeq(r, 30_000);
    const index = indexOf(new Map([['genome', genome], ['decoy', randomSeq(r, 1500)]]));
    const [hit] = search(index, mutate(gene, 0.01, r));
    expect(hit.key).toBe('genome');
    expect(hit.alignedLength).toBeGreaterThanOrEqual(1195);
    expect([50_001, 131_201]).toContain(hit.subjectStart);
  });

  it('gives nothing for a query shorter than k or unlike anything', () => {
    const { r, refs } = family(7);
    const index = indexOf(refs);
    expect(search(index, 'ACGTACG')).toEqual([]);
    expect(search(index, 'A'.repeat(500))).toEqual([]);
  });

  it('refuses a query that is not nucleotides', () => {
    expect(() => search(new SeqIndex(), 'ACGTQ')).toThrow(/'Q' at position 5/);
  });
});
