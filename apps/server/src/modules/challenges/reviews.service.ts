import { sql, type Kysely, type Transaction } from 'kysely';
import { assign, checkAssignment, type Application, type AssignResult, type Expert } from '@cq-biomfg/assign';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import type { NotificationInput } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { mayRun } from './viewer.js';
import { withRoom } from './model/reviews.js';
import { conflictDetail, LIVE_ASSIGNMENT, nameConflict, type NamedConflict } from './model/reviews.js';
import { loadPool } from './reviews.pool.js';
import { notifyMany } from '../supervision/notifications.js';
import { challengeViewerOf, requireOrganiser } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;

/** A text[] literal ({"a","b"}), for rows passed as JSON. */
const textArray = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, (m) => `\\${m}`)}"`).join(',')}}`;

export const notFoundChallenge = () => notFound('榜单不存在', 'Challenge not found');
export const notFoundApplication = () => notFound('申报不存在', 'Application not found');
export const notFoundAssignment = () => notFound('评审分配不存在', 'Assignment not found');

/** Reviewers are assigned, replaced and removed while the challenge is under review. */
export function requireUnderReview(c: { status: string; code: string }) {
  if (c.status !== 'review') throw conflict(`榜单 ${c.code} 不在评审阶段，不能调整评审专家`, `Challenge ${c.code} is not under review; its reviewers cannot change`, [{ path: '/status', message: '榜单不在评审阶段（the challenge is not under review）' }]);
}

/** The organiser who runs this challenge: the task force, or the department that posted it. Others 403; a draft is not found. */
export async function runnerOf(db: Kysely<DB>, ctx: Ctx, challengeId: string) {
  const v = await challengeViewerOf(db, ctx);
  requireOrganiser(v);
  const c = await db.selectFrom('challenge').selectAll().where('id', '=', challengeId).executeTakeFirst();
  if (!c) throw notFoundChallenge();
  if (!mayRun(v, c)) throw forbidden('只有发榜单位或工作专班可以操作此榜单', 'Only the posting organisation or the task force may run this challenge');
  return { v, c };
}

const live = (q: Q) => q.selectFrom('reviewAssignment').where('status', 'in', [...LIVE_ASSIGNMENT]);

const assignedNotice = (userId: string, challenge: { id: string; code: string; titleZh: string }, count: number, key: string): NotificationInput => ({
  userId, kind: 'challenges.review.assigned', link: '/challenges/review', dedupeKey: `challenges.review.assigned:${challenge.id}:${key}`,
  titleZh: `您受邀评审榜单 ${challenge.code}「${challenge.titleZh.slice(0, 40)}」的 ${count} 份申报`, titleEn: `You are asked to review ${count} application${count === 1 ? '' : 's'} to challenge ${challenge.code}`,
});

/**
 * Reviewer assignment (评审专家分配) for a challenge under review: automatic, N experts per
 * eligible application by field keywords with conflicts of interest avoided (the
 * @cq-biomfg/assign engine); manual, one expert to one application (a conflict answers 409 naming
 * it); replacement of a reviewer who declined or turned out to have a conflict; removal of one
 * who has not submitted. Reviewers are told in their inbox.
 */
export function reviewsService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  async function loadApplication(id: string, q: Q = db) {
    const a = await q.selectFrom('application').select(['id', 'code', 'challengeId', 'status', 'leadOrganisationId']).where('id', '=', id).executeTakeFirst();
    if (!a) throw notFoundApplication();
    return a;
  }

  async function loadAssignment(id: string, q: Q = db) {
    const a = await q.selectFrom('reviewAssignment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a) throw notFoundAssignment();
    return a;
  }

  const expertUser = async (q: Q, expertIds: readonly string[]) => new Map((expertIds.length
    ? await q.selectFrom('expert').select(['id', 'userId', 'nameZh', 'code']).where('id', 'in', [...expertIds]).execute() : []).map((e) => [e.id, e] as const));

  /** The conflicts between one expert and one application, with names: empty when the assignment may stand. */
  async function conflictsBetween(q: Q, expertId: string, applicationId: string): Promise<NamedConflict[]> {
    const pool = await loadPool(q, { applicationId, expertId });
    const [app] = pool.applications;
    const [expert] = pool.experts;
    if (!app || !expert) return [];
    return checkAssignment(expert, app).map((c) => nameConflict(c, pool.names));
  }

  /** A manual choice, checked: the expert exists, has an account, is available, is not on the application and never left it. */
  async function checkManual(q: Q, expertId: string, app: { id: string; code: string }) {
    const e = await q.selectFrom('expert').select(['id', 'nameZh', 'userId', 'available']).where('id', '=', expertId).executeTakeFirst();
    if (!e) throw invalid([{ path: '/expertId', message: '专家不存在（no such expert）' }]);
    if (!e.userId) throw invalid([{ path: '/expertId', message: `专家 ${e.nameZh} 尚未开通账号，无法登录评审（the expert has no account to review with）` }]);
    if (!e.available) throw conflict(`专家 ${e.nameZh} 本轮不可参评`, `${e.nameZh} is unavailable for review`, [{ path: '/expertId', message: '专家不可参评（unavailable）' }]);
    const before = await q.selectFrom('reviewAssignment').select(['status', 'endReasonZh']).where('applicationId', '=', app.id).where('expertId', '=', expertId).orderBy('assignedAt', 'desc').executeTakeFirst();
    if (before && (LIVE_ASSIGNMENT as readonly string[]).includes(before.status))
      throw conflict(`专家 ${e.nameZh} 已在评审申报 ${app.code}`, `${e.nameZh} already reviews ${app.code}`, [{ path: '/expertId', message: '已分配（already assigned）' }]);
    if (before && before.status !== 'removed')
      throw conflict(`专家 ${e.nameZh} 已退出申报 ${app.code} 的评审（${before.endReasonZh ?? before.status}），不能再分配`, `${e.nameZh} left the review of ${app.code} and cannot be assigned to it again`, [{ path: '/expertId', message: `已退出（left: ${before.status}）` }]);
    const conflicts = await conflictsBetween(q, expertId, app.id);
    if (conflicts.length) {
      throw conflict(
        `专家 ${e.nameZh} 与申报 ${app.code} 存在利益冲突，不能分配：${conflicts.map((c) => `【${c.kindZh}】${c.reasonZh}`).join('；')}`,
        `${e.nameZh} has a conflict of interest with ${app.code}: ${conflicts.map((c) => `${c.kindEn}: ${c.reasonEn}`).join('; ')}`,
        conflicts.map(conflictDetail),
      );
    }
    return e;
  }

  /** Who is on, or has been on, each application of the challenge; and how many live reviews each expert holds in it. */
  async function historyOf(q: Q, challengeId: string) {
    const rows = await q.selectFrom('reviewAssignment').select(['applicationId', 'expertId', 'status']).where('challengeId', '=', challengeId).execute();
    const byApp = new Map<string, { ever: Set<string>; live: number }>();
    const load = new Map<string, number>();
    for (const r of rows) {
      const h = byApp.get(r.applicationId) ?? byApp.set(r.applicationId, { ever: new Set(), live: 0 }).get(r.applicationId)!;
      h.ever.add(r.expertId);
      if ((LIVE_ASSIGNMENT as readonly string[]).includes(r.status)) {
        h.live++;
        load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
      }
    }
    return { byApp, load };
  }

  /**
   * The engine's answer for a challenge: applications never assigned go in one call (N each);
   * one left short after a decline or removal gets the places missing, from experts never on it.
   * Each call sees the reviews already held, so no expert's own cap is passed across calls.
   */
  function plan(apps: Application[], experts: Expert[], n: number, history: Awaited<ReturnType<typeof historyOf>>) {
    const load = new Map(history.load);
    const took = (assignments: AssignResult['assignments']) => {
      for (const a of assignments) for (const r of a.reviewers) load.set(r.expertId, (load.get(r.expertId) ?? 0) + 1);
      return assignments;
    };
    const fresh = apps.filter((a) => !history.byApp.has(a.id));
    const results: AssignResult['assignments'] = [];
    if (fresh.length) results.push(...took(assign(fresh, withRoom(experts, load), { perApplication: n }).assignments));
    for (const a of apps) {
      const h = history.byApp.get(a.id);
      if (!h || h.live >= n) continue;
      results.push(...took(assign([a], withRoom(experts.filter((e) => !h.ever.has(e.id)), load), { perApplication: n - h.live }).assignments));
    }
    return results;
  }

  return {
    /**
     * Automatic assignment: every eligible application gets up to N reviewers (the challenge's
     * reviewers_per_application), by field keywords, with no conflict of interest; places the
     * engine cannot fill are shown with its reasons. Run again, it only fills what is missing.
     */
    async autoAssign(ctx: Ctx, challengeId: string) {
      const { v, c } = await runnerOf(db, ctx, challengeId);
      requireUnderReview(c);
      return db.transaction().execute(async (trx) => {
        // One run at a time per challenge: a second waits and then finds the places filled.
        await sql`select pg_advisory_xact_lock(hashtext(${`review-assign:${c.id}`}))`.execute(trx);
        const pool = await loadPool(trx, { challengeId: c.id });
        if (!pool.applications.length) throw conflict('没有通过形式审查的申报，无需分配评审专家', 'No application has passed the formal check; there is nobody to review', [{ path: '/applications', message: '无合格申报（no eligible application）' }]);
        const history = await historyOf(trx, c.id);
        const results = plan(pool.applications, pool.experts, c.reviewersPerApplication, history);
        const now = d.now();
        const rows = results.flatMap((r) => r.reviewers.map((x) => ({ applicationId: r.applicationId, expertId: x.expertId, fit: x.fit, shared: x.shared })));
        // One statement for thousands of rows: one JSON parameter rather than ten per row.
        if (rows.length) await sql`
          insert into review_assignment (challenge_id, application_id, expert_id, source, fit, shared, assigned_by, assigned_at, updated_at)
          select ${c.id}::uuid, x.application_id, x.expert_id, 'auto', x.fit, x.shared, ${v.userId}::uuid, ${now}::timestamptz, ${now}::timestamptz
          from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ application_id: r.applicationId, expert_id: r.expertId, fit: r.fit, shared: textArray(r.shared) })))}::jsonb)
            as x(application_id uuid, expert_id uuid, fit numeric, shared text[])`.execute(trx);
        const shortfalls = results.filter((r) => r.shortfall).map((r) => ({
          applicationId: r.applicationId, code: pool.codeOf.get(r.applicationId), missing: r.shortfall!.missing, eligibleExperts: r.shortfall!.eligible,
          ruledOut: r.shortfall!.ruledOut, reasonZh: r.shortfall!.reason.zh, reasonEn: r.shortfall!.reason.en,
        }));
        await audit(trx, ctx, {
          action: 'challenges.review.assign', entityType: 'challenge', entityId: c.id,
          summary: `榜单 ${c.code} 自动分配评审专家 ${rows.length} 人次，${shortfalls.length} 份申报缺专家（assigned ${rows.length} reviewer places, ${shortfalls.length} applications short）`,
          after: { assigned: rows.map((r) => [r.applicationId, r.expertId]), shortfalls: shortfalls.map((s) => [s.applicationId, s.missing]) },
        });
        const perExpert = new Map<string, number>();
        for (const r of rows) perExpert.set(r.expertId, (perExpert.get(r.expertId) ?? 0) + 1);
        await notifyMany(trx, [...perExpert].map(([e, k]) => assignedNotice(pool.userOf.get(e)!, c, k, `${e}:${now.toISOString()}`)));
        return {
          challengeId: c.id, applications: pool.applications.length, assigned: rows.length, reviewersPerApplication: c.reviewersPerApplication,
          complete: pool.applications.length - shortfalls.length, shortfalls,
        };
      });
    },

    /** One expert to one application, chosen by the organiser: a conflict of interest answers 409 naming it. */
    async assignOne(ctx: Ctx, applicationId: string, input: { expertId: string }) {
      const app = await loadApplication(applicationId);
      const { v, c } = await runnerOf(db, ctx, app.challengeId);
      requireUnderReview(c);
      if (app.status !== 'eligible') throw conflict(`申报 ${app.code} 未通过形式审查或已不在评审中`, `Application ${app.code} is not eligible for review`, [{ path: '/status', message: '申报不在评审中（not under review）' }]);
      const e = await checkManual(db, input.expertId, app);
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('reviewAssignment').values({
          challengeId: c.id, applicationId: app.id, expertId: e.id, source: 'manual', assignedBy: v.userId, assignedAt: d.now(), updatedAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow().catch((err: { code?: string }) => {
          // The same expert assigned twice at once: the live-assignment index keeps one.
          if (err.code === '23505') throw conflict(`专家 ${e.nameZh} 已在评审申报 ${app.code}`, `${e.nameZh} already reviews ${app.code}`, [{ path: '/expertId', message: '已分配（already assigned）' }]);
          throw err;
        });
        await audit(trx, ctx, { action: 'challenges.review.assignOne', entityType: 'review_assignment', entityId: row.id, summary: `为申报 ${app.code} 指定评审专家 ${e.nameZh}（assigned a reviewer）`, after: { applicationId: app.id, expertId: e.id } });
        await notifyMany(trx, [assignedNotice(e.userId!, c, 1, row.id)]);
        return row;
      });
    },

    /**
     * A reviewer who declined, or whose conflict came to light (a live assignment, which is then
     * closed as a conflict with the reason), is replaced: by the expert named, checked like a
     * manual assignment, or by the engine's best expert never on the application.
     */
    async replace(ctx: Ctx, assignmentId: string, input: { reasonZh?: string | null; expertId?: string | null }) {
      const old = await loadAssignment(assignmentId);
      const { v, c } = await runnerOf(db, ctx, old.challengeId);
      requireUnderReview(c);
      const app = await loadApplication(old.applicationId);
      if (old.status === 'submitted' || old.status === 'removed' || old.replacedBy)
        throw conflict('已提交评分、已撤销或已被替换的评审不能再替换', 'A submitted, removed or already replaced review cannot be replaced', [{ path: '/status', message: `当前状态 ${old.status}${old.replacedBy ? '（已替换 replaced）' : ''}` }]);
      const reason = input.reasonZh?.trim();
      if (old.status === 'assigned' && !reason) throw invalid([{ path: '/reasonZh', message: '替换在评专家须说明理由（say why a reviewer is replaced）' }]);
      let chosen: { expertId: string; fit: number | null; shared: string[]; source: 'replacement' };
      if (input.expertId) {
        await checkManual(db, input.expertId, app);
        chosen = { expertId: input.expertId, fit: null, shared: [], source: 'replacement' };
      } else {
        const pool = await loadPool(db, { applicationId: app.id });
        const ever = new Set((await db.selectFrom('reviewAssignment').select('expertId').where('applicationId', '=', app.id).execute()).map((r) => r.expertId));
        const [r] = assign(pool.applications, pool.experts.filter((e) => !ever.has(e.id)), { perApplication: 1 }).assignments;
        if (!r?.reviewers.length) {
          const why = r?.shortfall?.reason ?? { zh: '没有可用专家', en: 'no expert available' };
          throw conflict(`未找到可替换的专家：${why.zh}`, `No replacement found: ${why.en}`, [{ path: '/expertId', message: `${why.zh}（${why.en}）` }]);
        }
        chosen = { expertId: r.reviewers[0].expertId, fit: r.reviewers[0].fit, shared: r.reviewers[0].shared, source: 'replacement' };
      }
      return db.transaction().execute(async (trx) => {
        const now = d.now();
        const row = await trx.insertInto('reviewAssignment').values({
          challengeId: c.id, applicationId: app.id, expertId: chosen.expertId, source: chosen.source, fit: chosen.fit, shared: chosen.shared,
          assignedBy: v.userId, assignedAt: now, updatedAt: now,
        }).returningAll().executeTakeFirstOrThrow();
        const ended = await trx.updateTable('reviewAssignment').set({
          replacedBy: row.id, updatedAt: now,
          ...(old.status === 'assigned' ? { status: 'conflict' as const, endReasonZh: reason, endedAt: now } : {}),
        }).where('id', '=', old.id).where('status', '=', old.status).where('replacedBy', 'is', null).executeTakeFirst();
        if (!ended.numUpdatedRows) throw conflict('评审分配已被他人变更，请刷新后重试', 'The assignment changed meanwhile; reload and try again', [{ path: '/status', message: '状态已变更（changed）' }]);
        await audit(trx, ctx, {
          action: 'challenges.review.replace', entityType: 'review_assignment', entityId: old.id, summary: `申报 ${app.code} 更换评审专家（replaced a reviewer）`,
          before: { expertId: old.expertId, status: old.status }, after: { expertId: chosen.expertId, replacedBy: row.id, reasonZh: reason ?? old.endReasonZh },
        });
        const users = await expertUser(trx, [chosen.expertId, old.expertId]);
        const list: NotificationInput[] = [assignedNotice(users.get(chosen.expertId)!.userId!, c, 1, row.id)];
        const oldUser = users.get(old.expertId)?.userId;
        if (old.status === 'assigned' && oldUser) list.push({
          userId: oldUser, kind: 'challenges.review.released', link: '/challenges/review', dedupeKey: `challenges.review.released:${old.id}`,
          titleZh: `您对申报 ${app.code} 的评审已因利益冲突回避撤销`, titleEn: `Your review of ${app.code} is withdrawn for a conflict of interest`,
        });
        await notifyMany(trx, list);
        return row;
      });
    },

    /** Removal of a reviewer who has not submitted (a draft is discarded with it); a submitted score stands. */
    async unassign(ctx: Ctx, assignmentId: string, input: { reasonZh?: string | null } = {}) {
      const a = await loadAssignment(assignmentId);
      const { c } = await runnerOf(db, ctx, a.challengeId);
      requireUnderReview(c);
      if (a.status !== 'assigned') throw conflict('只能撤销尚未提交评分的评审', 'Only a review not yet submitted can be removed', [{ path: '/status', message: `当前状态 ${a.status}` }]);
      return db.transaction().execute(async (trx) => {
        const now = d.now();
        const row = await trx.updateTable('reviewAssignment').set({ status: 'removed', endReasonZh: input.reasonZh?.trim() || null, endedAt: now, updatedAt: now })
          .where('id', '=', a.id).where('status', '=', 'assigned').returningAll().executeTakeFirst();
        if (!row) throw conflict('评审已提交或已变更', 'The review was submitted or changed meanwhile', [{ path: '/status', message: '状态已变更（changed）' }]);
        await audit(trx, ctx, { action: 'challenges.review.unassign', entityType: 'review_assignment', entityId: a.id, summary: '撤销评审分配（removed a reviewer）', before: { status: 'assigned', expertId: a.expertId }, after: { status: 'removed', reasonZh: row.endReasonZh } });
        const user = (await expertUser(trx, [a.expertId])).get(a.expertId)?.userId;
        if (user) await notifyMany(trx, [{ userId: user, kind: 'challenges.review.removed', link: '/challenges/review', dedupeKey: `challenges.review.removed:${a.id}`, titleZh: `榜单 ${c.code} 的一份评审任务已撤销`, titleEn: `A review for challenge ${c.code} was withdrawn` }]);
        return row;
      });
    },

    /** The challenge's assignments for its organisers: each eligible application with its reviewers (names), their state, and the places missing. */
    async list(ctx: Ctx, challengeId: string) {
      const { c } = await runnerOf(db, ctx, challengeId);
      const apps = await db.selectFrom('application as a').innerJoin('organisation as o', 'o.id', 'a.leadOrganisationId')
        .select(['a.id', 'a.code', 'a.titleZh', 'a.status', 'o.nameZh as leadNameZh'])
        .where('a.challengeId', '=', c.id).where('a.status', 'in', ['eligible', 'proposed', 'awarded', 'unsuccessful']).orderBy('a.code').execute();
      const rows = await db.selectFrom('reviewAssignment as r').innerJoin('expert as e', 'e.id', 'r.expertId')
        .select(['r.id', 'r.applicationId', 'r.expertId', 'r.status', 'r.source', 'r.fit', 'r.shared', 'r.total', 'r.submittedAt', 'r.endReasonZh', 'r.replacedBy', 'r.assignedAt',
          'e.code as expertCode', 'e.nameZh as expertNameZh', 'e.organisationZh as expertOrganisationZh', 'e.titleZh as expertTitleZh'])
        .where('r.challengeId', '=', c.id).orderBy('r.assignedAt').execute();
      const n = c.reviewersPerApplication;
      return {
        challengeId: c.id, code: c.code, status: c.status, reviewersPerApplication: n,
        items: apps.map((a) => {
          const reviewers = rows.filter((r) => r.applicationId === a.id);
          const liveCount = reviewers.filter((r) => (LIVE_ASSIGNMENT as readonly string[]).includes(r.status)).length;
          return { ...a, reviewers, live: liveCount, submitted: reviewers.filter((r) => r.status === 'submitted').length, missing: Math.max(0, n - liveCount) };
        }),
      };
    },

    /** Live assignments not yet submitted on the challenge's applications (the notice waits for them). */
    outstanding: (q: Q, challengeId: string) => live(q).select(sql<number>`count(*)::int`.as('n')).where('challengeId', '=', challengeId).where('status', '=', 'assigned').executeTakeFirstOrThrow(),
  };
}

export type ReviewsService = ReturnType<typeof reviewsService>;
