import { canonicalEpc, cbvWord } from '@cq-biomfg/epcis';
import type { ValueReaders } from './model/epcis-params.js';

const KIND = { bizStep: 'bizSteps', disposition: 'dispositions', bizTransactionType: 'bizTransactionTypes' } as const;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/**
 * Query values read the way capture stored them (the engine's rules): CBV values as bare words
 * whatever form they are given in, anything else as written; EPCs as URNs, Digital Links converted;
 * locations as capture's normalise stores them (canonicalEpc of the id).
 */
export const valueReaders: ValueReaders = {
  cbv: (kind, value) => cbvWord(KIND[kind], value) ?? value,
  epc: (value) => (URI.test(value) ? canonicalEpc(value) : null),
  location: (value) => canonicalEpc(value),
};
