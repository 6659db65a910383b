import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The people who run the bank day to day and are told of its alerts and new requests. */
export async function curatorUserIds(q: Q): Promise<string[]> {
  return (await q.selectFrom('appUser').select('id').where(sql<boolean>`'curator' = any(roles)`).where('disabled', '=', false).execute()).map((u) => u.id);
}

/** Appointed biosafety officers who still hold the curator role (as the viewer counts them). */
export async function officerUserIds(q: Q): Promise<string[]> {
  return (await q.selectFrom('biosafetyOfficer as o').innerJoin('appUser as u', 'u.id', 'o.userId').select('u.id')
    .where(sql<boolean>`'curator' = any(u.roles)`).where('u.disabled', '=', false).execute()).map((u) => u.id);
}
