import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import type { ChallengeDeps } from './index.js';
import { aggregate, rubricOf, scoreProblems, weightedTotal, type ScoreInput } from './model/scoring.js';
import { LIVE_ASSIGNMENT } from './model/reviews.js';
import { reviewerApplicationView } from './reviews.blind.js';
import { notifyMany } from '../supervision/notifications.js';
import { notFoundAssignment } from './reviews.service.js';
import { challengeViewerOf } from './viewer.js';

const STRINGS = (o: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(o ?? {}).filter(([, x]) => typeof x === 'string' && x.trim()).map(([k, x]) => [k, (x as string).trim()]));

/**
 * The reviewer's workbench (评审工作台): an expert sees only its own live assignments; reads the
 * application (blind where the challenge is); scores by rubric with a draft it may save, and
 * submits (then locked); declines with a reason, or declares a conflict of interest (recorded on
 * its expert record, the assignment released). Another reviewer's scores stay out of sight until
 * it has submitted its own; after that it sees the panel's spread — the other totals and the
 * aggregate, without names or comments.
 */
export function reviewDeskService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  /** The caller's own live assignment with its challenge; anything else (another's, a released one) is not found. */
  async function mine(ctx: Ctx, id: string) {
    const v = await challengeViewerOf(db, ctx);
    if (!v.expertId) throw notFoundAssignment();
    const a = await db.selectFrom('reviewAssignment').selectAll().where('id', '=', id).where('expertId', '=', v.expertId)
      .where('status', 'in', [...LIVE_ASSIGNMENT]).executeTakeFirst();
    if (!a) throw notFoundAssignment();
    const c = await db.selectFrom('challenge').selectAll().where('id', '=', a.challengeId).executeTakeFirstOrThrow();
    return { v, a, c };
  }

  /** Scores change while the reviewer's assignment is open and the challenge under review. */
  function requireOpen(a: { status: string }, c: { status: string; code: string }) {
    if (a.status === 'submitted') throw conflict('评分已提交，不能修改', 'The scores are submitted and locked', [{ path: '/status', message: '已提交（submitted）' }]);
    if (c.status !== 'review') throw conflict(`榜单 ${c.code} 已结束评审`, `Challenge ${c.code} is no longer under review`, [{ path: '/status', message: '评审已结束（review closed）' }]);
  }

  /** Another reviewer's submitted totals, after one's own submission only. */
  async function panelFor(a: { id: string; applicationId: string; status: string }) {
    if (a.status !== 'submitted') return null;
    const rows = await db.selectFrom('reviewAssignment').select(['id', 'total']).where('applicationId', '=', a.applicationId).where('status', '=', 'submitted').execute();
    const totals = rows.map((r) => r.total!).sort((x, y) => y - x);
    return { others: rows.filter((r) => r.id !== a.id).map((r) => r.total!).sort((x, y) => y - x), ...aggregate(totals) };
  }

  const tellOrganiser = (c: { id: string; code: string; organiserId: string | null }, kind: string, key: string, titleZh: string, titleEn: string) =>
    c.organiserId ? [{ organisationId: c.organiserId, kind, link: `/challenges/${c.id}/review`, dedupeKey: `${kind}:${key}`, titleZh, titleEn }] : [];

  return {
    /** The caller's assignments (assigned and submitted), newest first, application titles as the reviewer may read them. */
    async list(ctx: Ctx) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.expertId) return { total: 0, items: [] };
      const rows = await db.selectFrom('reviewAssignment as r').innerJoin('challenge as c', 'c.id', 'r.challengeId').innerJoin('application as a', 'a.id', 'r.applicationId')
        .select(['r.id', 'r.status', 'r.total', 'r.submittedAt', 'r.assignedAt', 'r.applicationId', 'c.id as challengeId', 'c.code as challengeCode', 'c.titleZh as challengeTitleZh', 'c.status as challengeStatus', 'c.blind', 'a.code as applicationCode'])
        .where('r.expertId', '=', v.expertId).where('r.status', 'in', [...LIVE_ASSIGNMENT]).orderBy('r.assignedAt', 'desc').orderBy('a.code').execute();
      const items = await Promise.all(rows.map(async ({ applicationId, ...r }) => ({ ...r, applicationTitleZh: (await reviewerApplicationView(db, applicationId, r.blind)).titleZh })));
      return { total: items.length, items };
    },

    /** One assignment: the challenge's goals, indicators and rubric, the application (blind where set), the caller's scores, and the panel after submission. */
    async get(ctx: Ctx, id: string) {
      const { a, c } = await mine(ctx, id);
      const indicators = await db.selectFrom('challengeIndicator').select(['nameZh', 'comparator', 'targetValue', 'unit', 'methodZh']).where('challengeId', '=', c.id).orderBy('position').execute();
      return {
        id: a.id, status: a.status, scores: a.scores, criterionComments: a.criterionComments, commentZh: a.commentZh, total: a.total, submittedAt: a.submittedAt,
        challenge: { id: c.id, code: c.code, titleZh: c.titleZh, summaryZh: c.summaryZh, fields: c.fields, mode: c.mode, fundingWan: c.fundingWan, durationMonths: c.durationMonths, blind: c.blind, status: c.status, indicators },
        rubric: rubricOf(c.rubric),
        application: await reviewerApplicationView(db, a.applicationId, c.blind),
        panel: await panelFor(a),
      };
    },

    /** Saves draft scores (any criteria, the comment optional); the running total is the server's. */
    async save(ctx: Ctx, id: string, input: ScoreInput) {
      const { a, c } = await mine(ctx, id);
      requireOpen(a, c);
      const rubric = rubricOf(c.rubric);
      const merged = { scores: { ...(a.scores as object), ...(input.scores ?? {}) }, criterionComments: { ...(a.criterionComments as object), ...STRINGS(input.criterionComments) }, commentZh: input.commentZh !== undefined ? input.commentZh?.trim() || null : a.commentZh };
      const p = scoreProblems(rubric, merged, false);
      if (p.length) throw invalid(p);
      const scores = Object.fromEntries(Object.entries(merged.scores).filter(([, x]) => x !== null && x !== undefined)) as Record<string, number>;
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('reviewAssignment').set({ scores: JSON.stringify(scores), criterionComments: JSON.stringify(merged.criterionComments), commentZh: merged.commentZh, total: weightedTotal(rubric, scores), updatedAt: d.now() })
          .where('id', '=', a.id).where('status', '=', 'assigned').returning(['id', 'status', 'scores', 'criterionComments', 'commentZh', 'total']).executeTakeFirst();
        if (!row) throw conflict('评分已提交或评审已撤销', 'The review was submitted or withdrawn meanwhile', [{ path: '/status', message: '状态已变更（changed）' }]);
        await audit(trx, ctx, { action: 'challenges.review.save', entityType: 'review_assignment', entityId: a.id, summary: '保存评分草稿（saved draft scores）', after: { scores, total: row.total } });
        return row;
      });
    },

    /** Submits: every criterion scored, a comment; the weighted total computed here; then locked. A body's scores are saved with it. */
    async submit(ctx: Ctx, id: string, input: Partial<ScoreInput> = {}) {
      const { a, c } = await mine(ctx, id);
      requireOpen(a, c);
      const rubric = rubricOf(c.rubric);
      const merged = {
        scores: { ...(a.scores as object), ...(input.scores ?? {}) } as Record<string, unknown>,
        criterionComments: { ...(a.criterionComments as object), ...STRINGS(input.criterionComments) },
        commentZh: input.commentZh !== undefined ? input.commentZh?.trim() || null : a.commentZh,
      };
      const p = scoreProblems(rubric, merged, true);
      if (p.length) throw invalid(p);
      const scores = merged.scores as Record<string, number>;
      const total = weightedTotal(rubric, scores);
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('reviewAssignment').set({
          status: 'submitted', scores: JSON.stringify(scores), criterionComments: JSON.stringify(merged.criterionComments), commentZh: merged.commentZh, total, submittedAt: d.now(), updatedAt: d.now(),
        }).where('id', '=', a.id).where('status', '=', 'assigned').returning(['id', 'status', 'total', 'submittedAt']).executeTakeFirst();
        if (!row) throw conflict('评分已提交或评审已撤销', 'The review was submitted or withdrawn meanwhile', [{ path: '/status', message: '状态已变更（changed）' }]);
        await audit(trx, ctx, { action: 'challenges.review.submit', entityType: 'review_assignment', entityId: a.id, summary: `提交评分 ${total}（submitted scores）`, after: { scores, total, commentZh: merged.commentZh } });
        return row;
      });
    },

    /** Declines with a reason; the organisers are told and replace the reviewer. */
    async decline(ctx: Ctx, id: string, input: { reasonZh: string }) {
      const { a, c } = await mine(ctx, id);
      requireOpen(a, c);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '谢绝评审须说明理由（say why you decline）' }]);
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('reviewAssignment').set({ status: 'declined', endReasonZh: reason, endedAt: d.now(), updatedAt: d.now() })
          .where('id', '=', a.id).where('status', '=', 'assigned').returning(['id', 'status', 'endReasonZh']).executeTakeFirst();
        if (!row) throw conflict('评分已提交或评审已撤销', 'The review was submitted or withdrawn meanwhile', [{ path: '/status', message: '状态已变更（changed）' }]);
        await audit(trx, ctx, { action: 'challenges.review.decline', entityType: 'review_assignment', entityId: a.id, summary: '专家谢绝评审（a reviewer declined）', before: { status: 'assigned' }, after: { status: 'declined', reasonZh: reason } });
        await notifyMany(trx, tellOrganiser(c, 'challenges.review.declined', a.id, `榜单 ${c.code} 有评审专家谢绝评审，请更换`, `A reviewer declined on challenge ${c.code}; replace them`));
        return row;
      });
    },

    /**
     * Declares a conflict of interest with the application: recorded on the expert's own record
     * (with the lead organisation, so no later challenge assigns it there either) and the
     * assignment released; the organisers are told.
     */
    async declareConflict(ctx: Ctx, id: string, input: { noteZh: string }) {
      const { v, a, c } = await mine(ctx, id);
      requireOpen(a, c);
      const note = input.noteZh?.trim();
      if (!note) throw invalid([{ path: '/noteZh', message: '请说明利益冲突的情况（describe the conflict）' }]);
      const app = await db.selectFrom('application').select(['leadOrganisationId']).where('id', '=', a.applicationId).executeTakeFirstOrThrow();
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('reviewAssignment').set({ status: 'conflict', endReasonZh: `本人声明利益冲突：${note}`, endedAt: d.now(), updatedAt: d.now() })
          .where('id', '=', a.id).where('status', '=', 'assigned').returning(['id', 'status', 'endReasonZh']).executeTakeFirst();
        if (!row) throw conflict('评分已提交或评审已撤销', 'The review was submitted or withdrawn meanwhile', [{ path: '/status', message: '状态已变更（changed）' }]);
        const declared = await trx.insertInto('expertConflict').values({
          expertId: v.expertId!, organisationId: app.leadOrganisationId, noteZh: note, declaredAt: d.now(), declaredBy: v.userId, fromBlindReview: c.blind,
        }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'challenges.review.declareConflict', entityType: 'review_assignment', entityId: a.id, summary: '专家声明利益冲突并回避（a reviewer declared a conflict）', before: { status: 'assigned' }, after: { status: 'conflict', expertConflictId: declared.id, noteZh: note } });
        await notifyMany(trx, tellOrganiser(c, 'challenges.review.conflict', a.id, `榜单 ${c.code} 有评审专家声明利益冲突，请更换`, `A reviewer declared a conflict on challenge ${c.code}; replace them`));
        return row;
      });
    },
  };
}
