import type { Database } from '../../platform/db/database.js';
import { todayIn } from '../../platform/dates.js';
import type { PlanService } from '../plan/service.js';
import { clockOf, median } from './model/clock.js';
import { CONCLUSIONS, CONCLUSION_CODES, type Conclusion } from './model/labels.js';
import { pausesOf } from './evaluations.store.js';

/** Action 8's target on safety evaluation (data/plan/actions.json): institutional innovation, not a number. */
export const SAFETY_INDICATOR = 'safetyEvaluationInnovation';
export const SAFETY_DRILL_DOWN = '/safety/evaluations';

type Q = Database['db'];

/** Concluded evaluations, by conclusion and by track, and their days used (the time with the applicant excluded). */
export async function concludedFigures(q: Q) {
  const rows = await q.selectFrom('safetyEvaluation').select(['id', 'state', 'conclusion', 'track', 'acceptedOn', 'timeLimitDays', 'concludedOn', 'closedOn'])
    .where('state', '=', 'concluded').execute();
  const pauses = await pausesOf(q, rows.map((r) => r.id));
  const days = rows.map((r) => ({ r, used: clockOf({ ...r, pauses: pauses.get(r.id)! }, r.concludedOn!)?.daysUsed ?? null }));
  const byConclusion = Object.fromEntries(CONCLUSION_CODES.map((c) => [c, rows.filter((r) => r.conclusion === c).length])) as Record<Conclusion, number>;
  const green = days.filter((x) => x.r.track === 'greenChannel');
  const priority = days.filter((x) => x.r.track === 'priority');
  const usedOf = (xs: typeof days) => xs.flatMap((x) => (x.used === null ? [] : [x.used]));
  return {
    concluded: rows.length, byConclusion, greenChannel: green.length, priority: priority.length,
    medianDays: median(usedOf(days)), greenChannelMedianDays: median(usedOf(green)),
    withinLimit: days.filter((x) => x.r.timeLimitDays !== null && x.used !== null && x.used <= x.r.timeLimitDays).length,
  };
}

/**
 * The indicator of task 25 (安全评价体制机制创新): concluded safety evaluations, the basis naming
 * those through the green channel and priority assessment and the median days taken.
 */
export function safetyTargetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  function registerIndicators() {
    deps.plan.registerIndicator(SAFETY_INDICATOR, async (q) => {
      const f = await concludedFigures(q);
      const days = (n: number | null) => (n === null ? '—' : String(n));
      return {
        value: f.concluded, asOf: todayIn(deps.now()),
        basisZh: `已完成生物制造安全评价 ${f.concluded} 项（${CONCLUSION_CODES.map((c) => `${CONCLUSIONS[c].zh} ${f.byConclusion[c]}`).join('，')}）；其中绿色通道 ${f.greenChannel} 项、优先评估 ${f.priority} 项；评价用时中位数 ${days(f.medianDays)} 天（绿色通道 ${days(f.greenChannelMedianDays)} 天，补充材料时间不计），${f.withinLimit} 项在时限内完成`,
        basisEn: `${f.concluded} biomanufacturing safety evaluations concluded (${CONCLUSION_CODES.map((c) => `${CONCLUSIONS[c].en.toLowerCase()} ${f.byConclusion[c]}`).join(', ')}); ${f.greenChannel} through the green channel and ${f.priority} by priority assessment; median ${days(f.medianDays)} days (green channel ${days(f.greenChannelMedianDays)}; time with the applicant for supplements excluded), ${f.withinLimit} within their time limit`,
        drillDown: SAFETY_DRILL_DOWN,
      };
    });
  }
  return { registerIndicators, figures: () => concludedFigures(database.db) };
}
