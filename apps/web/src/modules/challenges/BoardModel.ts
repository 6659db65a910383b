import type { BoardItem } from './api';

/**
 * The pure rules of the award and milestone board: awards grouped by challenge (parallel teams
 * side by side), paid against what each may be paid, and the open actions a row offers.
 */

export interface ChallengeGroup {
  challengeId: string; challengeCode: string; challengeTitleZh: string; mode: 'single' | 'parallel';
  awards: BoardItem[]; shareWan: number; paidWan: number; overdue: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Awards by challenge, newest challenge code first as the server sends them; each group's sums. */
export function groupByChallenge(items: readonly BoardItem[]): ChallengeGroup[] {
  const by = new Map<string, ChallengeGroup>();
  for (const a of items) {
    const g = by.get(a.challengeId) ?? { challengeId: a.challengeId, challengeCode: a.challengeCode, challengeTitleZh: a.challengeTitleZh, mode: a.mode, awards: [], shareWan: 0, paidWan: 0, overdue: 0 };
    g.awards.push(a);
    g.shareWan = round2(g.shareWan + a.shareWan);
    g.paidWan = round2(g.paidWan + a.paidWan);
    if (a.overdueCount > 0) g.overdue += 1;
    by.set(a.challengeId, g);
  }
  return [...by.values()];
}

/** Paid as a share of what the award may be paid, 0–100 for a progress bar; over 100 shows as 100 with the exception status. */
export function paidProgress(paidWan: number, payableWan: number) {
  if (!(payableWan > 0)) return { percent: 0, status: 'normal' as const };
  const pct = Math.round((paidWan / payableWan) * 1000) / 10;
  return { percent: Math.min(100, pct), status: pct > 100 ? ('exception' as const) : pct >= 100 ? ('success' as const) : ('active' as const) };
}

/** The awards a review's verdicts are recorded for: the teams still running. */
export const activeTeams = (awards: readonly BoardItem[]) => awards.filter((a) => a.status === 'active');

/**
 * What a verdict form refuses (the server's model/delivery.ts `verdictProblems` decides): every
 * active team a verdict; a stop or a merge its reason; a merge names another team that continues.
 */
export function verdictProblems(verdicts: readonly { awardId: string; verdict?: string; mergeIntoAwardId?: string | null; reasonZh?: string | null }[]) {
  const p: { path: string; message: string }[] = [];
  verdicts.forEach((v, i) => {
    if (!v.verdict) { p.push({ path: `/verdicts/${i}/verdict`, message: '请选择结论（choose a verdict）' }); return; }
    if (v.verdict !== 'continue' && !v.reasonZh?.trim()) p.push({ path: `/verdicts/${i}/reasonZh`, message: '终止或合并须说明理由（a stop or a merge gives its reason）' });
    if (v.verdict === 'merge') {
      const target = verdicts.find((x) => x.awardId === v.mergeIntoAwardId);
      if (!v.mergeIntoAwardId || v.mergeIntoAwardId === v.awardId || !target) p.push({ path: `/verdicts/${i}/mergeIntoAwardId`, message: '合并须指定另一个在研团队（a merge names another active team）' });
      else if (target.verdict && target.verdict !== 'continue') p.push({ path: `/verdicts/${i}/mergeIntoAwardId`, message: '并入的团队须继续实施（the team merged into must continue）' });
    }
  });
  return p;
}
