import type { Transaction } from 'kysely';
import { assign, checkAssignment, conflictsOf, normaliseField, type Expert } from '@cq-biomfg/assign';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { tokensOf } from '../../platform/search/segmenter.js';
import { conflictDetail, nameConflict, withRoom } from '../talent/model/conflicts.js';
import type { SafetyDeps } from './index.js';
import { LIVE_REVIEW } from './model/labels.js';
import { MAX_FIELDS } from './model/evaluations.js';
import { loadEvaluation, type EvaluationRow } from './evaluations.store.js';
import { changedMeanwhile, detail, lockState, notFoundEvaluation, requireMove, tellReviewers } from './evaluations.shared.js';
import { loadSafetyPool, type ExpertInfo, type SafetyPool } from './reviewers.pool.js';
import { requireBody, safetyViewerOf } from './viewer.js';

export const DEFAULT_REVIEWERS = 3;
export const MAX_REVIEWERS = 9;
export const notFoundReview = () => notFound('评审记录不存在', 'Review not found');

type Chosen = { expertId: string; source: 'proposal' | 'manual'; fit: number | null; shared: string[] };

/** The keywords an expert shares with the evaluation, as the evaluation spells them. */
const sharedWith = (fields: readonly string[], e: Expert) => {
  const mine = new Set(e.fields.map(normaliseField));
  return fields.filter((f) => mine.has(normaliseField(f)));
};

/**
 * Reviewers of an evaluation (评审专家), chosen by the body from the expert pool: an automatic
 * proposal of N experts by field keywords, conflict-free against the applicant organisation
 * (same organisation, declared conflicts, joint publications and projects: @cq-biomfg/assign),
 * with every expert ruled out and why; the body assigns the proposal or its own choice (a
 * conflict answers 409 naming it), replaces a reviewer (with a reason) by the one named or the
 * engine's next best, or removes one who has not submitted. Reviewers are told in their inbox.
 */
export function reviewersService(database: Database, d: SafetyDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  async function forBody(ctx: Ctx, id: string) {
    const v = await safetyViewerOf(db, ctx);
    requireBody(v);
    const e = await loadEvaluation(db, id);
    if (!e || e.state === 'draft') throw notFoundEvaluation();
    return { v, e };
  }

  /** Experts on this evaluation now or before: none of them is proposed or assigned again. */
  const everOn = async (q: typeof db | Transaction<DB>, evaluationId: string) =>
    q.selectFrom('safetyReview').select(['expertId', 'status']).where('evaluationId', '=', evaluationId).execute();

  /** The engine's best `need` experts for the evaluation, from those never on it and with room under their own cap. */
  function propose(pool: SafetyPool, ever: ReadonlySet<string>, need: number) {
    if (need < 1) return { reviewers: [], shortfall: undefined };
    const [a] = assign([pool.application], withRoom(pool.experts.filter((x) => !ever.has(x.id)), pool.held), { perApplication: need }).assignments;
    return { reviewers: a.reviewers, shortfall: a.shortfall?.reason };
  }

  /** Experts sharing a keyword with the evaluation who cannot review it, each with every reason. */
  function excluded(pool: SafetyPool, ever: Map<string, string>) {
    const keys = new Set(pool.application.fields.map(normaliseField));
    const out: (Omit<ExpertInfo, 'userId'> & { reasons: { kind: string; zh: string; en: string }[] })[] = [];
    for (const x of pool.experts) {
      if (!x.fields.some((f) => keys.has(normaliseField(f)))) continue;
      const reasons = conflictsOf(x, pool.application).map((c) => nameConflict(c, pool.names)).map((c): { kind: string; zh: string; en: string } => ({ kind: c.kind, zh: `【${c.kindZh}】${c.reasonZh}`, en: `${c.kindEn}: ${c.reasonEn}` }));
      if (x.available === false) reasons.push({ kind: 'unavailable', zh: '本人暂不可参评', en: 'unavailable for review' });
      const status = ever.get(x.id);
      if (status) reasons.push({ kind: 'alreadyOn', zh: (LIVE_REVIEW as readonly string[]).includes(status) ? '已是本评价的评审专家' : '曾退出本评价的评审', en: (LIVE_REVIEW as readonly string[]).includes(status) ? 'already reviews it' : 'left its review before' });
      if (x.maxLoad && (pool.held.get(x.id) ?? 0) >= x.maxLoad) reasons.push({ kind: 'atCapacity', zh: `评审量已满（${x.maxLoad} 件）`, en: `at their cap of ${x.maxLoad}` });
      if (reasons.length) {
        const { userId: _u, ...info } = pool.info.get(x.id)!;
        out.push({ ...info, reasons });
      }
    }
    return out;
  }

  /** A chosen expert, checked: in the pool (has an account), available, never on the evaluation, no conflict with the applicant. */
  function checkChoice(pool: SafetyPool, ever: ReadonlyMap<string, string>, expertId: string, path: string) {
    const x = pool.experts.find((y) => y.id === expertId);
    const info = pool.info.get(expertId);
    if (!x || !info) throw invalid([{ path, message: '专家不存在或尚未开通账号，无法登录评审（no such expert, or the expert has no account to review with）' }]);
    if (!info.available) throw conflict(`专家 ${info.nameZh} 暂不可参评`, `${info.nameZh} is unavailable for review`, [{ path, message: '专家不可参评（unavailable）' }]);
    if (ever.has(expertId)) throw conflict(`专家 ${info.nameZh} 已在或曾在本评价的评审中`, `${info.nameZh} is or was on this evaluation's review`, [{ path, message: '已分配过（assigned before）' }]);
    const conflicts = checkAssignment(x, pool.application).map((c) => nameConflict(c, pool.names));
    if (conflicts.length) {
      throw conflict(
        `专家 ${info.nameZh} 与申请单位存在利益冲突，不能评审：${conflicts.map((c) => `【${c.kindZh}】${c.reasonZh}`).join('；')}`,
        `${info.nameZh} has a conflict of interest with the applicant: ${conflicts.map((c) => `${c.kindEn}: ${c.reasonEn}`).join('; ')}`,
        conflicts.map((c) => ({ ...conflictDetail(c), path })),
      );
    }
    return { x, info };
  }

  /** Inserts reviewers inside the caller's transaction; the same expert twice at once is refused by the table. */
  async function insertReviewers(trx: Transaction<DB>, e: EvaluationRow, chosen: Chosen[], assignedBy: string | null) {
    try {
      return await trx.insertInto('safetyReview').values(chosen.map((c) => ({
        evaluationId: e.id, expertId: c.expertId, source: c.source, fit: c.fit, shared: c.shared, assignedBy, assignedAt: d.now(),
      }))).returning(['id', 'expertId']).execute();
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw conflict('所选专家已在本评价的评审中', 'A chosen expert is on this evaluation already', [{ path: '/expertIds', message: '已分配（already assigned）' }]);
      throw err;
    }
  }

  const reread = async (v: Awaited<ReturnType<typeof forBody>>['v'], id: string) => detail(db, d, v, (await loadEvaluation(db, id))!, 'body', today());

  return {
    /**
     * The engine's proposal: enough experts to bring the evaluation to N reviewers, best field fit
     * first, with the keywords each shares; the experts sharing a keyword who are ruled out, and
     * why; and why the proposal falls short, if it does.
     */
    async proposal(ctx: Ctx, id: string, input: { n?: number; fields?: string[] } = {}) {
      const { e } = await forBody(ctx, id);
      requireMove('assign', e.state);
      const n = input.n ?? DEFAULT_REVIEWERS;
      const fields = input.fields?.length ? input.fields : e.fields;
      const [pool, ever] = await Promise.all([loadSafetyPool(db, e, fields), everOn(db, e.id)]);
      const live = ever.filter((r) => (LIVE_REVIEW as readonly string[]).includes(r.status)).length;
      const p = propose(pool, new Set(ever.map((r) => r.expertId)), n - live);
      return {
        evaluationId: e.id, fields, wanted: n, live, need: Math.max(0, n - live),
        reviewers: p.reviewers.map((r) => {
          const { userId: _u, ...info } = pool.info.get(r.expertId)!;
          return { ...info, expertId: r.expertId, fit: r.fit, shared: r.shared };
        }),
        shortfall: p.shortfall ?? null,
        excluded: excluded(pool, new Map(ever.map((r) => [r.expertId, r.status]))),
      };
    },

    /**
     * Assigns the experts named (the proposal as accepted, or the body's own choice), each checked
     * for conflicts; the field keywords may be corrected at the same time. An accepted evaluation
     * goes under review.
     */
    async assign(ctx: Ctx, id: string, input: { expertIds: string[]; fields?: string[] }) {
      const { v, e } = await forBody(ctx, id);
      const ids = [...new Set(input.expertIds ?? [])];
      if (!ids.length) throw invalid([{ path: '/expertIds', message: '请选择评审专家（choose at least one reviewer）' }]);
      const fields = input.fields !== undefined ? [...new Set(input.fields.map((f) => f.trim()).filter(Boolean))] : e.fields;
      if (!fields.length || fields.length > MAX_FIELDS) throw invalid([{ path: '/fields', message: `领域关键词 1–${MAX_FIELDS} 个（1 to ${MAX_FIELDS} field keywords）` }]);
      requireMove('assign', e.state);
      const [pool, everRows] = await Promise.all([loadSafetyPool(db, e, fields), everOn(db, e.id)]);
      const ever = new Map(everRows.map((r) => [r.expertId, r.status]));
      const live = everRows.filter((r) => (LIVE_REVIEW as readonly string[]).includes(r.status)).length;
      if (live + ids.length > MAX_REVIEWERS) throw invalid([{ path: '/expertIds', message: `每项评价至多 ${MAX_REVIEWERS} 位评审专家（at most ${MAX_REVIEWERS} reviewers）` }]);
      // Marked as the proposal's when the engine would choose them for as many places.
      const proposed = new Map(propose(pool, new Set(ever.keys()), ids.length).reviewers.map((r) => [r.expertId, r]));
      const chosen: Chosen[] = ids.map((expertId, i) => {
        const { x } = checkChoice(pool, ever, expertId, `/expertIds/${i}`);
        const p = proposed.get(expertId);
        return p ? { expertId, source: 'proposal', fit: p.fit, shared: p.shared } : { expertId, source: 'manual', fit: null, shared: sharedWith(fields, x) };
      });
      await db.transaction().execute(async (trx) => {
        const changedFields = input.fields !== undefined && fields.join('\u0000') !== e.fields.join('\u0000');
        await lockState(trx, d, e, { state: 'review', ...(changedFields ? { fields, tokens: tokensOf(e.titleZh, fields.join(' ')) } : {}) });
        const rows = await insertReviewers(trx, e, chosen, v.userId);
        await audit(trx, ctx, {
          action: 'safety.review.assign', entityType: 'safetyEvaluation', entityId: e.id,
          summary: `安全评价 ${e.code} 分配评审专家 ${chosen.map((c) => pool.info.get(c.expertId)!.nameZh).join('、')}（assigned ${rows.length} reviewer(s)）`,
          before: { state: e.state, fields: e.fields },
          after: { state: 'review', fields, reviews: rows.map((r) => ({ id: r.id, expertId: r.expertId, source: chosen.find((c) => c.expertId === r.expertId)!.source })) },
        });
        await tellReviewers(trx, e, chosen.map((c) => pool.info.get(c.expertId)!.userId), 'assigned');
      });
      return reread(v, id);
    },

    /**
     * A reviewer who has not submitted (with the reason), or one who declined, is replaced: by the
     * expert named, checked like a choice, or by the engine's best expert never on the evaluation.
     */
    async replace(ctx: Ctx, reviewId: string, input: { reasonZh?: string | null; expertId?: string | null }) {
      const old = await db.selectFrom('safetyReview').selectAll().where('id', '=', reviewId).executeTakeFirst();
      if (!old) throw notFoundReview();
      const { v, e } = await forBody(ctx, old.evaluationId);
      requireMove('assign', e.state);
      if (!(old.status === 'assigned' || old.status === 'declined') || old.replacedBy)
        throw conflict('只有未提交或已谢绝、且尚未更换的评审可以更换', 'Only a review not submitted, or declined, and not replaced yet, can be replaced', [{ path: '/status', message: `当前状态 ${old.status}${old.replacedBy ? '（已更换 replaced）' : ''}` }]);
      const reason = input.reasonZh?.trim() || null;
      if (old.status === 'assigned' && !reason) throw invalid([{ path: '/reasonZh', message: '更换在评专家须说明理由（say why a reviewer is replaced）' }]);
      const [pool, everRows] = await Promise.all([loadSafetyPool(db, e, e.fields), everOn(db, e.id)]);
      const ever = new Map(everRows.map((r) => [r.expertId, r.status]));
      let chosen: Chosen;
      if (input.expertId) {
        const { x } = checkChoice(pool, ever, input.expertId, '/expertId');
        chosen = { expertId: input.expertId, source: 'manual', fit: null, shared: sharedWith(e.fields, x) };
      } else {
        const p = propose(pool, new Set(ever.keys()), 1);
        if (!p.reviewers.length) {
          const why = p.shortfall ?? { zh: '没有可用专家', en: 'no expert available' };
          throw conflict(`未找到可替换的专家：${why.zh}`, `No replacement found: ${why.en}`, [{ path: '/expertId', message: `${why.zh}（${why.en}）` }]);
        }
        chosen = { expertId: p.reviewers[0].expertId, source: 'proposal', fit: p.reviewers[0].fit, shared: p.reviewers[0].shared };
      }
      await db.transaction().execute(async (trx) => {
        await lockState(trx, d, e);
        const [row] = await insertReviewers(trx, e, [chosen], v.userId);
        const ended = await trx.updateTable('safetyReview').set({ replacedBy: row.id, ...(old.status === 'assigned' ? { status: 'replaced' as const, endReasonZh: reason, endedAt: d.now() } : {}) })
          .where('id', '=', old.id).where('status', '=', old.status).where('replacedBy', 'is', null).executeTakeFirst();
        if (!ended.numUpdatedRows) throw changedMeanwhile();
        await audit(trx, ctx, {
          action: 'safety.review.replace', entityType: 'safetyReview', entityId: old.id, summary: `安全评价 ${e.code} 更换评审专家为 ${pool.info.get(chosen.expertId)!.nameZh}（replaced a reviewer）`,
          before: { expertId: old.expertId, status: old.status }, after: { expertId: chosen.expertId, replacedBy: row.id, reasonZh: reason ?? old.endReasonZh },
        });
        await tellReviewers(trx, e, [pool.info.get(chosen.expertId)!.userId], 'assigned');
        if (old.status === 'assigned') {
          const u = await trx.selectFrom('expert').select('userId').where('id', '=', old.expertId).executeTakeFirst();
          await tellReviewers(trx, e, [u?.userId ?? null], 'ended', reason ?? undefined);
        }
      });
      return reread(v, e.id);
    },

    /** A reviewer who has not submitted is taken off, with the reason; a submitted review stands. */
    async remove(ctx: Ctx, reviewId: string, input: { reasonZh: string }) {
      const old = await db.selectFrom('safetyReview').selectAll().where('id', '=', reviewId).executeTakeFirst();
      if (!old) throw notFoundReview();
      const { v, e } = await forBody(ctx, old.evaluationId);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '撤销评审须说明理由（say why the reviewer is removed）' }]);
      requireMove('assign', e.state);
      if (old.status !== 'assigned') throw conflict('只能撤销尚未提交意见的评审', 'Only a review not yet submitted can be removed', [{ path: '/status', message: `当前状态 ${old.status}` }]);
      await db.transaction().execute(async (trx) => {
        await lockState(trx, d, e);
        const done = await trx.updateTable('safetyReview').set({ status: 'removed', endReasonZh: reason, endedAt: d.now() }).where('id', '=', old.id).where('status', '=', 'assigned').executeTakeFirst();
        if (!done.numUpdatedRows) throw changedMeanwhile();
        await audit(trx, ctx, { action: 'safety.review.remove', entityType: 'safetyReview', entityId: old.id, summary: `安全评价 ${e.code} 撤销评审专家（removed a reviewer）`, before: { status: 'assigned', expertId: old.expertId }, after: { status: 'removed', reasonZh: reason } });
        const u = await trx.selectFrom('expert').select('userId').where('id', '=', old.expertId).executeTakeFirst();
        await tellReviewers(trx, e, [u?.userId ?? null], 'ended', reason);
      });
      return reread(v, e.id);
    },
  };
}

export type ReviewersService = ReturnType<typeof reviewersService>;
