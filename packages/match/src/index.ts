export * from './types.js';
export { corpusOf, corpusOfTokens, bm25, type Corpus } from './corpus.js';
export { WEIGHTS, hardConstraints, scorePair, rankSupplies, rankDemands, rankPool, rankDemandPool, poolOf, docText, bm25Rank, type MatchOptions, type Pool, type Ranking } from './engine.js';
export { ndcgAt, recallAt, type Judgements } from './metrics.js';
export { runMatchCli, MATCH_USAGE, type CliIo } from './cli.js';
