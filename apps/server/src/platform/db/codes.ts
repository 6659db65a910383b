import { sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';

/**
 * The next code of a table's records under a prefix (BAT-2026-0001, LAB-0001, ZJ-00001): the
 * number after the highest one given, zero-padded, taken under a transaction-scoped advisory lock
 * on the prefix so that two writers never draw the same one. Only codes whose rest is all digits
 * count, so another scheme under a longer prefix cannot push the number.
 */
export async function nextCode(trx: Transaction<DB>, table: string, prefix: string, width = 4, column = 'code') {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const col = sql.ref(column);
  const r = await sql<{ n: number | null }>`select max(substring(${col} from ${prefix.length + 1}::int)::int) as n
    from ${sql.table(table)} where ${col} like ${prefix + '%'} and substring(${col} from ${prefix.length + 1}::int) ~ '^[0-9]+$'`.execute(trx);
  return prefix + String((r.rows[0]?.n ?? 0) + 1).padStart(width, '0');
}
