import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { todayIn } from '../../platform/dates.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import type { StrainDeps } from './index.js';
import { requireCurator } from './lots.viewer.js';
import { applyMove } from './moves.js';
import { nextTestDue, viabilityProblems, VIABILITY_METHODS, type ViabilityInput } from './model/stock.js';
import { strainViewerOf } from './viewer.js';

/**
 * 活力检测: a lot is revived and counted from time to time. The latest test sets the next due date
 * (one interval later) and whether the lot is flagged as failed; vials the test used leave the
 * ledger in the same transaction.
 */
export function viabilityService(database: Database, deps: StrainDeps) {
  const { db } = database;
  const today = () => todayIn(deps.now());

  return {
    async record(ctx: Ctx, lotId: string, input: ViabilityInput) {
      requireCurator(await strainViewerOf(db, ctx));
      const lot = await db.selectFrom('strainLot').select(['code', 'preparedOn', 'status']).where('id', '=', lotId).executeTakeFirst();
      if (!lot) throw notFound('保藏批次不存在', 'Lot not found');
      const problems = viabilityProblems(input, today(), lot.preparedOn);
      if (problems.length) throw invalid(problems);
      if (lot.status !== 'active') throw conflict(`批次 ${lot.code} 不在库，不能检测`, `Lot ${lot.code} is not active`, [{ path: '/lotId', message: '批次不在库（the lot is not active）' }]);
      return db.transaction().execute(async (trx) => {
        const test = await trx.insertInto('viabilityTest').values({
          lotId, testedOn: input.testedOn, method: input.method as 'other', resultValue: input.resultValue ?? null, resultUnit: input.resultUnit?.trim() || null,
          passed: input.passed, vialsUsed: input.vialsUsed ?? 0, testedBy: ctx.principal?.userId ?? null, noteZh: input.noteZh?.trim() || null, createdAt: deps.now(),
        }).returningAll().executeTakeFirstOrThrow();
        if (test.vialsUsed > 0) await applyMove(trx, ctx, lotId, { kind: 'test', delta: -test.vialsUsed, movedOn: test.testedOn, viabilityTestId: test.id, reasonZh: `活力检测（viability test）` }, deps.now());
        // The latest test by date decides; one entered late for an earlier day changes nothing.
        const latest = await trx.selectFrom('viabilityTest').select(['id', 'testedOn', 'passed']).where('lotId', '=', lotId)
          .orderBy('testedOn', 'desc').orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow();
        const current = await trx.selectFrom('strainLot').select(['viabilityIntervalMonths', 'viabilityFailed', 'nextTestDue']).where('id', '=', lotId).executeTakeFirstOrThrow();
        const after = { viabilityFailed: !latest.passed, nextTestDue: nextTestDue(latest.testedOn, current.viabilityIntervalMonths) };
        await trx.updateTable('strainLot').set({ ...after, updatedAt: deps.now() }).where('id', '=', lotId).execute();
        await audit(trx, ctx, {
          action: 'strains.viability.record', entityType: 'strain_lot', entityId: lotId,
          summary: `批次 ${lot.code} 活力检测（${VIABILITY_METHODS[test.method].zh}）${test.passed ? '合格' : '不合格'}（Viability test ${test.passed ? 'passed' : 'failed'}）`,
          before: { viabilityFailed: current.viabilityFailed, nextTestDue: current.nextTestDue }, after: { ...after, testId: test.id, testedOn: test.testedOn, passed: test.passed, resultValue: test.resultValue, resultUnit: test.resultUnit },
        });
        return { ...test, lot: { id: lotId, code: lot.code, ...after } };
      });
    },
  };
}

export type ViabilityService = ReturnType<typeof viabilityService>;
