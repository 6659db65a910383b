import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { nextCode } from '../../platform/db/codes.js';

/** Which numbers an evaluation carries: its own code, and the certificate of a safe or conditional conclusion. */
export const CODE_PREFIX = { code: 'SE', certificateNo: 'SEC' } as const;

/**
 * The next number of the year under a prefix (SE-2026-0001, SEC-2026-0001), drawn under a
 * transaction-scoped advisory lock on the prefix so that two writers never take the same one.
 */
export const nextNumber = (trx: Transaction<DB>, column: keyof typeof CODE_PREFIX, year: string) =>
  nextCode(trx, 'safety_evaluation', `${CODE_PREFIX[column]}-${year}-`, 4, column === 'code' ? 'code' : 'certificate_no');
