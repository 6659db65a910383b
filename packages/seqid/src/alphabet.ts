/**
 * Nucleotides as 4-bit masks (A=1, C=2, G=4, T=8; an IUPAC code is the union of the bases it
 * stands for, N=15), so that "compatible" is one AND. Unambiguous bases also have a 2-bit code
 * (A=0, C=1, G=2, T=3) for packing and k-mers.
 */
export const IUPAC = 'ACGTURYSWKMBDHVN';

/** char code → mask; 0 for anything that is not a nucleotide code. Lower case and U included. */
export const MASK_OF = new Uint8Array(128);
const SET: Record<string, number> = { A: 1, C: 2, G: 4, T: 8, U: 8, R: 5, Y: 10, S: 6, W: 9, K: 12, M: 3, B: 14, D: 13, H: 11, V: 7, N: 15 };
for (const [c, m] of Object.entries(SET)) { MASK_OF[c.charCodeAt(0)] = m; MASK_OF[c.toLowerCase().charCodeAt(0)] = m; }

/** mask → letter (U is never produced: it is read as T). */
export const LETTER_OF = ['', 'A', 'C', 'M', 'G', 'R', 'S', 'V', 'T', 'W', 'Y', 'H', 'K', 'D', 'B', 'N'];

/** mask → 2-bit code, or -1 when the mask is ambiguous. */
export const CODE_OF = new Int8Array([-1, 0, 1, -1, 2, -1, -1, -1, 3, -1, -1, -1, -1, -1, -1, -1]);
export const MASK_OF_CODE = new Uint8Array([1, 2, 4, 8]);

/** The complement swaps A↔T and C↔G bits, which also complements every ambiguity code. */
export const COMPLEMENT = new Uint8Array(16);
for (let m = 0; m < 16; m++) COMPLEMENT[m] = ((m & 1) << 3) | ((m & 2) << 1) | ((m & 4) >> 1) | ((m & 8) >> 3);

/** A sequence already checked (upper-case IUPAC, no U) as masks. */
export function masksOf(sequence: string): Uint8Array {
  const out = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const c = sequence.charCodeAt(i);
    const m = c < 128 ? MASK_OF[c] : 0;
    if (m === 0) throw new Error(`seqid: '${sequence[i]}' at position ${i + 1} is not an IUPAC nucleotide code`);
    out[i] = m;
  }
  return out;
}

export function reverseComplement(masks: Uint8Array): Uint8Array {
  const n = masks.length, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[n - 1 - i] = COMPLEMENT[masks[i]];
  return out;
}

export function lettersOf(masks: Uint8Array): string {
  let s = '';
  for (let i = 0; i < masks.length; i += 8192) s += String.fromCharCode(...Array.from(masks.subarray(i, i + 8192), (m) => LETTER_OF[m].charCodeAt(0)));
  return s;
}
