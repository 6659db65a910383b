import { addDays, addMonths } from '../../../platform/dates.js';
import type { ErrorDetail } from '../../../platform/http/errors.js';
import { OUTPUT_KINDS, VERDICTS, type AwardStatus, type OutputKind, type Verdict } from './labels.js';

/**
 * Delivery of an awarded challenge: milestones due from the contract date, verdicts at reviews,
 * the tranche ledger, acceptance against the indicators, outputs. Pure rules: no I/O.
 */
type Why = { zh: string; en: string };
export type Comparator = '>=' | '<=' | '=';

/** Money in 万元 kept to the yuan-cent (6 decimals): sums of floats must not drift past the share. */
export const wan = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * A milestone planned at month m of the plan falls due m months after the contract is signed; a
 * day the month lacks falls back to its last day (signed 31 January, month 1 → 28 February).
 */
export function milestoneDueOn(contractSignedOn: string, month: number) {
  const due = addMonths(contractSignedOn, month);
  const expected = (Number(contractSignedOn.slice(5, 7)) - 1 + month) % 12 + 1;
  return Number(due.slice(5, 7)) === expected ? due : addDays(due, -Number(due.slice(8, 10)));
}

/**
 * Whether an achieved value meets an indicator. '=' allows a relative difference of one part in
 * a million, so that 99.9 entered as 99.90000000001 by a spreadsheet still meets 99.9.
 */
export function indicatorMet(comparator: Comparator, target: number, achieved: number): boolean {
  const tolerance = 1e-6 * Math.max(1, Math.abs(target));
  if (comparator === '>=') return achieved >= target - tolerance;
  if (comparator === '<=') return achieved <= target + tolerance;
  return Math.abs(achieved - target) <= tolerance;
}

/**
 * The conclusion of an acceptance: passed when every indicator is met, or when the organisers
 * state an exception (a reason written into the record); failed otherwise.
 */
export function acceptanceConclusion(results: readonly { met: boolean }[], exceptionZh?: string | null) {
  const allMet = results.length > 0 && results.every((r) => r.met);
  const byException = !allMet && !!exceptionZh?.trim();
  return { allMet, byException, conclusion: allMet || byException ? 'passed' as const : 'failed' as const };
}

export const awardStatusAfterAcceptance = (conclusion: 'passed' | 'failed'): AwardStatus => (conclusion === 'passed' ? 'accepted' : 'failed');

/** An award's delivery is over: nothing more is paid, reported or accepted. */
export const SETTLED_AWARD_STATUSES: readonly AwardStatus[] = ['accepted', 'failed', 'stopped', 'merged'];
export const isSettled = (status: string) => SETTLED_AWARD_STATUSES.includes(status as AwardStatus);

/** The challenge is completed once every one of its awards is settled (and it has at least one). */
export const challengeCompleted = (awardStatuses: readonly string[]) => awardStatuses.length > 0 && awardStatuses.every(isSettled);

/** What a verdict does to the award it is about. */
export const AWARD_STATUS_AFTER_VERDICT: Record<Verdict, AwardStatus> = { continue: 'active', stop: 'stopped', merge: 'merged' };

/** Why an award cannot be paid now, or null. Stopped, merged and failed awards receive nothing more. */
export function paymentProblem(award: { status: string; contractNo: string | null }): Why | null {
  if (award.status === 'stopped') return { zh: '该立项已终止，不再拨付', en: 'The award is stopped; nothing more is paid' };
  if (award.status === 'merged') return { zh: '该立项已合并，剩余经费转入合并后的团队', en: 'The award is merged; its remaining budget goes to the team it merged into' };
  if (award.status === 'failed') return { zh: '该立项验收未通过，不再拨付', en: 'The award failed acceptance; nothing more is paid' };
  if (!award.contractNo) return { zh: '尚未登记合同，不能拨付', en: 'No contract is recorded yet; nothing can be paid' };
  return null;
}

/**
 * What an award may be paid in all: its share, plus the remaining budgets of teams merged into it.
 */
export const payableWan = (a: { shareWan: number; mergedInWan: number }) => wan(a.shareWan + a.mergedInWan);

/** 422 when a payment would take the total paid past what the award may be paid. */
export function overpayProblem(paidWan: number, amountWan: number, payable: number): ErrorDetail | null {
  const after = wan(paidWan + amountWan);
  if (after <= payable) return null;
  return {
    path: '/amountWan',
    message: `累计拨付 ${after} 万元将超过该立项可拨付额 ${payable} 万元（已拨付 ${wan(paidWan)} 万元）（the total paid, ${after}, would exceed the ${payable} the award may be paid; ${wan(paidWan)} paid so far）`,
  };
}

/** The remaining budget of an award when it stops or merges: what was granted and not yet paid. */
export const remainingWan = (payable: number, paidWan: number) => Math.max(0, wan(payable - paidWan));

export interface VerdictInput { awardId: string; verdict: string; mergeIntoAwardId?: string | null; reasonZh?: string | null }
export interface AwardAtReview { id: string; code: string; status: string }

/**
 * The verdicts of one review: one for every active award of the challenge, each a known verdict;
 * a stop or a merge gives its reason; a merge names another active award of the same challenge
 * that itself continues.
 */
export function verdictProblems(verdicts: readonly VerdictInput[], awards: readonly AwardAtReview[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const byId = new Map(awards.map((a) => [a.id, a]));
  const seen = new Set<string>();
  verdicts.forEach((v, i) => {
    const at = `/verdicts/${i}`;
    const award = byId.get(v.awardId);
    if (!award) { problems.push({ path: `${at}/awardId`, message: '不是本榜单的立项（not an award of this challenge）' }); return; }
    if (seen.has(v.awardId)) problems.push({ path: `${at}/awardId`, message: `立项 ${award.code} 重复（award ${award.code} appears twice）` });
    seen.add(v.awardId);
    if (award.status !== 'active') problems.push({ path: `${at}/awardId`, message: `立项 ${award.code} 已不在实施中（award ${award.code} is no longer active）` });
    if (!(v.verdict in VERDICTS)) { problems.push({ path: `${at}/verdict`, message: '结论应为继续、终止或合并（continue, stop or merge）' }); return; }
    if (v.verdict !== 'continue' && !v.reasonZh?.trim()) problems.push({ path: `${at}/reasonZh`, message: '终止或合并须说明理由（a stop or a merge gives its reason）' });
    if (v.verdict === 'merge') {
      const target = v.mergeIntoAwardId ? byId.get(v.mergeIntoAwardId) : undefined;
      const targetVerdict = verdicts.find((x) => x.awardId === v.mergeIntoAwardId)?.verdict;
      if (!v.mergeIntoAwardId) problems.push({ path: `${at}/mergeIntoAwardId`, message: '合并须指明并入的立项（a merge names the award it merges into）' });
      else if (!target || target.id === v.awardId) problems.push({ path: `${at}/mergeIntoAwardId`, message: '须并入本榜单的另一个立项（merge into another award of the same challenge）' });
      else if (target.status !== 'active' || (targetVerdict && targetVerdict !== 'continue'))
        problems.push({ path: `${at}/mergeIntoAwardId`, message: `立项 ${target.code} 须继续实施才能接收合并（award ${target.code} must continue to take a merge）` });
    } else if (v.mergeIntoAwardId) problems.push({ path: `${at}/mergeIntoAwardId`, message: '仅合并结论指明并入的立项（only a merge names a target）' });
  });
  awards.filter((a) => a.status === 'active' && !seen.has(a.id)).forEach((a) =>
    problems.push({ path: '/verdicts', message: `缺少立项 ${a.code} 的结论：每次评估须对每个在研团队给出结论（award ${a.code} has no verdict: each review gives every active team one）` }));
  return problems;
}

export type MilestoneStatus = 'pending' | 'submitted' | 'passed' | 'rework';

export interface MilestoneAt { position: number; dueOn: string; status: string }

/** A milestone not passed by its due day is overdue (a report waiting for review does not excuse it). */
export const isOverdue = (m: MilestoneAt, today: string) => m.status !== 'passed' && m.dueOn < today;

/** The milestone the team works on now: the first not passed, in order. */
export const nextMilestone = <M extends MilestoneAt>(ms: readonly M[]): M | null =>
  [...ms].sort((a, b) => a.position - b.position).find((m) => m.status !== 'passed') ?? null;

/** Why a team cannot report on a milestone now, or null. */
export function reportProblem(award: { status: string }, milestone: { status: string }): Why | null {
  if (award.status !== 'active') return { zh: '立项已不在实施中，不能提交报告', en: 'The award is no longer active; no reports' };
  if (milestone.status === 'passed') return { zh: '该节点已通过审核', en: 'This milestone has already passed review' };
  if (milestone.status === 'submitted') return { zh: '该节点已有待审核的报告', en: 'A report on this milestone is waiting for review' };
  return null;
}

/** Patents, standards, software copyrights and plant varieties are IP rights; products and papers are not. */
export const IP_OUTPUT_KINDS: readonly OutputKind[] = ['patent', 'standard', 'softwareCopyright', 'plantVariety'];
export const isIpKind = (k: string) => IP_OUTPUT_KINDS.includes(k as OutputKind);
export const isOutputKind = (k: string): k is OutputKind => k in OUTPUT_KINDS;

export interface LedgerRow { awardId: string; awardCode: string; challengeId: string; challengeCode: string; amountWan: number; paidOn: string }

/** The ledger's totals: by award, by challenge and by calendar year of payment. */
export function ledgerTotals(rows: readonly LedgerRow[]) {
  const sum = <K extends string>(key: (r: LedgerRow) => K, label: (r: LedgerRow) => Record<string, string>) => {
    const m = new Map<K, { key: K; amountWan: number; count: number } & Record<string, unknown>>();
    for (const r of rows) {
      const k = key(r);
      const t = m.get(k) ?? { key: k, amountWan: 0, count: 0, ...label(r) };
      t.amountWan = wan(t.amountWan + r.amountWan);
      t.count += 1;
      m.set(k, t);
    }
    return [...m.values()].sort((a, b) => String(a.key).localeCompare(String(b.key)));
  };
  return {
    total: wan(rows.reduce((s, r) => s + r.amountWan, 0)),
    byAward: sum((r) => r.awardId, (r) => ({ awardCode: r.awardCode, challengeCode: r.challengeCode })).sort((a, b) => String(a.awardCode).localeCompare(String(b.awardCode))),
    byChallenge: sum((r) => r.challengeId, (r) => ({ challengeCode: r.challengeCode })).sort((a, b) => String(a.challengeCode).localeCompare(String(b.challengeCode))),
    byYear: sum((r) => r.paidOn.slice(0, 4), () => ({})),
  };
}
