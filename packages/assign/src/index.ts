export * from './types.js';
export { conflictsOf, checkAssignment, assertAssignable, ConflictOfInterestError, CONFLICT_KINDS } from './conflicts.js';
export { assign, normaliseField } from './engine.js';
