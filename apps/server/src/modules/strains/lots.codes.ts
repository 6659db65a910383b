import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The next code under a prefix (LOT-2026-0001, SR-2026-0001): the number after the highest one
 * given, taken under an advisory lock on the prefix so that two writers never draw the same one.
 */
export async function nextCode(trx: Transaction<DB>, table: 'strain_lot' | 'sharing_request', prefix: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from ${sql.table(table)} where code like ${prefix + '%'}`.execute(trx);
  return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(4, '0');
}
