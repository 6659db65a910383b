import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The query interface's nextPageToken: where the next page starts, bound to the query it belongs
 * to and to an expiry, and signed, so that a token altered, forged or reused for another query is
 * recognised (and answered as a bad query parameter, never followed).
 */
export interface PageToken {
  /** The page starts after this key (an event's seq, or a resource value). */
  after: string;
  /** Hash of the query's filters: a token is good only for the query that issued it. */
  query: string;
  /** Seconds since the epoch. */
  expires: number;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const mac = (key: string, body: string) => createHmac('sha256', key).update(body).digest().subarray(0, 18);

/** A short digest of the query's filters in a canonical form (keys sorted). */
export function queryHash(filters: unknown): string {
  const canonical = JSON.stringify(filters, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function signPageToken(key: string, t: PageToken): string {
  const body = b64(JSON.stringify([t.after, t.query, t.expires]));
  return `${body}.${b64(mac(key, body))}`;
}

export type TokenProblem = 'malformed' | 'forged' | 'expired' | 'otherQuery';

export function readPageToken(key: string, token: string, query: string, nowSeconds: number): { ok: true; after: string } | { ok: false; why: TokenProblem } {
  const m = /^([A-Za-z0-9_-]{4,2000})\.([A-Za-z0-9_-]{24})$/.exec(token);
  if (!m) return { ok: false, why: 'malformed' };
  const expected = mac(key, m[1]);
  const given = Buffer.from(m[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, why: 'forged' };
  let parsed: unknown;
  try { parsed = JSON.parse(Buffer.from(m[1], 'base64url').toString('utf8')); } catch { return { ok: false, why: 'malformed' }; }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string' || typeof parsed[2] !== 'number') return { ok: false, why: 'malformed' };
  if (parsed[2] < nowSeconds) return { ok: false, why: 'expired' };
  if (parsed[1] !== query) return { ok: false, why: 'otherQuery' };
  return { ok: true, after: parsed[0] };
}

export const TOKEN_PROBLEM_TEXT: Record<TokenProblem, { zh: string; en: string }> = {
  malformed: { zh: '翻页令牌格式错误', en: 'The page token is malformed' },
  forged: { zh: '翻页令牌无效（签名不符）', en: 'The page token is not one this repository issued' },
  expired: { zh: '翻页令牌已过期，请重新查询', en: 'The page token has expired; run the query again' },
  otherQuery: { zh: '翻页令牌属于另一条查询，请用相同的查询参数翻页', en: 'The page token belongs to another query; page with the same parameters' },
};
