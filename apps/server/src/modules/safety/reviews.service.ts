import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { SafetyDeps } from './index.js';
import { LIVE_REVIEW, REVIEW_STATUSES, type ReviewStatus } from './model/labels.js';
import { aspectsFor, reviewProblems, type ReviewInput } from './model/findings.js';
import { loadEvaluation, pausesOf } from './evaluations.store.js';
import { clockFor } from './evaluations.view.js';
import { changedMeanwhile, detail, lockState, tellHandler } from './evaluations.shared.js';
import { notFoundReview } from './reviewers.service.js';
import { requireExpert, safetyViewerOf } from './viewer.js';

/**
 * The reviewer's desk (专家评审): an expert sees only the evaluations it is assigned, records
 * its findings on every aspect the subject asks for with a recommendation (locked once
 * submitted), or declines with the reason. The handling officer is told when the last review is
 * in and when a reviewer declines.
 */
export function reviewsService(database: Database, d: SafetyDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  /** The caller's own review: anyone else's is not found. */
  async function ownReview(ctx: Ctx, reviewId: string) {
    const v = await safetyViewerOf(db, ctx);
    const expertId = requireExpert(v);
    const r = await db.selectFrom('safetyReview').selectAll().where('id', '=', reviewId).where('expertId', '=', expertId).executeTakeFirst();
    if (!r) throw notFoundReview();
    const e = (await loadEvaluation(db, r.evaluationId))!;
    return { v, r, e };
  }

  const requireOpen = (status: ReviewStatus) => {
    if (status !== 'assigned') throw conflict(`评审「${REVIEW_STATUSES[status].zh}」，不能再提交或谢绝`, `The review is ${REVIEW_STATUSES[status].en.toLowerCase()} and cannot change`, [{ path: '/status', message: `当前状态 ${status}` }]);
  };
  const requireUnderReview = (state: string) => {
    if (state !== 'review') throw conflict('该申请当前不在专家评审阶段（可能正在补充材料），暂不能提交', 'The evaluation is not under review now (it may be with the applicant); submit later', [{ path: '/state', message: `当前状态 ${state}` }]);
  };

  return {
    /** What the caller reviews: open ones first, each with the evaluation's subject, state and clock, and the aspects to assess. */
    async mine(ctx: Ctx, f: { status?: ReviewStatus; limit: number; offset: number }) {
      const v = await safetyViewerOf(db, ctx);
      const expertId = requireExpert(v);
      let q = db.selectFrom('safetyReview as r').innerJoin('safetyEvaluation as e', 'e.id', 'r.evaluationId').innerJoin('organisation as o', 'o.id', 'e.applicantOrganisationId')
        .select(['r.id', 'r.evaluationId', 'r.status', 'r.assignedAt', 'r.submittedAt', 'r.recommendation', 'r.shared',
          'e.code', 'e.titleZh', 'e.subjectKind', 'e.state', 'e.track', 'e.acceptedOn', 'e.timeLimitDays', 'e.concludedOn', 'e.closedOn', 'o.nameZh as applicantNameZh'])
        .where('r.expertId', '=', expertId).where('r.status', 'in', [...LIVE_REVIEW]);
      if (f.status) q = q.where('r.status', '=', f.status);
      const rows = await q.select(sql<number>`count(*) over ()`.as('total'))
        .orderBy(sql`case when r.status = 'assigned' then 0 else 1 end`).orderBy('r.assignedAt', 'desc').limit(f.limit).offset(f.offset).execute();
      const pauses = await pausesOf(db, rows.map((r) => r.evaluationId));
      const t = today();
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map(({ total: _t, acceptedOn, timeLimitDays, concludedOn, closedOn, ...r }) => ({
          ...r, aspects: aspectsFor(r.subjectKind),
          clock: clockFor({ state: r.state, acceptedOn, timeLimitDays, concludedOn, closedOn } as never, pauses.get(r.evaluationId)!, t),
        })),
      };
    },

    /** Findings on every aspect, a recommendation they allow, and a summary; locked once submitted. */
    async submit(ctx: Ctx, reviewId: string, input: ReviewInput) {
      const { v, r, e } = await ownReview(ctx, reviewId);
      requireOpen(r.status);
      requireUnderReview(e.state);
      const p = reviewProblems(e.subjectKind, input);
      if (p.length) throw invalid(p);
      const findings = input.findings.map((x) => ({ aspect: x.aspect, assessment: x.assessment, noteZh: x.noteZh?.trim() || null }));
      const rec = input.recommendation as NonNullable<typeof r.recommendation>;
      await db.transaction().execute(async (trx) => {
        await lockState(trx, d, e);
        const done = await trx.updateTable('safetyReview').set({
          status: 'submitted', findings: JSON.stringify(findings), recommendation: rec,
          conditionsZh: rec === 'safeWithConditions' ? input.conditionsZh!.trim() : null, summaryZh: input.summaryZh.trim(), submittedAt: d.now(),
        }).where('id', '=', r.id).where('status', '=', 'assigned').executeTakeFirst();
        if (!done.numUpdatedRows) throw changedMeanwhile();
        await audit(trx, ctx, { action: 'safety.review.submit', entityType: 'safetyReview', entityId: r.id, summary: `提交安全评价 ${e.code} 的评审意见（submitted findings）`, before: { status: 'assigned' }, after: { status: 'submitted', recommendation: rec, findings } });
        const left = await trx.selectFrom('safetyReview').select('id').where('evaluationId', '=', e.id).where('status', '=', 'assigned').execute();
        if (!left.length) await tellHandler(trx, e, 'reviewed', '的评审意见已全部提交，可作出结论', 'every reviewer has submitted; it may be concluded');
      });
      return detail(db, d, v, (await loadEvaluation(db, e.id))!, 'reviewer', today());
    },

    /** The expert steps back with the reason (a conflict it knows of, no time); the body replaces it. */
    async decline(ctx: Ctx, reviewId: string, input: { reasonZh: string }) {
      const { r, e } = await ownReview(ctx, reviewId);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '谢绝评审须说明理由（say why you decline）' }]);
      requireOpen(r.status);
      await db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('safetyReview').set({ status: 'declined', endReasonZh: reason, endedAt: d.now() }).where('id', '=', r.id).where('status', '=', 'assigned').executeTakeFirst();
        if (!done.numUpdatedRows) throw changedMeanwhile();
        await audit(trx, ctx, { action: 'safety.review.decline', entityType: 'safetyReview', entityId: r.id, summary: `谢绝评审安全评价 ${e.code}（declined the review）`, before: { status: 'assigned' }, after: { status: 'declined', reasonZh: reason } });
        await tellHandler(trx, e, 'declined', `有评审专家谢绝评审：${reason.slice(0, 60)}，请更换`, 'a reviewer declined; replace them');
      });
      return { id: r.id, evaluationId: e.id, status: 'declined' as const };
    },
  };
}

export type ReviewsService = ReturnType<typeof reviewsService>;
