import type { Db } from '../db/database.js';
import { GENESIS_HASH, hashRow } from './audit.js';

export interface ChainReport {
  ok: boolean;
  rows: number;
  /** The first row whose link or hash does not match, and why. */
  firstBroken?: { id: number; reason: string };
}

/** Walks the audit chain in id order, in pages, and names the first row that breaks it. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await db.selectFrom('auditLog').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (page.length === 0) return { ok: true, rows };
    for (const r of page) {
      rows++;
      if (r.prevHash !== prev) return { ok: false, rows, firstBroken: { id: r.id, reason: 'prev_hash does not match the hash of the row before it' } };
      const expected = hashRow(prev, {
        at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, entityType: r.entityType,
        entityId: r.entityId, summary: r.summary, before: r.before, after: r.after, requestId: r.requestId,
      });
      if (expected !== r.hash) return { ok: false, rows, firstBroken: { id: r.id, reason: 'content does not match its hash (row was altered)' } };
      prev = r.hash;
      after = r.id;
    }
  }
}
