import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { todayIn } from '../../platform/dates.js';
import type { PlanService } from '../plan/service.js';
import { EDUCATION_KINDS, TALENT_KINDS, TALENT_PROGRAMMES, type TalentKind } from './model/labels.js';
import { requireOverseer, talentViewerOf } from './viewer.js';

export const TALENT_INDICATORS = { national: 'nationalTalents', academicians: 'academicians', highEnd: 'highEndTalents', education: 'educationSystem' } as const;
/** The 2027 numbers of action 6 (data/plan/actions.json); the chart draws them beside the counts. */
export const TALENT_TARGETS = { nationalTalents: 5, academicians: 1 } as const;
/**
 * The plan runs from 2024: a talent counts toward "引育" if it arrived on or after this day.
 * Earlier arrivals are on record and shown in the basis, not counted.
 */
export const PLAN_START = '2024-01-01';

type Q = Database['db'];
type KindCounts = Record<TalentKind, { arrived: number; arrivedSincePlan: number; recruiting: number; left: number }>;

async function kindCounts(q: Q): Promise<KindCounts> {
  const r = await sql<{ kind: TalentKind; status: string; since: boolean; n: number }>`
    select kind, status, coalesce(arrival_on >= ${PLAN_START}::date, false) as since, count(*)::int as n from talent group by 1, 2, 3`.execute(q);
  const out = Object.fromEntries(Object.keys(TALENT_KINDS).map((k) => [k, { arrived: 0, arrivedSincePlan: 0, recruiting: 0, left: 0 }])) as KindCounts;
  for (const x of r.rows) {
    const c = out[x.kind];
    if (!c) continue;
    if (x.status === 'arrived') { c.arrived += x.n; if (x.since) c.arrivedSincePlan += x.n; }
    else if (x.status === 'recruiting') c.recruiting += x.n;
    else c.left += x.n;
  }
  return out;
}

/**
 * Action 6's indicators, counted from the records. National-level talents and academicians are
 * two targets of the plan (5 and 1) and are counted apart: an academician is not counted again
 * among the national-level talents, so that the two never count one person twice. Only those
 * who have arrived since the plan began count; those in progress and those who left are shown.
 */
export function talentTargetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const asOf = () => todayIn(deps.now());

  function registerIndicators() {
    const counted = (code: string, kind: TalentKind, zh: string, en: string) => deps.plan.registerIndicator(code, async (q) => {
      const c = (await kindCounts(q))[kind];
      return {
        value: c.arrivedSincePlan, asOf: asOf(),
        basisZh: `${PLAN_START.slice(0, 4)} 年以来引进并已到岗的${zh}人数（引进中 ${c.recruiting} 名、已离开 ${c.left} 名、${PLAN_START.slice(0, 4)} 年前到岗 ${c.arrived - c.arrivedSincePlan} 名不计入${kind === 'national' ? '；两院院士单列，不重复计入' : ''}）`,
        basisEn: `${en} who arrived since ${PLAN_START.slice(0, 4)} and are in post (${c.recruiting} in progress, ${c.left} left and ${c.arrived - c.arrivedSincePlan} who arrived earlier are not counted${kind === 'national' ? '; academicians are counted apart, not here' : ''})`,
        drillDown: `/talent/people?kind=${kind}`,
      };
    });
    counted(TALENT_INDICATORS.national, 'national', '国家级人才', 'National-level talents');
    counted(TALENT_INDICATORS.academicians, 'academician', '两院院士', 'Academicians');

    deps.plan.registerIndicator(TALENT_INDICATORS.highEnd, async (q) => {
      const c = await kindCounts(q);
      const kinds = Object.keys(TALENT_KINDS) as TalentKind[];
      return {
        value: kinds.reduce((n, k) => n + c[k].arrived, 0), asOf: asOf(),
        basisZh: `在岗高端人才与团队：${kinds.map((k) => `${TALENT_KINDS[k].zh} ${c[k].arrived}`).join('，')}（另有引进中 ${kinds.reduce((n, k) => n + c[k].recruiting, 0)} 名）`,
        basisEn: `High-end talent and teams in post: ${kinds.map((k) => `${TALENT_KINDS[k].en} ${c[k].arrived}`).join(', ')} (${kinds.reduce((n, k) => n + c[k].recruiting, 0)} more in progress)`,
        drillDown: '/talent/people?status=arrived',
      };
    });

    deps.plan.registerIndicator(TALENT_INDICATORS.education, async (q) => {
      const r = await sql<{ kind: keyof typeof EDUCATION_KINDS; n: number }>`select kind, count(*)::int as n from education_programme group by kind`.execute(q);
      const total = r.rows.reduce((n, x) => n + x.n, 0);
      const unis = (await sql<{ n: number }>`select count(distinct organisation_id)::int as n from education_programme`.execute(q)).rows[0]?.n ?? 0;
      const by = (k: string) => r.rows.find((x) => x.kind === k)?.n ?? 0;
      return {
        value: total, asOf: asOf(),
        basisZh: `${unis} 所高校的学位点与联合培养、培训项目共 ${total} 个：${Object.entries(EDUCATION_KINDS).map(([k, n]) => `${n.zh} ${by(k)}`).join('，')}`,
        basisEn: `${total} degree programmes and training schemes at ${unis} universities: ${Object.entries(EDUCATION_KINDS).map(([k, n]) => `${n.en} ${by(k)}`).join(', ')}`,
        drillDown: '/talent/education',
      };
    });
  }

  /** What the talent page's chart draws: counts by kind and status, by programme, and the two targets. */
  async function summary(ctx: Ctx) {
    requireOverseer(await talentViewerOf(database.db, ctx));
    const [byKind, programmes] = await Promise.all([
      kindCounts(database.db),
      sql<{ programme: string; kind: string; n: number }>`select programme, kind, count(*)::int as n from talent where status = 'arrived' group by 1, 2`.execute(database.db),
    ]);
    return {
      asOf: asOf(), planStart: PLAN_START,
      byKind: (Object.keys(TALENT_KINDS) as TalentKind[]).map((kind) => ({ kind, ...byKind[kind] })),
      byProgramme: Object.keys(TALENT_PROGRAMMES).map((programme) => ({
        programme, arrived: Object.fromEntries(Object.keys(TALENT_KINDS).map((k) => [k, programmes.rows.find((x) => x.programme === programme && x.kind === k)?.n ?? 0])),
      })),
      targets: [
        { code: TALENT_INDICATORS.national, kind: 'national', target: TALENT_TARGETS.nationalTalents, value: byKind.national.arrivedSincePlan },
        { code: TALENT_INDICATORS.academicians, kind: 'academician', target: TALENT_TARGETS.academicians, value: byKind.academician.arrivedSincePlan },
      ],
    };
  }

  return { registerIndicators, summary };
}
