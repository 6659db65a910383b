import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { forbidden } from '../../platform/http/errors.js';
import { todayIn } from '../../platform/dates.js';
import { queryTokens } from '../../platform/search/segmenter.js';
import type { ChallengeDeps } from './index.js';
import { awardRows, readableAward, type AwardRow, type Q, type Relation } from './delivery.awards.js';
import { isOverdue, isSettled, nextMilestone, payableWan, wan } from './model/delivery.js';
import { AWARD_STATUSES, MODES, VERDICTS } from './model/labels.js';
import { outputRows } from './outputs.service.js';
import { challengeViewerOf } from './viewer.js';

export interface BoardFilter { challengeId?: string; status?: string; overdue?: boolean; q?: string }
export interface PublicFilter { challengeId?: string; q?: string; limit: number; offset: number }

const PUBLIC_CHALLENGE_STATUSES = ['awarded', 'completed'];
const statusNames = (s: string) => AWARD_STATUSES[s as keyof typeof AWARD_STATUSES] ?? { zh: s, en: s };

/** Sums paid per award, in one query. */
async function paidBy(q: Q, ids: string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await q.selectFrom('tranche').select(['awardId']).select((eb) => eb.fn.sum<number>('amountWan').as('paid')).where('awardId', 'in', ids).groupBy('awardId').execute();
  return new Map(rows.map((r) => [r.awardId, wan(Number(r.paid))]));
}

/** Consortium members' names per application, in one query. */
async function membersBy(q: Q, applicationIds: string[]) {
  if (!applicationIds.length) return new Map<string, string[]>();
  const rows = await q.selectFrom('applicationMember as m').innerJoin('organisation as o', 'o.id', 'm.organisationId')
    .select(['m.applicationId', 'o.nameZh']).where('m.applicationId', 'in', applicationIds).orderBy('o.nameZh').execute();
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.applicationId, [...(m.get(r.applicationId) ?? []), r.nameZh]);
  return m;
}

/**
 * Reading delivery: one award's whole record for organisers, overseers and its team; the
 * caller's own awards; the award and milestone board (every award with its next milestone,
 * overdue flags, paid against share); and the public pages — awards once the notice is
 * confirmed, and accepted results with their indicators and outputs.
 */
export function deliveryReadService(database: Database, d: ChallengeDeps) {
  const { db } = database;
  const today = () => todayIn(d.now());

  /** What the caller may do on the award, so that a page shows only the buttons that work. */
  function mayOf(a: AwardRow, relation: Relation, hasReports: boolean, accepted: boolean) {
    const organiser = relation === 'organiser';
    const running = !isSettled(a.status);
    return {
      recordContract: organiser && running && (!a.contractNo || !hasReports),
      editMilestones: organiser && running && !!a.contractNo && !hasReports,
      report: relation === 'lead' && a.status === 'active',
      decideReports: organiser && running,
      pay: organiser && !!a.contractNo && ['active', 'accepted'].includes(a.status),
      accept: organiser && running && !!a.contractNo && !accepted,
      recordOutputs: organiser || relation === 'lead',
    };
  }

  async function award(ctx: Ctx, id: string) {
    const v = await challengeViewerOf(db, ctx);
    const { award: a, relation } = await readableAward(db, v, id);
    const [members, indicators, milestones, reports, verdicts, tranches, acceptance, outputs, paid] = await Promise.all([
      membersBy(db, [a.applicationId]),
      db.selectFrom('challengeIndicator').selectAll().where('challengeId', '=', a.challengeId).orderBy('position').execute(),
      db.selectFrom('awardMilestone').selectAll().where('awardId', '=', a.id).orderBy('position').execute(),
      db.selectFrom('milestoneReport').selectAll().where('awardId', '=', a.id).orderBy('submittedAt').execute(),
      db.selectFrom('awardVerdict as x').innerJoin('deliveryReview as r', 'r.id', 'x.reviewId').leftJoin('award as t', 't.id', 'x.mergeIntoId')
        .select(['x.reviewId', 'r.titleZh', 'r.heldOn', 'x.verdict', 'x.reasonZh', 'x.remainingWan', 'x.mergeIntoId', 't.code as mergeIntoCode'])
        .where('x.awardId', '=', a.id).orderBy('r.heldOn').execute(),
      db.selectFrom('tranche as t').leftJoin('awardMilestone as m', 'm.id', 't.milestoneId')
        .select(['t.id', 't.amountWan', 't.paidOn', 't.voucherNo', 't.noteZh', 't.milestoneId', 'm.titleZh as milestoneTitleZh', 't.createdAt'])
        .where('t.awardId', '=', a.id).orderBy('t.paidOn').orderBy('t.createdAt').execute(),
      db.selectFrom('awardAcceptance').selectAll().where('awardId', '=', a.id).executeTakeFirst(),
      outputRows(db, [a.id]),
      paidBy(db, [a.id]),
    ]);
    const results = acceptance ? await db.selectFrom('acceptanceResult').selectAll().where('acceptanceId', '=', acceptance.id).execute() : [];
    const files = await d.files.metas([...new Set([...reports.flatMap((r) => r.fileIds), ...(acceptance?.fileIds ?? [])])]);
    const fileMeta = (ids: string[]) => ids.map((x) => files.find((f) => f.id === x)).filter((f) => !!f);
    const t = today();
    const next = nextMilestone(milestones);
    return {
      ...a, statusZh: statusNames(a.status).zh, statusEn: statusNames(a.status).en, modeZh: MODES[a.mode].zh,
      memberNames: members.get(a.applicationId) ?? [], relation,
      payableWan: payableWan(a), paidWan: paid.get(a.id) ?? 0,
      indicators,
      milestones: milestones.map((m) => ({
        ...m, overdue: isOverdue(m, t), isNext: next?.id === m.id,
        reports: reports.filter((r) => r.milestoneId === m.id).map((r) => ({ ...r, files: fileMeta(r.fileIds) })),
      })),
      verdicts: verdicts.map((x) => ({ ...x, verdictZh: VERDICTS[x.verdict].zh, verdictEn: VERDICTS[x.verdict].en })),
      tranches,
      acceptance: acceptance ? {
        ...acceptance, files: fileMeta(acceptance.fileIds),
        results: indicators.map((i) => ({ indicator: i, ...results.find((r) => r.indicatorId === i.id) })).filter((r) => r.acceptanceId),
      } : null,
      outputs,
      may: mayOf(a, relation, reports.length > 0, !!acceptance),
    };
  }

  /** Awards with their milestones and payments summarised, as the board and the team's list show them. */
  async function summaries(rows: AwardRow[]) {
    const ids = rows.map((a) => a.id);
    const [paid, milestones] = await Promise.all([
      paidBy(db, ids),
      ids.length ? db.selectFrom('awardMilestone').select(['id', 'awardId', 'position', 'titleZh', 'dueOn', 'status']).where('awardId', 'in', ids).execute() : Promise.resolve([]),
    ]);
    const t = today();
    return rows.map((a) => {
      const ms = milestones.filter((m) => m.awardId === a.id);
      const next = nextMilestone(ms);
      const payable = payableWan(a);
      const paidWan = paid.get(a.id) ?? 0;
      const running = a.status === 'active';
      return {
        id: a.id, code: a.code, challengeId: a.challengeId, challengeCode: a.challengeCode, challengeTitleZh: a.challengeTitleZh, challengeStatus: a.challengeStatus, mode: a.mode,
        leadNameZh: a.leadNameZh, applicationTitleZh: a.applicationTitleZh, status: a.status, statusZh: statusNames(a.status).zh, statusEn: statusNames(a.status).en,
        awardedAt: a.awardedAt, contractNo: a.contractNo, contractSignedOn: a.contractSignedOn, shareWan: a.shareWan, mergedInWan: a.mergedInWan, payableWan: payable, paidWan,
        paidShare: payable > 0 ? Math.round((paidWan / payable) * 1000) / 10 : 0,
        milestonesTotal: ms.length, milestonesPassed: ms.filter((m) => m.status === 'passed').length,
        nextMilestone: next ? { ...next, overdue: isOverdue(next, t) } : null,
        // A stopped or merged team's unfinished milestones are not late: nothing more is expected of it.
        overdueCount: running ? ms.filter((m) => isOverdue(m, t)).length : 0,
      };
    });
  }

  return {
    award,

    /** The caller's organisation's awards, as lead or consortium member. */
    async mine(ctx: Ctx) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.organisationId) return { items: [] };
      const org = v.organisationId;
      const rows = await awardRows(db).where((eb) => eb.or([
        eb('p.leadOrganisationId', '=', org),
        eb.exists(eb.selectFrom('applicationMember as m').select('m.organisationId').whereRef('m.applicationId', '=', 'p.id').where('m.organisationId', '=', org)),
      ])).orderBy('a.awardedAt', 'desc').execute();
      return { items: (await summaries(rows)).map((s) => ({ ...s, lead: rows.find((r) => r.id === s.id)!.leadOrganisationId === org })) };
    },

    /** The award and milestone board: every award, its next milestone, overdue flags, paid against what it may be paid. */
    async board(ctx: Ctx, f: BoardFilter) {
      const v = await challengeViewerOf(db, ctx);
      if (!v.overseer) throw forbidden();
      let q = awardRows(db);
      if (f.challengeId) q = q.where('a.challengeId', '=', f.challengeId);
      if (f.status) q = q.where('a.status', '=', f.status);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) q = q.where(sql<boolean>`c.tokens @> ${sql.val(tokens)}::text[]`);
      let items = await summaries(await q.orderBy('c.code', 'desc').orderBy('a.code').execute());
      if (f.overdue) items = items.filter((i) => i.overdueCount > 0);
      return {
        total: items.length, items,
        totals: {
          shareWan: wan(items.reduce((s, i) => s + i.shareWan, 0)), paidWan: wan(items.reduce((s, i) => s + i.paidWan, 0)),
          active: items.filter((i) => i.status === 'active').length, overdue: items.filter((i) => i.overdueCount > 0).length,
        },
      };
    },

    /** Public: the awards, once the notice is confirmed — challenge, awardee and consortium names, shares, dates. */
    async publicAwards(f: PublicFilter) {
      let q = awardRows(db).where('c.status', 'in', PUBLIC_CHALLENGE_STATUSES);
      if (f.challengeId) q = q.where('a.challengeId', '=', f.challengeId);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) q = q.where(sql<boolean>`c.tokens @> ${sql.val(tokens)}::text[]`);
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('a.awardedAt', 'desc').orderBy('a.code').limit(f.limit).offset(f.offset).execute();
      const members = await membersBy(db, rows.map((r) => r.applicationId));
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((a) => ({
          id: a.id, code: a.code, challengeId: a.challengeId, challengeCode: a.challengeCode, challengeTitleZh: a.challengeTitleZh, mode: a.mode, modeZh: MODES[a.mode].zh, modeEn: MODES[a.mode].en,
          awardeeNameZh: a.leadNameZh, memberNames: members.get(a.applicationId) ?? [], projectTitleZh: a.applicationTitleZh, shareWan: a.shareWan,
          awardedOn: todayIn(a.awardedAt), contractSignedOn: a.contractSignedOn, status: a.status, statusZh: statusNames(a.status).zh, statusEn: statusNames(a.status).en,
        })),
      };
    },

    /** Public: accepted results — each indicator against its target, and the outputs. */
    async publicResults(f: PublicFilter) {
      let q = awardRows(db).innerJoin('awardAcceptance as x', 'x.awardId', 'a.id').where('a.status', '=', 'accepted')
        .select(['x.id as acceptanceId', 'x.heldOn as acceptedOn', 'x.allMet']);
      if (f.challengeId) q = q.where('a.challengeId', '=', f.challengeId);
      const tokens = f.q ? queryTokens(f.q) : [];
      if (tokens.length) q = q.where(sql<boolean>`c.tokens @> ${sql.val(tokens)}::text[]`);
      const rows = await q.select(sql<number>`count(*) over ()`.as('total')).orderBy('x.heldOn', 'desc').orderBy('a.code').limit(f.limit).offset(f.offset).execute();
      const ids = rows.map((r) => r.acceptanceId);
      const [results, outputs, members] = await Promise.all([
        ids.length ? db.selectFrom('acceptanceResult as r').innerJoin('challengeIndicator as i', 'i.id', 'r.indicatorId')
          .select(['r.acceptanceId', 'i.nameZh', 'i.comparator', 'i.targetValue', 'i.unit', 'r.achievedValue', 'r.met', 'i.position'])
          .where('r.acceptanceId', 'in', ids).orderBy('i.position').execute() : Promise.resolve([]),
        outputRows(db, rows.map((r) => r.id)),
        membersBy(db, rows.map((r) => r.applicationId)),
      ]);
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((a) => ({
          id: a.id, code: a.code, challengeId: a.challengeId, challengeCode: a.challengeCode, challengeTitleZh: a.challengeTitleZh, awardeeNameZh: a.leadNameZh,
          memberNames: members.get(a.applicationId) ?? [], projectTitleZh: a.applicationTitleZh, acceptedOn: a.acceptedOn, allIndicatorsMet: a.allMet,
          indicators: results.filter((r) => r.acceptanceId === a.acceptanceId).map(({ acceptanceId: _x, position: _p, ...r }) => r),
          outputs: outputs.filter((o) => o.awardId === a.id).map(({ kind, kindZh, kindEn, titleZh, ref, outputOn, platformNameZh }) => ({ kind, kindZh, kindEn, titleZh, ref, outputOn, platformNameZh })),
        })),
      };
    },
  };
}

export type DeliveryReadService = ReturnType<typeof deliveryReadService>;
