import { bm25, corpusOf, type Corpus } from './corpus.js';
import type { Demand, Excluded, Ranked, Reason, Supply, Tokenize } from './types.js';

/**
 * Demand ↔ supply matching. Hard constraints filter (a capability's volume range must reach the
 * demand's scale, its biosafety level and quality grade must meet the demand's); soft fits score:
 * shared key terms (IDF-weighted, from the caller's tokenizer), domain, process, organism, scale,
 * readiness and distance. Each fit is 0–1; the score is their weighted sum out of 100, and every
 * fit that counts, or that is missing, is said in words.
 */
export const WEIGHTS = { text: 0.4, process: 0.15, scale: 0.15, domain: 0.1, organism: 0.1, readiness: 0.05, distance: 0.05 } as const;

export interface MatchOptions {
  tokenize: Tokenize;
  limit?: number;
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

const docText = (x: { title: string; text: string }) => `${x.title} ${x.text}`;

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

/** Scores one pair; the corpus gives the term weights. */
export function scorePair(d: Demand, s: Supply, corpus: Corpus, opts: Pick<MatchOptions, 'distanceKm'>, demandTokens: string[]): Ranked {
  const supplyTokens = new Set(corpus.docs.get(s.id) ?? []);
  const demandTerms = [...new Set(demandTokens)];
  const total = demandTerms.reduce((a, w) => a + corpus.idf(w), 0) || 1;
  const shared = demandTerms.filter((w) => supplyTokens.has(w)).sort((a, b) => corpus.idf(b) - corpus.idf(a));
  const text = shared.reduce((a, w) => a + corpus.idf(w), 0) / total;

  const domains = s.domains?.length ? s.domains : s.domain ? [s.domain] : [];
  const domain = domains.includes(d.domain) ? 1 : 0;
  const processHits = d.processes.filter((p) => s.processes.includes(p));
  const process = d.processes.length ? processHits.length / d.processes.length : 0.5;
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
  const score = 100 * Object.entries(WEIGHTS).reduce((a, [k, w]) => a + w * parts[k as keyof typeof parts], 0);

  const reasons: Reason[] = [];
  const top = shared.slice(0, 4);
  if (top.length) reasons.push(r(`共同关键词：${top.join('、')}`, `shared key terms: ${top.join(', ')}`));
  if (domain) reasons.push(r('同属一个领域', 'same domain'));
  if (processHits.length) reasons.push(r(`工艺匹配：${processHits.join('、')}`, `process fit: ${processHits.join(', ')}`));
  const missing = d.processes.filter((p) => !s.processes.includes(p));
  if (missing.length && processHits.length) reasons.push(r(`缺少工艺：${missing.join('、')}`, `missing processes: ${missing.join(', ')}`));
  if (organism === 1) reasons.push(r(`宿主一致：${organismZh(d.organism)}`, `same organism: ${d.organism}`));
  else if (organism === 0) reasons.push(r(`宿主不同：需求为${organismZh(d.organism)}，对方为${s.organisms.map(organismZh).join('、')}`, `different organism: ${d.organism} needed, ${s.organisms.join(', ')} offered`));
  if (s.kind === 'capability') {
    reasons.push(scale === 1
      ? r(`工作体积 ${litres(s.volumeMinL ?? 0)}–${litres(s.volumeMaxL ?? d.scaleL)} 覆盖需求的 ${litres(d.scaleL)}`, `working volume ${litres(s.volumeMinL ?? 0)}–${litres(s.volumeMaxL ?? d.scaleL)} covers the ${litres(d.scaleL)} needed`)
      : r(`最小工作体积 ${litres(s.volumeMinL ?? 0)}，远大于需求的 ${litres(d.scaleL)}`, `smallest working volume ${litres(s.volumeMinL ?? 0)}, far above the ${litres(d.scaleL)} needed`));
  } else if (s.scaleReachedL != null) {
    reasons.push(scale === 1
      ? r(`已验证至 ${litres(s.scaleReachedL)}，达到需求规模`, `proven at ${litres(s.scaleReachedL)}, the scale needed`)
      : r(`已验证至 ${litres(s.scaleReachedL)}，需求为 ${litres(d.scaleL)}，尚需放大`, `proven at ${litres(s.scaleReachedL)}; ${litres(d.scaleL)} needed: still to scale up`));
  }
  if (s.kind === 'achievement' && d.trlNeeded && s.trl != null)
    reasons.push(s.trl >= d.trlNeeded ? r(`技术成熟度 TRL ${s.trl}，满足要求`, `readiness TRL ${s.trl} meets the need`) : r(`技术成熟度 TRL ${s.trl}，低于要求的 TRL ${d.trlNeeded}`, `readiness TRL ${s.trl}, below the TRL ${d.trlNeeded} wanted`));
  if (distance === 1) reasons.push(r('位于同一区县', 'in the same district'));
  return { demandId: d.id, supplyId: s.id, score: Math.round(score * 10) / 10, reasons, parts, sharedTerms: top };
}

/** The supplies that fit a demand, best first, and those ruled out with the reason. */
export function rankSupplies(d: Demand, supplies: Supply[], opts: MatchOptions): { ranked: Ranked[]; excluded: Excluded[] } {
  const corpus = corpusOf([...supplies.map((s) => ({ id: s.id, text: docText(s) })), { id: `demand:${d.id}`, text: docText(d) }], opts.tokenize);
  const demandTokens = corpus.docs.get(`demand:${d.id}`) ?? [];
  const excluded: Excluded[] = [];
  const ranked: Ranked[] = [];
  for (const s of supplies) {
    const why = hardConstraints(d, s);
    if (why.length) excluded.push({ demandId: d.id, supplyId: s.id, why });
    else ranked.push(scorePair(d, s, corpus, opts, demandTokens));
  }
  ranked.sort((a, b) => b.score - a.score || a.supplyId.localeCompare(b.supplyId));
  return { ranked: ranked.slice(0, opts.limit ?? ranked.length), excluded };
}

/** The other direction: the demands a supply may serve, best first. */
export function rankDemands(s: Supply, demands: Demand[], opts: MatchOptions): { ranked: Ranked[]; excluded: Excluded[] } {
  const corpus = corpusOf([...demands.map((d) => ({ id: `demand:${d.id}`, text: docText(d) })), { id: s.id, text: docText(s) }], opts.tokenize);
  const excluded: Excluded[] = [];
  const ranked: Ranked[] = [];
  for (const d of demands) {
    const why = hardConstraints(d, s);
    if (why.length) excluded.push({ demandId: d.id, supplyId: s.id, why });
    else ranked.push(scorePair(d, s, corpus, opts, corpus.docs.get(`demand:${d.id}`) ?? []));
  }
  ranked.sort((a, b) => b.score - a.score || a.demandId.localeCompare(b.demandId));
  return { ranked: ranked.slice(0, opts.limit ?? ranked.length), excluded };
}

/** The baseline the engine is measured against: plain BM25 of the demand's words over the supplies' texts. */
export function bm25Rank(d: Demand, supplies: Supply[], tokenize: Tokenize, limit?: number): { supplyId: string; score: number }[] {
  const corpus = corpusOf(supplies.map((s) => ({ id: s.id, text: docText(s) })), tokenize);
  const q = tokenize(docText(d));
  return supplies.map((s) => ({ supplyId: s.id, score: bm25(corpus, q, s.id) }))
    .sort((a, b) => b.score - a.score || a.supplyId.localeCompare(b.supplyId)).slice(0, limit ?? supplies.length);
}
