import { sql, type Kysely } from 'kysely';
import { expect } from 'vitest';
import type { DB } from '../platform/db/schema.js';
import { errorBody, forbidden, unauthorized } from '../platform/http/errors.js';
import type { Client } from './harness.js';

/** A body no route's schema accepts: a caller the gate lets through would get 422, not 401/403. */
export const BAD_BODY = ['not', 'an', 'object'];

/** Counts and a hash of every row of these tables, to prove a refused call changed nothing. */
export const tablesFingerprint = (db: () => Kysely<DB>, tables: readonly string[]) => async () =>
  (await sql<{ f: string }>`select ${sql.raw(tables.map((t) => `(select count(*) || '.' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${t} x)`).join(` || ':' || `))} as f`.execute(db())).rows[0].f;

/**
 * The role × route tests' refusal: called bare (no query string, a bad body), a visitor gets 401
 * and any other refused caller 403, each with the one error body, and nothing changes.
 */
export async function expectRefused(client: Client, caller: string, method: string, url: string, fingerprint: () => Promise<string>) {
  const bare = url.split('?')[0];
  const before = await fingerprint();
  const res = await client.request(method, bare, method === 'GET' || method === 'DELETE' ? undefined : BAD_BODY);
  const label = `${caller} ${method} ${bare}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  if (caller === 'anonymous') {
    expect(res.statusCode, label).toBe(401);
    expect(res.json(), label).toEqual(errorBody(unauthorized()));
  } else {
    expect(res.statusCode, label).toBe(403);
    expect(res.json(), label).toEqual(errorBody(forbidden()));
  }
  expect(await fingerprint(), `${label}: something changed`).toBe(before);
}
