export type { EpcisEventType, EpcRole, EpcRef, NormalisedEvent, Problem } from './types.js';
export { validateDocument, type Validation, type ValidateOptions, type DocumentKind } from './validate.js';
export { normaliseEvent, eventHashId, contextPrefixes } from './normalise.js';
export { eventHash, eventPreHash } from './hash.js';
export { canonicalEpc, addCompanyPrefixes, companyPrefixOf } from './epc.js';
export { CBV, cbvWord, cbvLabel, type CbvKind, type VocabEntry } from './cbv.js';
export { PROBLEM_TYPES, problem, problemTypeForStatus, type ProblemTypeName } from './problems.js';
export { runEpcisCli, EPCIS_USAGE, type CliIo } from './cli.js';
