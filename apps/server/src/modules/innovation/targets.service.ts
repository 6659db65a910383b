import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import { todayIn } from '../../platform/dates.js';
import type { PlanService } from '../plan/service.js';
import { HIGH_LEVEL, PLAN_START } from './model/labels.js';
import { zeroToOneByPlatform } from './results.js';

export const INNOVATION_INDICATORS = { platforms: 'innovationPlatforms', zeroToOne: 'zeroToOneResults' } as const;

/** The drill-down of the platform target: the list filtered to what it counts. */
export const HIGH_LEVEL_DRILL_DOWN = `/innovation/platforms?level=${HIGH_LEVEL.levels.join(',')}&status=${HIGH_LEVEL.status}`;

/**
 * The innovation action's two targets measured from records: high-level platforms (national and
 * municipal, recognised and operating) against "3 家以上", and results from 0 to 1 per platform.
 */
export function innovationTargetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const asOf = () => todayIn(deps.now());

  async function platformCounts(q: Database['db']) {
    const r = await sql<{ level: string; status: string; n: number; recent: number }>`
      select level, status, count(*)::int as n, count(*) filter (where recognised_on >= ${PLAN_START}::date)::int as recent
      from innovation_platform group by level, status`.execute(q);
    const counted = r.rows.filter((x) => HIGH_LEVEL.levels.includes(x.level as never) && x.status === HIGH_LEVEL.status);
    const of = (level: string) => counted.find((x) => x.level === level)?.n ?? 0;
    const notCounted = r.rows.filter((x) => !counted.includes(x)).reduce((n, x) => n + x.n, 0);
    return { national: of('national'), municipal: of('municipal'), value: of('national') + of('municipal'), sincePlan: counted.reduce((n, x) => n + x.recent, 0), notCounted };
  }

  function registerIndicators() {
    deps.plan.registerIndicator(INNOVATION_INDICATORS.platforms, async (q) => {
      const c = await platformCounts(q);
      return {
        value: c.value, asOf: asOf(),
        basisZh: `已认定并运行的国家级、市级科技创新平台数（国家级 ${c.national} 家，市级 ${c.municipal} 家；其中 2024 年以来认定 ${c.sincePlan} 家）；培育、筹建中和已撤销的 ${c.notCounted} 家未计入`,
        basisEn: `Recognised, operating national and municipal innovation platforms (national ${c.national}, municipal ${c.municipal}; ${c.sincePlan} recognised since 2024); ${c.notCounted} incubating, being built or revoked not counted`,
        drillDown: HIGH_LEVEL_DRILL_DOWN,
      };
    });
    deps.plan.registerIndicator(INNOVATION_INDICATORS.zeroToOne, async (q) => {
      const by = await zeroToOneByPlatform(q);
      const rows = [...by.values()];
      const ip = rows.reduce((n, x) => n + x.ip, 0);
      const outputs = rows.reduce((n, x) => n + x.outputs, 0);
      return {
        value: ip + outputs, asOf: asOf(),
        basisZh: `科技创新平台的“从0到1”成果：关联平台且已授权、已发布或已登记的知识产权 ${ip} 项，揭榜挂帅成果 ${outputs} 项（${by.size} 个平台有成果）`,
        basisEn: `Results from 0 to 1 of innovation platforms: ${ip} granted, published or registered IP rights linked to a platform, ${outputs} challenge outputs (${by.size} platforms with results)`,
        drillDown: '/innovation/platforms',
      };
    });
  }

  return { registerIndicators, platformCounts: () => platformCounts(database.db) };
}
