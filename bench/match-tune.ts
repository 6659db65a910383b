/**
 * How the matching weights were chosen: a grid over the seven weights, scored by nDCG@10 on the
 * judged set (bench/match/), with leave-one-out cross-validation — tune on 29 demands, measure on
 * the one left out — so the figure says how tuned weights do on a demand they were not tuned on.
 * The fits of each pair do not depend on the weights, so they are computed once.
 *
 *   node --conditions=source --import tsx bench/match-tune.ts
 */
import { readFileSync } from 'node:fs';
import { docText, hardConstraints, ndcgAt, poolOf, scorePair, WEIGHTS, type Demand, type Supply } from '../packages/match/src/index.js';
import { contentWords } from '../apps/server/src/platform/search/segmenter.js';
import { districtDistanceKm } from '../apps/server/src/modules/pilot/model/distance.js';

const read = <T>(n: string): T => JSON.parse(readFileSync(new URL(`./match/${n}`, import.meta.url), 'utf8')) as T;
const demands = read<Demand[]>('demands.json');
const supplies = read<Supply[]>('supplies.json');
const qrels = read<{ demandId: string; supplyId: string; relevance: number }[]>('qrels.json');
const pool = poolOf(supplies, (s) => contentWords(docText(s)));
const keys = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];
const pairs = demands.map((d) => ({
  judged: new Map(qrels.filter((q) => q.demandId === d.id).map((q) => [q.supplyId, q.relevance])),
  rows: supplies.filter((s) => !hardConstraints(d, s).length).map((s) => ({ id: s.id, parts: scorePair(d, s, pool.corpus, { distanceKm: districtDistanceKm }, contentWords(docText(d))).parts })),
}));
const ndcg = (w: number[], which: number[]) => which.reduce((a, i) => {
  const ranked = pairs[i].rows.map((r) => ({ id: r.id, s: keys.reduce((x, k, j) => x + w[j] * r.parts[k], 0) }))
    .sort((p, q) => q.s - p.s || p.id.localeCompare(q.id)).map((r) => r.id);
  return a + ndcgAt(ranked, pairs[i].judged, 10);
}, 0) / which.length;

const grid: number[][] = [];
for (const t of [0.3, 0.4, 0.5, 0.6]) for (const p of [0.05, 0.1, 0.15, 0.2, 0.25]) for (const s of [0.05, 0.1, 0.15, 0.2])
  for (const d of [0, 0.05, 0.1, 0.15]) for (const o of [0.05, 0.1, 0.15, 0.2]) for (const r of [0, 0.05, 0.1]) for (const k of [0, 0.05, 0.1]) grid.push([t, p, s, d, o, r, k]);
const all = pairs.map((_, i) => i);
const current = keys.map((k) => WEIGHTS[k]);
const bestOn = (which: number[]) => grid.reduce((b, w) => { const v = ndcg(w, which); return v > b.v ? { w, v } : b; }, { w: current, v: -1 });

let loo = 0;
for (const i of all) loo += ndcg(bestOn(all.filter((j) => j !== i)).w, [i]);
const best = bestOn(all);
console.log(`weights now (${keys.join(', ')}): ${current.join(', ')} → nDCG@10 ${ndcg(current, all).toFixed(3)}`);
console.log(`best of ${grid.length} on all demands: ${best.w.join(', ')} → ${best.v.toFixed(3)}`);
console.log(`leave-one-out, tuned on the others: ${(loo / all.length).toFixed(3)}`);
