import { describe, expect, it } from 'vitest';
import type { BoardItem, ReviewerApplication } from './api';
import { activeTeams, groupByChallenge, paidProgress, verdictProblems } from './BoardModel';
import { DEFAULT_RUBRIC } from './labels';
import { aggregateRule, isWideSpread, namesShown, partyName, scoreFormProblems, scoresBody, weightedTotal } from './ReviewModel';

// The server's own rules and vocabularies, read by the test runner only: the web app never imports the server.
const at = (p: string) => new URL(`../../../../server/src/modules/challenges/model/${p}`, import.meta.url).href;
const scoring = (await import(/* @vite-ignore */ at('scoring.ts'))) as { weightedTotal: typeof weightedTotal; scoreProblems: (r: unknown, i: unknown, f: boolean) => { path: string }[] };
const serverLabels = (await import(/* @vite-ignore */ at('labels.ts'))) as Record<string, Record<string, { zh: string; en: string }>>;
const serverReviews = (await import(/* @vite-ignore */ at('reviews.ts'))) as Record<string, Record<string, { zh: string; en: string }>>;
const labels = await import('./labels');

const names = (o: Record<string, { zh: string; en: string }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { zh: v.zh, en: v.en }]));

describe('the vocabularies', () => {
  it('name every mode, status, verdict and output kind as the server does', () => {
    for (const k of ['MODES', 'CHALLENGE_STATUSES', 'APPLICATION_STATUSES', 'AWARD_STATUSES', 'VERDICTS', 'OUTPUT_KINDS'] as const) expect(names(labels[k])).toEqual(names(serverLabels[k]));
    expect(names(labels.ASSIGNMENT_STATUSES)).toEqual(names(serverReviews.ASSIGNMENT_STATUSES));
    expect(names(labels.OBJECTION_STATUSES)).toEqual(names(serverReviews.OBJECTION_STATUSES));
    expect(labels.DEFAULT_RUBRIC).toEqual(serverLabels.DEFAULT_RUBRIC);
  });
});

describe('scoring by rubric', () => {
  it('weighs each criterion by its weight over its maximum, as the server totals it', () => {
    const scores = { innovation: 90, feasibility: 80, team: 70.5, impact: 60 };
    expect(weightedTotal(DEFAULT_RUBRIC, scores)).toBe(scoring.weightedTotal(DEFAULT_RUBRIC, scores));
    expect(weightedTotal(DEFAULT_RUBRIC, { innovation: 100, feasibility: 100, team: 100, impact: 100, budget: 100 })).toBe(100);
    const odd = [{ key: 'a', nameZh: 'A', nameEn: 'A', weight: 60, max: 10 }, { key: 'b', nameZh: 'B', nameEn: 'B', weight: 40, max: 5 }];
    expect(weightedTotal(odd, { a: 7.5, b: 2.5 })).toBe(scoring.weightedTotal(odd, { a: 7.5, b: 2.5 }));
  });

  it('lets a draft leave criteria empty but not give a score out of range; a submission needs every score and a comment', () => {
    const cases: [Record<string, number>, string | null, boolean][] = [
      [{ innovation: 101 }, null, false], [{ innovation: 80.3 }, null, false], [{ innovation: 80 }, null, false], [{ innovation: 80 }, ' ', true],
      [{ innovation: 80, feasibility: 80, team: 80, impact: 80, budget: 80 }, '思路清晰', true],
    ];
    for (const [scores, comment, final] of cases) {
      expect(scoreFormProblems(DEFAULT_RUBRIC, scores, comment, final).map((p) => p.path).sort())
        .toEqual(scoring.scoreProblems(DEFAULT_RUBRIC, { scores, commentZh: comment }, final).map((p) => p.path).sort());
    }
  });

  it('sends only the criteria scored', () => {
    expect(scoresBody(DEFAULT_RUBRIC, { innovation: 80, team: null, budget: undefined })).toEqual({ innovation: 80 });
  });
});

describe('the blind view and the aggregate', () => {
  const blind: ReviewerApplication = {
    blind: true, code: 'SB-2026-0001', budgetWan: 500, currentTrl: 4, targetTrl: 7, submittedAt: null, titleZh: '申报单位 A 的菌株', planZh: null,
    lead: { label: { zh: '申报单位 A', en: 'Applicant A' }, kind: 'enterprise' },
    members: [{ label: { zh: '申报单位 B', en: 'Applicant B' }, kind: 'institute', userEnterprise: false, roleZh: null }],
    people: [{ label: { zh: '成员 1', en: 'Member 1' }, organisation: { zh: '申报单位 A', en: 'Applicant A' }, roleZh: '负责人' }], milestones: [], budgetLines: [],
  };

  it('names parties by their labels where the challenge is blind', () => {
    expect(partyName(blind.lead, 'zh')).toBe('申报单位 A');
    expect(partyName({ nameZh: '重庆某生物有限公司' }, 'en')).toBe('重庆某生物有限公司');
    expect(namesShown(blind)).toEqual(['申报单位 A', '申报单位 B', '成员 1']);
  });

  it('says which rule made the score and flags a wide spread', () => {
    expect(aggregateRule({ n: 5, rule: 'trimmedMean' }).zh).toContain('去掉最高、最低分');
    expect(aggregateRule({ n: 3, rule: 'mean' }).en).toContain('fewer than 5');
    expect(isWideSpread(20)).toBe(false);
    expect(isWideSpread(20.5)).toBe(true);
  });
});

describe('the award board', () => {
  const award = (over: Partial<BoardItem>): BoardItem => ({
    id: 'a1', code: 'LX-2026-001', challengeId: 'c1', challengeCode: 'JB-2026-001', challengeTitleZh: '丁二酸', challengeStatus: 'awarded', mode: 'parallel', leadNameZh: '甲',
    applicationTitleZh: '方案', status: 'active', statusZh: '实施中', statusEn: 'Active', awardedAt: '2026-07-01', contractNo: null, contractSignedOn: null, shareWan: 300, mergedInWan: 0,
    payableWan: 300, paidWan: 100, paidShare: 33.3, milestonesTotal: 2, milestonesPassed: 0, nextMilestone: null, overdueCount: 0, ...over,
  });

  it('puts a parallel challenge\'s teams side by side with their sums', () => {
    const groups = groupByChallenge([award({}), award({ id: 'a2', code: 'LX-2026-002', paidWan: 50.5, overdueCount: 1 }), award({ id: 'a3', challengeId: 'c2', challengeCode: 'JB-2026-002', mode: 'single' })]);
    expect(groups.map((g) => [g.challengeCode, g.awards.length, g.shareWan, g.paidWan, g.overdue])).toEqual([['JB-2026-001', 2, 600, 150.5, 1], ['JB-2026-002', 1, 300, 100, 0]]);
    expect(activeTeams([award({}), award({ id: 'a2', status: 'stopped' })]).map((a) => a.id)).toEqual(['a1']);
  });

  it('shows paid against what may be paid', () => {
    expect(paidProgress(100, 300)).toEqual({ percent: 33.3, status: 'active' });
    expect(paidProgress(300, 300).status).toBe('success');
    expect(paidProgress(0, 0).percent).toBe(0);
  });

  it('asks a reason for a stop or a merge, and a merge into a team that continues', () => {
    expect(verdictProblems([{ awardId: 'a1', verdict: 'continue' }, { awardId: 'a2', verdict: 'stop' }]).map((p) => p.path)).toEqual(['/verdicts/1/reasonZh']);
    expect(verdictProblems([{ awardId: 'a1', verdict: 'stop', reasonZh: '弱' }, { awardId: 'a2', verdict: 'merge', mergeIntoAwardId: 'a1', reasonZh: '并' }]).map((p) => p.path)).toEqual(['/verdicts/1/mergeIntoAwardId']);
    expect(verdictProblems([{ awardId: 'a1' }]).map((p) => p.path)).toEqual(['/verdicts/0/verdict']);
  });
});
