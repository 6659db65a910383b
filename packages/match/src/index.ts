export * from './types.js';
export { corpusOf, bm25, type Corpus } from './corpus.js';
export { WEIGHTS, hardConstraints, scorePair, rankSupplies, rankDemands, bm25Rank, type MatchOptions } from './engine.js';
export { ndcgAt, recallAt, type Judgements } from './metrics.js';
export { runMatchCli, MATCH_USAGE, type CliIo } from './cli.js';
