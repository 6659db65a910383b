import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { SafetyDeps } from './index.js';
import { CONCLUSIONS, TRACK_DECISIONS, TRACKS, type Conclusion } from './model/labels.js';
import { certified, conclusionProblems, trackInForce, trackUndecided, type ConclusionInput } from './model/evaluations.js';
import { nextNumber } from './codes.js';
import { loadEvaluation, reviewsOf, type EvaluationRow } from './evaluations.store.js';
import { liveSummary } from './evaluations.view.js';
import { changedMeanwhile, detail, lockState, notFoundEvaluation, requireMove, tellApplicant, tellReviewers, transition } from './evaluations.shared.js';
import { requireBody, safetyViewerOf } from './viewer.js';

const required = (s: string | null | undefined, path: string, zh: string, en: string) => {
  const t = s?.trim();
  if (!t) throw invalid([{ path, message: `${zh}（${en}）` }]);
  return t;
};

/**
 * The evaluation body's decisions (安全评价机构): the formal check (accept, or return with the
 * reason), a request for supplements that stops the clock, the green channel or priority
 * assessment granted or refused, and the conclusion with its certificate. Each lands once: of two
 * decisions at once, the second is refused (409).
 */
export function decisionsService(database: Database, d: SafetyDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  async function forBody(ctx: Ctx, id: string) {
    const v = await safetyViewerOf(db, ctx);
    requireBody(v);
    const e = await loadEvaluation(db, id);
    if (!e || e.state === 'draft') throw notFoundEvaluation();
    return { v, e };
  }
  const reread = async (v: Awaited<ReturnType<typeof forBody>>['v'], id: string) => detail(db, d, v, (await loadEvaluation(db, id))!, 'body', today());

  return {
    /** Formal check passed: the clock starts today with the time limit of the track in force. */
    async accept(ctx: Ctx, id: string, input: { noteZh?: string | null } = {}) {
      const { v, e } = await forBody(ctx, id);
      requireMove('accept', e.state);
      await db.transaction().execute(async (trx) => {
        // The track as it stands once the row is held: a grant landing just before counts.
        await lockState(trx, d, e);
        const { track, timeLimitDays } = trackInForce(await trx.selectFrom('safetyEvaluation').select(['trackRequested', 'trackDecision']).where('id', '=', e.id).executeTakeFirstOrThrow());
        await transition(trx, ctx, d, e, 'accept', { state: 'accepted', acceptedOn: today(), acceptedBy: v.userId, track, timeLimitDays }, { zh: `受理，${TRACKS[track].zh}时限 ${timeLimitDays} 天${input.noteZh?.trim() ? `：${input.noteZh.trim()}` : ''}`, en: `accepted; ${timeLimitDays} days` });
        await tellApplicant(trx, e, 'accepted', `已受理，评价时限 ${timeLimitDays} 天（${TRACKS[track].zh}，补充材料期间不计）`, `was accepted; ${timeLimitDays} days (${TRACKS[track].en.toLowerCase()}), time with you for supplements excluded`);
      });
      return reread(v, id);
    },

    /** Formal check failed: returned (不予受理) with the reason the applicant reads. */
    async returnIt(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const { v, e } = await forBody(ctx, id);
      const reason = required(input.reasonZh, '/reasonZh', '不予受理须说明理由', 'say why the application is returned');
      requireMove('return', e.state);
      await db.transaction().execute(async (trx) => {
        await transition(trx, ctx, d, e, 'return', { state: 'returned', closedReasonZh: reason, closedOn: today() }, { zh: `不予受理：${reason.slice(0, 100)}`, en: 'returned' });
        await tellApplicant(trx, e, 'returned', `未予受理：${reason.slice(0, 80)}`, 'was returned; see the reason');
      });
      return reread(v, id);
    },

    /** Supplements asked for with the reason: the application is with the applicant and its clock stops. */
    async requestSupplements(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const { v, e } = await forBody(ctx, id);
      const reason = required(input.reasonZh, '/reasonZh', '须说明需补充的材料', 'say what is to be supplemented');
      requireMove('requestSupplements', e.state);
      await db.transaction().execute(async (trx) => {
        await transition(trx, ctx, d, e, 'requestSupplements', { state: 'supplementing', resumeState: e.state }, { zh: `要求补充材料：${reason.slice(0, 100)}`, en: 'asked for supplements' });
        await trx.insertInto('safetyEvaluationPause').values({ evaluationId: e.id, startedOn: today(), reasonZh: reason, requestedBy: v.userId }).execute();
        await tellApplicant(trx, e, 'supplements', `需补充材料（计时暂停）：${reason.slice(0, 80)}`, 'needs supplements; the clock stops until you answer');
      });
      return reread(v, id);
    },

    /**
     * The green channel or priority assessment asked for, granted or refused once, with a note.
     * Granted after acceptance, the shorter limit counts from the acceptance day.
     */
    async decideTrack(ctx: Ctx, id: string, input: { decision: 'granted' | 'refused'; noteZh?: string | null }) {
      const { v, e } = await forBody(ctx, id);
      if (!(input.decision in TRACK_DECISIONS)) throw invalid([{ path: '/decision', message: '决定应为准予或不予（granted or refused）' }]);
      const note = input.decision === 'refused' ? required(input.noteZh, '/noteZh', '不予须说明理由', 'say why it is refused') : input.noteZh?.trim() || null;
      requireMove('decideTrack', e.state);
      if (!trackUndecided(e)) throw conflict('该申请没有待决定的绿色通道或优先评估请求', 'No green channel or priority request waits for a decision', [{ path: '/decision', message: e.trackDecision ? '已决定（already decided）' : '未申请（not asked for）' }]);
      const decided: Pick<EvaluationRow, 'trackRequested' | 'trackDecision'> = { trackRequested: e.trackRequested, trackDecision: input.decision };
      const inForce = trackInForce(decided);
      const set = { trackDecision: input.decision, trackDecisionNoteZh: note, trackDecidedBy: v.userId, trackDecidedAt: d.now(), ...(e.acceptedOn ? inForce : { track: inForce.track }) };
      const name = TRACKS[e.trackRequested];
      await db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('safetyEvaluation').set({ ...set, updatedAt: d.now() }).where('id', '=', e.id).where('trackDecision', 'is', null).where('state', '=', e.state).executeTakeFirst();
        if (!done.numUpdatedRows) throw changedMeanwhile();
        await audit(trx, ctx, {
          action: 'safety.evaluation.decideTrack', entityType: 'safetyEvaluation', entityId: e.id,
          summary: `安全评价 ${e.code}：${TRACK_DECISIONS[input.decision].zh}${name.zh}（${name.en} ${input.decision}）`,
          before: { trackDecision: null, track: e.track, timeLimitDays: e.timeLimitDays }, after: set,
        });
        await tellApplicant(trx, e, `track.${input.decision}`, `${input.decision === 'granted' ? `已准予${name.zh}，评价时限 ${name.days} 天` : `未准予${name.zh}：${note}`}`, `${name.en.toLowerCase()} ${input.decision}`);
      });
      return reread(v, id);
    },

    /**
     * The body's conclusion, from the reviewers' findings (every reviewer on it has submitted):
     * safe, safe with conditions, or not safe, with the body's findings; a safe or conditional
     * conclusion takes the next certificate number. The reviewers' findings are kept summarised.
     */
    async conclude(ctx: Ctx, id: string, input: ConclusionInput) {
      const { v, e } = await forBody(ctx, id);
      const p = conclusionProblems(input);
      if (p.length) throw invalid(p);
      requireMove('conclude', e.state);
      const conclusion = input.conclusion as Conclusion;
      await db.transaction().execute(async (trx) => {
        // The row first, then the reviews: a reviewer replaced or assigned meanwhile is seen here.
        await lockState(trx, d, e);
        const reviews = await reviewsOf(trx, e.id);
        const outstanding = reviews.filter((r) => r.status === 'assigned');
        if (outstanding.length) throw conflict(`尚有 ${outstanding.length} 位评审专家未提交意见：${outstanding.map((r) => r.expertNameZh).join('、')}`, `${outstanding.length} reviewer(s) have not submitted`, [{ path: '/state', message: '评审未完成（reviews outstanding）' }]);
        if (!reviews.some((r) => r.status === 'submitted')) throw conflict('尚无评审专家提交意见，不能作出结论', 'No reviewer has submitted; there is nothing to conclude from', [{ path: '/state', message: '无评审意见（no reviews）' }]);
        const summary = liveSummary(e, reviews);
        const certificateNo = certified(conclusion) ? await nextNumber(trx, 'certificateNo', today().slice(0, 4)) : null;
        await transition(trx, ctx, d, e, 'conclude', {
          state: 'concluded', conclusion, findingsZh: input.findingsZh.trim(), conditionsZh: conclusion === 'safeWithConditions' ? input.conditionsZh!.trim() : null,
          certificateNo, concludedOn: today(), concludedBy: v.userId, reviewSummary: JSON.stringify(summary),
        }, { zh: `评价结论：${CONCLUSIONS[conclusion].zh}${certificateNo ? `，证书 ${certificateNo}` : ''}`, en: `concluded ${conclusion}` });
        await tellApplicant(trx, e, 'concluded', `评价结论：${CONCLUSIONS[conclusion].zh}${certificateNo ? `，证书编号 ${certificateNo}` : ''}`, `was concluded: ${CONCLUSIONS[conclusion].en.toLowerCase()}${certificateNo ? `, certificate ${certificateNo}` : ''}`);
        await tellReviewers(trx, e, reviews.filter((r) => r.status === 'submitted').map((r) => r.expertUserId), 'concluded');
      });
      return reread(v, id);
    },
  };
}

export type DecisionsService = ReturnType<typeof decisionsService>;
