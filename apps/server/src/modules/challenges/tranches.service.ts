import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, type ErrorDetail } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { ChallengeDeps } from './index.js';
import { awardForOrganiser, lockAward, pastDayProblem, requiredText, sumPaid, throwIfAny } from './delivery.awards.js';
import { ledgerTotals, overpayProblem, payableWan, paymentProblem, wan } from './model/delivery.js';
import { challengeViewerOf } from './viewer.js';

export interface TrancheInput { amountWan: number; paidOn: string; voucherNo: string; milestoneId?: string | null; noteZh?: string | null }
export interface LedgerFilter { challengeId?: string; awardId?: string; year?: number }

/**
 * The tranche ledger (拨付台账): what was paid to which award and when. A payment goes to an
 * award with a contract that is neither stopped, merged nor failed, and the total paid never
 * exceeds what the award may be paid (its share plus what teams merged into it brought).
 */
export function tranchesService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  function ledgerRows(f: LedgerFilter) {
    let q = db.selectFrom('tranche as t')
      .innerJoin('award as a', 'a.id', 't.awardId')
      .innerJoin('challenge as c', 'c.id', 't.challengeId')
      .innerJoin('application as p', 'p.id', 'a.applicationId')
      .innerJoin('organisation as o', 'o.id', 'p.leadOrganisationId')
      .leftJoin('awardMilestone as m', 'm.id', 't.milestoneId')
      .select([
        't.id', 't.awardId', 't.challengeId', 't.amountWan', 't.paidOn', 't.voucherNo', 't.noteZh', 't.createdAt', 't.milestoneId', 'm.titleZh as milestoneTitleZh',
        'a.code as awardCode', 'a.shareWan', 'a.mergedInWan', 'a.status as awardStatus', 'c.code as challengeCode', 'c.titleZh as challengeTitleZh', 'o.nameZh as leadNameZh',
      ]);
    if (f.challengeId) q = q.where('t.challengeId', '=', f.challengeId);
    if (f.awardId) q = q.where('t.awardId', '=', f.awardId);
    if (f.year) q = q.where(sql<number>`extract(year from t.paid_on)::int`, '=', f.year);
    return q.orderBy('t.paidOn').orderBy('t.createdAt').orderBy('t.voucherNo');
  }

  async function ledger(ctx: Ctx, f: LedgerFilter) {
    const v = await challengeViewerOf(db, ctx);
    if (!v.overseer) throw forbidden();
    const items = await ledgerRows(f).execute();
    const totals = ledgerTotals(items);
    // What each award may be paid beside what it was paid: the ledger answers "how much is left".
    const byAward = totals.byAward.map((t) => {
      const r = items.find((i) => i.awardId === t.key)!;
      return { ...t, leadNameZh: r.leadNameZh, shareWan: r.shareWan, payableWan: payableWan(r), awardStatus: r.awardStatus };
    });
    return { items, totals: { ...totals, byAward } };
  }

  return {
    ledger,

    async pay(ctx: Ctx, awardId: string, input: TrancheInput) {
      const v = await challengeViewerOf(db, ctx);
      const before = await awardForOrganiser(db, v, awardId);
      const amount = input.amountWan;
      const problems: (ErrorDetail | null)[] = [
        typeof amount === 'number' && Number.isFinite(amount) && amount > 0 && wan(amount) === amount ? null : { path: '/amountWan', message: '拨付金额应为大于 0 的数（万元，至多 6 位小数）（a positive amount in 10k yuan, at most 6 decimals）' },
        pastDayProblem('/paidOn', input.paidOn, today(), '拨付日期'),
        requiredText('/voucherNo', input.voucherNo, '凭证号', 'the voucher number'),
      ];
      if (before.contractSignedOn && typeof input.paidOn === 'string' && input.paidOn < before.contractSignedOn)
        problems.push({ path: '/paidOn', message: `不能早于合同签订日期 ${before.contractSignedOn}（not before the contract was signed）` });
      if (input.milestoneId && !(await db.selectFrom('awardMilestone').select('id').where('id', '=', input.milestoneId).where('awardId', '=', before.id).executeTakeFirst()))
        problems.push({ path: '/milestoneId', message: '不是本立项的节点（not a milestone of this award）' });
      throwIfAny(problems);
      const voucherNo = input.voucherNo.trim();
      return db.transaction().execute(async (trx) => {
        const a = (await lockAward(trx, awardId))!;
        const why = paymentProblem(a);
        if (why) throw conflict(why.zh, why.en, [{ path: '/status', message: `${why.zh}（${why.en}）` }]);
        const paid = await sumPaid(trx, a.id);
        const over = overpayProblem(paid, amount, payableWan(a));
        if (over) throw invalid([over]);
        const dup = await trx.selectFrom('tranche').select('awardId').where('voucherNo', '=', voucherNo).executeTakeFirst();
        if (dup) throw conflict(`凭证号 ${voucherNo} 已登记`, `Voucher ${voucherNo} is already in the ledger`, [{ path: '/voucherNo', message: '已登记（already recorded）' }]);
        const row = await trx.insertInto('tranche').values({
          awardId: a.id, challengeId: a.challengeId, milestoneId: input.milestoneId ?? null, amountWan: amount, paidOn: input.paidOn, voucherNo, noteZh: input.noteZh?.trim() || null,
          // The database's clock, not the application's: the ledger lists payments of one day in the order they were entered.
          recordedBy: v.userId,
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, {
          action: 'challenges.tranche.pay', entityType: 'award', entityId: a.id,
          summary: `向立项 ${a.code}（${a.leadNameZh}）拨付 ${amount} 万元，凭证 ${voucherNo}，累计 ${wan(paid + amount)} / ${payableWan(a)} 万元（Paid a tranche）`,
          after: { trancheId: row.id, amountWan: amount, paidOn: input.paidOn, voucherNo, milestoneId: row.milestoneId, paidTotalWan: wan(paid + amount) },
        });
        return { ...row, paidTotalWan: wan(paid + amount), payableWan: payableWan(a) };
      });
    },
  };
}

export type TranchesService = ReturnType<typeof tranchesService>;
