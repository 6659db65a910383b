import { masksOf, reverseComplement, CODE_OF as CODES } from './alphabet.js';
import { alignBanded, Workspace } from './align.js';
import type { SeqIndex } from './seq-index.js';

export interface SearchOptions {
  /** hits returned, best first (default 10) */
  top?: number;
  /** references aligned after the k-mer count (default 40; at least `top`) */
  candidates?: number;
  /** leaves out references the caller may not see, before anything is scored */
  allow?: (key: string) => boolean;
  /**
   * What a reference is evidence for (its species). Only breaks ties: of two hits with the same
   * score and coverage, the one whose group the other hits support better comes first.
   */
  groupOf?: (key: string) => string | undefined;
}
export interface Hit {
  key: string;
  /** % identical columns over the aligned region (BLAST's pident), 2 decimals */
  identity: number;
  alignedLength: number;
  /** % of the query inside the alignment, 2 decimals */
  queryCoverage: number;
  mismatches: number;
  /** gap columns (positions); `gapOpens` counts the gaps themselves, as BLAST's gapopen */
  gaps: number;
  gapOpens: number;
  /** 1-based, inclusive; the query's coordinates always increase, the subject's decrease on the minus strand (as in BLAST) */
  queryStart: number; queryEnd: number; subjectStart: number; subjectEnd: number;
  strand: 'plus' | 'minus';
  queryLength: number; subjectLength: number;
  /** the alignment's raw score (SCORES: megablast's +1 / −2 / 2.5 a gap base, doubled) */
  score: number;
}

/** Tuning, measured with bench/seqid.ts (see docs/benchmarks.md). */
export const TUNING = {
  candidates: 40,
  /** width of the diagonal window that holds most shared k-mers (the alignment's band), and the margin around it */
  bandWindow: (m: number) => Math.min(256, Math.max(24, Math.ceil(m * 0.03))),
  bandMargin: 8,
  /** shared k-mers a diagonal needs to count for the band */
  bandSupport: 3,
};

/** The query's distinct k-mers: first position, and per search scratch (counted or not, last reference seen). */
class QueryKmers {
  readonly size: number;
  private readonly shift: number;
  readonly keys: Int32Array; readonly pos: Int32Array; readonly informative: Uint8Array; readonly stamp: Int32Array;
  readonly list: number[] = [];
  constructor(masks: Uint8Array, k: number) {
    let size = 16, bits = 4;
    while (size < masks.length * 2) { size <<= 1; bits++; }
    this.size = size;
    this.shift = 32 - bits;
    this.keys = new Int32Array(size).fill(-1); this.pos = new Int32Array(size);
    this.informative = new Uint8Array(size); this.stamp = new Int32Array(size);
    const mask = (1 << (2 * k)) - 1;
    let km = 0, run = 0;
    for (let i = 0; i < masks.length; i++) {
      const c = CODE_OF[masks[i]];
      if (c < 0) { run = 0; continue; }
      km = ((km << 2) | c) & mask;
      if (++run < k) continue;
      let h = Math.imul(km, 0x9e3779b1) >>> this.shift;
      while (this.keys[h] !== -1 && this.keys[h] !== km) h = (h + 1) & (size - 1);
      if (this.keys[h] === -1) { this.keys[h] = km; this.pos[h] = i - k + 1; this.list.push(h); }
    }
  }
  lookup(km: number): number {
    let h = Math.imul(km, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const v = this.keys[h];
      if (v === km) return h;
      if (v === -1) return -1;
      h = (h + 1) & (this.size - 1);
    }
  }
}
// A module-local binding: loaders that turn imports into getters would put one in the hot loop.
const CODE_OF = CODES;

interface Candidate { seg: number; slot: number; minus: boolean; count: number }

/** Per segment count buffers, kept between searches (one search at a time: Node runs one at a time). */
const scratch = new WeakMap<SeqIndex, { counts: Int32Array; touched: Int32Array }>();
const workspace = new Workspace();

/**
 * Ranked hits of a query among one or several index segments: the references sharing the most
 * informative k-mers with the query (either strand) are aligned, best score first (then identity).
 */
export function search(index: SeqIndex | SeqIndex[], query: string, opts: SearchOptions = {}): Hit[] {
  const segments = Array.isArray(index) ? index : [index];
  const top = opts.top ?? 10;
  const wanted = Math.max(top, opts.candidates ?? TUNING.candidates);
  const fwd = masksOf(query.toUpperCase()), rev = reverseComplement(fwd), m = fwd.length;
  const tables = new Map<number, [QueryKmers, QueryKmers]>();
  const tablesFor = (k: number) => {
    let t = tables.get(k);
    if (!t) tables.set(k, t = [new QueryKmers(fwd, k), new QueryKmers(rev, k)]);
    return t;
  };

  let candidates: Candidate[] = [];
  segments.forEach((seg, si) => {
    if (seg.needsCompaction()) seg.compact();
    const [tf, tr] = tablesFor(seg.k);
    for (const c of countShared(seg, tf, wanted, opts.allow)) candidates.push({ seg: si, slot: c[0], minus: false, count: c[1] });
    for (const c of countShared(seg, tr, wanted, opts.allow)) candidates.push({ seg: si, slot: c[0], minus: true, count: c[1] });
  });
  // A reference found on both strands keeps its better one.
  candidates.sort((a, b) => b.count - a.count || a.seg - b.seg || a.slot - b.slot || Number(a.minus) - Number(b.minus));
  const seen = new Set<string>();
  candidates = candidates.filter((c) => { const id = `${c.seg}:${c.slot}`; if (seen.has(id)) return false; seen.add(id); return true; }).slice(0, wanted);

  const hits = new Map<string, Hit>();
  for (const c of candidates) {
    const seg = segments[c.seg];
    const hit = alignCandidate(seg, c.slot, c.minus ? rev : fwd, c.minus, tablesFor(seg.k)[c.minus ? 1 : 0]);
    if (!hit) continue;
    const prior = hits.get(hit.key);
    if (!prior || better(hit, prior)) hits.set(hit.key, hit);
  }
  return rank([...hits.values()], opts.groupOf).slice(0, top);

  function alignCandidate(seg: SeqIndex, slot: number, q: Uint8Array, minus: boolean, table: QueryKmers): Hit | null {
    const n = seg.lengthOf[slot];
    const band = bandOf(seg, slot, table, m);
    if (!band) return null;
    // Only the part of the reference the band can reach is unpacked: a genome stays cheap.
    const from = Math.max(0, band.lo), to = Math.min(n, m + band.hi);
    if (from >= to) return null;
    const s = workspace.subjectBuffer(to - from);
    seg.masksInto(slot, from, to, s);
    const a = alignBanded(q, m, s, to - from, band.lo - from, band.hi - from, workspace);
    if (!a) return null;
    const columns = a.matches + a.mismatches + a.gapColumns;
    const sStart = a.sStart + from + 1, sEnd = a.sEnd + from + 1;
    return {
      key: seg.keyOf[slot]!,
      identity: round2((100 * a.matches) / columns), alignedLength: columns,
      queryCoverage: round2((100 * (a.qEnd - a.qStart + 1)) / m),
      mismatches: a.mismatches, gaps: a.gapColumns, gapOpens: a.gapOpens,
      queryStart: minus ? m - a.qEnd : a.qStart + 1, queryEnd: minus ? m - a.qStart : a.qEnd + 1,
      subjectStart: minus ? sEnd : sStart, subjectEnd: minus ? sStart : sEnd,
      strand: minus ? 'minus' : 'plus', queryLength: m, subjectLength: n, score: a.score,
    };
  }
}

const better = (a: Hit, b: Hit) => a.score !== b.score ? a.score > b.score : a.identity !== b.identity ? a.identity > b.identity : a.key < b.key;

/**
 * Best first: by score; a tie goes to the alignment covering more of the query, then to the hit
 * whose group (species) the next hits back more strongly — the best score among the other hits
 * of its group — then as `better`. A tie on score is no evidence either way; the neighbours are.
 */
function rank(hits: Hit[], groupOf?: (key: string) => string | undefined): Hit[] {
  const support = new Map<Hit, number>();
  if (groupOf) {
    const firstTwo = new Map<string, number[]>();
    for (const h of [...hits].sort((a, b) => b.score - a.score)) {
      const g = groupOf(h.key);
      if (g === undefined) continue;
      const scores = firstTwo.get(g) ?? [];
      if (scores.length < 2) firstTwo.set(g, [...scores, h.score]);
    }
    for (const h of hits) {
      const g = groupOf(h.key), scores = g === undefined ? undefined : firstTwo.get(g);
      // The group's best score apart from this hit: its second when this hit is its first.
      support.set(h, !scores ? -Infinity : scores[0] === h.score ? scores[1] ?? -Infinity : scores[0]);
    }
  }
  const order = (a: Hit, b: Hit) =>
    b.score - a.score || b.queryCoverage - a.queryCoverage
    || (support.get(b) ?? -Infinity) - (support.get(a) ?? -Infinity) || (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  return hits.sort(order);
}
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * How many of the query's informative k-mers each reference of a segment shares: postings for the
 * compacted part, a direct scan of the pending tail. Returns the best `wanted` as [slot, count].
 */
function countShared(seg: SeqIndex, table: QueryKmers, wanted: number, allow?: (key: string) => boolean): Array<[number, number]> {
  const slots = seg.keyOf.length;
  let buf = scratch.get(seg);
  if (!buf || buf.counts.length < slots) scratch.set(seg, buf = { counts: new Int32Array(Math.max(slots, 1024)), touched: new Int32Array(Math.max(slots, 1024)) });
  const { counts, touched } = buf;
  let nTouched = 0;
  const run = (countFrequent: boolean) => {
    const { starts, postings, frequent } = seg.post;
    let skipped = 0;
    for (const h of table.list) {
      table.stamp[h] = -1;
      const r = seg.find(table.keys[h]);
      if (r < 0) { table.informative[h] = 1; continue; }
      const a = starts[r], b = starts[r + 1];
      if (frequent[r] && !countFrequent) { table.informative[h] = 0; skipped++; continue; }
      table.informative[h] = 1;
      for (let p = a; p < b; p++) { const s = postings[p]; if (counts[s]++ === 0) touched[nTouched++] = s; }
    }
    for (let s = seg.mainSlots; s < slots; s++) {
      if (seg.keyOf[s] === null) continue;
      const kms = seg.kmersOf(s), n = seg.lengthOf[s] - seg.k + 1;
      for (let j = 0; j < n; j++) {
        if (kms[j] < 0) continue;
        const h = table.lookup(kms[j]);
        if (h < 0 || !table.informative[h] || table.stamp[h] === s) continue;
        table.stamp[h] = s;
        if (counts[s]++ === 0) touched[nTouched++] = s;
      }
    }
    return skipped;
  };
  // A query made only of conserved k-mers still deserves candidates: those on the kept postings.
  if (run(false) > 0 && nTouched === 0) run(true);

  // The `wanted` best by count: a histogram of counts gives the cut without sorting every reference
  // touched; removed and disallowed ones are dropped above the cut, and the cut lowered if too few remain.
  let maxCount = 0;
  for (let x = 0; x < nTouched; x++) if (counts[touched[x]] > maxCount) maxCount = counts[touched[x]];
  const hist = new Int32Array(maxCount + 2);
  for (let x = 0; x < nTouched; x++) hist[counts[touched[x]]]++;
  const out: Array<[number, number]> = [];
  let cut = maxCount + 1, acc = 0;
  while (out.length < wanted && cut > 1) {
    const upper = cut;
    while (cut > 1 && acc < wanted * 2) acc += hist[--cut];
    if (acc < wanted * 2) cut = 1;
    for (let x = 0; x < nTouched; x++) {
      const s = touched[x], c = counts[s];
      if (c < cut || c >= upper) continue;
      const key = seg.keyOf[s];
      if (key !== null && (!allow || allow(key))) out.push([s, c]);
    }
    acc = out.length;
  }
  for (let x = 0; x < nTouched; x++) counts[touched[x]] = 0;
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return out.slice(0, wanted);
}

/**
 * The band for one reference from the diagonals (reference position − query position) of the
 * k-mers it shares with the query. A true match lays runs of k-mers on one diagonal, a chance
 * k-mer lands alone: only diagonals hit `bandSupport` times count. Of those, the window holding
 * the most (a genome with several copies of the gene does not widen it), plus a margin for indels.
 */
function bandOf(seg: SeqIndex, slot: number, table: QueryKmers, m: number): { lo: number; hi: number } | null {
  const kms = seg.kmersOf(slot), n = seg.lengthOf[slot] - seg.k + 1;
  const diags: number[] = [];
  for (let j = 0; j < n; j++) {
    if (kms[j] < 0) continue;
    const h = table.lookup(kms[j]);
    if (h >= 0) diags.push(j - table.pos[h]);
  }
  if (!diags.length) return null;
  const all = Int32Array.from(diags).sort();
  // Diagonals with enough support, or all of them when none has (a short or distant match).
  const kept: number[] = [];
  for (let a = 0; a < all.length;) {
    let b = a;
    while (b < all.length && all[b] === all[a]) b++;
    if (b - a >= TUNING.bandSupport) for (let x = a; x < b; x++) kept.push(all[a]);
    a = b;
  }
  const d = kept.length ? kept : Array.from(all);
  const width = TUNING.bandWindow(m);
  let bestLo = 0, bestHi = 0, bestCount = 0;
  for (let lo = 0, hi = 0; hi < d.length; hi++) {
    while (d[hi] - d[lo] > width) lo++;
    if (hi - lo + 1 > bestCount) { bestCount = hi - lo + 1; bestLo = lo; bestHi = hi; }
  }
  return { lo: d[bestLo] - TUNING.bandMargin, hi: d[bestHi] + TUNING.bandMargin };
}
