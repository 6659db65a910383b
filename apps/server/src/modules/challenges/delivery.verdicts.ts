import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { notify } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { awardRows, completeIfSettled, pastDayProblem, requiredText, sumPaid, throwIfAny } from './delivery.awards.js';
import { AWARD_STATUS_AFTER_VERDICT, isOverdue, nextMilestone, payableWan, remainingWan, verdictProblems, wan, type VerdictInput } from './model/delivery.js';
import { VERDICTS, type Verdict } from './model/labels.js';
import { challengeViewerOf, mayRun, requireOrganiser } from './viewer.js';

export interface ReviewInput { titleZh: string; heldOn: string; noteZh?: string | null; verdicts: VerdictInput[] }

const challengeNotFound = () => notFound('榜单不存在', 'Challenge not found');

/**
 * Reviews during delivery (中期评估 and others): each active team of the challenge gets a verdict
 * — continue, stop, or merge into another team of the same challenge. A stopped team is paid
 * nothing more; a merged team's remaining budget (granted, not yet paid) is noted on the team
 * it merges into, which may then be paid that much more. The review board shows every team of
 * the challenge side by side, review after review.
 */
export function verdictsService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  async function challengeFor(challengeId: string) {
    const c = await db.selectFrom('challenge').select(['id', 'code', 'titleZh', 'status', 'mode', 'organiserId']).where('id', '=', challengeId).executeTakeFirst();
    if (!c) throw challengeNotFound();
    return c;
  }

  return {
    async recordReview(ctx: Ctx, challengeId: string, input: ReviewInput) {
      const v = await challengeViewerOf(db, ctx);
      requireOrganiser(v);
      const c = await challengeFor(challengeId);
      if (!mayRun(v, c)) throw forbidden('只有发榜单位或工作专班可以评估此榜单的团队', 'Only the posting organisation or the task force may review this challenge\'s teams');
      if (c.status !== 'awarded') throw conflict('榜单不在实施阶段，不能评估', 'The challenge is not being delivered; no reviews', [{ path: '/status', message: c.status }]);
      throwIfAny([requiredText('/titleZh', input.titleZh, '评估名称', 'the review title'), pastDayProblem('/heldOn', input.heldOn, today(), '评估日期')]);
      const verdicts = input.verdicts ?? [];
      return db.transaction().execute(async (trx) => {
        // Every award of the challenge, locked: a payment or an acceptance at the same time waits.
        await trx.selectFrom('award').select('id').where('challengeId', '=', c.id).forUpdate().execute();
        const awards = await awardRows(trx).where('a.challengeId', '=', c.id).execute();
        const problems = verdictProblems(verdicts, awards);
        if (problems.length) throw invalid(problems);
        const review = await trx.insertInto('deliveryReview').values({
          challengeId: c.id, titleZh: input.titleZh.trim(), heldOn: input.heldOn, noteZh: input.noteZh?.trim() || null, recordedBy: v.userId, createdAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        const recorded = [];
        for (const x of verdicts) {
          const a = awards.find((w) => w.id === x.awardId)!;
          const verdict = x.verdict as Verdict;
          const remaining = verdict === 'continue' ? null : remainingWan(payableWan(a), await sumPaid(trx, a.id));
          await trx.insertInto('awardVerdict').values({
            reviewId: review.id, awardId: a.id, verdict, mergeIntoId: verdict === 'merge' ? x.mergeIntoAwardId! : null, remainingWan: remaining, reasonZh: x.reasonZh?.trim() || null,
          }).execute();
          recorded.push({ awardId: a.id, code: a.code, verdict, remainingWan: remaining, mergeIntoAwardId: verdict === 'merge' ? x.mergeIntoAwardId : null });
          if (verdict !== 'continue') {
            await trx.updateTable('award').set({ status: AWARD_STATUS_AFTER_VERDICT[verdict], mergedIntoId: verdict === 'merge' ? x.mergeIntoAwardId! : null, settledAt: d.now(), updatedAt: d.now() })
              .where('id', '=', a.id).execute();
            if (verdict === 'merge')
              await trx.updateTable('award').set((eb) => ({ mergedInWan: eb('mergedInWan', '+', remaining!), updatedAt: d.now() })).where('id', '=', x.mergeIntoAwardId!).execute();
            const target = verdict === 'merge' ? awards.find((w) => w.id === x.mergeIntoAwardId)! : null;
            await audit(trx, ctx, {
              action: `challenges.award.${verdict}`, entityType: 'award', entityId: a.id,
              summary: `「${input.titleZh.trim()}」：立项 ${a.code} ${VERDICTS[verdict].zh}${target ? `，并入 ${target.code}，剩余经费 ${remaining} 万元转入` : `，剩余经费 ${remaining} 万元不再拨付`}（${VERDICTS[verdict].en}）`,
              before: { status: a.status }, after: { status: AWARD_STATUS_AFTER_VERDICT[verdict], reviewId: review.id, reasonZh: x.reasonZh, remainingWan: remaining, mergeIntoAwardId: target?.id ?? null },
            });
          }
          await notify(trx, {
            organisationId: a.leadOrganisationId, kind: `challenges.verdict.${verdict}`, link: `/challenges/awards/${a.id}`, dedupeKey: `challenges.verdict:${review.id}:${a.id}`,
            titleZh: `「${input.titleZh.trim().slice(0, 30)}」对立项 ${a.code} 的结论：${VERDICTS[verdict].zh}`, titleEn: `The review's verdict on award ${a.code}: ${VERDICTS[verdict].en}`,
          });
        }
        await audit(trx, ctx, {
          action: 'challenges.review.record', entityType: 'deliveryReview', entityId: review.id,
          summary: `榜单 ${c.code} 「${review.titleZh}」：${recorded.map((r) => `${r.code} ${VERDICTS[r.verdict].zh}`).join('，')}（Recorded a delivery review with each team's verdict）`,
          after: { challengeId: c.id, heldOn: review.heldOn, verdicts: recorded },
        });
        const completed = await completeIfSettled(trx, ctx, c.id, d.now());
        return { ...review, verdicts: recorded, challengeCompleted: completed };
      });
    },

    /**
     * The review board of a challenge: its teams as columns (share, paid, status, next milestone)
     * and its reviews as rows, each team's verdict in its cell.
     */
    async board(ctx: Ctx, challengeId: string) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.overseer) throw challengeNotFound();
      const c = await challengeFor(challengeId);
      const awards = await awardRows(db).where('a.challengeId', '=', c.id).orderBy('a.code').execute();
      const ids = awards.map((a) => a.id);
      const [paid, milestones, reviews, verdicts] = ids.length ? await Promise.all([
        db.selectFrom('tranche').select(['awardId']).select((eb) => eb.fn.sum<number>('amountWan').as('paid')).where('awardId', 'in', ids).groupBy('awardId').execute(),
        db.selectFrom('awardMilestone').select(['id', 'awardId', 'position', 'titleZh', 'dueOn', 'status']).where('awardId', 'in', ids).execute(),
        db.selectFrom('deliveryReview').selectAll().where('challengeId', '=', c.id).orderBy('heldOn').orderBy('createdAt').execute(),
        db.selectFrom('awardVerdict').selectAll().where('awardId', 'in', ids).execute(),
      ]) : [[], [], [], []];
      const t = today();
      const codeOf = new Map(awards.map((a) => [a.id, a.code]));
      return {
        challenge: c,
        teams: awards.map((a) => {
          const ms = milestones.filter((m) => m.awardId === a.id);
          const next = nextMilestone(ms);
          return {
            awardId: a.id, code: a.code, leadNameZh: a.leadNameZh, status: a.status, shareWan: a.shareWan, mergedInWan: a.mergedInWan, payableWan: payableWan(a),
            paidWan: wan(Number(paid.find((p) => p.awardId === a.id)?.paid ?? 0)), mergedIntoCode: a.mergedIntoId ? codeOf.get(a.mergedIntoId) ?? null : null,
            milestonesPassed: ms.filter((m) => m.status === 'passed').length, milestonesTotal: ms.length,
            nextMilestone: next ? { ...next, overdue: isOverdue(next, t) } : null,
          };
        }),
        reviews: reviews.map((r) => ({
          ...r,
          verdicts: Object.fromEntries(verdicts.filter((x) => x.reviewId === r.id).map((x) => [x.awardId, {
            verdict: x.verdict, ...VERDICTS[x.verdict], reasonZh: x.reasonZh, remainingWan: x.remainingWan, mergeIntoAwardId: x.mergeIntoId, mergeIntoCode: x.mergeIntoId ? codeOf.get(x.mergeIntoId) ?? null : null,
          }])),
        })),
      };
    },
  };
}

export type VerdictsService = ReturnType<typeof verdictsService>;
