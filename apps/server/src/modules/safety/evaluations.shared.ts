import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { notify, notifyMany, type NotificationInput } from '../supervision/notifications.js';
import { EVALUATION_STATES, LIVE_REVIEW, type EvaluationState } from './model/labels.js';
import { moveProblem, type EvaluationAction } from './model/evaluations.js';
import { loadEvaluation, pausesOf, reviewsOf, type EvaluationRow } from './evaluations.store.js';
import { present, type Audience } from './evaluations.view.js';
import type { SafetyViewer } from './viewer.js';
import type { SafetyDeps } from './index.js';

type Q = Kysely<DB> | Transaction<DB>;

/**
 * What the evaluation services share: finding an evaluation for a reader (404 for one it may
 * not see), refusing an action out of turn, a state change that lands once, and telling the
 * applicant, the handling officer and reviewers.
 */
export const notFoundEvaluation = () => notFound('安全评价申请不存在', 'Safety evaluation not found');
export const changedMeanwhile = () => conflict('申请已被他人变更，请刷新后重试', 'The application changed meanwhile; reload and try again', [{ path: '/state', message: '申请状态已变更（the state changed）' }]);

export function requireMove(action: EvaluationAction, state: EvaluationState) {
  const why = moveProblem(action, state);
  if (why) throw conflict(why.zh, why.en, [{ path: '/state', message: `${why.zh}（${why.en}）` }]);
}

export const link = (id: string) => `/safety/evaluations/${id}`;
export const what = (e: { code: string; titleZh: string }) => `${e.code}「${e.titleZh.slice(0, 40)}」`;

/**
 * Who the caller is to this evaluation, or null when it may not see it. A draft is its
 * applicant's alone; the body and overseers see everything submitted; an expert sees what it
 * reviews now; anyone sees a concluded evaluation's public line.
 */
export async function audienceOf(q: Q, v: SafetyViewer, e: EvaluationRow): Promise<Audience | null> {
  if (v.applicant && v.organisationId && v.organisationId === e.applicantOrganisationId) return 'applicant';
  if (e.state !== 'draft') {
    if (v.body) return 'body';
    if (v.overseer) return 'overseer';
    if (v.expertId) {
      const r = await q.selectFrom('safetyReview').select('id').where('evaluationId', '=', e.id).where('expertId', '=', v.expertId).where('status', 'in', [...LIVE_REVIEW]).executeTakeFirst();
      if (r) return 'reviewer';
    }
  }
  return e.state === 'concluded' ? 'public' : null;
}

export async function loadSeen(q: Q, v: SafetyViewer, id: string) {
  const e = await loadEvaluation(q, id);
  if (!e) throw notFoundEvaluation();
  const audience = await audienceOf(q, v, e);
  if (!audience) throw notFoundEvaluation();
  return { e, audience };
}

/** The evaluation as this reader sees it, with what goes with it (pauses, files, reviewers). */
export async function detail(q: Q, d: SafetyDeps, v: SafetyViewer, e: EvaluationRow, audience: Audience, today: string) {
  if (audience === 'public') return present(e, audience, today, { pauses: [] });
  const [pauses, files, reviews] = await Promise.all([
    pausesOf(q, [e.id]), d.files.metas(e.fileIds), audience === 'applicant' ? [] : reviewsOf(q, e.id),
  ]);
  const ownReview = audience === 'reviewer' ? reviews.find((r) => r.expertId === v.expertId && (LIVE_REVIEW as readonly string[]).includes(r.status)) : undefined;
  return present(e, audience, today, { pauses: pauses.get(e.id)!, files, reviews: audience === 'reviewer' ? undefined : reviews, ownReview });
}

/**
 * One change of an evaluation, from the state the caller's check saw: of two decisions at once
 * one lands and the other is refused (409). Audited with what changed.
 */
/**
 * Takes the evaluation's row for this transaction, from the state the caller's check saw (with
 * any change given): work on its reviewers is ordered against a conclusion or a request for
 * supplements at the same time, and the one that comes second is refused.
 */
export async function lockState(trx: Transaction<DB>, d: SafetyDeps, e: EvaluationRow, set: Record<string, unknown> = {}) {
  const after = await trx.updateTable('safetyEvaluation').set({ ...set, updatedAt: d.now() } as never)
    .where('id', '=', e.id).where('state', '=', e.state).returning(['id', 'state']).executeTakeFirst();
  if (!after) throw changedMeanwhile();
  return after;
}

export async function transition(trx: Transaction<DB>, ctx: Ctx, d: SafetyDeps, e: EvaluationRow, action: EvaluationAction | 'withdraw', set: Record<string, unknown>, text: { zh: string; en: string }) {
  const after = await lockState(trx, d, e, set);
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, (e as Record<string, unknown>)[k] ?? null]));
  await audit(trx, ctx, {
    action: `safety.evaluation.${action}`, entityType: 'safetyEvaluation', entityId: e.id,
    summary: `安全评价 ${e.code}：${text.zh}${after.state !== e.state ? `（${EVALUATION_STATES[e.state].zh} → ${EVALUATION_STATES[after.state].zh}）` : ''}（${text.en}）`,
    before: { state: e.state, ...before }, after: { ...set },
  });
}

/** The applicant's organisation is told of every decision on its application. */
export const tellApplicant = (trx: Transaction<DB>, e: EvaluationRow, kind: string, zh: string, en: string) => notify(trx, {
  organisationId: e.applicantOrganisationId, kind: `safety.evaluation.${kind}`, link: link(e.id), dedupeKey: `safety.evaluation.${kind}:${e.id}:${randomUUID()}`,
  titleZh: `您的安全评价申请 ${what(e)}${zh}`, titleEn: `Your safety evaluation ${e.code} ${en}`,
});

/** The officer who accepted the evaluation handles it: told when the applicant answers or a reviewer steps back. */
export const tellHandler = (trx: Transaction<DB>, e: EvaluationRow, kind: string, zh: string, en: string) => (e.acceptedBy ? notify(trx, {
  userId: e.acceptedBy, kind: `safety.evaluation.${kind}`, link: link(e.id), dedupeKey: `safety.evaluation.${kind}:${e.id}:${randomUUID()}`,
  titleZh: `安全评价 ${what(e)}${zh}`, titleEn: `Safety evaluation ${e.code}: ${en}`,
}) : Promise.resolve(false));

/** Reviewers are told in their inbox when they are given an evaluation, taken off one, and when one they reviewed is concluded. */
export const tellReviewers = (trx: Transaction<DB>, e: EvaluationRow, userIds: readonly (string | null)[], kind: 'assigned' | 'ended' | 'concluded', reasonZh?: string) => {
  const text = {
    assigned: { zh: `您受邀评审安全评价申请 ${what(e)}`, en: `You are asked to review safety evaluation ${e.code}` },
    ended: { zh: `您不再评审安全评价申请 ${e.code}${reasonZh ? `：${reasonZh.slice(0, 60)}` : ''}`, en: `You no longer review safety evaluation ${e.code}` },
    concluded: { zh: `您评审的安全评价申请 ${what(e)} 已出结论`, en: `Safety evaluation ${e.code} you reviewed is concluded` },
  }[kind];
  return notifyMany(trx, userIds.filter((u): u is string => !!u).map((userId): NotificationInput => ({
    userId, kind: `safety.review.${kind}`, link: link(e.id), dedupeKey: `safety.review.${kind}:${e.id}:${userId}:${randomUUID()}`, titleZh: text.zh, titleEn: text.en,
  })));
};
