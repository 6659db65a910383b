import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { Ctx } from '../../platform/context/ctx.js';
import { audit } from '../../platform/audit/audit.js';
import { conflict, forbidden, invalid, notFound, type ErrorDetail } from '../../platform/http/errors.js';
import { isIsoDate } from '../../platform/dates.js';
import { challengeCompleted, isSettled } from './model/delivery.js';
import { AWARD_STATUSES } from './model/labels.js';
import { requireOrganiser, type ChallengeViewer } from './viewer.js';
import { mayRun } from './viewer.js';

/**
 * What the delivery services share: an award with its challenge and lead organisation, who the
 * caller is to it, and the challenge's completion once every award is settled.
 */
export type Q = Kysely<DB> | Transaction<DB>;

export const awardNotFound = () => notFound('立项不存在', 'Award not found');

/** An award as delivery reads it. */
export const awardRows = (q: Q) => q.selectFrom('award as a')
  .innerJoin('challenge as c', 'c.id', 'a.challengeId')
  .innerJoin('application as p', 'p.id', 'a.applicationId')
  .innerJoin('organisation as o', 'o.id', 'p.leadOrganisationId')
  .select([
    'a.id', 'a.code', 'a.challengeId', 'a.applicationId', 'a.shareWan', 'a.mergedInWan', 'a.mergedIntoId', 'a.status', 'a.awardedAt', 'a.contractNo',
    'a.contractSignedOn', 'a.settledAt', 'c.code as challengeCode', 'c.titleZh as challengeTitleZh', 'c.status as challengeStatus', 'c.mode',
    'c.organiserId', 'p.leadOrganisationId', 'p.titleZh as applicationTitleZh', 'o.nameZh as leadNameZh',
  ]);

export type AwardRow = NonNullable<Awaited<ReturnType<ReturnType<typeof awardRows>['executeTakeFirst']>>>;

export const loadAward = (q: Q, id: string) => awardRows(q).where('a.id', '=', id).executeTakeFirst();

/** Takes the award's row lock to the end of the transaction: payments, verdicts and acceptance on one award go one at a time. */
export const lockAward = async (trx: Transaction<DB>, id: string) => {
  await trx.selectFrom('award').select('id').where('id', '=', id).forUpdate().execute();
  return loadAward(trx, id);
};

/** The caller's part in an award: runs it, oversees it, leads the team, is a consortium member, or none. */
export type Relation = 'organiser' | 'overseer' | 'lead' | 'member' | null;

export async function relationTo(q: Q, v: ChallengeViewer, a: Pick<AwardRow, 'applicationId' | 'leadOrganisationId' | 'organiserId'>): Promise<Relation> {
  // Only the challenge's runners (the task force, the posting department) run its delivery; other departments oversee.
  if (mayRun(v, a)) return 'organiser';
  if (v.organisationId && v.organisationId === a.leadOrganisationId) return 'lead';
  if (v.organisationId) {
    const m = await q.selectFrom('applicationMember').select('organisationId').where('applicationId', '=', a.applicationId).where('organisationId', '=', v.organisationId).executeTakeFirst();
    if (m) return 'member';
  }
  return v.overseer ? 'overseer' : null;
}

/** The award if the caller may read it (organisers, overseers, the team); 404 otherwise. */
export async function readableAward(q: Q, v: ChallengeViewer, id: string) {
  const a = await loadAward(q, id);
  if (!a) throw awardNotFound();
  const relation = await relationTo(q, v, a);
  if (!relation) throw awardNotFound();
  return { award: a, relation };
}

/** The award for its team's lead organisation: a member or an overseer reads it but may not write (403); anyone else 404. */
export async function awardForLead(q: Q, v: ChallengeViewer, id: string, orOrganiser = false) {
  const { award, relation } = await readableAward(q, v, id);
  if (relation === 'lead' || (orOrganiser && relation === 'organiser')) return { award, relation };
  throw forbidden('仅牵头单位可以执行此操作', 'Only the lead organisation of the team may do this');
}

/** The award for those who run its challenge (the task force, the posting department); another department 403, a stranger 404. */
export async function awardForOrganiser(q: Q, v: ChallengeViewer, id: string) {
  requireOrganiser(v);
  const a = await loadAward(q, id);
  if (!a) throw awardNotFound();
  if (!mayRun(v, a)) throw forbidden('只有发榜单位或工作专班可以操作此立项', 'Only the posting organisation or the task force may act on this award');
  return a;
}

export function requireUnsettled(a: { status: string; code: string }) {
  if (isSettled(a.status)) {
    const s = AWARD_STATUSES[a.status as keyof typeof AWARD_STATUSES];
    throw conflict(`立项 ${a.code} ${s.zh}，实施已结束`, `Award ${a.code} is ${s.en.toLowerCase()}; its delivery is over`, [{ path: '/status', message: `${s.zh}（${s.en}）` }]);
  }
}

/** A day that happened: valid, and not after today (Chongqing). */
export function pastDayProblem(path: string, day: unknown, today: string, zh: string): ErrorDetail | null {
  if (typeof day !== 'string' || !isIsoDate(day)) return { path, message: `${zh}应为 YYYY-MM-DD 格式的日期（a YYYY-MM-DD date）` };
  if (day > today) return { path, message: `${zh}不能晚于今天（cannot be after today）` };
  return null;
}

export const requiredText = (path: string, s: unknown, zh: string, en: string): ErrorDetail | null =>
  typeof s === 'string' && s.trim() ? null : { path, message: `${zh}不能为空（${en} is required）` };

export function throwIfAny(problems: (ErrorDetail | null)[]) {
  const p = problems.filter((x): x is ErrorDetail => !!x);
  if (p.length) throw invalid(p);
}

export const sumPaid = async (q: Q, awardId: string) =>
  Number((await q.selectFrom('tranche').select(sql<number>`coalesce(sum(amount_wan), 0)`.as('paid')).where('awardId', '=', awardId).executeTakeFirstOrThrow()).paid);

/**
 * Inside the transaction that settled an award: when every award of its challenge is accepted,
 * failed, stopped or merged, the challenge is completed (awarded → completed).
 */
export async function completeIfSettled(trx: Transaction<DB>, ctx: Ctx, challengeId: string, now: Date) {
  const statuses = (await trx.selectFrom('award').select('status').where('challengeId', '=', challengeId).execute()).map((a) => a.status);
  if (!challengeCompleted(statuses)) return false;
  const done = await trx.updateTable('challenge').set({ status: 'completed', updatedAt: now }).where('id', '=', challengeId).where('status', '=', 'awarded')
    .returning(['code']).executeTakeFirst();
  if (!done) return false;
  await audit(trx, ctx, {
    action: 'challenges.challenge.complete', entityType: 'challenge', entityId: challengeId,
    summary: `榜单 ${done.code} 全部立项实施结束，已结题（every award of the challenge is settled: completed）`, before: { status: 'awarded' }, after: { status: 'completed' },
  });
  return true;
}
