import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { industryViewerOf, manages } from './viewer.js';
import type { FigureSource } from './model/labels.js';

export interface FigureInput { revenueWan?: number | null; outputValueWan?: number | null; rdSpendWan?: number | null; employees?: number | null; source?: FigureSource }

const FIRST_YEAR = 2015;

export function figureProblems(input: FigureInput, year: number, thisYear: number): ErrorDetail[] {
  const p: ErrorDetail[] = [];
  if (!(year >= FIRST_YEAR && year <= thisYear)) p.push({ path: '/year', message: `年份应在 ${FIRST_YEAR}–${thisYear} 之间（the year is between ${FIRST_YEAR} and ${thisYear}）` });
  if (input.revenueWan == null && input.outputValueWan == null) p.push({ path: '/revenueWan', message: '营业收入与产值至少填写一项（give revenue or output value）' });
  for (const k of ['revenueWan', 'outputValueWan', 'rdSpendWan', 'employees'] as const) {
    const x = input[k];
    if (x != null && !(Number.isFinite(x) && x >= 0)) p.push({ path: `/${k}`, message: '应为非负数（a number not below zero）' });
  }
  if (input.employees != null && !Number.isInteger(input.employees)) p.push({ path: '/employees', message: '从业人数应为整数（a whole number）' });
  return p;
}

/**
 * Annual figures: an enterprise submits its own (self-reported, awaiting verification); its
 * district verifies or returns them, or enters figures it has checked itself; the task force
 * records statistics-bureau figures. Only verified figures count toward targets.
 */
export function figuresService(database: Database, deps: { now: () => Date }) {
  const { db } = database;
  const thisYear = () => Number(deps.now().toISOString().slice(0, 4));

  return {
    async list(ctx: Ctx, f: { year?: number; state?: string; districtCode?: string; enterpriseId?: string; limit: number; offset: number }) {
      const v = await industryViewerOf(db, ctx);
      let q = db.selectFrom('enterpriseFigure as f').innerJoin('enterprise as e', 'e.id', 'f.enterpriseId').leftJoin('district as d', 'd.code', 'e.districtCode')
        .selectAll('f').select(['e.nameZh as enterpriseNameZh', 'e.creditCode', 'e.districtCode', 'd.nameZh as districtNameZh']);
      if (!v.taskForce && !v.unit) {
        if (v.districtCode) q = q.where('e.districtCode', '=', v.districtCode);
        else if (v.enterpriseId) q = q.where('e.id', '=', v.enterpriseId);
        else throw forbidden('无权查看企业经营数据', 'You may not see enterprise figures');
      }
      if (f.year) q = q.where('f.year', '=', f.year);
      if (f.state) q = q.where('f.state', '=', f.state);
      if (f.districtCode) q = q.where('e.districtCode', '=', f.districtCode);
      if (f.enterpriseId) q = q.where('f.enterpriseId', '=', f.enterpriseId);
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('f.year', 'desc').orderBy('e.nameZh').limit(f.limit).offset(f.offset).execute();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => r) };
    },

    async save(ctx: Ctx, enterpriseId: string, year: number, input: FigureInput) {
      const v = await industryViewerOf(db, ctx);
      const e = await db.selectFrom('enterprise').select(['id', 'nameZh', 'districtCode']).where('id', '=', enterpriseId).executeTakeFirst();
      if (!e) throw notFound('企业不存在', 'Enterprise not found');
      const own = v.enterpriseId === e.id;
      if (!own && !manages(v, e.districtCode)) throw forbidden('只能报送本企业或本区县企业的经营数据', 'You may report figures only for your own enterprise or your district\'s');
      const problems = figureProblems(input, year, thisYear());
      if (problems.length) throw invalid(problems);
      // Who reports decides the source: the firm itself, its district, or the task force for the statistics bureau.
      const source: FigureSource = v.taskForce ? input.source ?? 'statistics' : manages(v, e.districtCode) ? 'districtVerified' : 'selfReported';
      const state = source === 'selfReported' ? 'submitted' : 'verified';
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('enterpriseFigure').selectAll().where('enterpriseId', '=', enterpriseId).where('year', '=', year).executeTakeFirst();
        if (before && source === 'selfReported' && before.source === 'statistics') throw conflict('该年度数据来自统计部门，企业不能覆盖', 'This year\'s figures come from the statistics bureau; a firm cannot overwrite them');
        // A verified figure counts toward targets; a firm's correction goes through its district, which returns it first.
        if (before && source === 'selfReported' && before.state === 'verified') throw conflict('该年度数据已由区县核实，如需更正请联系区县退回', 'These figures are verified; ask the district to return them before correcting');
        const values = {
          revenueWan: input.revenueWan ?? null, outputValueWan: input.outputValueWan ?? null, rdSpendWan: input.rdSpendWan ?? null, employees: input.employees ?? null,
          source, state, rejectReason: null, submittedBy: v.userId, verifiedBy: state === 'verified' ? v.userId : null, verifiedAt: state === 'verified' ? deps.now() : null, updatedAt: deps.now(),
        };
        const saved = before
          ? await trx.updateTable('enterpriseFigure').set(values).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
          : await trx.insertInto('enterpriseFigure').values({ enterpriseId, year, ...values }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'figure.save', entityType: 'enterprise', entityId: enterpriseId, summary: `报送 ${e.nameZh} ${year} 年经营数据（${state === 'verified' ? '已核实' : '待核实'}）（Reported ${year} figures）`, before: before ?? null, after: saved });
        return saved;
      });
    },

    async verify(ctx: Ctx, figureId: string, decision: 'verify' | 'reject', reason?: string | null) {
      const v = await industryViewerOf(db, ctx);
      const f = await db.selectFrom('enterpriseFigure as f').innerJoin('enterprise as e', 'e.id', 'f.enterpriseId').selectAll('f').select(['e.districtCode', 'e.nameZh']).where('f.id', '=', figureId).executeTakeFirst();
      if (!f) throw notFound('经营数据不存在', 'Figures not found');
      if (!manages(v, f.districtCode)) throw forbidden('由企业所在区县核实', 'The enterprise\'s district verifies its figures');
      if (f.state !== 'submitted') throw conflict('该数据不在待核实状态', 'These figures are not awaiting verification');
      if (decision === 'reject' && !reason?.trim()) throw invalid([{ path: '/reason', message: '退回须说明理由（say why）' }]);
      return db.transaction().execute(async (trx) => {
        // Still awaiting verification when written: a verification racing another one does not pass twice.
        const saved = await trx.updateTable('enterpriseFigure').set({
          state: decision === 'verify' ? 'verified' : 'rejected', rejectReason: decision === 'reject' ? reason!.trim() : null,
          verifiedBy: decision === 'verify' ? v.userId : null, verifiedAt: decision === 'verify' ? deps.now() : null, updatedAt: deps.now(),
        }).where('id', '=', figureId).where('state', '=', 'submitted').returningAll().executeTakeFirst();
        if (!saved) throw conflict('该数据已不在待核实状态，请刷新后再看', 'These figures are no longer awaiting verification; reload');
        await audit(trx, ctx, { action: `figure.${decision}`, entityType: 'enterprise', entityId: f.enterpriseId, summary: `${decision === 'verify' ? '核实' : '退回'} ${f.nameZh} ${f.year} 年经营数据（${decision === 'verify' ? 'Verified' : 'Returned'} ${f.year} figures）`, before: { state: f.state }, after: { state: saved.state, reason: saved.rejectReason } });
        return saved;
      });
    },
  };
}

export type FiguresService = ReturnType<typeof figuresService>;
