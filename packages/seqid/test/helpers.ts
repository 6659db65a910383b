import { rng } from '../../../bench/random.js';

export { rng };
export const randomSeq = (r: () => number, n: number) => Array.from({ length: n }, () => 'ACGT'[Math.floor(r() * 4)]).join('');

/** `count` substitutions at distinct positions spread over the middle of the sequence. */
export function substitute(seq: string, positions: number[]): string {
  const out = seq.split('');
  for (const p of positions) out[p] = 'ACGT'[('ACGT'.indexOf(out[p]) + 1) % 4];
  return out.join('');
}

export function mutate(seq: string, rate: number, r: () => number): string {
  return seq.split('').map((c) => (r() < rate ? 'ACGT'[('ACGT'.indexOf(c) + 1 + Math.floor(r() * 3)) % 4] : c)).join('');
}

const COMP: Record<string, string> = { A: 'T', C: 'G', G: 'C', T: 'A', N: 'N', R: 'Y', Y: 'R' };
export const revComp = (s: string) => s.split('').reverse().map((c) => COMP[c]).join('');
