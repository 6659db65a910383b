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

/**
 * One cell of a role × route matrix: an admitted caller gets one of the route's expected statuses
 * for the request the case builds; a refused one is refused as `expectRefused` says.
 */
export async function expectCell<W, C extends string>(
  c: { method: string; ok: readonly number[]; request: (w: W, who: { caller: C; admitted: boolean }) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown } },
  w: W, client: Client, caller: C, verdict: 'admitted' | 'refused', fingerprint: () => Promise<string>,
) {
  if (verdict === 'refused') {
    const { url } = await c.request(w, { caller, admitted: false });
    return expectRefused(client, caller, c.method, url, fingerprint);
  }
  const { url, body } = await c.request(w, { caller, admitted: true });
  const res = await client.request(c.method, url, c.method !== 'GET' && c.method !== 'DELETE' ? body ?? {} : undefined);
  expect(c.ok, `${caller} ${c.method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
}
