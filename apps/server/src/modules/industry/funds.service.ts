import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate } from '../../platform/dates.js';
import { DOMAINS } from './model/enterprise-input.js';
import { FUND_KINDS } from './model/labels.js';
import { industryViewerOf, requireIndustryTaskForce, seesScale } from './viewer.js';

export interface FundInput { code: string; nameZh: string; kind: string; sizeWan?: number | null; managerZh?: string | null; focusZh?: string | null; domains?: string[]; districtCode?: string | null }
export interface InvestmentInput { enterpriseId?: string | null; leadId?: string | null; amountWan: number; investedOn: string; noteZh?: string | null }

function fundProblems(f: Partial<FundInput>, districts: Set<string>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (f.code !== undefined && !/^[A-Za-z][\w-]{1,40}$/.test(f.code)) p.push({ path: '/code', message: '编码为字母开头的 2–41 位字母数字（letters and digits, starting with a letter）' });
  if (f.nameZh !== undefined && !f.nameZh.trim()) p.push({ path: '/nameZh', message: '基金名称必填（the name is required）' });
  if (f.kind !== undefined && !(f.kind in FUND_KINDS)) p.push({ path: '/kind', message: '类型应为母基金、引导基金、风投基金或产业基金（mother, guidance, venture or industry fund）' });
  if (f.sizeWan != null && !(f.sizeWan >= 0)) p.push({ path: '/sizeWan', message: '规模应为非负数（a number not below zero）' });
  (f.domains ?? []).forEach((d, i) => { if (!(DOMAINS as readonly string[]).includes(d)) p.push({ path: `/domains/${i}`, message: '未知领域（unknown domain）' }); });
  if (f.districtCode && !districts.has(f.districtCode)) p.push({ path: '/districtCode', message: '区县不存在（no such district）' });
  if (f.kind === 'guidance' && f.districtCode === null) p.push({ path: '/districtCode', message: '区县引导基金须指定区县（a district guidance fund names its district）' });
  return p;
}

/**
 * Funds behind the plan (safeguard 2): the mother fund, district guidance funds, venture and
 * industry funds, and their investments in enterprises and projects, summed by domain and
 * district.
 */
export function fundsService(database: Database) {
  const { db } = database;
  const districts = async () => new Set((await db.selectFrom('district').select('code').execute()).map((d) => d.code));

  async function requireReader(ctx: Ctx) {
    const v = await industryViewerOf(db, ctx);
    if (!seesScale(v)) throw forbidden('无权查看基金投资', 'You may not see fund investments');
    return v;
  }

  return {
    async list(ctx: Ctx) {
      await requireReader(ctx);
      return db.selectFrom('fund as f').leftJoin('district as d', 'd.code', 'f.districtCode').selectAll('f').select(['d.nameZh as districtNameZh',
        (eb) => eb.selectFrom('fundInvestment as i').select(sql<number>`coalesce(sum(i.amount_wan), 0)`.as('s')).whereRef('i.fundId', '=', 'f.id').as('investedWan'),
        (eb) => eb.selectFrom('fundInvestment as i').select((x) => x.fn.countAll<number>().as('n')).whereRef('i.fundId', '=', 'f.id').as('investments'),
      ]).orderBy('f.kind').orderBy('f.code').execute();
    },

    async get(ctx: Ctx, id: string) {
      const v = await requireReader(ctx);
      const f = await db.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst();
      if (!f) throw notFound('基金不存在', 'Fund not found');
      const investments = await db.selectFrom('fundInvestment as i').leftJoin('enterprise as e', 'e.id', 'i.enterpriseId').leftJoin('investmentLead as l', 'l.id', 'i.leadId')
        .selectAll('i').select(['e.nameZh as enterpriseNameZh', 'l.code as leadCode', 'l.targetNameZh as leadTargetNameZh', 'l.ownerDistrictCode as leadDistrictCode']).where('i.fundId', '=', id).orderBy('i.investedOn', 'desc').execute();
      // A lead is the task force's and its district's: others see that money went to a project, not which.
      return { ...f, investments: investments.map((i) => (v.taskForce || (i.leadId && i.leadDistrictCode === v.districtCode) || !i.leadId ? i : { ...i, leadId: null, leadCode: null, leadTargetNameZh: null, leadDistrictCode: null })) };
    },

    /** Money by domain (the enterprise's first domain, or the lead's chain) and by district. */
    async summary(ctx: Ctx) {
      await requireReader(ctx);
      const r = await sql<{ domain: string | null; districtCode: string | null; g: number; amount: number; n: number }>`
        with x as (
          select i.amount_wan,
                 coalesce(e.domains[1], c.domain, 'unassigned') as domain,
                 coalesce(e.district_code, l.owner_district_code) as district_code
          from fund_investment i
          left join enterprise e on e.id = i.enterprise_id
          left join investment_lead l on l.id = i.lead_id
          left join chain_node n on n.id = l.chain_node_id
          left join industry_chain c on c.code = n.chain_code)
        select domain, district_code as "districtCode", grouping(domain, district_code)::int as g, sum(amount_wan) as amount, count(*)::int as n
        from x group by grouping sets ((), (domain), (district_code))`.execute(db);
      const names = await db.selectFrom('district').select(['code', 'nameZh']).execute();
      return {
        totalWan: Number(r.rows.find((x) => x.g === 3)?.amount ?? 0), investments: r.rows.find((x) => x.g === 3)?.n ?? 0,
        byDomain: r.rows.filter((x) => x.g === 1).map((x) => ({ domain: x.domain, amountWan: Number(x.amount), investments: x.n })),
        byDistrict: r.rows.filter((x) => x.g === 2).map((x) => ({ districtCode: x.districtCode, districtNameZh: names.find((d) => d.code === x.districtCode)?.nameZh ?? null, amountWan: Number(x.amount), investments: x.n })),
      };
    },

    async save(ctx: Ctx, id: string | null, input: FundInput) {
      requireIndustryTaskForce(await industryViewerOf(db, ctx));
      const problems = fundProblems(input, await districts());
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const clash = await trx.selectFrom('fund').select('id').where('code', '=', input.code).executeTakeFirst();
        if (clash && clash.id !== id) throw conflict('基金编码已存在', 'A fund with this code exists', [{ path: '/code', message: '已存在（taken）' }]);
        const before = id ? await trx.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst() : null;
        if (id && !before) throw notFound('基金不存在', 'Fund not found');
        const values = { code: input.code, nameZh: input.nameZh.trim(), kind: input.kind, sizeWan: input.sizeWan ?? null, managerZh: input.managerZh ?? null, focusZh: input.focusZh ?? null, domains: input.domains ?? [], districtCode: input.districtCode ?? null, updatedAt: new Date() };
        const f = id ? await trx.updateTable('fund').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow() : await trx.insertInto('fund').values(values).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: id ? 'fund.update' : 'fund.create', entityType: 'fund', entityId: f.id, summary: `${id ? '修改' : '新增'}基金 ${f.nameZh}（${id ? 'Updated' : 'Added'} fund）`, before, after: f });
        return f;
      });
    },

    async addInvestment(ctx: Ctx, fundId: string, input: InvestmentInput) {
      requireIndustryTaskForce(await industryViewerOf(db, ctx));
      const f = await db.selectFrom('fund').select(['id', 'nameZh']).where('id', '=', fundId).executeTakeFirst();
      if (!f) throw notFound('基金不存在', 'Fund not found');
      const p: ErrorDetail[] = [];
      if (!input.enterpriseId && !input.leadId) p.push({ path: '/enterpriseId', message: '须指定被投企业或招商项目（name the enterprise or the project）' });
      if (!(input.amountWan > 0)) p.push({ path: '/amountWan', message: '金额应大于 0（an amount above zero）' });
      if (!isIsoDate(input.investedOn)) p.push({ path: '/investedOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' });
      if (input.enterpriseId && !(await db.selectFrom('enterprise').select('id').where('id', '=', input.enterpriseId).executeTakeFirst())) p.push({ path: '/enterpriseId', message: '企业不存在（no such enterprise）' });
      if (input.leadId && !(await db.selectFrom('investmentLead').select('id').where('id', '=', input.leadId).executeTakeFirst())) p.push({ path: '/leadId', message: '招商项目不存在（no such project）' });
      if (p.length) throw invalid(p);
      return db.transaction().execute(async (trx) => {
        const i = await trx.insertInto('fundInvestment').values({ fundId, enterpriseId: input.enterpriseId ?? null, leadId: input.leadId ?? null, amountWan: input.amountWan, investedOn: input.investedOn, noteZh: input.noteZh ?? null }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'fund.invest', entityType: 'fund', entityId: fundId, summary: `记录 ${f.nameZh} 投资 ${input.amountWan} 万元（Recorded an investment）`, after: i });
        return i;
      });
    },
  };
}

export type FundsService = ReturnType<typeof fundsService>;
