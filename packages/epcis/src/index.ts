export type { EpcisEventType, EpcRole, EpcRef, NormalisedEvent, Problem } from './types.js';
