import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/** Which numbers an evaluation carries: its own code, and the certificate of a safe or conditional conclusion. */
export const CODE_PREFIX = { code: 'SE', certificateNo: 'SEC' } as const;

/**
 * The next number of the year under a prefix (SE-2026-0001, SEC-2026-0001), drawn under a
 * transaction-scoped advisory lock on the prefix so that two writers never take the same one.
 */
export async function nextNumber(trx: Transaction<DB>, column: keyof typeof CODE_PREFIX, year: string) {
  const prefix = `${CODE_PREFIX[column]}-${year}-`;
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const col = sql.ref(column === 'code' ? 'code' : 'certificate_no');
  const r = await sql<{ n: number | null }>`select max(substring(${col} from ${prefix.length + 1}::int)::int) as n from safety_evaluation where ${col} like ${prefix + '%'}`.execute(trx);
  return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0');
}
