import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { normaliseCreditCode } from '../../platform/identity/credit-code.js';
import { queryTokens, tokensOf } from '../../platform/search/segmenter.js';
import { cleanList, designationProblems, enterpriseProblems, type Designation, type EnterpriseInput } from './model/enterprise-input.js';
import { tierOf } from './model/tiers.js';
import { TRANSFORMATION_CATEGORIES } from './model/labels.js';
import { enterpriseStore as store, PUBLIC_COLUMNS } from './enterprises.store.js';
import { industryViewerOf, manages, seesFigures, type IndustryViewer } from './viewer.js';
import { isIsoDate } from '../../platform/dates.js';

export interface EnterpriseFilter {
  q?: string; districtCode?: string; domain?: string; parkId?: string; designation?: string; origin?: string;
  nodeCode?: string; tier?: '100' | '50'; limit: number; offset: number;
}

export interface Milestone { titleZh: string; dueOn: string; doneOn: string | null }
export interface TransformationInput { category: string; goalZh: string; startedOn: string; milestones: Milestone[] }

/** Fields an enterprise may edit on its own profile; the rest are its district's or the task force's. */
const SELF_EDITABLE = new Set(['nameEn', 'formerNames', 'domains', 'products', 'summaryZh', 'website']);

/** Beyond this many matches a search says "more than": counting them all would cost more than the search. */
export const SEARCH_COUNT_CAP = 200;

const notFoundEnterprise = () => notFound('企业不存在', 'Enterprise not found');
const duplicateCode = () => conflict('该统一社会信用代码已登记', 'An enterprise with this credit code is already on record', [{ path: '/creditCode', message: '已存在（already on record）' }]);

export function enterprisesService(database: Database, deps: { now: () => Date }) {
  const { db } = database;

  async function row(id: string) {
    const e = await db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
    if (!e) throw notFoundEnterprise();
    return e;
  }

  /** Designations, nodes and (for those who may see figures) tiers of a page of enterprises. */
  async function decorate<T extends { id: string; districtCode: string }>(v: IndustryViewer, rows: T[]) {
    const ids = rows.map((r) => r.id);
    const [des, nodes, latest] = await Promise.all([store.designations(db, ids), store.nodes(db, ids), store.latestVerified(db, ids.filter((id) => seesFigures(v, rows.find((r) => r.id === id)!)))]);
    return rows.map((r) => {
      const l = latest.find((x) => x.enterpriseId === r.id);
      return {
        ...r,
        designations: des.filter((d) => d.enterpriseId === r.id).map(({ kind, level, year }) => ({ kind, level, year })),
        chainNodes: nodes.filter((n) => n.enterpriseId === r.id).map(({ enterpriseId: _e, ...n }) => n),
        ...(seesFigures(v, r) ? { latestFigure: l ? { year: l.year, revenueWan: l.revenueWan, outputValueWan: l.outputValueWan, tier: tierOf(l.revenueWan) } : null } : {}),
      };
    });
  }

  async function checkPark(parkId: string | null | undefined) {
    if (parkId && !(await db.selectFrom('park').select('id').where('id', '=', parkId).executeTakeFirst()))
      throw invalid([{ path: '/parkId', message: '园区不存在（no such park）' }]);
  }

  /** Linking a record to an enterprise account: the task force only, an enterprise organisation, not linked elsewhere. */
  async function checkAccountLink(v: IndustryViewer, organisationId: string, enterpriseId: string | null) {
    if (!v.taskForce) throw forbidden('关联企业账号须由工作专班办理', 'Only the task force links an enterprise account');
    const org = await db.selectFrom('organisation').select(['kind']).where('id', '=', organisationId).executeTakeFirst();
    if (!org || org.kind !== 'enterprise') throw invalid([{ path: '/organisationId', message: '须为平台上的企业机构（an enterprise organisation on the platform）' }]);
    const linked = await db.selectFrom('enterprise').select('id').where('organisationId', '=', organisationId).executeTakeFirst();
    if (linked && linked.id !== enterpriseId) throw conflict('该企业账号已关联其他企业档案', 'This account is already linked to another enterprise record', [{ path: '/organisationId', message: '已关联（already linked）' }]);
  }

  return {
    async list(ctx: Ctx, f: EnterpriseFilter) {
      const v = await industryViewerOf(db, ctx);
      let q = db.selectFrom('enterprise as e').leftJoin('district as d', 'd.code', 'e.districtCode').leftJoin('park as p', 'p.id', 'e.parkId')
        .select([...PUBLIC_COLUMNS, 'd.nameZh as districtNameZh', 'p.nameZh as parkNameZh']);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) q = q.where(store.tokensMatch(tokens));
      if (f.districtCode) q = q.where('e.districtCode', '=', f.districtCode);
      if (f.domain) q = q.where(sql<boolean>`e.domains @> array[${f.domain}]::text[]`);
      if (f.parkId) q = q.where('e.parkId', '=', f.parkId);
      if (f.origin) q = q.where('e.origin', '=', f.origin);
      if (f.designation) q = q.where((eb) => eb.exists(eb.selectFrom('enterpriseDesignation as x').select('x.kind').whereRef('x.enterpriseId', '=', 'e.id').where('x.kind', '=', f.designation!)));
      if (f.nodeCode) q = q.where((eb) => eb.exists(eb.selectFrom('enterpriseChainNode as x').innerJoin('chainNode as n', 'n.id', 'x.nodeId').select('x.nodeId').whereRef('x.enterpriseId', '=', 'e.id').where('n.code', '=', f.nodeCode!)));
      if (f.tier) {
        // Tiers are figures: only for those who may see them, and for a district only its own firms.
        if (!v.taskForce && !v.unit && !v.districtCode) throw forbidden('按营收分档筛选需要登录并具备权限', 'Filtering by revenue tier needs access to figures');
        if (!v.taskForce && !v.unit) q = q.where('e.districtCode', '=', v.districtCode!);
        q = q.where(sql<boolean>`(select f.revenue_wan from enterprise_figure f where f.enterprise_id = e.id and f.state = 'verified' order by f.year desc limit 1) >= ${f.tier === '100' ? 1_000_000 : 500_000}`);
      }
      const order = tokens.length ? sql`(e.name_tokens @> ${sql.val(tokens)}::text[]) desc, e.name_zh` : sql`e.name_zh`;
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy(order).limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: await decorate(v, rows.map(({ total: _t, ...r }) => r)) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await industryViewerOf(db, ctx);
      const e = await db.selectFrom('enterprise as e').leftJoin('district as d', 'd.code', 'e.districtCode').leftJoin('park as p', 'p.id', 'e.parkId')
        .select([...PUBLIC_COLUMNS, 'e.organisationId', 'd.nameZh as districtNameZh', 'p.nameZh as parkNameZh']).where('e.id', '=', id).executeTakeFirst();
      if (!e) throw notFoundEnterprise();
      const { organisationId, ...pub } = e;
      const [decorated] = await decorate(v, [pub]);
      const may = { edit: manages(v, e.districtCode) || v.enterpriseId === e.id, manage: manages(v, e.districtCode), verify: manages(v, e.districtCode), submitFigures: v.enterpriseId === e.id || manages(v, e.districtCode) };
      if (!seesFigures(v, e)) return { ...decorated, may };
      const [figures, transformations, leads, history, investments] = await Promise.all([
        db.selectFrom('enterpriseFigure').selectAll().where('enterpriseId', '=', id).orderBy('year').execute(),
        db.selectFrom('transformationProgramme').selectAll().where('enterpriseId', '=', id).orderBy('startedOn').execute(),
        v.taskForce || v.districtCode
          ? db.selectFrom('investmentLead').select(['id', 'code', 'targetNameZh', 'stage', 'status', 'ownerDistrictCode', 'contractedWan', 'arrivedWan'])
            .where('enterpriseId', '=', id).$if(!v.taskForce, (q) => q.where('ownerDistrictCode', '=', v.districtCode!)).execute()
          : Promise.resolve([]),
        db.selectFrom('auditLog').select(['id', 'at', 'actorName', 'action', 'summary'])
          .where((eb) => eb.or([
            eb.and([eb('entityType', '=', 'enterprise'), eb('entityId', '=', id)]),
            eb(sql`after -> 'enterpriseIds'`, '?', id),
          ])).orderBy('id', 'desc').limit(100).execute(),
        db.selectFrom('fundInvestment as i').innerJoin('fund as f', 'f.id', 'i.fundId').select(['i.id', 'f.nameZh as fundNameZh', 'i.amountWan', 'i.investedOn']).where('i.enterpriseId', '=', id).execute(),
      ]);
      return { ...decorated, organisationId, figures, transformations, leads, history, investments, may };
    },

    async create(ctx: Ctx, input: EnterpriseInput) {
      const v = await industryViewerOf(db, ctx);
      if (!manages(v, input.districtCode)) throw forbidden('区县只能登记本区县的企业', 'A district registers enterprises in its own district only');
      const clean = { ...input, creditCode: normaliseCreditCode(input.creditCode), formerNames: cleanList(input.formerNames), domains: cleanList(input.domains), products: cleanList(input.products) };
      const problems = enterpriseProblems(clean, { districts: await store.districts(db) });
      if (problems.length) throw invalid(problems);
      await checkPark(clean.parkId);
      if (await db.selectFrom('enterprise').select('id').where('creditCode', '=', clean.creditCode).executeTakeFirst()) throw duplicateCode();
      if (clean.organisationId != null) await checkAccountLink(v, clean.organisationId, null);
      return db.transaction().execute(async (trx) => {
        // Only the task force links an account (checkAccountLink above); registering a firm never does it by itself.
        const org = clean.organisationId ?? null;
        const e = await trx.insertInto('enterprise').values({
          creditCode: clean.creditCode, nameZh: clean.nameZh.trim(), nameEn: clean.nameEn ?? null, formerNames: clean.formerNames, districtCode: clean.districtCode,
          parkId: clean.parkId ?? null, domains: clean.domains, products: clean.products, origin: clean.origin ?? 'local', landedOn: clean.landedOn ?? null,
          summaryZh: clean.summaryZh ?? null, website: clean.website ?? null, organisationId: org, ...store.tokensFor(clean, []),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: e.id, summary: `登记企业 ${e.nameZh}（Registered enterprise）`, after: withoutTokens(e) });
        return withoutTokens(e);
      });
    },

    async update(ctx: Ctx, id: string, patch: Partial<EnterpriseInput>) {
      const v = await industryViewerOf(db, ctx);
      const before = await row(id);
      const own = v.enterpriseId === id;
      if (!manages(v, before.districtCode) && !own) throw forbidden('只能修改本企业或本区县企业的信息', 'You may edit only your own enterprise or those of your district');
      if (!manages(v, before.districtCode)) {
        const locked = Object.keys(patch).filter((k) => !SELF_EDITABLE.has(k));
        if (locked.length) throw forbidden(`企业不能自行修改：${locked.join('、')}，请联系所在区县`, `An enterprise cannot change ${locked.join(', ')} itself; ask its district`);
      }
      if (patch.districtCode && patch.districtCode !== before.districtCode && !v.taskForce) throw forbidden('迁移区县须由工作专班办理', 'Only the task force moves an enterprise to another district');
      if (patch.organisationId != null) await checkAccountLink(v, patch.organisationId, id);
      else if (patch.organisationId !== undefined && !v.taskForce) throw forbidden('关联企业账号须由工作专班办理', 'Only the task force links an enterprise account');
      const clean: Partial<EnterpriseInput> = { ...patch };
      if (patch.creditCode !== undefined) clean.creditCode = normaliseCreditCode(patch.creditCode);
      for (const k of ['formerNames', 'domains', 'products'] as const) if (patch[k]) clean[k] = cleanList(patch[k]);
      const problems = enterpriseProblems({ ...clean, origin: clean.origin ?? (before.origin as 'local'), landedOn: clean.landedOn !== undefined ? clean.landedOn : before.landedOn }, { districts: await store.districts(db) });
      if (problems.length) throw invalid(problems);
      await checkPark(clean.parkId);
      if (clean.creditCode && clean.creditCode !== before.creditCode && (await db.selectFrom('enterprise').select('id').where('creditCode', '=', clean.creditCode).executeTakeFirst())) throw duplicateCode();
      return db.transaction().execute(async (trx) => {
        const nameChanged = clean.nameZh && clean.nameZh.trim() !== before.nameZh;
        // A renamed firm keeps its old name among its former names, so that searches still find it.
        const formerNames = nameChanged ? cleanList([...(clean.formerNames ?? before.formerNames), before.nameZh]) : clean.formerNames;
        const e = await trx.updateTable('enterprise').set({ ...clean, ...(formerNames ? { formerNames } : {}), ...(clean.origin === 'local' ? { landedOn: null } : {}), updatedAt: new Date() })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await store.refreshTokens(trx, id);
        await audit(trx, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, summary: `修改企业 ${e.nameZh}（Updated enterprise）`, before: withoutTokens(before), after: withoutTokens(e) });
        return withoutTokens(e);
      });
    },

    async setDesignations(ctx: Ctx, id: string, list: Designation[]) {
      const v = await industryViewerOf(db, ctx);
      const e = await row(id);
      if (!manages(v, e.districtCode)) throw forbidden('认定信息由所在区县或工作专班维护', 'Designations are kept by the district or the task force');
      const problems = designationProblems(list, Number(deps.now().toISOString().slice(0, 4)));
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('enterpriseDesignation').select(['kind', 'level', 'year']).where('enterpriseId', '=', id).execute();
        await trx.deleteFrom('enterpriseDesignation').where('enterpriseId', '=', id).execute();
        if (list.length) await trx.insertInto('enterpriseDesignation').values(list.map((d) => ({ enterpriseId: id, ...d }))).execute();
        await audit(trx, ctx, { action: 'enterprise.designations', entityType: 'enterprise', entityId: id, summary: `更新企业认定 ${e.nameZh}（Updated designations）`, before, after: list });
        return list;
      });
    },

    async setChainNodes(ctx: Ctx, id: string, nodeCodes: string[]) {
      const v = await industryViewerOf(db, ctx);
      const e = await row(id);
      if (!manages(v, e.districtCode) && v.enterpriseId !== id) throw forbidden('只能维护本企业或本区县企业的产业链环节', 'You may set chain nodes only for your own enterprise or your district\'s');
      const codes = cleanList(nodeCodes);
      const nodes = codes.length ? await db.selectFrom('chainNode').select(['id', 'code']).where('code', 'in', codes).execute() : [];
      const unknown = codes.map((c, i) => [c, i] as const).filter(([c]) => !nodes.some((n) => n.code === c));
      if (unknown.length) throw invalid(unknown.map(([c, i]) => ({ path: `/nodeCodes/${i}`, message: `产业链环节 ${c} 不存在（no such chain node）` })));
      return db.transaction().execute(async (trx) => {
        const before = await store.nodeNames(trx, id);
        await trx.deleteFrom('enterpriseChainNode').where('enterpriseId', '=', id).execute();
        if (nodes.length) await trx.insertInto('enterpriseChainNode').values(nodes.map((n) => ({ enterpriseId: id, nodeId: n.id }))).execute();
        await store.refreshTokens(trx, id);
        await audit(trx, ctx, { action: 'enterprise.chainNodes', entityType: 'enterprise', entityId: id, summary: `更新企业所在产业链环节 ${e.nameZh}（Updated chain nodes）`, before, after: codes });
        return { nodeCodes: codes };
      });
    },

    async saveTransformation(ctx: Ctx, enterpriseId: string, programmeId: string | null, input: TransformationInput) {
      const v = await industryViewerOf(db, ctx);
      const e = await row(enterpriseId);
      if (!manages(v, e.districtCode)) throw forbidden('转型升级计划由所在区县或工作专班维护', 'Transformation programmes are kept by the district or the task force');
      const problems = [
        ...(input.category in TRANSFORMATION_CATEGORIES ? [] : [{ path: '/category', message: '类别应为高污染、高排放、低端、低效能之一（one of the 两高两低 categories）' }]),
        ...(input.goalZh.trim() ? [] : [{ path: '/goalZh', message: '转型目标必填（the goal is required）' }]),
        ...(isIsoDate(input.startedOn) ? [] : [{ path: '/startedOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' }]),
        ...input.milestones.flatMap((m, i) => [
          ...(m.titleZh.trim() ? [] : [{ path: `/milestones/${i}/titleZh`, message: '里程碑名称必填（the milestone needs a title）' }]),
          ...(isIsoDate(m.dueOn) ? [] : [{ path: `/milestones/${i}/dueOn`, message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' }]),
          ...(m.doneOn == null || isIsoDate(m.doneOn) ? [] : [{ path: `/milestones/${i}/doneOn`, message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' }]),
        ]),
      ];
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const values = { category: input.category, goalZh: input.goalZh.trim(), startedOn: input.startedOn, milestones: JSON.stringify(input.milestones), updatedAt: new Date() };
        let before = null;
        let saved;
        if (programmeId) {
          before = await trx.selectFrom('transformationProgramme').selectAll().where('id', '=', programmeId).where('enterpriseId', '=', enterpriseId).executeTakeFirst();
          if (!before) throw notFound('转型升级计划不存在', 'Transformation programme not found');
          saved = await trx.updateTable('transformationProgramme').set(values).where('id', '=', programmeId).returningAll().executeTakeFirstOrThrow();
        } else {
          saved = await trx.insertInto('transformationProgramme').values({ enterpriseId, ...values }).returningAll().executeTakeFirstOrThrow();
        }
        await audit(trx, ctx, { action: programmeId ? 'enterprise.transformation.update' : 'enterprise.transformation.create', entityType: 'enterprise', entityId: enterpriseId, summary: `${programmeId ? '更新' : '新建'}转型升级计划 ${e.nameZh}（${programmeId ? 'Updated' : 'Started'} a transformation programme）`, before, after: saved });
        return saved;
      });
    },

    /**
     * Enterprises, products and chain nodes that contain every word of the query. Firms whose
     * name matches come first. Neither query sorts all matches (a common word matches tens of
     * thousands): each takes the first page the index gives, and the page is sorted here; the
     * total is counted up to SEARCH_COUNT_CAP.
     */
    async search(ctx: Ctx, q: string, limit = 20) {
      const v = await industryViewerOf(db, ctx);
      const tokens = queryTokens(q);
      if (!tokens.length) return { tokens, nodes: [], products: [], enterprises: [], total: 0, totalCapped: false };
      const columns = [...PUBLIC_COLUMNS, 'd.nameZh as districtNameZh'] as const;
      const base = () => db.selectFrom('enterprise as e').leftJoin('district as d', 'd.code', 'e.districtCode').select(columns);
      const [nodes, byName] = await Promise.all([
        db.selectFrom('chainNode as n').innerJoin('industryChain as c', 'c.code', 'n.chainCode')
          .select(['n.id', 'n.code', 'n.nameZh', 'n.nameEn', 'n.stage', 'n.chainCode', 'c.nameZh as chainNameZh'])
          .where(sql<boolean>`n.tokens @> ${sql.val(tokens)}::text[]`).orderBy('n.sortOrder').limit(20).execute(),
        base().where(store.nameMatch(tokens)).limit(limit).execute(),
      ]);
      const rest = byName.length < limit
        ? await base().where(store.tokensMatch(tokens)).where(sql<boolean>`not (${store.nameMatch(tokens)})`).limit(limit - byName.length).execute()
        : [];
      // A page that is not full is every match; only a full one needs counting.
      const found = byName.length + rest.length;
      const counted = found < limit ? found
        : (await sql<{ n: number }>`select count(*)::int as n from (select 1 from enterprise e where ${store.tokensMatch(tokens)} limit ${SEARCH_COUNT_CAP + 1}) x`.execute(db)).rows[0].n;
      const byNameZh = (a: { nameZh: string }, b: { nameZh: string }) => a.nameZh.localeCompare(b.nameZh, 'zh-CN');
      const rows = [...byName.sort(byNameZh), ...rest.sort(byNameZh)];
      const wanted = new Set(tokens);
      const productCounts = new Map<string, number>();
      for (const r of rows) for (const p of r.products) if (tokensOf(p).filter((t) => wanted.has(t)).length === wanted.size) productCounts.set(p, (productCounts.get(p) ?? 0) + 1);
      return {
        tokens, nodes, total: Math.min(counted, SEARCH_COUNT_CAP), totalCapped: counted > SEARCH_COUNT_CAP, enterprises: await decorate(v, rows),
        products: [...productCounts].map(([nameZh, enterprises]) => ({ nameZh, enterprises })).sort((a, b) => b.enterprises - a.enterprises),
      };
    },
  };
}

const withoutTokens = <T extends { tokens?: unknown; nameTokens?: unknown }>(e: T) => { const { tokens: _a, nameTokens: _b, ...rest } = e; return rest; };

export type EnterprisesService = ReturnType<typeof enterprisesService>;
