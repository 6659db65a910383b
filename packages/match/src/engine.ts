import { bm25, corpusOf, corpusOfTokens, type Corpus } from './corpus.js';
import { demandColumns, popcount, supplyColumns, type DemandColumns, type SupplyColumns } from './features.js';
import type { Demand, Excluded, Ranked, Reason, Supply, Tokenize } from './types.js';

/**
 * Demand ↔ supply matching. Hard constraints filter (a capability's volume range must reach the
 * demand's scale, its biosafety level and quality grade must meet the demand's); soft fits score:
 * shared key terms (IDF-weighted, from the caller's tokenizer), domain, process, organism, scale,
 * readiness and distance. Each fit is 0–1; the score is their weighted sum out of 100, and every
 * fit that counts, or that is missing, is said in words.
 */
// Chosen on the judged set with bench/match-tune.ts (a grid, checked by leave-one-out cross-validation; figures in
// docs/benchmarks.md); every fit keeps some weight, so each still shapes a ranking and its reasons.
export const WEIGHTS = { text: 0.6, process: 0.1, scale: 0.1, domain: 0.05, organism: 0.05, readiness: 0.05, distance: 0.05 } as const;

export interface MatchOptions {
  tokenize: Tokenize;
  limit?: number;
  /** How many of the pairs a hard constraint rules out to return with the reason in words (all by default); the rest are counted. */
  explainExcluded?: number;
  /** Kilometres between two districts (GB/T 2260 codes); without it, only "same district" counts. */
  distanceKm?: (a: string, b: string) => number | null;
}

const ORGANISMS: Record<string, string> = {
  bacteria: '细菌', yeast: '酵母', filamentousFungi: '丝状真菌', mammalianCells: '哺乳动物细胞', algae: '藻类', plantCells: '植物细胞', insectCells: '昆虫细胞', none: '无',
};
const organismZh = (o: string) => ORGANISMS[o] ?? o;
const r = (zh: string, en: string): Reason => ({ zh, en });
const litres = (l: number) => (l >= 1000 ? `${+(l / 1000).toFixed(1)} m³` : `${l} L`);

/** The hard constraints a capability must meet for this demand; empty when it may serve it. */
export function hardConstraints(d: Demand, s: Supply): Reason[] {
  if (s.kind !== 'capability') return [];
  const why: Reason[] = [];
  if (s.volumeMaxL != null && s.volumeMaxL < d.scaleL)
    why.push(r(`最大工作体积 ${litres(s.volumeMaxL)}，达不到需求的 ${litres(d.scaleL)}`, `largest working volume ${litres(s.volumeMaxL)}, below the ${litres(d.scaleL)} needed`));
  if (s.biosafetyLevel != null && s.biosafetyLevel < d.biosafetyLevel)
    why.push(r(`生物安全等级 BSL-${s.biosafetyLevel}，需求为 BSL-${d.biosafetyLevel}`, `biosafety level BSL-${s.biosafetyLevel}, BSL-${d.biosafetyLevel} needed`));
  if (d.qualityGrade !== 'none' && s.qualityGrade !== d.qualityGrade)
    why.push(r(`质量体系为 ${s.qualityGrade ?? '无'}，需求要求 ${d.qualityGrade}`, `quality system ${s.qualityGrade ?? 'none'}, ${d.qualityGrade} required`));
  return why;
}

/** hardConstraints() without the words: whether any is broken (the ranking asks thousands of times). */
export function breaksHardConstraint(d: Demand, s: Supply): boolean {
  return s.kind === 'capability' && ((s.volumeMaxL != null && s.volumeMaxL < d.scaleL) || (s.biosafetyLevel != null && s.biosafetyLevel < d.biosafetyLevel)
    || (d.qualityGrade !== 'none' && s.qualityGrade !== d.qualityGrade));
}

/** How well a supply's scale serves the demand's, 0–1: a range that covers it, or a reached scale near it. */
function scaleFit(d: Demand, s: Supply): number {
  const need = Math.max(1, d.scaleL);
  if (s.kind === 'capability') {
    const min = s.volumeMinL ?? 0;
    if (need >= min) return 1;
    // A line far larger than the job is wasteful: the fit falls by an order of magnitude per step.
    return 1 / (1 + Math.log10(min / need));
  }
  const reached = s.scaleReachedL ?? 0;
  if (reached >= need) return 1;
  return Math.max(0, Math.log10(1 + reached) / Math.log10(1 + need));
}

interface Fit { parts: Record<keyof typeof WEIGHTS, number>; score: number; shared: string[]; processHits: string[] }

/** The fits of one pair, 0–1 each, and the weighted score out of 100: cheap, so every candidate gets one. */
function fitOf(d: Demand, s: Supply, supplyWords: Set<string>, demandTerms: string[], idf: (w: string) => number, total: number, opts: Pick<MatchOptions, 'distanceKm'>): Fit {
  const shared: string[] = [];
  let textSum = 0;
  for (const w of demandTerms) if (supplyWords.has(w)) { shared.push(w); textSum += idf(w); }
  const text = textSum / total;
  const domains = s.domains?.length ? s.domains : s.domain ? [s.domain] : [];
  const domain = domains.includes(d.domain) ? 1 : 0;
  const wanted = [...new Set(d.processes)];
  const processHits = wanted.filter((p) => s.processes.includes(p));
  const process = wanted.length ? processHits.length / wanted.length : 0.5;
  const organism = d.organism === 'none' || !s.organisms.length ? 0.5 : s.organisms.includes(d.organism) ? 1 : 0;
  const scale = scaleFit(d, s);
  const readiness = s.kind === 'achievement' && d.trlNeeded ? Math.min(1, (s.trl ?? 0) / d.trlNeeded) : 1;
  let distance = 0.5;
  if (d.districtCode && s.districtCode) {
    if (d.districtCode === s.districtCode) distance = 1;
    else {
      const km = opts.distanceKm?.(d.districtCode, s.districtCode);
      if (km != null) distance = Math.max(0, 1 - km / 300);
    }
  }
  const parts = { text, process, scale, domain, organism, readiness, distance };
  return { parts, score: weighted(text, process, scale, domain, organism, readiness, distance), shared, processHits };
}

/** The fits said in words: what fits, and what does not. Written only for the pairs shown. */
function reasonsOf(d: Demand, s: Supply, f: Fit, idf: (w: string) => number): Ranked {
  const { parts, processHits } = f;
  const top = [...f.shared].sort((a, b) => idf(b) - idf(a)).slice(0, 4);
  const reasons: Reason[] = [];
  if (top.length) reasons.push(r(`共同关键词：${top.join('、')}`, `shared key terms: ${top.join(', ')}`));
  if (parts.domain) reasons.push(r('同属一个领域', 'same domain'));
  if (processHits.length) reasons.push(r(`工艺匹配：${processHits.join('、')}`, `process fit: ${processHits.join(', ')}`));
  const missing = d.processes.filter((p) => !s.processes.includes(p));
  if (missing.length && processHits.length) reasons.push(r(`缺少工艺：${missing.join('、')}`, `missing processes: ${missing.join(', ')}`));
  if (parts.organism === 1) reasons.push(r(`宿主一致：${organismZh(d.organism)}`, `same organism: ${d.organism}`));
  else if (parts.organism === 0) reasons.push(r(`宿主不同：需求为${organismZh(d.organism)}，对方为${s.organisms.map(organismZh).join('、')}`, `different organism: ${d.organism} needed, ${s.organisms.join(', ')} offered`));
  if (s.kind === 'capability') {
    reasons.push(parts.scale === 1
      ? r(`工作体积 ${litres(s.volumeMinL ?? 0)}–${litres(s.volumeMaxL ?? d.scaleL)} 覆盖需求的 ${litres(d.scaleL)}`, `working volume ${litres(s.volumeMinL ?? 0)}–${litres(s.volumeMaxL ?? d.scaleL)} covers the ${litres(d.scaleL)} needed`)
      : r(`最小工作体积 ${litres(s.volumeMinL ?? 0)}，远大于需求的 ${litres(d.scaleL)}`, `smallest working volume ${litres(s.volumeMinL ?? 0)}, far above the ${litres(d.scaleL)} needed`));
  } else if (s.scaleReachedL != null) {
    reasons.push(parts.scale === 1
      ? r(`已验证至 ${litres(s.scaleReachedL)}，达到需求规模`, `proven at ${litres(s.scaleReachedL)}, the scale needed`)
      : r(`已验证至 ${litres(s.scaleReachedL)}，需求为 ${litres(d.scaleL)}，尚需放大`, `proven at ${litres(s.scaleReachedL)}; ${litres(d.scaleL)} needed: still to scale up`));
  }
  if (s.kind === 'achievement' && d.trlNeeded && s.trl != null)
    reasons.push(s.trl >= d.trlNeeded ? r(`技术成熟度 TRL ${s.trl}，满足要求`, `readiness TRL ${s.trl} meets the need`) : r(`技术成熟度 TRL ${s.trl}，低于要求的 TRL ${d.trlNeeded}`, `readiness TRL ${s.trl}, below the TRL ${d.trlNeeded} wanted`));
  if (parts.distance === 1) reasons.push(r('位于同一区县', 'in the same district'));
  return { demandId: d.id, supplyId: s.id, score: f.score, reasons, parts, sharedTerms: top };
}

/** Scores one pair; the corpus gives the term weights. */
export function scorePair(d: Demand, s: Supply, corpus: Corpus, opts: Pick<MatchOptions, 'distanceKm'>, demandTokens: string[]): Ranked {
  const terms = [...new Set(demandTokens)];
  const total = terms.reduce((a, w) => a + corpus.idf(w), 0) || 1;
  return reasonsOf(d, s, fitOf(d, s, corpus.sets.get(s.id) ?? new Set(corpus.docs.get(s.id)), terms, corpus.idf, total, opts), corpus.idf);
}

/**
 * Texts already cut into words, with their term statistics and an inverted index: built once for
 * a set of supplies (or demands) and reused for every ranking against it, so a ranking costs the
 * scoring only — and the word fit touches only the items that share a word.
 */
/** A ranking: the best first, the pairs ruled out (with the reason, up to `explainExcluded`), and how many were. */
export interface Ranking { ranked: Ranked[]; excluded: Excluded[]; excludedCount: number }

export interface Pool<T> {
  items: T[];
  corpus: Corpus;
  /** For each word, the positions of the items that hold it. */
  postings: Map<string, Int32Array>;
  /** For each item, the IDF sum of its distinct words (the word fit's denominator when it is the query). */
  totals: Float64Array;
}

export const docText = (x: { title: string; text: string }) => `${x.title} ${x.text}`;

export function poolOf<T extends { id: string; title: string; text: string }>(items: T[], words: (x: T) => string[]): Pool<T> {
  const corpus = corpusOfTokens(items.map((x) => [x.id, words(x)] as const));
  const lists = new Map<string, number[]>();
  const totals = new Float64Array(items.length);
  items.forEach((x, i) => {
    for (const w of corpus.sets.get(x.id)!) {
      let list = lists.get(w);
      if (!list) lists.set(w, (list = []));
      list.push(i);
      totals[i] += corpus.idf(w);
    }
  });
  const postings = new Map<string, Int32Array>();
  for (const [w, list] of lists) postings.set(w, Int32Array.from(list));
  return { items, corpus, postings, totals };
}

const columns = new WeakMap<object, SupplyColumns | DemandColumns>();

/**
 * Per-pool working arrays, cleared and reused by each ranking (a ranking runs to its end without
 * yielding, so two never share them): re-matching thousands of demands allocates nothing per demand.
 */
const scratches = new WeakMap<object, { a: Float64Array; b: Float64Array; ok: Uint8Array }>();
function scratch(pool: Pool<unknown>) {
  let s = scratches.get(pool);
  if (!s) scratches.set(pool, (s = { a: new Float64Array(pool.items.length), b: new Float64Array(pool.items.length), ok: new Uint8Array(pool.items.length) }));
  else { s.a.fill(0); s.b.fill(0); s.ok.fill(0); }
  return s;
}
const supplyColumnsOf = (pool: Pool<Supply>) => {
  let c = columns.get(pool) as SupplyColumns | undefined;
  if (!c) columns.set(pool, (c = supplyColumns(pool.items)));
  return c;
};
const demandColumnsOf = (pool: Pool<Demand>) => {
  let c = columns.get(pool) as DemandColumns | undefined;
  if (!c) columns.set(pool, (c = demandColumns(pool.items)));
  return c;
};

/** The k best positions by score (ties by id), without sorting the whole list. */
function best(scores: Float64Array, ok: Uint8Array, ids: (i: number) => string, k: number): number[] {
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && ids(a) < ids(b));
  const top: number[] = [];
  for (let x = 0; x < scores.length; x++) {
    if (!ok[x]) continue;
    if (top.length === k && !better(x, top[k - 1])) continue;
    let i = top.length === k ? k - 1 : top.length;
    while (i > 0 && better(x, top[i - 1])) { top[i] = top[i - 1]; i--; }
    top[i] = x;
  }
  return top;
}

/** The distance fit from one district to each other, worked out once per ranking (38 districts, not thousands of pairs). */
function distanceFitFrom(from: string | null | undefined, opts: Pick<MatchOptions, 'distanceKm'>) {
  const memo = new Map<string, number>();
  return (to: string | null | undefined) => {
    if (!from || !to) return 0.5;
    if (from === to) return 1;
    let v = memo.get(to);
    if (v === undefined) {
      const km = opts.distanceKm?.(from, to);
      v = km != null ? Math.max(0, 1 - km / 300) : 0.5;
      memo.set(to, v);
    }
    return v;
  };
}

/** The fits other than words, weighted, out of 100 — numbers only, so scoring thousands allocates nothing. */
function restScore(d: Demand, s: Supply, distanceFit: (code: string | null | undefined) => number, text: number): number {
  let domain = 0;
  if (s.domains?.length) { for (const x of s.domains) if (x === d.domain) { domain = 1; break; } } else if (s.domain === d.domain) domain = 1;
  const wanted = new Set(d.processes);
  let hits = 0;
  for (const p of wanted) if (s.processes.includes(p)) hits++;
  const process = wanted.size ? hits / wanted.size : 0.5;
  const organism = d.organism === 'none' || !s.organisms.length ? 0.5 : s.organisms.includes(d.organism) ? 1 : 0;
  const readiness = s.kind === 'achievement' && d.trlNeeded ? Math.min(1, (s.trl ?? 0) / d.trlNeeded) : 1;
  return weighted(text, process, scaleFit(d, s), domain, organism, readiness, distanceFit(s.districtCode));
}

/** The weighted sum out of 100, added in the order fitOf() adds, so both give the same score to the bit. */
function weighted(text: number, process: number, scale: number, domain: number, organism: number, readiness: number, distance: number): number {
  let acc = WEIGHTS.text * text;
  acc += WEIGHTS.process * process;
  acc += WEIGHTS.scale * scale;
  acc += WEIGHTS.domain * domain;
  acc += WEIGHTS.organism * organism;
  acc += WEIGHTS.readiness * readiness;
  acc += WEIGHTS.distance * distance;
  return Math.round(acc * 1000) / 10;
}

/** The supplies of a pool that fit a demand, best first, and those ruled out with the reason. */
export function rankPool(d: Demand, demandWords: string[], pool: Pool<Supply>, opts: Omit<MatchOptions, 'tokenize'>): Ranking {
  const { corpus, items } = pool;
  const terms = [...new Set(demandWords)];
  const total = terms.reduce((a, w) => a + corpus.idf(w), 0) || 1;
  const { a: text, b: scores, ok } = scratch(pool);
  for (const w of terms) { const list = pool.postings.get(w); if (list) { const v = corpus.idf(w); for (const i of list) text[i] += v; } }
  const excluded: Excluded[] = [];
  let excludedCount = 0;
  const distance = distanceFitFrom(d.districtCode, opts);
  const c = supplyColumnsOf(pool);
  // The demand's side, once: its bits in the pool's vocabularies, its distance to each district.
  const dDom = c.domains.of(d.domain);
  const dProc = [...new Set(d.processes)].map((p) => c.processes.of(p));
  const dOrg = c.organisms.of(d.organism);
  const orgNone = d.organism === 'none';
  const need = Math.max(1, d.scaleL);
  const logNeed = Math.log10(1 + need);
  const distRow = Float64Array.from(c.districts.codes, (code) => distance(code));
  for (let i = 0; i < items.length; i++) {
    const s = items[i];
    if (c.cap[i] && breaksHardConstraint(d, s)) {
      if (excludedCount++ < (opts.explainExcluded ?? Infinity)) excluded.push({ demandId: d.id, supplyId: s.id, why: hardConstraints(d, s) });
      continue;
    }
    ok[i] = 1;
    if (!c.ok) { scores[i] = restScore(d, s, distance, text[i] / total); continue; }
    let hits = 0;
    for (let k = 0; k < dProc.length; k++) if (c.proc[i] & dProc[k]) hits++;
    const scale = c.cap[i]
      ? (need >= c.volMin[i] ? 1 : 1 / (1 + Math.log10(c.volMin[i] / need)))
      : (c.reached[i] >= need ? 1 : Math.max(0, Math.log10(1 + c.reached[i]) / logNeed));
    scores[i] = weighted(
      text[i] / total,
      dProc.length ? hits / dProc.length : 0.5,
      scale,
      c.dom[i] & dDom ? 1 : 0,
      orgNone || !c.orgAny[i] ? 0.5 : c.org[i] & dOrg ? 1 : 0,
      !c.cap[i] && d.trlNeeded ? Math.min(1, c.trl[i] / d.trlNeeded) : 1,
      c.district[i] < 0 ? 0.5 : distRow[c.district[i]],
    );
  }
  const top = best(scores, ok, (i) => items[i].id, opts.limit ?? items.length);
  return { ranked: top.map((i) => ({ ...reasonsOf(d, items[i], fitOf(d, items[i], corpus.sets.get(items[i].id)!, terms, corpus.idf, total, opts), corpus.idf), score: scores[i] })), excluded, excludedCount };
}

/** The other direction: the demands of a pool a supply may serve, best first. */
export function rankDemandPool(s: Supply, supplyWords: string[], pool: Pool<Demand>, opts: Omit<MatchOptions, 'tokenize'>): Ranking {
  const { corpus, items } = pool;
  const words = new Set(supplyWords);
  // Seen from each demand: its own words, weighted by the demands' statistics, found in the supply's text.
  const { a: shared, b: scores, ok } = scratch(pool);
  for (const w of words) { const list = pool.postings.get(w); if (list) { const v = corpus.idf(w); for (const i of list) shared[i] += v; } }
  const excluded: Excluded[] = [];
  let excludedCount = 0;
  const distance = distanceFitFrom(s.districtCode, opts);
  const c = demandColumnsOf(pool);
  // The supply's side, once: its bits in the demands' vocabularies, its distance to each district.
  const sDom = c.domains.mask(s.domains?.length ? s.domains : s.domain ? [s.domain] : []);
  const sProc = c.processes.mask(s.processes);
  const sOrg = c.organisms.mask(s.organisms);
  const sOrgAny = s.organisms.length > 0;
  const cap = s.kind === 'capability';
  const volMin = s.volumeMinL ?? 0, reached = s.scaleReachedL ?? 0, trl = s.trl ?? 0;
  const distRow = Float64Array.from(c.districts.codes, (code) => distance(code));
  for (let i = 0; i < items.length; i++) {
    const d = items[i];
    if (cap && breaksHardConstraint(d, s)) {
      if (excludedCount++ < (opts.explainExcluded ?? Infinity)) excluded.push({ demandId: d.id, supplyId: s.id, why: hardConstraints(d, s) });
      continue;
    }
    ok[i] = 1;
    const text = shared[i] / (pool.totals[i] || 1);
    if (!c.ok) { scores[i] = restScore(d, s, distance, text); continue; }
    const need = c.scale[i];
    const scale = cap ? (need >= volMin ? 1 : 1 / (1 + Math.log10(volMin / need))) : (reached >= need ? 1 : Math.max(0, Math.log10(1 + reached) / Math.log10(1 + need)));
    scores[i] = weighted(
      text,
      c.procN[i] ? popcount(c.proc[i] & sProc) / c.procN[i] : 0.5,
      scale,
      c.dom[i] & sDom ? 1 : 0,
      c.orgNone[i] || !sOrgAny ? 0.5 : c.org[i] & sOrg ? 1 : 0,
      !cap && c.trlNeeded[i] ? Math.min(1, trl / c.trlNeeded[i]) : 1,
      c.district[i] < 0 ? 0.5 : distRow[c.district[i]],
    );
  }
  const top = best(scores, ok, (i) => items[i].id, opts.limit ?? items.length);
  return {
    ranked: top.map((i) => {
      const d = items[i];
      const terms = [...corpus.sets.get(d.id)!];
      return { ...reasonsOf(d, s, fitOf(d, s, words, terms, corpus.idf, pool.totals[i] || 1, opts), corpus.idf), score: scores[i] };
    }),
    excluded, excludedCount,
  };
}

/** The supplies that fit a demand, best first, and those ruled out with the reason. */
export function rankSupplies(d: Demand, supplies: Supply[], opts: MatchOptions): Ranking {
  return rankPool(d, opts.tokenize(docText(d)), poolOf(supplies, (s) => opts.tokenize(docText(s))), opts);
}

/** The other direction: the demands a supply may serve, best first. */
export function rankDemands(s: Supply, demands: Demand[], opts: MatchOptions): Ranking {
  return rankDemandPool(s, opts.tokenize(docText(s)), poolOf(demands, (d) => opts.tokenize(docText(d))), opts);
}

/** The baseline the engine is measured against: plain BM25 of the demand's words over the supplies' texts. */
export function bm25Rank(d: Demand, supplies: Supply[], tokenize: Tokenize, limit?: number): { supplyId: string; score: number }[] {
  const corpus = corpusOf(supplies.map((s) => ({ id: s.id, text: docText(s) })), tokenize);
  const q = tokenize(docText(d));
  return supplies.map((s) => ({ supplyId: s.id, score: bm25(corpus, q, s.id) }))
    .sort((a, b) => b.score - a.score || a.supplyId.localeCompare(b.supplyId)).slice(0, limit ?? supplies.length);
}
