import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

/**
 * The next code of a table's records: the prefix and a zero-padded number, taken under an
 * advisory lock on the prefix so that two writers never take the same one (DEP-2026-0001,
 * LAB-0001, GP-0001).
 */
export async function nextCode(trx: Transaction<DB>, table: 'strain' | 'biosafety_lab' | 'germplasm', column: 'code' | 'deposit_no', prefix: string, width = 4) {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const r = await sql<{ n: number | null }>`select max(substring(${sql.ref(column)} from ${prefix.length + 1}::int)::int) as n
    from ${sql.table(table)} where ${sql.ref(column)} like ${prefix + '%'} and substring(${sql.ref(column)} from ${prefix.length + 1}::int) ~ '^[0-9]+$'`.execute(trx);
  return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(width, '0');
}
