import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { PlanService } from '../plan/service.js';
import { PROJECT_STAGES } from './model/labels.js';

export const PILOT_INDICATORS = { pilotBases: 'pilotBases', oneToTen: 'oneToTenConversions' } as const;

/** Stages a project reaches only after its 中试熟化 gate has passed: a result taken "from 1 to 10". */
export const CONVERTED_STAGES = ['incubation', 'park', 'cluster'] as const;

/**
 * The plan's two pilot targets, computed from records: bases recognised as key or national
 * (储备 bases are listed but not yet counted), and projects that passed pilot maturation.
 */
export function pilotTargetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const asOf = () => deps.now().toISOString().slice(0, 10);

  async function baseCounts(q: Database['db']) {
    const r = await sql<{ tier: string; n: number }>`select tier, count(*)::int as n from pilot_base group by tier`.execute(q);
    const by = Object.fromEntries(r.rows.map((x) => [x.tier, x.n])) as Record<string, number>;
    return { reserve: by.reserve ?? 0, key: by.key ?? 0, national: by.national ?? 0 };
  }

  async function stageCounts(q: Database['db']) {
    const r = await sql<{ stage: string; n: number }>`select stage, count(*)::int as n from pilot_project where status = 'active' or stage in ('incubation', 'park', 'cluster') group by stage`.execute(q);
    return Object.fromEntries(Object.keys(PROJECT_STAGES).map((s) => [s, r.rows.find((x) => x.stage === s)?.n ?? 0])) as Record<keyof typeof PROJECT_STAGES, number>;
  }

  function registerIndicators() {
    deps.plan.registerIndicator(PILOT_INDICATORS.pilotBases, async (q) => {
      const c = await baseCounts(q);
      return {
        value: c.key + c.national, asOf: asOf(),
        basisZh: `认定为重点或国家级的中试基地数（国家级 ${c.national} 个，重点 ${c.key} 个；另有储备 ${c.reserve} 个未计入）`,
        basisEn: `Pilot bases recognised as key or national (national ${c.national}, key ${c.key}; ${c.reserve} reserve bases not counted)`,
        drillDown: '/pilot/bases?tier=key,national',
      };
    });
    deps.plan.registerIndicator(PILOT_INDICATORS.oneToTen, async (q) => {
      const s = await stageCounts(q);
      const converted = CONVERTED_STAGES.reduce((n, k) => n + s[k], 0);
      return {
        value: converted, asOf: asOf(),
        basisZh: `通过中试熟化关口、进入企业孵化及以后阶段的中试项目数（企业孵化 ${s.incubation}，园区运营 ${s.park}，产业集群 ${s.cluster}；在中试熟化 ${s.pilot}，概念验证 ${s.poc}，技术攻关 ${s.research}）`,
        basisEn: `Pilot projects past the pilot-maturation gate (incubation ${s.incubation}, park ${s.park}, cluster ${s.cluster}; in pilot ${s.pilot}, proof of concept ${s.poc}, research ${s.research})`,
        drillDown: '/pilot/projects',
      };
    });
  }

  return { registerIndicators, baseCounts: () => baseCounts(database.db), stageCounts: () => stageCounts(database.db) };
}
