import type { Tokenize } from './types.js';

/**
 * Term statistics over the texts being matched: document frequencies for IDF, lengths for
 * BM25. Built once per ranking, from the tokens the caller's tokenizer gives.
 */
export interface Corpus {
  docs: Map<string, string[]>;
  /** Each document's distinct words, for membership tests while scoring. */
  sets: Map<string, Set<string>>;
  df: Map<string, number>;
  avgLength: number;
  idf(term: string): number;
}

/** A corpus from words already cut (a pool keeps them between rankings). */
export function corpusOfTokens(entries: Iterable<readonly [string, string[]]>): Corpus {
  const docs = new Map<string, string[]>();
  const sets = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  let total = 0;
  for (const [id, tokens] of entries) {
    const set = new Set(tokens);
    docs.set(id, tokens);
    sets.set(id, set);
    total += tokens.length;
    for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = Math.max(1, docs.size);
  const idfs = new Map<string, number>();
  return {
    docs, sets, df, avgLength: total / n,
    // BM25's IDF, floored at a small positive value so that a word in every text still counts a little.
    idf: (w) => {
      let v = idfs.get(w);
      if (v === undefined) {
        const f = df.get(w) ?? 0;
        v = Math.max(0.05, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
        idfs.set(w, v);
      }
      return v;
    },
  };
}

export function corpusOf(texts: { id: string; text: string }[], tokenize: Tokenize): Corpus {
  return corpusOfTokens(texts.map((t) => [t.id, tokenize(t.text)] as const));
}

/** BM25 (k1 = 1.2, b = 0.75) of a query's tokens against one document. */
export function bm25(corpus: Corpus, query: string[], docId: string, k1 = 1.2, b = 0.75): number {
  const doc = corpus.docs.get(docId) ?? [];
  const tf = new Map<string, number>();
  for (const w of doc) tf.set(w, (tf.get(w) ?? 0) + 1);
  let s = 0;
  for (const w of new Set(query)) {
    const f = tf.get(w) ?? 0;
    if (!f) continue;
    s += corpus.idf(w) * ((f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / Math.max(1, corpus.avgLength))));
  }
  return s;
}
