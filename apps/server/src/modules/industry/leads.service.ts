import { sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { containsPattern } from '../../platform/db/like.js';
import { creditCodeProblem, normaliseCreditCode } from '../../platform/identity/credit-code.js';
import { isIsoDate, todayIn } from '../../platform/dates.js';
import { clockOf, isSigned, LEAD_STAGE_NAMES, LEAD_STAGES, stageAmountProblems, stageMoveProblem, targetKeyOf, type LeadStage } from './model/leads.js';
import { industryViewerOf, requireIndustryTaskForce, requireLeadViewer, type IndustryViewer } from './viewer.js';

export interface LeadInput {
  targetNameZh: string; targetCreditCode?: string | null; chainNodeCode?: string | null; ownerDistrictCode?: string;
  coordinatorUserId?: string | null; expectedRevenueWan?: number | null; contractedWan?: number | null; arrivedWan?: number | null;
  nextActionZh?: string | null; nextActionOn?: string | null; eventId?: string | null; enterpriseId?: string | null;
}

/** The SQL twin of clockOf(): the same state from the same columns and investment_lead_clock. */
const clockStateSql = (now: Date) => sql<string>`(
  select case when l.status not in ('active', 'joint') then 'stopped'
              when ${now}::timestamptz > due then 'overdue'
              when floor(extract(epoch from (due - ${now}::timestamptz)) / 86400) <= greatest(1, floor(allowed / 5)) then 'due'
              else 'ok' end
  from (select case when l.first_response_at is null then l.created_at + c0.days * interval '1 day' else l.last_activity_at + c.days * interval '1 day' end as due,
               case when l.first_response_at is null then c0.days else c.days end as allowed
        from investment_lead_clock c, investment_lead_clock c0 where c.stage = l.stage and c0.stage = 'clue') w)`;

/**
 * The highest number used under a code prefix (ZS-500120-2026-), read as a number so that 10000
 * follows 9999, under a lock held to the end of the transaction so two writers never take the same.
 */
export async function lastLeadNumber(trx: Transaction<DB>, prefix: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
  const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from investment_lead where code like ${prefix + '%'}`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

const notFoundLead = () => notFound('招商线索不存在', 'Lead not found');

/** Problems of a lead's fields (whole or patch), each naming its field. */
export function leadProblems(input: Partial<LeadInput>): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (input.targetNameZh !== undefined && !input.targetNameZh.trim()) p.push({ path: '/targetNameZh', message: '目标企业名称必填（the target company is required）' });
  if (input.targetCreditCode) { const why = creditCodeProblem(normaliseCreditCode(input.targetCreditCode)); if (why) p.push({ path: '/targetCreditCode', message: `${why.zh}（${why.en}）` }); }
  if (input.nextActionOn != null && !isIsoDate(input.nextActionOn)) p.push({ path: '/nextActionOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' });
  for (const k of ['expectedRevenueWan', 'contractedWan', 'arrivedWan'] as const) { const x = input[k]; if (x != null && !(x >= 0)) p.push({ path: `/${k}`, message: '应为非负数（a number not below zero）' }); }
  return p;
}

/**
 * Investment leads (招商): a district's pipeline from 线索 to 投产, with a response clock per
 * stage, activities, the overlap when two districts chase one company (the municipal
 * coordinator decides: one leads, the others join or withdraw), and a signed project counted
 * once however many districts report it.
 */
export function leadsService(database: Database, deps: { now: () => Date }) {
  const { db } = database;

  const clocks = async () => Object.fromEntries((await db.selectFrom('investmentLeadClock').select(['stage', 'days']).execute()).map((c) => [c.stage, c.days]));

  async function load(v: IndustryViewer, id: string) {
    requireLeadViewer(v);
    const l = await db.selectFrom('investmentLead').selectAll().where('id', '=', id).executeTakeFirst();
    if (!l || (!v.taskForce && l.ownerDistrictCode !== v.districtCode)) throw notFoundLead();
    return l;
  }

  const activity = (trx: Transaction<DB>, leadId: string, kind: string, textZh: string, v: IndustryViewer, stage: string | null = null) =>
    trx.insertInto('investmentLeadActivity').values({ leadId, kind, textZh, stage, byUserId: v.userId, at: deps.now() }).execute();

  /** Every reference a lead names exists, and a district's lead names only its own district's firm. */
  async function referenceProblems(v: IndustryViewer, input: Partial<LeadInput>): Promise<ErrorDetail[]> {
    const p: ErrorDetail[] = [];
    if (input.eventId && !(await db.selectFrom('investEvent').select('id').where('id', '=', input.eventId).executeTakeFirst())) p.push({ path: '/eventId', message: '招商活动不存在（no such event）' });
    if (input.coordinatorUserId) {
      const u = await db.selectFrom('appUser').select('roles').where('id', '=', input.coordinatorUserId).executeTakeFirst();
      if (!u || !u.roles.some((r) => r === 'taskforce' || r === 'admin')) p.push({ path: '/coordinatorUserId', message: '市级协调人须为工作专班成员（the coordinator is a task-force member）' });
    }
    if (input.enterpriseId) {
      const e = await db.selectFrom('enterprise').select('districtCode').where('id', '=', input.enterpriseId).executeTakeFirst();
      if (!e) p.push({ path: '/enterpriseId', message: '企业不存在（no such enterprise）' });
      else if (!v.taskForce && e.districtCode !== v.districtCode) p.push({ path: '/enterpriseId', message: '只能关联本区县的企业（a district links its own firms only）' });
    }
    if (input.ownerDistrictCode && !(await db.selectFrom('district').select('code').where('code', '=', input.ownerDistrictCode).executeTakeFirst())) p.push({ path: '/ownerDistrictCode', message: '区县不存在（no such district）' });
    return p;
  }

  async function nodeId(code: string | null | undefined) {
    if (!code) return null;
    const n = await db.selectFrom('chainNode').select('id').where('code', '=', code).executeTakeFirst();
    if (!n) throw invalid([{ path: '/chainNodeCode', message: '产业链环节不存在（no such chain node）' }]);
    return n.id;
  }

  async function nextCode(trx: Transaction<DB>, district: string) {
    const prefix = `ZS-${district}-${todayIn(deps.now()).slice(0, 4)}-`;
    return prefix + String((await lastLeadNumber(trx, prefix)) + 1).padStart(4, '0');
  }

  const withClock = <T extends { stage: string; status: string; createdAt: Date; firstResponseAt: Date | null; lastActivityAt: Date }>(l: T, days: Record<string, number>) => ({ ...l, clock: clockOf(l, days, deps.now()) });

  return {
    stages: () => LEAD_STAGES.map((s) => ({ code: s, ...LEAD_STAGE_NAMES[s] })),

    async list(ctx: Ctx, f: { stage?: string; status?: string; districtCode?: string; q?: string; nodeCode?: string; clock?: string; limit: number; offset: number }) {
      const v = await industryViewerOf(db, ctx);
      requireLeadViewer(v);
      let q = db.selectFrom('investmentLead as l').leftJoin('chainNode as n', 'n.id', 'l.chainNodeId').leftJoin('district as d', 'd.code', 'l.ownerDistrictCode').leftJoin('investEvent as ev', 'ev.id', 'l.eventId')
        .selectAll('l').select(['n.code as chainNodeCode', 'n.nameZh as chainNodeNameZh', 'd.nameZh as districtNameZh', 'ev.nameZh as eventNameZh',
          sql<number>`(select count(distinct o.owner_district_code) from investment_lead o where o.target_key = l.target_key and o.status = 'active')::int`.as('districtsOnTarget')]);
      if (!v.taskForce) q = q.where('l.ownerDistrictCode', '=', v.districtCode!);
      if (f.districtCode) q = q.where('l.ownerDistrictCode', '=', f.districtCode);
      if (f.stage) q = q.where('l.stage', '=', f.stage);
      if (f.status === 'open') q = q.where('l.status', 'in', ['active', 'joint']);
      else if (f.status) q = q.where('l.status', '=', f.status);
      if (f.nodeCode) q = q.where('n.code', '=', f.nodeCode);
      if (f.q) q = q.where((eb) => eb.or([eb('l.targetNameZh', 'ilike', containsPattern(f.q!)), eb('l.code', 'ilike', containsPattern(f.q!))]));
      if (f.clock) q = q.where(clockStateSql(deps.now()), '=', f.clock);
      const days = await clocks();
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('l.updatedAt', 'desc').orderBy('l.code').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...l }) => withClock(l, days)) };
    },

    async get(ctx: Ctx, id: string) {
      const v = await industryViewerOf(db, ctx);
      const l = await load(v, id);
      const [activities, overlap, node, days] = await Promise.all([
        db.selectFrom('investmentLeadActivity as a').leftJoin('appUser as u', 'u.id', 'a.byUserId').select(['a.id', 'a.kind', 'a.textZh', 'a.stage', 'a.at', 'u.displayName as byName']).where('a.leadId', '=', id).orderBy('a.at', 'desc').execute(),
        db.selectFrom('investmentLead as o').innerJoin('district as d', 'd.code', 'o.ownerDistrictCode').select(['o.id', 'o.code', 'o.ownerDistrictCode', 'd.nameZh as districtNameZh', 'o.stage', 'o.status', 'o.primaryLeadId'])
          .where('o.targetKey', '=', l.targetKey).where('o.id', '!=', id).where('o.status', 'in', ['active', 'joint']).execute(),
        l.chainNodeId ? db.selectFrom('chainNode').select(['code', 'nameZh']).where('id', '=', l.chainNodeId).executeTakeFirst() : undefined,
        clocks(),
      ]);
      return { ...withClock(l, days), chainNode: node ?? null, activities, overlap, may: { manage: v.taskForce || l.ownerDistrictCode === v.districtCode, coordinate: v.taskForce } };
    },

    async create(ctx: Ctx, input: LeadInput, opts: { stage?: LeadStage } = {}) {
      const v = await industryViewerOf(db, ctx);
      requireLeadViewer(v);
      const district = v.taskForce ? input.ownerDistrictCode : v.districtCode!;
      if (!v.taskForce && input.ownerDistrictCode && input.ownerDistrictCode !== v.districtCode) throw forbidden('区县只能登记本区县的招商线索', 'A district records its own leads');
      const problems = [...leadProblems(input), ...(district ? [] : [{ path: '/ownerDistrictCode', message: '须指定负责区县（name the owner district）' }]), ...(await referenceProblems(v, { ...input, ownerDistrictCode: district }))];
      if (problems.length) throw invalid(problems);
      const chainNodeId = await nodeId(input.chainNodeCode);
      const creditCode = input.targetCreditCode ? normaliseCreditCode(input.targetCreditCode) : null;
      return db.transaction().execute(async (trx) => {
        const code = await nextCode(trx, district!);
        const l = await trx.insertInto('investmentLead').values({
          code, targetNameZh: input.targetNameZh.trim(), targetCreditCode: creditCode, targetKey: targetKeyOf(input.targetNameZh, creditCode), chainNodeId,
          ownerDistrictCode: district!, coordinatorUserId: input.coordinatorUserId ?? null, stage: opts.stage ?? 'clue', stageEnteredOn: todayIn(deps.now()),
          expectedRevenueWan: input.expectedRevenueWan ?? null, contractedWan: input.contractedWan ?? null, arrivedWan: input.arrivedWan ?? null,
          nextActionZh: input.nextActionZh ?? null, nextActionOn: input.nextActionOn ?? null, eventId: input.eventId ?? null, enterpriseId: input.enterpriseId ?? null,
          createdBy: v.userId, createdAt: deps.now(), lastActivityAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await activity(trx, l.id, 'stage', `登记线索（${LEAD_STAGE_NAMES[l.stage as LeadStage].zh}）`, v, l.stage);
        await audit(trx, ctx, { action: 'investmentLead.create', entityType: 'investmentLead', entityId: l.id, summary: `登记招商线索 ${code} ${l.targetNameZh}（Recorded lead）`, after: l });
        return l;
      });
    },

    async update(ctx: Ctx, id: string, patch: Partial<LeadInput>) {
      const v = await industryViewerOf(db, ctx);
      const before = await load(v, id);
      if (patch.ownerDistrictCode && patch.ownerDistrictCode !== before.ownerDistrictCode && !v.taskForce) throw forbidden('变更负责区县须由工作专班协调', 'Only the task force moves a lead to another district');
      if (before.status === 'closed' || before.status === 'withdrawn') throw conflict('线索已关闭或已让渡，不能修改', 'The lead is closed or withdrawn and cannot be changed');
      const problems = [...leadProblems(patch), ...(await referenceProblems(v, patch))];
      // The amounts its stage needs stay there.
      const amounts = { contractedWan: patch.contractedWan !== undefined ? patch.contractedWan : before.contractedWan, arrivedWan: patch.arrivedWan !== undefined ? patch.arrivedWan : before.arrivedWan };
      for (const p of stageAmountProblems(before.stage, amounts)) problems.push({ path: `/${p.field}`, message: `${p.zh}（${p.en}）` });
      if (problems.length) throw invalid(problems);
      const { chainNodeCode, targetCreditCode, ...rest } = patch;
      const chainNodeId = chainNodeCode !== undefined ? await nodeId(chainNodeCode) : undefined;
      const code = targetCreditCode !== undefined ? (targetCreditCode ? normaliseCreditCode(targetCreditCode) : null) : before.targetCreditCode;
      const name = rest.targetNameZh?.trim() ?? before.targetNameZh;
      return db.transaction().execute(async (trx) => {
        const l = await trx.updateTable('investmentLead').set({
          ...rest, targetNameZh: name, targetCreditCode: code, targetKey: targetKeyOf(name, code), ...(chainNodeId !== undefined ? { chainNodeId } : {}), updatedAt: deps.now(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'investmentLead.update', entityType: 'investmentLead', entityId: id, summary: `修改招商线索 ${l.code}（Updated lead）`, before, after: l });
        return l;
      });
    },

    async moveStage(ctx: Ctx, id: string, input: { stage: LeadStage; contractedWan?: number | null; arrivedWan?: number | null; noteZh?: string | null; enterpriseId?: string | null }) {
      const v = await industryViewerOf(db, ctx);
      const before = await load(v, id);
      if (before.status === 'closed' || before.status === 'withdrawn') throw conflict('线索已关闭或已让渡', 'The lead is closed or withdrawn');
      const amounts = { contractedWan: input.contractedWan ?? before.contractedWan, arrivedWan: input.arrivedWan ?? before.arrivedWan };
      const why = stageMoveProblem(before.stage, input.stage, amounts);
      if (why) throw invalid([{ path: '/stage', message: `${why.zh}（${why.en}）` }]);
      const refs = await referenceProblems(v, { enterpriseId: input.enterpriseId });
      if (refs.length) throw invalid(refs);
      return db.transaction().execute(async (trx) => {
        const l = await trx.updateTable('investmentLead').set({
          stage: input.stage, stageEnteredOn: todayIn(deps.now()), ...amounts, ...(input.enterpriseId !== undefined ? { enterpriseId: input.enterpriseId } : {}),
          firstResponseAt: before.firstResponseAt ?? deps.now(), lastActivityAt: deps.now(), updatedAt: deps.now(),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await activity(trx, id, 'stage', `${LEAD_STAGE_NAMES[before.stage as LeadStage].zh} → ${LEAD_STAGE_NAMES[input.stage].zh}${input.noteZh ? `：${input.noteZh}` : ''}`, v, input.stage);
        await audit(trx, ctx, { action: 'investmentLead.stage', entityType: 'investmentLead', entityId: id, summary: `招商线索 ${l.code} 推进至「${LEAD_STAGE_NAMES[input.stage].zh}」（Moved to ${LEAD_STAGE_NAMES[input.stage].en}）`, before: { stage: before.stage, ...{ contractedWan: before.contractedWan, arrivedWan: before.arrivedWan } }, after: { stage: l.stage, contractedWan: l.contractedWan, arrivedWan: l.arrivedWan } });
        return l;
      });
    },

    async addActivity(ctx: Ctx, id: string, input: { textZh: string; nextActionZh?: string | null; nextActionOn?: string | null }) {
      const v = await industryViewerOf(db, ctx);
      const before = await load(v, id);
      if (!input.textZh.trim()) throw invalid([{ path: '/textZh', message: '跟进情况必填（say what happened）' }]);
      if (input.nextActionOn != null && !isIsoDate(input.nextActionOn)) throw invalid([{ path: '/nextActionOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' }]);
      return db.transaction().execute(async (trx) => {
        await activity(trx, id, 'note', input.textZh.trim(), v);
        const l = await trx.updateTable('investmentLead').set({
          firstResponseAt: before.firstResponseAt ?? deps.now(), lastActivityAt: deps.now(), updatedAt: deps.now(),
          ...(input.nextActionZh !== undefined ? { nextActionZh: input.nextActionZh } : {}), ...(input.nextActionOn !== undefined ? { nextActionOn: input.nextActionOn } : {}),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'investmentLead.activity', entityType: 'investmentLead', entityId: id, summary: `跟进招商线索 ${l.code}（Followed up a lead）`, after: { textZh: input.textZh, nextActionZh: l.nextActionZh, nextActionOn: l.nextActionOn } });
        return l;
      });
    },

    async close(ctx: Ctx, id: string, reason: string) {
      const v = await industryViewerOf(db, ctx);
      const before = await load(v, id);
      if (!reason.trim()) throw invalid([{ path: '/reason', message: '关闭须说明理由（say why）' }]);
      if (before.status === 'closed') throw conflict('线索已关闭', 'The lead is already closed');
      return db.transaction().execute(async (trx) => {
        const l = await trx.updateTable('investmentLead').set({ status: 'closed', closedReason: reason.trim(), updatedAt: deps.now(), lastActivityAt: deps.now() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await activity(trx, id, 'close', `关闭：${reason.trim()}`, v);
        await audit(trx, ctx, { action: 'investmentLead.close', entityType: 'investmentLead', entityId: id, summary: `关闭招商线索 ${l.code}（Closed lead）`, before: { status: before.status }, after: { status: 'closed', reason } });
        return l;
      });
    },

    /** Companies that two or more districts chase without a coordinator's decision yet. */
    async overlaps(ctx: Ctx) {
      const v = await industryViewerOf(db, ctx);
      requireLeadViewer(v);
      const rows = await db.selectFrom('investmentLead as l').innerJoin('district as d', 'd.code', 'l.ownerDistrictCode')
        .select(['l.id', 'l.code', 'l.targetKey', 'l.targetNameZh', 'l.ownerDistrictCode', 'd.nameZh as districtNameZh', 'l.stage', 'l.status', 'l.createdAt', 'l.contractedWan'])
        .where('l.status', '=', 'active')
        .where((eb) => eb(eb.selectFrom('investmentLead as o').select(sql<number>`count(distinct o.owner_district_code)`.as('n')).whereRef('o.targetKey', '=', 'l.targetKey').where('o.status', '=', 'active'), '>', 1))
        .orderBy('l.targetKey').orderBy('l.createdAt').execute();
      const groups = new Map<string, typeof rows>();
      for (const r of rows) groups.set(r.targetKey, [...(groups.get(r.targetKey) ?? []), r]);
      return [...groups].filter(([, ls]) => v.taskForce || ls.some((l) => l.ownerDistrictCode === v.districtCode))
        .map(([targetKey, leads]) => ({ targetKey, targetNameZh: leads[0].targetNameZh, districts: [...new Set(leads.map((l) => l.districtNameZh))], leads }));
    },

    /** The coordinator's decision (联合协同招商): one lead leads; the others join it or withdraw. */
    async decide(ctx: Ctx, input: { targetKey: string; primaryLeadId: string; mode: 'joint' | 'withdraw'; noteZh?: string | null }) {
      const v = await industryViewerOf(db, ctx);
      requireIndustryTaskForce(v);
      const group = await db.selectFrom('investmentLead').selectAll().where('targetKey', '=', input.targetKey).where('status', '=', 'active').execute();
      const primary = group.find((l) => l.id === input.primaryLeadId);
      if (!primary) throw invalid([{ path: '/primaryLeadId', message: '主办线索须是该企业的在办线索之一（the primary lead is one of this company\'s active leads）' }]);
      const others = group.filter((l) => l.id !== primary.id);
      if (!others.length) throw conflict('该企业没有需要协调的其他线索', 'There is no other lead on this company to coordinate');
      return db.transaction().execute(async (trx) => {
        for (const o of others) {
          await trx.updateTable('investmentLead').set({ status: input.mode === 'joint' ? 'joint' : 'withdrawn', primaryLeadId: primary.id, updatedAt: deps.now() }).where('id', '=', o.id).execute();
          await activity(trx, o.id, 'coordination', `市级协调：由 ${primary.code} 主办，本线索${input.mode === 'joint' ? '联合协同' : '让渡'}${input.noteZh ? `（${input.noteZh}）` : ''}`, v);
        }
        await activity(trx, primary.id, 'coordination', `市级协调：本线索主办，${others.map((o) => o.code).join('、')} ${input.mode === 'joint' ? '联合协同' : '让渡'}${input.noteZh ? `（${input.noteZh}）` : ''}`, v);
        await trx.updateTable('investmentLead').set({ coordinatorUserId: v.userId, updatedAt: deps.now() }).where('id', '=', primary.id).execute();
        await audit(trx, ctx, { action: 'investmentLead.coordinate', entityType: 'investmentLead', entityId: primary.id, summary: `联合协同招商：${primary.targetNameZh} 由 ${primary.code} 主办（Coordinated: ${primary.code} leads）`, after: { mode: input.mode, others: others.map((o) => o.code), noteZh: input.noteZh ?? null } });
        return { primaryLeadId: primary.id, mode: input.mode, others: others.map((o) => o.id) };
      });
    },

    /** Pipeline counts; a signed project counts once per company whoever reports it. */
    async pipeline(ctx: Ctx) {
      const v = await industryViewerOf(db, ctx);
      requireLeadViewer(v);
      const scope = v.taskForce ? sql`true` : sql`l.owner_district_code = ${v.districtCode}`;
      const byStage = await sql<{ stage: string; leads: number; targets: number }>`
        select l.stage, count(*)::int as leads, count(distinct l.target_key)::int as targets from investment_lead l where l.status in ('active', 'joint') and ${scope} group by l.stage`.execute(db);
      const signed = await sql<{ projects: number; reports: number; contracted: number; arrived: number }>`
        select count(*)::int as projects, coalesce(sum(reports), 0)::int as reports, coalesce(sum(contracted), 0) as contracted, coalesce(sum(arrived), 0) as arrived from (
          select l.target_key, count(*) as reports, max(l.contracted_wan) as contracted, max(l.arrived_wan) as arrived
          from investment_lead l where l.status in ('active', 'joint') and l.stage in ('signed', 'started', 'funded', 'producing') and ${scope} group by l.target_key) p`.execute(db);
      const clockRows = await db.selectFrom('investmentLead as l').select([clockStateSql(deps.now()).as('state'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('l.status', 'in', ['active', 'joint']).$if(!v.taskForce, (q) => q.where('l.ownerDistrictCode', '=', v.districtCode!)).groupBy('state').execute();
      const clockCounts: Record<string, number> = { ok: 0, due: 0, overdue: 0 };
      for (const c of clockRows) clockCounts[c.state] = Number(c.n);
      const s = signed.rows[0];
      return {
        stages: LEAD_STAGES.map((st) => ({ stage: st, ...LEAD_STAGE_NAMES[st], leads: byStage.rows.find((r) => r.stage === st)?.leads ?? 0, targets: byStage.rows.find((r) => r.stage === st)?.targets ?? 0 })),
        signedProjects: s.projects, signedReports: s.reports, contractedWan: Number(s.contracted), arrivedWan: Number(s.arrived), clocks: clockCounts,
        isSigned: LEAD_STAGES.filter(isSigned),
      };
    },

    clocks: async () => (await db.selectFrom('investmentLeadClock').select(['stage', 'days']).execute()).map((c) => ({ ...c, ...LEAD_STAGE_NAMES[c.stage as LeadStage] })),

    async setClocks(ctx: Ctx, days: Record<string, number>) {
      requireIndustryTaskForce(await industryViewerOf(db, ctx));
      const problems = Object.entries(days).flatMap(([s, d]) => [
        ...((LEAD_STAGES as readonly string[]).includes(s) ? [] : [{ path: `/${s}`, message: '未知阶段（unknown stage）' }]),
        ...(Number.isInteger(d) && d >= 1 && d <= 365 ? [] : [{ path: `/${s}`, message: '天数应为 1–365 的整数（whole days, 1–365）' }]),
      ]);
      if (problems.length) throw invalid(problems);
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('investmentLeadClock').select(['stage', 'days']).execute();
        for (const [stage, d] of Object.entries(days)) await trx.updateTable('investmentLeadClock').set({ days: d, updatedAt: deps.now() }).where('stage', '=', stage).execute();
        await audit(trx, ctx, { action: 'investmentLead.clocks', entityType: 'investmentLeadClock', entityId: 'all', summary: '修改招商线索响应时限（Changed lead response clocks）', before, after: days });
        return trx.selectFrom('investmentLeadClock').select(['stage', 'days']).execute();
      });
    },

    /** Events are public; how many leads came of each is for the task force and districts. */
    async events(ctx: Ctx) {
      const v = await industryViewerOf(db, ctx);
      const rows = await db.selectFrom('investEvent as ev').selectAll('ev')
        .select((eb) => eb.selectFrom('investmentLead as l').select((x) => x.fn.countAll<number>().as('n')).whereRef('l.eventId', '=', 'ev.id').as('leads'))
        .orderBy('ev.heldOn', 'desc').execute();
      return v.taskForce || v.districtCode ? rows : rows.map(({ leads: _l, ...ev }) => ev);
    },

    async addEvent(ctx: Ctx, input: { nameZh: string; heldOn?: string | null; placeZh?: string | null; organiserZh?: string | null }) {
      requireIndustryTaskForce(await industryViewerOf(db, ctx));
      if (!input.nameZh.trim()) throw invalid([{ path: '/nameZh', message: '活动名称必填（the name is required）' }]);
      if (input.heldOn != null && !isIsoDate(input.heldOn)) throw invalid([{ path: '/heldOn', message: '日期格式应为 YYYY-MM-DD（date as YYYY-MM-DD）' }]);
      if (await db.selectFrom('investEvent').select('id').where('nameZh', '=', input.nameZh.trim()).executeTakeFirst()) throw conflict('同名活动已存在', 'An event with this name exists');
      return db.transaction().execute(async (trx) => {
        const ev = await trx.insertInto('investEvent').values({ nameZh: input.nameZh.trim(), heldOn: input.heldOn ?? null, placeZh: input.placeZh ?? null, organiserZh: input.organiserZh ?? null }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'event.create', entityType: 'investEvent', entityId: ev.id, summary: `新增招商活动 ${ev.nameZh}（Added promotion event）`, after: ev });
        return ev;
      });
    },
  };
}

export type LeadsService = ReturnType<typeof leadsService>;
