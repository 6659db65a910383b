import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, invalid, notFound, unauthorized } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import type { NotificationInput } from '../supervision/notifications.js';
import type { ChallengeDeps } from './index.js';
import { mayRun } from './viewer.js';
import { noticeEndsAt, noticeOpen, proposalProblems, shareOf, type AwardeeInput } from './model/reviews.js';
import { notifyMany } from '../supervision/notifications.js';
import { rankingOfChallenge } from './reviews.results.js';
import { notFoundChallenge, runnerOf } from './reviews.service.js';
import { challengeViewerOf } from './viewer.js';

type Q = Kysely<DB> | Transaction<DB>;

const notFoundNotice = () => notFound('该榜单没有公示', 'This challenge has no public notice');
const notFoundObjection = () => notFound('异议不存在', 'Objection not found');
const changed = () => conflict('公示已被他人变更，请刷新后重试', 'The notice changed meanwhile; reload and try again', [{ path: '/status', message: '状态已变更（changed）' }]);

const HOW_TO_OBJECT = {
  zh: '公示期内，任何登录用户可对公示整体或某一拟立项申报提出异议，须写明理由；组织单位将逐一答复。公示期满且无待处理异议后确认立项。',
  en: 'While the notice runs, anyone signed in may object to the notice or to one proposed application, giving the reason; the organisers answer each. The awards are confirmed once the period has ended and no objection is pending.',
};

/**
 * The public notice (公示) and the award: organisers propose awardees from the ranking (single
 * award: one; parallel funding: up to max_teams, each with its share, within the funding); the
 * notice runs notice_days from its start by the server's clock; anyone signed in objects during
 * the period; organisers uphold (the proposal, or the whole notice, is withdrawn) or dismiss
 * with a response; after the period, with nothing pending, they confirm: awards (LX-…) are made,
 * the proposed applications are awarded and the other reviewed ones unsuccessful.
 */
export function noticesService(database: Database, d: ChallengeDeps) {
  const { db } = database;

  const running = (q: Q, challengeId: string) => q.selectFrom('challengeNotice').selectAll().where('challengeId', '=', challengeId).where('status', '=', 'running').executeTakeFirst();
  const pending = async (q: Q, challengeId: string) => (await q.selectFrom('noticeObjection').select(sql<number>`count(*)::int`.as('n')).where('challengeId', '=', challengeId).where('status', '=', 'pending').executeTakeFirstOrThrow()).n;

  async function awardCodes(trx: Transaction<DB>, count: number) {
    const prefix = `LX-${todayIn(d.now()).slice(0, 4)}-`;
    await sql`select pg_advisory_xact_lock(hashtext(${prefix}))`.execute(trx);
    const r = await sql<{ n: number | null }>`select max(substring(code from ${prefix.length + 1}::int)::int) as n from award where code like ${prefix + '%'}`.execute(trx);
    const last = r.rows[0]?.n ?? 0;
    return Array.from({ length: count }, (_, i) => prefix + String(last + i + 1).padStart(3, '0'));
  }

  const leadNotice = (organisationId: string, kind: string, key: string, link: string, titleZh: string, titleEn: string): NotificationInput => ({ organisationId, kind, link, dedupeKey: `${kind}:${key}`, titleZh, titleEn });

  /** The notice as the public reads it: the proposed awardees named, with shares, ranks and the period. */
  async function present(q: Q, c: { id: string; code: string; titleZh: string; mode: string; fundingWan: number; status: string }, n: { id: string; round: number; status: string; startsAt: Date; endsAt: Date; noteZh: string | null; confirmedAt: Date | null }) {
    const proposals = await q.selectFrom('noticeProposal as p').innerJoin('application as a', 'a.id', 'p.applicationId').innerJoin('organisation as o', 'o.id', 'a.leadOrganisationId')
      .select(['p.applicationId', 'p.shareWan', 'p.rank', 'p.score', 'p.status', 'a.code', 'a.titleZh', 'o.nameZh as leadNameZh'])
      .where('p.noticeId', '=', n.id).orderBy('p.rank').orderBy('a.code').execute();
    const members = proposals.length ? await q.selectFrom('applicationMember as m').innerJoin('organisation as o', 'o.id', 'm.organisationId')
      .select(['m.applicationId', 'o.nameZh']).where('m.applicationId', 'in', proposals.map((p) => p.applicationId)).orderBy('o.nameZh').execute() : [];
    const objections = await q.selectFrom('noticeObjection').select(['status', sql<number>`count(*)::int`.as('n')]).where('noticeId', '=', n.id).groupBy('status').execute();
    const now = d.now();
    return {
      challenge: { id: c.id, code: c.code, titleZh: c.titleZh, mode: c.mode, fundingWan: c.fundingWan, status: c.status },
      notice: { id: n.id, round: n.round, status: n.status, startsAt: n.startsAt, endsAt: n.endsAt, noteZh: n.noteZh, confirmedAt: n.confirmedAt, open: n.status === 'running' && noticeOpen(n, now) },
      proposals: proposals.map((p) => ({ ...p, memberNamesZh: members.filter((m) => m.applicationId === p.applicationId).map((m) => m.nameZh) })),
      objections: Object.fromEntries(objections.map((o) => [o.status, o.n])),
      howToObject: { ...HOW_TO_OBJECT, method: 'POST', url: `/api/challenges/${c.id}/objections` },
    };
  }

  return {
    /**
     * Proposes awardees and starts the notice: from review, or while a notice runs whose proposal
     * an upheld objection withdrew (the new notice supersedes it, a new period from now).
     */
    async propose(ctx: Ctx, challengeId: string, input: { awardees: AwardeeInput[]; noteZh?: string | null }) {
      const { v, c } = await runnerOf(db, ctx, challengeId);
      const current = await running(db, c.id);
      const reproposing = c.status === 'notice' && !!current
        && !!(await db.selectFrom('noticeProposal').select('applicationId').where('noticeId', '=', current.id).where('status', '=', 'withdrawn').executeTakeFirst());
      if (c.status !== 'review' && !reproposing)
        throw conflict('只有评审中的榜单，或公示中有拟立项被撤回的榜单，可以提出拟立项', 'Awardees are proposed for a challenge under review, or again when an objection withdrew a proposal', [{ path: '/status', message: `榜单状态 ${c.status}` }]);
      const awardees = input.awardees ?? [];
      const terms = { mode: c.mode, fundingWan: c.fundingWan, maxTeams: c.maxTeams };
      const p = proposalProblems(awardees, terms);
      if (p.length) throw invalid(p);
      if (await pending(db, c.id)) throw conflict('尚有待处理的异议，请先答复', 'Objections are pending; answer them first', [{ path: '/objections', message: '有待处理异议（objections pending）' }]);
      if (c.status === 'review') {
        const { n } = await db.selectFrom('reviewAssignment').select(sql<number>`count(*)::int`.as('n')).where('challengeId', '=', c.id).where('status', '=', 'assigned').executeTakeFirstOrThrow();
        if (n) throw conflict(`尚有 ${n} 份评审未提交评分，排名未定`, `${n} reviews are not yet submitted; the ranking is not final`, [{ path: '/reviews', message: `${n} 份评审未提交（reviews outstanding）` }]);
      }
      const { items } = await rankingOfChallenge(db, c);
      const barred = new Set((await db.selectFrom('noticeObjection').select('applicationId').where('challengeId', '=', c.id).where('status', '=', 'upheld').where('applicationId', 'is not', null).execute()).map((o) => o.applicationId));
      const chosen = awardees.map((a, i) => {
        const r = items.find((x) => x.id === a.applicationId);
        const path = `/awardees/${i}/applicationId`;
        if (!r) throw invalid([{ path, message: '不是本榜单经评审的申报（not a reviewed application of this challenge）' }]);
        if (barred.has(r.id)) throw conflict(`申报 ${r.code} 的拟立项因异议成立被撤回，不能再次拟立项`, `${r.code} was withdrawn on an upheld objection and cannot be proposed again`, [{ path, message: '异议成立已撤回（withdrawn on an objection）' }]);
        if (r.status !== 'eligible' && !(reproposing && r.status === 'proposed')) throw conflict(`申报 ${r.code} 当前不能拟立项`, `${r.code} cannot be proposed now`, [{ path, message: `申报状态 ${r.status}` }]);
        if (r.rank === null) throw conflict(`申报 ${r.code} 尚无提交的评分，不能拟立项`, `${r.code} has no submitted score and cannot be proposed`, [{ path, message: '无评分（no score）' }]);
        return { ...r, shareWan: shareOf(a, terms) };
      });
      const now = d.now();
      return db.transaction().execute(async (trx) => {
        if (current) {
          const gone = await trx.updateTable('challengeNotice').set({ status: 'superseded' }).where('id', '=', current.id).where('status', '=', 'running').executeTakeFirst();
          if (!gone.numUpdatedRows) throw changed();
          await trx.updateTable('application').set({ status: 'eligible', updatedAt: now }).where('challengeId', '=', c.id).where('status', '=', 'proposed').execute();
        }
        const moved = await trx.updateTable('challenge').set({ status: 'notice', updatedAt: now }).where('id', '=', c.id).where('status', '=', c.status).executeTakeFirst();
        if (!moved.numUpdatedRows) throw changed();
        const round = ((await trx.selectFrom('challengeNotice').select(sql<number>`max(round)`.as('r')).where('challengeId', '=', c.id).executeTakeFirst())?.r ?? 0) + 1;
        const notice = await trx.insertInto('challengeNotice').values({
          challengeId: c.id, round, startsAt: now, endsAt: noticeEndsAt(now, c.noticeDays), noteZh: input.noteZh?.trim() || null, proposedBy: v.userId, createdAt: now,
        }).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('noticeProposal').values(chosen.map((x) => ({ noticeId: notice.id, applicationId: x.id, shareWan: x.shareWan, rank: x.rank, score: x.score }))).execute();
        await trx.updateTable('application').set({ status: 'proposed', updatedAt: now }).where('id', 'in', chosen.map((x) => x.id)).execute();
        await audit(trx, ctx, {
          action: 'challenges.notice.propose', entityType: 'challenge', entityId: c.id,
          summary: `榜单 ${c.code} 拟立项公示（第 ${round} 轮），至 ${notice.endsAt.toISOString()}（proposed awardees, notice round ${round}）`,
          before: { status: c.status }, after: { noticeId: notice.id, awardees: chosen.map((x) => ({ applicationId: x.id, code: x.code, shareWan: x.shareWan, rank: x.rank, score: x.score })), endsAt: notice.endsAt },
        });
        await notifyMany(trx, chosen.map((x) => leadNotice(x.leadOrganisationId, 'challenges.notice.proposed', `${notice.id}:${x.id}`, `/challenges/${c.id}/notice`,
          `您牵头的申报 ${x.code} 已列入榜单 ${c.code} 拟立项公示`, `Your application ${x.code} is proposed for an award in the notice of ${c.code}`)));
        return present(trx, { ...c, status: 'notice' }, notice);
      });
    },

    /** The challenge's notice, for anyone: the running one, or the confirmed one after the award. */
    async get(_ctx: Ctx, challengeId: string) {
      const c = await db.selectFrom('challenge').select(['id', 'code', 'titleZh', 'mode', 'fundingWan', 'status']).where('id', '=', challengeId).executeTakeFirst();
      if (!c || c.status === 'draft') throw notFoundChallenge();
      const n = await db.selectFrom('challengeNotice').selectAll().where('challengeId', '=', c.id).where('status', 'in', ['running', 'confirmed']).orderBy('round', 'desc').executeTakeFirst();
      if (!n) throw notFoundNotice();
      return present(db, c, n);
    },

    /** Notices running now, for anyone (the 公示 page). */
    async listRunning(_ctx: Ctx, f: { limit: number; offset: number }) {
      const rows = await db.selectFrom('challengeNotice as n').innerJoin('challenge as c', 'c.id', 'n.challengeId')
        .select(['n.id', 'n.round', 'n.startsAt', 'n.endsAt', 'c.id as challengeId', 'c.code', 'c.titleZh', 'c.mode', 'c.fundingWan', sql<number>`count(*) over ()`.as('total')])
        .select((eb) => eb.selectFrom('noticeProposal as p').select(sql<number>`count(*)::int`.as('n')).whereRef('p.noticeId', '=', 'n.id').where('p.status', '=', 'proposed').as('proposals'))
        .where('n.status', '=', 'running').orderBy('n.endsAt').orderBy('c.code').limit(f.limit).offset(f.offset).execute();
      const now = d.now();
      return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _t, ...r }) => ({ ...r, open: noticeOpen(r, now) })) };
    },

    /** Anyone signed in objects, with a reason, to the notice or to one proposed application, while the period runs. */
    async lodge(ctx: Ctx, challengeId: string, input: { applicationId?: string | null; reasonZh: string }) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const c = await db.selectFrom('challenge').select(['id', 'code', 'status', 'organiserId']).where('id', '=', challengeId).executeTakeFirst();
      if (!c || c.status === 'draft') throw notFoundChallenge();
      const n = await running(db, c.id);
      if (!n) throw conflict(`榜单 ${c.code} 不在公示期`, `Challenge ${c.code} has no notice running`, [{ path: '/status', message: '不在公示期（no notice running）' }]);
      if (!noticeOpen(n, d.now())) throw conflict(`公示期已于 ${n.endsAt.toISOString()} 结束，不再受理异议`, `The notice period ended at ${n.endsAt.toISOString()}; objections are closed`, [{ path: '/endsAt', message: '公示期已结束（the period has ended）' }]);
      const reason = input.reasonZh?.trim();
      if (!reason) throw invalid([{ path: '/reasonZh', message: '异议须写明理由（give the reason）' }]);
      if (input.applicationId) {
        const p = await db.selectFrom('noticeProposal').select('status').where('noticeId', '=', n.id).where('applicationId', '=', input.applicationId).executeTakeFirst();
        if (!p || p.status !== 'proposed') throw invalid([{ path: '/applicationId', message: '该申报不在本次拟立项公示中（not proposed in this notice）' }]);
      }
      return db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('noticeObjection').values({
          noticeId: n.id, challengeId: c.id, applicationId: input.applicationId ?? null, lodgedBy: v.userId!, organisationId: v.organisationId, reasonZh: reason, lodgedAt: d.now(),
        }).returningAll().executeTakeFirstOrThrow();
        await audit(trx, ctx, { action: 'challenges.notice.object', entityType: 'notice_objection', entityId: row.id, summary: `对榜单 ${c.code} 的公示提出异议（lodged an objection）`, after: { noticeId: n.id, applicationId: row.applicationId, reasonZh: reason } });
        if (c.organiserId) await notifyMany(trx, [leadNotice(c.organiserId, 'challenges.notice.objection', row.id, `/challenges/${c.id}/notice`, `榜单 ${c.code} 的公示收到异议，请答复`, `An objection to the notice of ${c.code} awaits your answer`)]);
        return row;
      });
    },

    /** Objections to a challenge's notices: all, with who lodged them, for its organisers and overseers; one's own for anyone else. */
    async objections(ctx: Ctx, challengeId: string) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.userId) throw unauthorized();
      const c = await db.selectFrom('challenge').select(['id', 'status', 'organiserId']).where('id', '=', challengeId).executeTakeFirst();
      if (!c || c.status === 'draft') throw notFoundChallenge();
      const all = mayRun(v, c) || v.overseer;
      let q = db.selectFrom('noticeObjection as x').leftJoin('application as a', 'a.id', 'x.applicationId').innerJoin('appUser as u', 'u.id', 'x.lodgedBy').leftJoin('organisation as o', 'o.id', 'x.organisationId')
        .select(['x.id', 'x.noticeId', 'x.applicationId', 'a.code as applicationCode', 'x.reasonZh', 'x.status', 'x.responseZh', 'x.decidedAt', 'x.lodgedAt'])
        .where('x.challengeId', '=', c.id).orderBy('x.lodgedAt').orderBy('x.id');
      if (all) q = q.select(['u.displayName as lodgedByName', 'o.nameZh as organisationNameZh']);
      else q = q.where('x.lodgedBy', '=', v.userId);
      const items = await q.execute();
      return { total: items.length, items };
    },

    /**
     * Organisers answer an objection. Upheld against one application: its proposal is withdrawn
     * (it goes back to the ranking, and may not be proposed again); against the notice as a
     * whole: the notice is withdrawn and the challenge is back under review. Dismissed: the
     * notice stands. The objector reads the response.
     */
    async decide(ctx: Ctx, objectionId: string, input: { decision: 'upheld' | 'dismissed'; responseZh: string }) {
      const o = await db.selectFrom('noticeObjection').selectAll().where('id', '=', objectionId).executeTakeFirst();
      if (!o) throw notFoundObjection();
      const { v, c } = await runnerOf(db, ctx, o.challengeId);
      if (o.status !== 'pending') throw conflict('该异议已答复', 'The objection has been answered', [{ path: '/status', message: `已答复 ${o.status}` }]);
      const response = input.responseZh?.trim();
      if (!response) throw invalid([{ path: '/responseZh', message: '答复须写明理由（give the response）' }]);
      if (input.decision !== 'upheld' && input.decision !== 'dismissed') throw invalid([{ path: '/decision', message: '处理结果为 upheld 或 dismissed（upheld or dismissed）' }]);
      const now = d.now();
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('noticeObjection').set({ status: input.decision, responseZh: response, decidedBy: v.userId, decidedAt: now })
          .where('id', '=', o.id).where('status', '=', 'pending').returningAll().executeTakeFirst();
        if (!row) throw changed();
        const n = await trx.selectFrom('challengeNotice').selectAll().where('id', '=', o.noticeId).executeTakeFirstOrThrow();
        const list: NotificationInput[] = [{ userId: o.lodgedBy, kind: 'challenges.notice.answered', link: `/challenges/${c.id}/notice`, dedupeKey: `challenges.notice.answered:${o.id}`,
          titleZh: `您对榜单 ${c.code} 公示的异议已答复：${input.decision === 'upheld' ? '异议成立' : '异议不成立'}`, titleEn: `Your objection to the notice of ${c.code} was ${input.decision}` }];
        let effect: Record<string, unknown> = {};
        if (input.decision === 'upheld' && n.status === 'running') {
          const withdraw = trx.updateTable('noticeProposal').set({ status: 'withdrawn' }).where('noticeId', '=', n.id).where('status', '=', 'proposed');
          const back = await (o.applicationId ? withdraw.where('applicationId', '=', o.applicationId) : withdraw).returning('applicationId').execute();
          if (back.length) await trx.updateTable('application').set({ status: 'eligible', updatedAt: now }).where('id', 'in', back.map((b) => b.applicationId)).where('status', '=', 'proposed').execute();
          const left = await trx.selectFrom('noticeProposal').select('applicationId').where('noticeId', '=', n.id).where('status', '=', 'proposed').execute();
          if (!left.length) {
            await trx.updateTable('challengeNotice').set({ status: 'withdrawn' }).where('id', '=', n.id).execute();
            await trx.updateTable('challenge').set({ status: 'review', updatedAt: now }).where('id', '=', c.id).where('status', '=', 'notice').execute();
          }
          effect = { withdrawn: back.map((b) => b.applicationId), noticeWithdrawn: !left.length };
          const leads = back.length ? await trx.selectFrom('application').select(['id', 'code', 'leadOrganisationId']).where('id', 'in', back.map((b) => b.applicationId)).execute() : [];
          for (const l of leads) list.push(leadNotice(l.leadOrganisationId, 'challenges.notice.withdrawn', `${n.id}:${l.id}`, `/challenges/${c.id}/notice`, `因异议成立，申报 ${l.code} 的拟立项已撤回`, `The proposal of ${l.code} was withdrawn on an upheld objection`));
        }
        await audit(trx, ctx, { action: `challenges.notice.${input.decision === 'upheld' ? 'uphold' : 'dismiss'}`, entityType: 'notice_objection', entityId: o.id, summary: `答复异议：${input.decision === 'upheld' ? '成立' : '不成立'}（objection ${input.decision}）`, before: { status: 'pending' }, after: { status: input.decision, responseZh: response, ...effect } });
        await notifyMany(trx, list);
        return { ...row, ...effect };
      });
    },

    /**
     * Confirms the awards once the period has ended (server time) and no objection is pending:
     * an award (LX-年-序号) per proposed application with its share, proposed → awarded, the other
     * eligible applications → unsuccessful (they read their feedback), the challenge → awarded.
     */
    async confirm(ctx: Ctx, challengeId: string) {
      const { v, c } = await runnerOf(db, ctx, challengeId);
      const n = await running(db, c.id);
      if (c.status !== 'notice' || !n) throw conflict(`榜单 ${c.code} 不在公示期，无可确认的立项`, `Challenge ${c.code} has no notice to confirm`, [{ path: '/status', message: `榜单状态 ${c.status}` }]);
      const now = d.now();
      if (noticeOpen(n, now)) throw conflict(`公示期至 ${n.endsAt.toISOString()} 结束，期满后方可确认立项`, `The notice runs until ${n.endsAt.toISOString()}; confirm after it ends`, [{ path: '/endsAt', message: '公示期未满（the period has not ended）' }]);
      const waiting = await pending(db, c.id);
      if (waiting) throw conflict(`尚有 ${waiting} 条异议待处理`, `${waiting} objections are pending`, [{ path: '/objections', message: '有待处理异议（objections pending）' }]);
      const proposals = await db.selectFrom('noticeProposal as p').innerJoin('application as a', 'a.id', 'p.applicationId')
        .select(['p.applicationId', 'p.shareWan', 'a.code', 'a.leadOrganisationId']).where('p.noticeId', '=', n.id).where('p.status', '=', 'proposed').orderBy('p.rank').orderBy('a.code').execute();
      if (!proposals.length) throw conflict('公示中没有拟立项的申报', 'No application is proposed in the notice', [{ path: '/awardees', message: '无拟立项（nothing proposed）' }]);
      return db.transaction().execute(async (trx) => {
        const done = await trx.updateTable('challengeNotice').set({ status: 'confirmed', confirmedBy: v.userId, confirmedAt: now }).where('id', '=', n.id).where('status', '=', 'running').executeTakeFirst();
        if (!done.numUpdatedRows) throw changed();
        const moved = await trx.updateTable('challenge').set({ status: 'awarded', updatedAt: now }).where('id', '=', c.id).where('status', '=', 'notice').executeTakeFirst();
        if (!moved.numUpdatedRows) throw changed();
        const codes = await awardCodes(trx, proposals.length);
        const awards = await trx.insertInto('award').values(proposals.map((p, i) => ({
          code: codes[i], challengeId: c.id, applicationId: p.applicationId, shareWan: p.shareWan, awardedAt: now, createdAt: now, updatedAt: now,
        }))).returning(['id', 'code', 'applicationId', 'shareWan']).execute();
        await trx.updateTable('noticeProposal').set({ status: 'awarded' }).where('noticeId', '=', n.id).where('status', '=', 'proposed').execute();
        const ids = proposals.map((p) => p.applicationId);
        await trx.updateTable('application').set({ status: 'awarded', updatedAt: now }).where('id', 'in', ids).execute();
        const losers = await trx.updateTable('application').set({ status: 'unsuccessful', updatedAt: now })
          .where('challengeId', '=', c.id).where('status', '=', 'eligible').returning(['id', 'code', 'leadOrganisationId']).execute();
        await audit(trx, ctx, {
          action: 'challenges.notice.confirm', entityType: 'challenge', entityId: c.id, summary: `榜单 ${c.code} 公示期满，确认立项 ${awards.map((a) => a.code).join('、')}（awards confirmed）`,
          before: { status: 'notice' }, after: { status: 'awarded', awards, unsuccessful: losers.map((l) => l.id) },
        });
        await notifyMany(trx, [
          ...proposals.map((p) => leadNotice(p.leadOrganisationId, 'challenges.award.confirmed', `${c.id}:${p.applicationId}`, `/challenges/${c.id}`, `您牵头的申报 ${p.code} 已确认立项`, `Your application ${p.code} is awarded`)),
          ...losers.map((l) => leadNotice(l.leadOrganisationId, 'challenges.award.unsuccessful', `${c.id}:${l.id}`, `/challenges/applications/${l.id}/feedback`, `申报 ${l.code} 未获立项，可查看评审意见反馈`, `Application ${l.code} was not awarded; read the reviewers' feedback`)),
        ]);
        return { challengeId: c.id, status: 'awarded', awards, unsuccessful: losers.map((l) => ({ applicationId: l.id, code: l.code })) };
      });
    },
  };
}
