export { parseFasta, formatFasta, type FastaRecord, type FastaProblem, type ParseOptions } from './fasta.js';
export { SeqIndex, MIN_K, MAX_K, DEFAULT_K, DEFAULT_FREQUENT_FRACTION, FREQUENT_FLOOR, type IndexOptions } from './seq-index.js';
export { search, TUNING, type SearchOptions, type Hit } from './search.js';
export { THRESHOLDS, ITS_THRESHOLDS, callFor, type Call, type CallLevel, type Marker } from './call.js';
export { SCORES } from './align.js';
export { IUPAC } from './alphabet.js';
export { runSeqCli, SEQ_USAGE, namesOf, type CliIo } from './cli.js';
