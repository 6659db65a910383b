import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { FactoryDeps } from './index.js';
import { sitePrefixOf } from './model/factory-input.js';

/** Task 3 (智能工厂和数字化车间建设示范工程) and what measures it: the plan sets no figure for either. */
export const FACTORY_TASK_NO = 3;
export const FACTORY_INDICATORS = {
  factoriesConnected: { code: 'factoriesConnected', nameZh: '接入工厂数', nameEn: 'Factories connected', unitZh: '家', unitEn: 'factories' },
  batchesMonitored: { code: 'batchesMonitored', nameZh: '受监控批次数', nameEn: 'Batches monitored', unitZh: '批', unitEn: 'batches' },
} as const;

/** A factory is connected while it sends: an EPCIS event received or a sensor reading taken in this window. */
export const CONNECTED_WINDOW_DAYS = 90;

/**
 * The smart-factory task's indicators, measured from the repository and the sensor series. A
 * factory's events are its organisation's events read at or located in its site (the rule of the
 * factory list, `sitePrefixOf`); a batch is monitored once it has readings.
 */
export function factoryTargetsService(database: Database, d: FactoryDeps) {
  const asOf = () => d.now().toISOString().slice(0, 10);

  async function connectedFactories(q: Database['db']) {
    const since = new Date(d.now().getTime() - CONNECTED_WINDOW_DAYS * 86_400_000);
    const factories = await q.selectFrom('factory').select(['id', 'organisationId', 'sgln']).execute();
    if (!factories.length) return { registered: 0, byEvents: 0, byReadings: 0, connected: 0 };
    const sites = factories.map((f) => sql`(${f.id}::uuid, ${f.organisationId}::uuid, ${escapeLike(sitePrefixOf(f.sgln))}::text)`);
    const r = await sql<{ byEvents: boolean; byReadings: boolean }>`
      select
        exists (select 1 from epcis_event e where e.organisation_id = s.organisation_id and s.site is not null and e.record_time >= ${since}
          and (e.read_point like s.site || '%' or e.biz_location like s.site || '%')) as "byEvents",
        exists (select 1 from factory_batch b join sensor_reading r on r.batch_id = b.id where b.factory_id = s.id and r.at >= ${since}) as "byReadings"
      from (values ${sql.join(sites)}) s(id, organisation_id, site)`.execute(q);
    return {
      registered: factories.length,
      byEvents: r.rows.filter((x) => x.byEvents).length,
      byReadings: r.rows.filter((x) => x.byReadings).length,
      connected: r.rows.filter((x) => x.byEvents || x.byReadings).length,
    };
  }

  async function monitoredBatches(q: Database['db']) {
    const r = await sql<{ state: string; n: number }>`
      select b.state, count(*)::int as n from factory_batch b
      where exists (select 1 from sensor_reading r where r.batch_id = b.id) group by b.state`.execute(q);
    const by = Object.fromEntries(r.rows.map((x) => [x.state, x.n])) as Record<string, number>;
    return { total: r.rows.reduce((n, x) => n + x.n, 0), running: by.running ?? 0, completed: by.completed ?? 0, aborted: by.aborted ?? 0 };
  }

  function registerIndicators() {
    d.plan.registerTaskIndicator(FACTORY_TASK_NO, FACTORY_INDICATORS.factoriesConnected, async (q) => {
      const c = await connectedFactories(q);
      return {
        value: c.connected, asOf: asOf(),
        basisZh: `近 ${CONNECTED_WINDOW_DAYS} 天内上报过 EPCIS 事件或传感器读数的工厂（事件 ${c.byEvents} 家，读数 ${c.byReadings} 家；已登记 ${c.registered} 家）`,
        basisEn: `Factories that sent EPCIS events or sensor readings in the last ${CONNECTED_WINDOW_DAYS} days (events ${c.byEvents}, readings ${c.byReadings}; ${c.registered} registered)`,
        drillDown: '/factory',
      };
    });
    d.plan.registerTaskIndicator(FACTORY_TASK_NO, FACTORY_INDICATORS.batchesMonitored, async (q) => {
      const b = await monitoredBatches(q);
      return {
        value: b.total, asOf: asOf(),
        basisZh: `有传感器读数的生产批次（运行中 ${b.running}，已完成 ${b.completed}，已中止 ${b.aborted}）`,
        basisEn: `Production batches with sensor readings (running ${b.running}, completed ${b.completed}, aborted ${b.aborted})`,
        drillDown: '/factory/batches',
      };
    });
  }

  return { registerIndicators, connectedFactories: () => connectedFactories(database.db), monitoredBatches: () => monitoredBatches(database.db) };
}

/** A `like` prefix taken literally. */
function escapeLike(prefix: string | null): string | null {
  return prefix === null ? null : prefix.replace(/[\\%_]/g, (c) => `\\${c}`);
}
