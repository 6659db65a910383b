import type { Ctx } from '../../platform/context/ctx.js';
import type { Db } from '../../platform/db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict } from '../../platform/http/errors.js';

/** What a retired golden profile or monitoring model is called, and what its retirement writes. */
export interface Retirement {
  table: 'goldenProfile' | 'monitorModel';
  entityType: 'golden_profile' | 'monitor_model';
  action: string;
  noun: { zh: string; en: string };
  set: Record<string, unknown>;
}

/**
 * Retires an active record in one audited transaction; one already retired (by someone else in
 * the meantime, too: the update checks the status) is a conflict, and nothing is written.
 */
export function retireActive(db: Db, ctx: Ctx, r: Retirement, id: string, code: string) {
  return db.transaction().execute(async (trx) => {
    const done = await trx.updateTable(r.table as 'goldenProfile').set({ status: 'retired', ...r.set } as never)
      .where('id', '=', id).where('status', '=', 'active').returning('id').executeTakeFirst();
    if (!done) throw conflict(`${r.noun.zh} ${code} 已停用`, `${r.noun.en} ${code} is already retired`);
    await audit(trx, ctx, { action: r.action, entityType: r.entityType, entityId: id, summary: `停用${r.noun.zh} ${code}（Retired ${r.noun.en.toLowerCase()} ${code}）`, before: { status: 'active' }, after: { status: 'retired' } });
  });
}
