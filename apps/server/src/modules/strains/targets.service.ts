import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { todayIn } from '../../platform/dates.js';
import type { PlanService } from '../plan/service.js';
import { effectiveLevelSql } from './model/labs.js';
import { SHARED_STATES } from './viewer.js';

export const STRAIN_INDICATORS = { bank: 'strainBankBuilt', bioresources: 'bioresourceProtectionSystem', biosafety: 'biosafetyCapacity' } as const;

type Q = Database['db'];

/** Whether another part's table exists yet (sequences and sharing come in later migrations). */
const exists = async (q: Q, table: string) => !!(await sql<{ t: string | null }>`select to_regclass(${table})::text as t`.execute(q)).rows[0]?.t;

async function bankCounts(q: Q) {
  const accessioned = (await sql<{ n: number }>`select count(*)::int as n from strain where status = 'accessioned'`.execute(q)).rows[0]?.n ?? 0;
  // Sequenced and shared strains count only accessioned ones: a deposit's sequence is not the bank's yet.
  const sequenced = await exists(q, 'strain_sequence')
    ? (await sql<{ n: number }>`select count(distinct q.strain_id)::int as n from strain_sequence q join strain s on s.id = q.strain_id where s.status = 'accessioned'`.execute(q)).rows[0]?.n ?? 0
    : 0;
  const shared = await exists(q, 'sharing_request')
    ? (await sql<{ n: number }>`select count(distinct r.strain_id)::int as n from sharing_request r where r.status in (${sql.join(SHARED_STATES.map((s) => sql`${s}`))})`.execute(q)).rows[0]?.n ?? 0
    : 0;
  return { accessioned, sequenced, shared };
}

/**
 * Action 8's three targets, none of them quantified in the plan: counted from the records with
 * what they rest on in words. The bank: accessioned strains, naming how many are sequenced and
 * how many were shared; bioresources: germplasm kept plus accessioned strains; biosafety: labs
 * of BSL-3 or above whose level is in effect (operating, certificate in date).
 */
export function strainTargetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const asOf = () => todayIn(deps.now());

  async function labCounts(q: Q) {
    const r = await sql<{ level: number; animal: boolean; n: number }>`
      select ${effectiveLevelSql('l', asOf())} as level, l.animal, count(*)::int as n from biosafety_lab l group by 1, 2`.execute(q);
    const at = (min: number, animal?: boolean) => r.rows.filter((x) => x.level >= min && (animal === undefined || x.animal === animal)).reduce((n, x) => n + x.n, 0);
    const building = (await sql<{ n: number }>`select count(*)::int as n from biosafety_lab where status = 'building' and biosafety_level >= 3`.execute(q)).rows[0]?.n ?? 0;
    return { p3: at(3) - at(4), p4: at(4), animal: at(3, true), building };
  }

  function registerIndicators() {
    deps.plan.registerIndicator(STRAIN_INDICATORS.bank, async (q) => {
      const c = await bankCounts(q);
      return {
        value: c.accessioned, asOf: asOf(),
        basisZh: `菌种库已保藏菌种 ${c.accessioned} 株，其中已测序 ${c.sequenced} 株；已共享（发运或签收）菌种 ${c.shared} 株`,
        basisEn: `${c.accessioned} strains accessioned in the bank, ${c.sequenced} of them sequenced; ${c.shared} strains shared (shipped or received)`,
        drillDown: '/strains',
      };
    });
    deps.plan.registerIndicator(STRAIN_INDICATORS.bioresources, async (q) => {
      const germplasm = (await sql<{ n: number }>`select count(*)::int as n from germplasm where status = 'kept'`.execute(q)).rows[0]?.n ?? 0;
      const { accessioned } = await bankCounts(q);
      return {
        value: germplasm + accessioned, asOf: asOf(),
        basisZh: `保存中的种质资源 ${germplasm} 份与已保藏菌种 ${accessioned} 株，合计 ${germplasm + accessioned}`,
        basisEn: `${germplasm} germplasm records kept and ${accessioned} strains accessioned, ${germplasm + accessioned} in all`,
        drillDown: '/strains/germplasm',
      };
    });
    deps.plan.registerIndicator(STRAIN_INDICATORS.biosafety, async (q) => {
      const c = await labCounts(q);
      return {
        value: c.p3 + c.p4, asOf: asOf(),
        basisZh: `运行中且证书在有效期内的 BSL-3 及以上实验室 ${c.p3 + c.p4} 个（P3 ${c.p3} 个，P4 ${c.p4} 个；其中动物生物安全实验室 ${c.animal} 个）；另有在建 BSL-3 及以上 ${c.building} 个未计入`,
        basisEn: `${c.p3 + c.p4} labs of BSL-3 or above operating with a certificate in date (P3: ${c.p3}, P4: ${c.p4}; ${c.animal} of them animal facilities); ${c.building} being built are not counted`,
        drillDown: '/strains/labs',
      };
    });
  }

  return { registerIndicators, bankCounts: () => bankCounts(database.db), labCounts: () => labCounts(database.db) };
}
