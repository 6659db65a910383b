import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Ctx } from '../context/ctx.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** A human-readable action name, e.g. 'user.create', 'report.return'. */
  action: string;
  entityType: string;
  entityId: string;
  /** One line a person reads in a record's history, e.g. "创建用户 zhang (Created user zhang)". */
  summary?: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditRowForHash {
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** JSON with sorted keys, so that a row hashes the same after a round trip through jsonb. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashRow(prevHash: string, row: AuditRowForHash): string {
  const body = canonical({ ...row, at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Plain JSON (dates as strings, no undefined), the form jsonb will give back. */
const plain = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Appends one audit row inside the caller's transaction, so the write and its record
 * commit or roll back together.
 */
export async function audit(trx: Transaction<DB>, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(trx);
  const last = await trx.selectFrom('auditLog').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row: AuditRowForHash = {
    at: new Date(),
    actorId: ctx.principal?.userId ?? null,
    actorName: ctx.principal?.username ?? 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary ?? null,
    before: plain(entry.before),
    after: plain(entry.after),
    requestId: ctx.requestId,
  };
  await trx
    .insertInto('auditLog')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      prevHash,
      hash: hashRow(prevHash, row),
    })
    .execute();
}
