import { describe, expect, it } from 'vitest';
import {
  acceptanceConclusion, challengeCompleted, indicatorMet, isOverdue, ledgerTotals, milestoneDueOn, nextMilestone, overpayProblem, paymentProblem,
  remainingWan, reportProblem, verdictProblems,
} from '../model/delivery.js';

describe('delivery rules', () => {
  it('meets an indicator as its comparator says, with a one-in-a-million tolerance for equality', () => {
    expect(indicatorMet('>=', 90, 90)).toBe(true);
    expect(indicatorMet('>=', 90, 89.9)).toBe(false);
    expect(indicatorMet('<=', 5, 4)).toBe(true);
    expect(indicatorMet('<=', 5, 5.1)).toBe(false);
    expect(indicatorMet('=', 99.9, 99.90000000001)).toBe(true);
    expect(indicatorMet('=', 99.9, 99.8)).toBe(false);
  });

  it('passes acceptance only when every indicator is met, or on a stated exception', () => {
    expect(acceptanceConclusion([{ met: true }, { met: true }])).toEqual({ allMet: true, byException: false, conclusion: 'passed' });
    expect(acceptanceConclusion([{ met: true }, { met: false }])).toMatchObject({ allMet: false, conclusion: 'failed' });
    expect(acceptanceConclusion([{ met: false }], '  ')).toMatchObject({ conclusion: 'failed' });
    expect(acceptanceConclusion([{ met: false }], '受市场变化影响，专家组同意以替代指标验收')).toEqual({ allMet: false, byException: true, conclusion: 'passed' });
    expect(acceptanceConclusion([])).toMatchObject({ conclusion: 'failed' });
  });

  it('completes a challenge once every award is accepted, failed, stopped or merged', () => {
    expect(challengeCompleted(['accepted', 'stopped', 'merged', 'failed'])).toBe(true);
    expect(challengeCompleted(['accepted', 'active'])).toBe(false);
    expect(challengeCompleted([])).toBe(false);
  });

  it('dates milestones from the contract and finds the next one and the overdue ones', () => {
    expect(milestoneDueOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(milestoneDueOn('2026-12-31', 2)).toBe('2027-02-28');
    expect(milestoneDueOn('2026-04-15', 12)).toBe('2027-04-15');
    const ms = [{ position: 2, dueOn: '2026-09-01', status: 'pending' }, { position: 1, dueOn: '2026-06-01', status: 'passed' }, { position: 3, dueOn: '2027-01-01', status: 'pending' }];
    expect(nextMilestone(ms)?.position).toBe(2);
    expect(isOverdue(ms[0], '2026-09-02')).toBe(true);
    expect(isOverdue(ms[0], '2026-09-01')).toBe(false);
    expect(isOverdue({ ...ms[0], status: 'submitted' }, '2026-10-01')).toBe(true);
    expect(isOverdue(ms[1], '2030-01-01')).toBe(false);
  });

  it('refuses payments to stopped, merged and failed awards, and past what the award may be paid', () => {
    expect(paymentProblem({ status: 'active', contractNo: 'HT-1' })).toBeNull();
    expect(paymentProblem({ status: 'accepted', contractNo: 'HT-1' })).toBeNull();
    for (const status of ['stopped', 'merged', 'failed']) expect(paymentProblem({ status, contractNo: 'HT-1' })).not.toBeNull();
    expect(paymentProblem({ status: 'active', contractNo: null })?.en).toMatch(/contract/);
    expect(overpayProblem(0.1, 0.2, 0.3)).toBeNull();
    expect(overpayProblem(200, 100.000001, 300)).toMatchObject({ path: '/amountWan' });
    expect(remainingWan(300, 120.5)).toBe(179.5);
    expect(remainingWan(300, 400)).toBe(0);
  });

  it('wants one verdict per active team, a reason to stop or merge, and a continuing target of the same challenge to merge into', () => {
    const awards = [{ id: 'a', code: 'LX-1', status: 'active' }, { id: 'b', code: 'LX-2', status: 'active' }, { id: 'c', code: 'LX-3', status: 'stopped' }];
    expect(verdictProblems([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'merge', mergeIntoAwardId: 'a', reasonZh: '技术路线相近' }], awards)).toEqual([]);
    const paths = (v: Parameters<typeof verdictProblems>[0]) => verdictProblems(v, awards).map((p) => p.path);
    expect(paths([{ awardId: 'a', verdict: 'continue' }])).toEqual(['/verdicts']);
    expect(paths([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'stop' }])).toEqual(['/verdicts/1/reasonZh']);
    expect(paths([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'merge', reasonZh: 'x' }])).toEqual(['/verdicts/1/mergeIntoAwardId']);
    expect(paths([{ awardId: 'a', verdict: 'stop', reasonZh: 'x' }, { awardId: 'b', verdict: 'merge', mergeIntoAwardId: 'a', reasonZh: 'x' }])).toEqual(['/verdicts/1/mergeIntoAwardId']);
    expect(paths([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'merge', mergeIntoAwardId: 'c', reasonZh: 'x' }])).toEqual(['/verdicts/1/mergeIntoAwardId']);
    expect(paths([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'continue' }, { awardId: 'c', verdict: 'continue' }])).toEqual(['/verdicts/2/awardId']);
    expect(paths([{ awardId: 'a', verdict: 'continue' }, { awardId: 'b', verdict: 'continue' }, { awardId: 'x', verdict: 'continue' }])).toEqual(['/verdicts/2/awardId']);
  });

  it('lets a team report on a milestone of an active award that is neither passed nor waiting', () => {
    expect(reportProblem({ status: 'active' }, { status: 'rework' })).toBeNull();
    expect(reportProblem({ status: 'stopped' }, { status: 'pending' })).not.toBeNull();
    expect(reportProblem({ status: 'active' }, { status: 'submitted' })).not.toBeNull();
    expect(reportProblem({ status: 'active' }, { status: 'passed' })).not.toBeNull();
  });

  it('totals the ledger by award, challenge and year without float drift', () => {
    const row = (awardId: string, challengeId: string, amountWan: number, paidOn: string) => ({ awardId, awardCode: `LX-${awardId}`, challengeId, challengeCode: `JB-${challengeId}`, amountWan, paidOn });
    const t = ledgerTotals([row('1', 'x', 0.1, '2026-03-01'), row('1', 'x', 0.2, '2027-01-01'), row('2', 'y', 100, '2026-05-01')]);
    expect(t.total).toBe(100.3);
    expect(t.byAward.map((a) => [a.awardCode, a.amountWan, a.count])).toEqual([['LX-1', 0.3, 2], ['LX-2', 100, 1]]);
    expect(t.byChallenge.map((a) => [a.challengeCode, a.amountWan])).toEqual([['JB-x', 0.3], ['JB-y', 100]]);
    expect(t.byYear.map((a) => [a.key, a.amountWan])).toEqual([['2026', 100.1], ['2027', 0.2]]);
  });
});
