import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { addDays, todayIn } from '../../platform/dates.js';
import type { StrainDeps } from './index.js';
import { alertSql, DEFAULT_DUE_DAYS, lotRows, presentLot } from './lots.service.js';
import { requireCurator } from './lots.viewer.js';
import { strainViewerOf } from './viewer.js';

/** Each list on the panel shows this many at most; the counts are whole. */
const SHOWN = 200;

/**
 * The curators' alerts panel: active lots at or below their alert level, viability tests due
 * within `days` or overdue, lots whose latest test failed, and accessioned strains with no active
 * lot at all (nothing left to share or revive).
 */
export function alertsService(database: Database, deps: StrainDeps) {
  const { db } = database;

  return {
    async alerts(ctx: Ctx, f: { days?: number }) {
      requireCurator(await strainViewerOf(db, ctx));
      const today = todayIn(deps.now());
      const days = f.days ?? DEFAULT_DUE_DAYS;
      const dueBy = addDays(today, days);
      const lotsWhere = (alert: 'low' | 'due' | 'overdue' | 'failed') => lotRows(db).where('t.status', '=', 'active').where(alertSql(alert, today, dueBy))
        .select(sql<number>`count(*) over ()`.as('total')).orderBy(alert === 'low' ? sql`t.vials_on_hand - t.alert_level` : alert === 'failed' ? sql`t.updated_at desc` : sql`t.next_test_due`).orderBy('t.code').limit(SHOWN).execute();
      const [low, due, overdue, failed, unstocked] = await Promise.all([
        lotsWhere('low'), lotsWhere('due'), lotsWhere('overdue'), lotsWhere('failed'),
        db.selectFrom('strain as s').select(['s.id', 's.accession', 's.genus', 's.species', 's.strainDesignation', 's.nameZh', 's.restricted', sql<number>`count(*) over ()`.as('total')])
          .where('s.status', '=', 'accessioned')
          .where((eb) => eb.not(eb.exists(eb.selectFrom('strainLot as t').select('t.id').whereRef('t.strainId', '=', 's.id').where('t.status', '=', 'active'))))
          .orderBy('s.accession').limit(SHOWN).execute(),
      ]);
      const lots = (rows: typeof low) => rows.map(({ total: _t, ...r }) => presentLot(r, today, dueBy));
      const count = (rows: { total: number }[]) => rows[0]?.total ?? 0;
      return {
        asOf: today, dueBy, days,
        counts: { low: count(low), due: count(due), overdue: count(overdue), failed: count(failed), unstocked: count(unstocked) },
        low: lots(low), due: lots(due), overdue: lots(overdue), failed: lots(failed),
        unstocked: unstocked.map(({ total: _t, ...s }) => s),
      };
    },
  };
}

export type AlertsService = ReturnType<typeof alertsService>;
