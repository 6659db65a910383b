/**
 * Local alignment (Gotoh's recurrences, so gap opening and extension can differ) inside a band of
 * diagonals. Bases are 4-bit masks, so an ambiguity code matching a compatible base (R against A
 * or G, N against anything) is a match. Integer DP rows in typed arrays, one direction byte per
 * cell for the traceback.
 *
 * Scores: blastn megablast's defaults (+1 a match, −2 a mismatch, 2.5 a gap base, no opening
 * cost), doubled to stay integers. Measured on bench/seqid.ts against blastn's own (+2, −3, gap
 * 5 + 2·L): as accurate on genus, more on species (near-identical species are told apart by a
 * few differences, where megablast's ranking is the one users compare with).
 */
export const SCORES = { match: 2, mismatch: -4, gapOpen: 0, gapExtend: 5 } as const;

export interface Alignment {
  score: number;
  /** 0-based, inclusive, in the query and in the subject window */
  qStart: number; qEnd: number; sStart: number; sEnd: number;
  matches: number; mismatches: number; gapColumns: number; gapOpens: number;
}

const NEG = -(1 << 29);

/** Buffers reused from one alignment to the next (grown when needed). */
export class Workspace {
  hA = new Int32Array(0); hB = new Int32Array(0); fA = new Int32Array(0); fB = new Int32Array(0);
  dir = new Uint8Array(0);
  subject = new Uint8Array(0);
  ensure(width: number, cells: number) {
    if (this.hA.length < width + 2) {
      const n = Math.max(width + 2, this.hA.length * 2);
      this.hA = new Int32Array(n); this.hB = new Int32Array(n); this.fA = new Int32Array(n); this.fB = new Int32Array(n);
    }
    if (this.dir.length < cells) this.dir = new Uint8Array(Math.max(cells, this.dir.length * 2));
  }
  subjectBuffer(n: number): Uint8Array {
    if (this.subject.length < n) this.subject = new Uint8Array(Math.max(n, this.subject.length * 2));
    return this.subject;
  }
}

/**
 * Best local alignment of q[0..m) against s[0..n) with j − i kept within [dLo, dHi]
 * (i in the query, j in the subject). Null when nothing scores above zero.
 */
export function alignBanded(q: Uint8Array, m: number, s: Uint8Array, n: number, dLo: number, dHi: number, ws: Workspace): Alignment | null {
  const W = dHi - dLo + 1;
  if (W <= 0 || m <= 0 || n <= 0) return null;
  ws.ensure(W, m * W);
  const { match: MA, mismatch: MI, gapExtend: EXT } = SCORES, OE = SCORES.gapOpen + SCORES.gapExtend;
  let Hp = ws.hA, Hc = ws.hB, Fp = ws.fA, Fc = ws.fB;
  Hp.fill(0, 0, W + 2); Hc.fill(0, 0, W + 2); Fp.fill(NEG, 0, W + 2); Fc.fill(NEG, 0, W + 2);
  const dir = ws.dir;
  let best = 0, bi = -1, bt = -1;
  for (let i = 0; i < m; i++) {
    const jLo = i + dLo > 0 ? i + dLo : 0, jHi = i + dHi < n - 1 ? i + dHi : n - 1;
    if (jLo > jHi) continue;
    const tLo = jLo - i - dLo, tHi = jHi - i - dLo, qi = q[i], row = i * W, jOff = i + dLo;
    // Slot t+1 holds column t; the slots either side of the computed run read as "outside".
    Hc[tLo] = 0; Fc[tLo] = NEG;
    let e = NEG, hLeft = 0, hDiag = Hp[tLo + 1];
    for (let t = tLo; t <= tHi; t++) {
      // The cell above is the next column's diagonal: read once, carried.
      const hUp = Hp[t + 2];
      let h = hDiag + ((qi & s[jOff + t]) !== 0 ? MA : MI), d = 1;
      hDiag = hUp;
      const eOpen = hLeft - OE, eExt = e - EXT;
      let flags = 0;
      // Ties go to extending: with no opening cost a run of gap columns is still one gap.
      if (eExt >= eOpen) { e = eExt; flags = 4; } else e = eOpen;
      const fOpen = hUp - OE, fExt = Fp[t + 2] - EXT;
      let f: number;
      if (fExt >= fOpen) { f = fExt; flags |= 8; } else f = fOpen;
      if (e > h) { h = e; d = 2; }
      if (f > h) { h = f; d = 3; }
      if (h <= 0) { h = 0; d = 0; }
      Hc[t + 1] = h; Fc[t + 1] = f; hLeft = h;
      dir[row + t] = d | flags;
      if (h > best) { best = h; bi = i; bt = t; }
    }
    Hc[tHi + 2] = 0; Fc[tHi + 2] = NEG;
    const th = Hp; Hp = Hc; Hc = th;
    const tf = Fp; Fp = Fc; Fc = tf;
  }
  if (bi < 0) return null;

  // Traceback: state 0 = in H, 2 = in a gap in the query (E, moves left), 3 = a gap in the subject (F, moves up).
  let i = bi, t = bt, state = 0;
  let matches = 0, mismatches = 0, gapColumns = 0, gapOpens = 0, qStart = bi, sStart = bi + dLo + bt;
  const inBand = (ii: number, tt: number) => {
    if (ii < 0 || tt < 0 || tt >= W) return false;
    const j = ii + dLo + tt;
    return j >= 0 && j < n;
  };
  for (;;) {
    const code = dir[i * W + t];
    if (state === 0) {
      const src = code & 3;
      if (src === 0) break;
      if (src === 1) {
        const j = i + dLo + t;
        if ((q[i] & s[j]) !== 0) matches++; else mismatches++;
        qStart = i; sStart = j;
        i--;
        if (!inBand(i, t)) break;
      } else { state = src; gapOpens++; }
    } else if (state === 2) {
      gapColumns++;
      t--;
      if (!(code & 4)) state = 0;
    } else {
      gapColumns++;
      i--; t++;
      if (!(code & 8)) state = 0;
    }
  }
  return { score: best, qStart, qEnd: bi, sStart, sEnd: bi + dLo + bt, matches, mismatches, gapColumns, gapOpens };
}
