/**
 * The matching engine (packages/match) against a plain BM25 baseline on the judged evaluation set
 * in bench/match/ (written for this project: see its README): nDCG@10 and recall@10 (relevant =
 * grade ≥ 2), averaged over the demands, and the time to rank every supply for every demand.
 * Words come from jieba with the plan's terms (the platform's segmenter); distances between
 * districts from the centroids of the map's boundary file.
 *
 *   node --import tsx bench/match.ts
 */
import { readFileSync } from 'node:fs';
import { bm25Rank, docText, ndcgAt, poolOf, rankPool, recallAt, type Demand, type Supply } from '../packages/match/src/index.js';
import { districtDistanceKm } from '../apps/server/src/modules/pilot/model/distance.js';
import { contentWords } from '../apps/server/src/platform/search/segmenter.js';

const dir = new URL('./match/', import.meta.url);
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

export interface MatchResult { demands: number; supplies: number; judged: number; rows: { what: string; ndcg10: number; recall10: number; ms: number }[] }

export function measureMatch(): MatchResult {
  const demands = read<Demand[]>('demands.json');
  const supplies = read<Supply[]>('supplies.json');
  const qrels = read<{ demandId: string; supplyId: string; relevance: number }[]>('qrels.json');
  const judged = (d: string) => new Map(qrels.filter((q) => q.demandId === d).map((q) => [q.supplyId, q.relevance]));
  const tokenize = (t: string) => contentWords(t);
  tokenize('预热'); // loads the dictionary outside the timing
  const distanceKm = districtDistanceKm;
  // As the server does: the supplies cut into words once, each demand ranked against them.
  const pool = poolOf(supplies, (s) => tokenize(docText(s)));
  const run = (what: string, rank: (d: Demand) => string[]) => {
    const t = performance.now();
    const lists = demands.map((d) => ({ d, ids: rank(d) }));
    const ms = performance.now() - t;
    const mean = (f: (x: { d: Demand; ids: string[] }) => number) => lists.reduce((a, x) => a + f(x), 0) / lists.length;
    return { what, ndcg10: mean((x) => ndcgAt(x.ids, judged(x.d.id), 10)), recall10: mean((x) => recallAt(x.ids, judged(x.d.id), 10)), ms };
  };
  return {
    demands: demands.length, supplies: supplies.length, judged: qrels.length,
    rows: [
      run('BM25 baseline (words only)', (d) => bm25Rank(d, supplies, tokenize, 10).map((x) => x.supplyId)),
      run('engine: hard constraints + weighted fits', (d) => rankPool(d, tokenize(docText(d)), pool, { distanceKm, limit: 10 }).ranked.map((x) => x.supplyId)),
    ],
  };
}

export function formatMatch(r: MatchResult) {
  return [
    `${r.demands} demands × ${r.supplies} supplies, ${r.judged} judged pairs (bench/match/)\n`,
    '| ranking | nDCG@10 | recall@10 | ms for all demands |', '| --- | ---: | ---: | ---: |',
    ...r.rows.map((x) => `| ${x.what} | ${x.ndcg10.toFixed(3)} | ${x.recall10.toFixed(3)} | ${x.ms.toFixed(1)} |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(formatMatch(measureMatch()));
