/** Ranking quality against graded judgements (0–3): nDCG@k and recall@k. */
export type Judgements = Map<string, number>;

export function ndcgAt(ranked: string[], judged: Judgements, k: number): number {
  const gain = (rel: number) => 2 ** rel - 1;
  const dcg = ranked.slice(0, k).reduce((a, id, i) => a + gain(judged.get(id) ?? 0) / Math.log2(i + 2), 0);
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k).reduce((a, rel, i) => a + gain(rel) / Math.log2(i + 2), 0);
  return ideal ? dcg / ideal : 0;
}

/** Share of the relevant supplies (grade ≥ minGrade) found in the first k. */
export function recallAt(ranked: string[], judged: Judgements, k: number, minGrade = 2): number {
  const relevant = [...judged].filter(([, g]) => g >= minGrade).map(([id]) => id);
  if (!relevant.length) return 0;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}
