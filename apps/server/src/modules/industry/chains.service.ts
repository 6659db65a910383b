import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { standingOf, standingReason, STANDINGS } from './model/chain-analysis.js';
import { DOMAINS } from './model/enterprise-input.js';
import { PARK_KINDS } from './model/labels.js';
import { industryViewerOf, requireIndustryTaskForce, seesAllFigures } from './viewer.js';

export interface ParkInput { code: string; kind: string; nameZh: string; nameEn?: string | null; districtCodes: string[]; domains: string[]; focusZh?: string | null; clusterId?: string | null }

/**
 * Chains as graphs and their analysis (补链 / 强链 / 延链), and the parks and clusters the
 * enterprises sit in.
 */
export function chainsService(database: Database) {
  const { db } = database;

  /** Per node: enterprises on record, their verified scale in the latest year, active leads. One grouped pass each. */
  async function nodeStats(chainCode?: string) {
    const onChain = chainCode ? sql`and x.node_id in (select id from chain_node where chain_code = ${chainCode})` : sql``;
    const r = await sql<{ id: string; enterprises: number; scale: number; leads: number }>`
      with y as (select max(year) as year from industry_scale_cell where state = 'verified' and figures > 0),
      links as (
        select x.node_id, count(*)::int as enterprises, coalesce(sum(coalesce(f.revenue_wan, f.output_value_wan)), 0) as scale
        from enterprise_chain_node x
        left join enterprise_figure f on f.enterprise_id = x.enterprise_id and f.state = 'verified' and f.year = (select year from y)
        where true ${onChain}
        group by x.node_id),
      leads as (select chain_node_id, count(*)::int as n from investment_lead where status = 'active' and chain_node_id is not null group by chain_node_id)
      select n.id, coalesce(links.enterprises, 0) as enterprises, coalesce(links.scale, 0) as scale, coalesce(leads.n, 0) as leads
      from chain_node n left join links on links.node_id = n.id left join leads on leads.chain_node_id = n.id
      ${chainCode ? sql`where n.chain_code = ${chainCode}` : sql``}`.execute(db);
    return new Map(r.rows.map((x) => [x.id, { enterprises: x.enterprises, scaleWan: Number(x.scale), leads: x.leads }]));
  }

  /**
   * Nodes with their standing, of one chain or all. A node's scale can be a single firm's
   * revenue: it and the reason in 亿元 go only to those who see every firm's figures.
   */
  async function analysis(ctx: Ctx, chainCode?: string) {
    const v = await industryViewerOf(db, ctx);
    const [nodes, stats] = await Promise.all([
      db.selectFrom('chainNode as n').innerJoin('industryChain as c', 'c.code', 'n.chainCode')
        .select(['n.id', 'n.code', 'n.nameZh', 'n.nameEn', 'n.stage', 'n.role', 'n.sourceZh', 'n.sortOrder', 'n.chainCode', 'c.nameZh as chainNameZh', 'c.domain'])
        .$if(!!chainCode, (q) => q.where('n.chainCode', '=', chainCode!)).orderBy('c.sortOrder').orderBy('n.sortOrder').execute(),
      nodeStats(chainCode),
    ]);
    const showScale = seesAllFigures(v);
    const showLeads = v.taskForce || !!v.districtCode;
    return nodes.map((n) => {
      const s = stats.get(n.id) ?? { enterprises: 0, scaleWan: 0, leads: 0 };
      const standing = standingOf(n, s.enterprises, s.scaleWan);
      return {
        ...n, enterprises: s.enterprises, standing, standingZh: STANDINGS[standing].zh, actionZh: STANDINGS[standing].action.zh,
        reason: showScale ? standingReason(standing, s.enterprises, s.scaleWan) : null,
        ...(showScale ? { scaleWan: s.scaleWan } : {}), ...(showLeads ? { activeLeads: s.leads } : {}),
      };
    });
  }

  return {
    async chains() {
      const chains = await db.selectFrom('industryChain as c').selectAll('c')
        .select((eb) => eb.selectFrom('chainNode as n').select((x) => x.fn.countAll<number>().as('n')).whereRef('n.chainCode', '=', 'c.code').as('nodes'))
        .orderBy('c.sortOrder').execute();
      return chains;
    },

    async graph(ctx: Ctx, code: string) {
      const chain = await db.selectFrom('industryChain').selectAll().where('code', '=', code).executeTakeFirst();
      if (!chain) throw notFound('产业链不存在', 'Chain not found');
      const [nodes, edges] = await Promise.all([
        analysis(ctx, code),
        db.selectFrom('chainEdge as e').innerJoin('chainNode as n', 'n.id', 'e.fromNodeId').select(['e.fromNodeId', 'e.toNodeId']).where('n.chainCode', '=', code).execute(),
      ]);
      return { ...chain, nodes, edges: edges.map((e) => ({ from: e.fromNodeId, to: e.toNodeId })) };
    },

    /** Every node of every chain with its standing (the chain analysis, as exported). */
    analysis: (ctx: Ctx) => analysis(ctx),

    /** Gaps and weak nodes across every chain: the investment targets (招商目标). */
    async investmentTargets(ctx: Ctx) {
      return (await analysis(ctx)).filter((n) => n.standing === 'gap' || n.standing === 'weak');
    },

    async parks(ctx: Ctx) {
      const v = await industryViewerOf(db, ctx);
      const r = await sql<{ id: string; enterprises: number; scale: number }>`
        with y as (select max(year) as year from industry_scale_cell where state = 'verified' and figures > 0)
        select p.id, count(e.id)::int as enterprises, coalesce(sum(coalesce(f.revenue_wan, f.output_value_wan)), 0) as scale
        from park p left join enterprise e on e.park_id = p.id
        left join enterprise_figure f on f.enterprise_id = e.id and f.state = 'verified' and f.year = (select year from y)
        group by p.id`.execute(db);
      const parks = await db.selectFrom('park').selectAll().orderBy('kind').orderBy('code').execute();
      return parks.map((p) => {
        const s = r.rows.find((x) => x.id === p.id);
        return { ...p, kindZh: PARK_KINDS[p.kind as keyof typeof PARK_KINDS]?.zh, enterprises: s?.enterprises ?? 0, ...(seesAllFigures(v) ? { scaleWan: Number(s?.scale ?? 0) } : {}), parks: parks.filter((x) => x.clusterId === p.id).map((x) => x.id) };
      });
    },

    async park(ctx: Ctx, id: string) {
      const p = (await this.parks(ctx)).find((x) => x.id === id);
      if (!p) throw notFound('园区不存在', 'Park not found');
      const members = await db.selectFrom('enterprise').select(['id', 'nameZh', 'creditCode', 'districtCode', 'domains', 'products', 'origin']).where('parkId', '=', id).orderBy('nameZh').limit(500).execute();
      return { ...p, members };
    },

    async savePark(ctx: Ctx, id: string | null, input: ParkInput) {
      requireIndustryTaskForce(await industryViewerOf(db, ctx));
      const districts = new Set((await db.selectFrom('district').select('code').execute()).map((d) => d.code));
      const problems = [
        ...(input.kind in PARK_KINDS ? [] : [{ path: '/kind', message: '类型应为集聚区、园区或产业基地（cluster, park or base）' }]),
        ...(/^[A-Za-z][\w-]{1,40}$/.test(input.code) ? [] : [{ path: '/code', message: '编码为字母开头的 2–41 位字母数字（letters and digits, starting with a letter）' }]),
        ...(input.nameZh.trim() ? [] : [{ path: '/nameZh', message: '名称必填（the name is required）' }]),
        ...input.districtCodes.flatMap((d, i) => (districts.has(d) ? [] : [{ path: `/districtCodes/${i}`, message: '区县不存在（no such district）' }])),
        ...input.domains.flatMap((d, i) => ((DOMAINS as readonly string[]).includes(d) ? [] : [{ path: `/domains/${i}`, message: '未知领域（unknown domain）' }])),
        ...(input.clusterId && input.clusterId === id ? [{ path: '/clusterId', message: '不能隶属于自身（cannot belong to itself）' }] : []),
      ];
      if (input.clusterId) {
        const cluster = await db.selectFrom('park').select(['kind']).where('id', '=', input.clusterId).executeTakeFirst();
        if (!cluster || cluster.kind !== 'cluster') problems.push({ path: '/clusterId', message: '所属集聚区须为平台上的集聚区（the parent is a cluster on the platform）' });
        else if (input.kind === 'cluster') problems.push({ path: '/clusterId', message: '集聚区不隶属于其他集聚区（a cluster has no parent）' });
      }
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const clash = await trx.selectFrom('park').select('id').where('code', '=', input.code).executeTakeFirst();
        if (clash && clash.id !== id) throw conflict('园区编码已存在', 'A park with this code exists', [{ path: '/code', message: '已存在（taken）' }]);
        const values = { code: input.code, kind: input.kind, nameZh: input.nameZh.trim(), nameEn: input.nameEn ?? null, districtCodes: input.districtCodes, domains: input.domains, focusZh: input.focusZh ?? null, clusterId: input.clusterId ?? null, updatedAt: new Date() };
        const before = id ? await trx.selectFrom('park').selectAll().where('id', '=', id).executeTakeFirst() : null;
        if (id && !before) throw notFound('园区不存在', 'Park not found');
        const saved = id
          ? await trx.updateTable('park').set(values).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
          : await trx.insertInto('park').values(values).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: id ? 'park.update' : 'park.create', entityType: 'park', entityId: saved.id, summary: `${id ? '修改' : '新增'}园区 ${saved.nameZh}（${id ? 'Updated' : 'Added'} park）`, before, after: saved });
        return saved;
      });
    },
  };
}

export type ChainsService = ReturnType<typeof chainsService>;
