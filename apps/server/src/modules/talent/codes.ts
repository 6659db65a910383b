import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The next code under a prefix (ZJ-00001, RC-0001 …), taken under a transaction-scoped advisory
 * lock on the prefix so that two writers never draw the same number.
 */
export async function nextCode(trx: Transaction<DB>, table: string, prefix: string, digits = 4) {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from ${sql.table(table)} where code ~ ${'^' + prefix.replace(/[-]/g, '\\-') + '[0-9]+$'}`.execute(trx);
  return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(digits, '0');
}
