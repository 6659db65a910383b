import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { forbidden, notFound } from '../../platform/http/errors.js';
import type { PlanService } from '../plan/service.js';
import { TIER_100_WAN, TIER_50_WAN, yi } from './model/tiers.js';
import { industryViewerOf, seesScale } from './viewer.js';

/**
 * The plan's industry targets computed from records: scale against 1000 亿元 (verified figures
 * only), enterprises by revenue tier and how many were attracted, 专精特新 and 小巨人. Every
 * figure has a drill-down to the records behind it.
 */
export const INDICATOR_CODES = { scale: 'industryScale', leaders100: 'leadingEnterprises100', large50: 'largeEnterprises50', srdi: 'srdiEnterprises' } as const;

/** The latest year that has verified figures: the year targets are measured in. */
const latestYear = async (db: Kysely<DB>) =>
  (await sql<{ y: number | null }>`select max(year) as y from industry_scale_cell where state = 'verified' and figures > 0`.execute(db)).rows[0]?.y ?? null;

async function tierCounts(db: Kysely<DB>, year: number) {
  const r = await sql<{ t100: number; t100a: number; t50: number; t50a: number }>`
    select coalesce(sum(tier100), 0)::int as t100, coalesce(sum(tier100) filter (where origin = 'attracted'), 0)::int as t100a,
           coalesce(sum(tier50), 0)::int as t50, coalesce(sum(tier50) filter (where origin = 'attracted'), 0)::int as t50a
    from industry_scale_cell where year = ${year} and state = 'verified'`.execute(db);
  return r.rows[0];
}

async function srdiCounts(db: Kysely<DB>) {
  const r = await sql<{ any: number; srdi: number; littleGiant: number }>`
    select count(distinct enterprise_id)::int as any,
           count(distinct enterprise_id) filter (where kind = 'srdi')::int as srdi,
           count(distinct enterprise_id) filter (where kind = 'littleGiant')::int as "littleGiant"
    from enterprise_designation where kind in ('srdi', 'littleGiant')`.execute(db);
  return r.rows[0];
}

export function targetsService(database: Database, deps: { plan: PlanService; now: () => Date }) {
  const { db } = database;

  /** Registers the four indicators with plan supervision: they are measured on every read. */
  function registerIndicators() {
    const asOf = () => deps.now().toISOString().slice(0, 10);
    deps.plan.registerIndicator(INDICATOR_CODES.scale, async (q) => {
      const year = await latestYear(q);
      if (year === null) return null;
      const r = await sql<{ total: number }>`select coalesce(sum(scale_wan), 0) as total from industry_scale_cell where year = ${year} and state = 'verified'`.execute(q);
      return { value: yi(Number(r.rows[0].total)), asOf: asOf(), basisZh: `${year} 年已核实的企业生物制造营业收入（无营收时取产值）合计，单位亿元`, basisEn: `Sum of verified ${year} biomanufacturing revenue (output value where no revenue), 亿元`, drillDown: `/industry/targets/${INDICATOR_CODES.scale}?year=${year}` };
    });
    const tier = (code: string, field: 't100a' | 't50a', label: string) => deps.plan.registerIndicator(code, async (q) => {
      const year = await latestYear(q);
      if (year === null) return null;
      const t = await tierCounts(q, year);
      const all = field === 't100a' ? t.t100 : t.t50;
      return { value: t[field], asOf: asOf(), basisZh: `${year} 年已核实营收${label}的引进企业数（全部企业 ${all} 家）`, basisEn: `Attracted enterprises with verified ${year} revenue ${label === '≥100亿元' ? '≥ 100' : '≥ 50'} 亿元 (all enterprises: ${all})`, drillDown: `/industry/targets/${code}?year=${year}` };
    });
    tier(INDICATOR_CODES.leaders100, 't100a', '≥100亿元');
    tier(INDICATOR_CODES.large50, 't50a', '≥50亿元');
    deps.plan.registerIndicator(INDICATOR_CODES.srdi, async (q) => {
      const s = await srdiCounts(q);
      return { value: s.any, asOf: asOf(), basisZh: `获“专精特新”或“小巨人”认定的企业数（专精特新 ${s.srdi} 家，小巨人 ${s.littleGiant} 家）`, basisEn: `Enterprises designated SRDI or little giant (SRDI ${s.srdi}, little giants ${s.littleGiant})`, drillDown: `/industry/targets/${INDICATOR_CODES.srdi}` };
    });
  }

  async function scaleYear(year?: number) {
    return year ?? (await latestYear(db));
  }

  return {
    registerIndicators,

    /** The cockpit: scale by year, domain and district; tiers; designations; what is still unverified. */
    async rollup(ctx: Ctx, requested?: number) {
      const v = await industryViewerOf(db, ctx);
      if (!seesScale(v)) throw forbidden('无权查看产业规模汇总', 'You may not see the industry roll-up');
      const year = await scaleYear(requested);
      const byYear = await sql<{ year: number; scale: number; enterprises: number }>`
        select year, sum(scale_wan) as scale, sum(figures)::int as enterprises from industry_scale_cell where state = 'verified' group by year having sum(figures) > 0 order by year`.execute(db);
      const srdi = await srdiCounts(db);
      if (year === null) return { year: null, years: [], totalWan: 0, totalYi: 0, target: 1000, fromOutputValueWan: 0, unverified: { figures: 0, scaleWan: 0 }, byDomain: [], byDistrict: [], tiers: null, designations: srdi, series: [] };
      const grouped = await sql<{ districtCode: string | null; domain: string | null; g: number; scale: number; enterprises: number; fromOutput: number }>`
        select district_code as "districtCode", domain, grouping(district_code, domain)::int as g,
               coalesce(sum(scale_wan), 0) as scale, coalesce(sum(figures), 0)::int as enterprises, coalesce(sum(from_output_wan), 0) as "fromOutput"
        from industry_scale_cell where year = ${year} and state = 'verified'
        group by grouping sets ((), (district_code), (domain))
        having grouping(district_code, domain) = 3 or sum(figures) > 0`.execute(db);
      const unverified = await sql<{ figures: number; scale: number }>`
        select coalesce(sum(figures), 0)::int as figures, coalesce(sum(scale_wan), 0) as scale from industry_scale_cell where year = ${year} and state = 'submitted'`.execute(db);
      const districts = await db.selectFrom('district').select(['code', 'nameZh']).execute();
      const total = grouped.rows.find((r) => r.g === 3);
      return {
        year, years: byYear.rows.map((r) => r.year), target: 1000,
        totalWan: Number(total?.scale ?? 0), totalYi: yi(Number(total?.scale ?? 0)), enterprises: total?.enterprises ?? 0,
        fromOutputValueWan: Number(total?.fromOutput ?? 0),
        unverified: { figures: unverified.rows[0].figures, scaleWan: Number(unverified.rows[0].scale) },
        byDistrict: grouped.rows.filter((r) => r.g === 1).map((r) => ({ districtCode: r.districtCode, districtNameZh: districts.find((d) => d.code === r.districtCode)?.nameZh ?? r.districtCode, scaleWan: Number(r.scale), enterprises: r.enterprises })).sort((a, b) => b.scaleWan - a.scaleWan),
        byDomain: grouped.rows.filter((r) => r.g === 2).map((r) => ({ domain: r.domain, scaleWan: Number(r.scale), enterprises: r.enterprises })).sort((a, b) => b.scaleWan - a.scaleWan),
        tiers: await tierCounts(db, year),
        designations: srdi,
        series: byYear.rows.map((r) => ({ year: r.year, scaleWan: Number(r.scale), scaleYi: yi(Number(r.scale)), enterprises: r.enterprises })),
      };
    },

    /** The records behind an indicator (paged). */
    async records(ctx: Ctx, code: string, f: { year?: number; limit: number; offset: number }) {
      const v = await industryViewerOf(db, ctx);
      if (!seesScale(v)) throw forbidden('无权查看指标明细', 'You may not see the records behind this indicator');
      // Individual firms' figures: a district sees its own firms behind a municipal figure.
      const own = !v.taskForce && !v.unit ? v.districtCode : null;
      if (code === INDICATOR_CODES.srdi) {
        const rows = await db.selectFrom('enterpriseDesignation as x').innerJoin('enterprise as e', 'e.id', 'x.enterpriseId').leftJoin('district as d', 'd.code', 'e.districtCode')
          .select(['e.id', 'e.creditCode', 'e.nameZh', 'e.districtCode', 'd.nameZh as districtNameZh', 'e.origin', 'x.kind', 'x.level', 'x.year', sql<number>`count(*) over ()`.as('total')])
          .where('x.kind', 'in', ['srdi', 'littleGiant']).$if(!!own, (q) => q.where('e.districtCode', '=', own!)).orderBy('e.nameZh').orderBy('x.kind').limit(f.limit).offset(f.offset).execute();
        return { code, year: null, total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
      }
      const year = await scaleYear(f.year);
      if (!Object.values(INDICATOR_CODES).includes(code as never)) throw notFound('该指标不由产业地图计算', 'This indicator is not computed by the industry map');
      if (year === null) return { code, year, total: 0, items: [] };
      let q = db.selectFrom('enterpriseFigure as f').innerJoin('enterprise as e', 'e.id', 'f.enterpriseId').leftJoin('district as d', 'd.code', 'e.districtCode')
        .select(['e.id', 'e.creditCode', 'e.nameZh', 'e.districtCode', 'd.nameZh as districtNameZh', 'e.origin', 'e.domains', 'f.year', 'f.revenueWan', 'f.outputValueWan', 'f.source', sql<number>`count(*) over ()`.as('total')])
        .where('f.year', '=', year).where('f.state', '=', 'verified');
      if (own) q = q.where('e.districtCode', '=', own);
      if (code === INDICATOR_CODES.leaders100) q = q.where('f.revenueWan', '>=', TIER_100_WAN).where('e.origin', '=', 'attracted');
      if (code === INDICATOR_CODES.large50) q = q.where('f.revenueWan', '>=', TIER_50_WAN).where('e.origin', '=', 'attracted');
      const rows = await q.orderBy(sql`coalesce(f.revenue_wan, f.output_value_wan)`, 'desc').limit(f.limit).offset(f.offset).execute();
      return { code, year, districtCode: own, total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    /** Values per district for the map: enterprise counts for everyone, scale for those who may see it. */
    async map(ctx: Ctx, measure: 'count' | 'scale' | 'srdi', requested?: number) {
      const v = await industryViewerOf(db, ctx);
      const districts = await db.selectFrom('district').select(['code', 'nameZh', 'nameEn']).orderBy('code').execute();
      let values: Map<string, number>;
      let year: number | null = null;
      if (measure === 'scale') {
        if (!seesScale(v)) throw forbidden('产业规模地图需要登录并具备权限', 'The scale map needs access to figures');
        year = await scaleYear(requested);
        const r = year === null ? { rows: [] } : await sql<{ code: string; value: number }>`
          select district_code as code, sum(scale_wan) as value from industry_scale_cell where year = ${year} and state = 'verified' group by district_code`.execute(db);
        values = new Map(r.rows.map((x) => [x.code, yi(Number(x.value))]));
      } else if (measure === 'srdi') {
        const r = await sql<{ code: string; value: number }>`select e.district_code as code, count(distinct e.id)::int as value from enterprise e join enterprise_designation x on x.enterprise_id = e.id where x.kind in ('srdi', 'littleGiant') group by e.district_code`.execute(db);
        values = new Map(r.rows.map((x) => [x.code, x.value]));
      } else {
        const r = await db.selectFrom('enterprise').select(['districtCode as code', (eb) => eb.fn.countAll<number>().as('value')]).groupBy('districtCode').execute();
        values = new Map(r.map((x) => [x.code, Number(x.value)]));
      }
      return { measure, year, unitZh: measure === 'scale' ? '亿元' : '家', items: districts.map((d) => ({ ...d, value: values.get(d.code) ?? 0 })) };
    },
  };
}

export type TargetsService = ReturnType<typeof targetsService>;
