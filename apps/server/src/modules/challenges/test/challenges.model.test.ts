import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from '../model/labels.js';
import { challengeProblems, moveProblem, rubricProblems } from '../model/challenges.js';
import { applicationProblems, budgetCapOf, checklistOf, type ApplicationInput, type ChallengeTerms, type Known } from '../model/applications.js';

/** The pure rules the services apply: the rubric, the mode's teams, the budget cap, and one rule list for saving, submitting and the checklist. */

const terms: ChallengeTerms = { mode: 'single', fundingWan: 1000, maxTeams: 1, durationMonths: 24, maxMembers: 2, requiresUserEnterprise: true };
const known: Known = { leadOrganisationId: 'lead', organisationKinds: new Map([['lead', 'enterprise'], ['m1', 'institute'], ['m2', 'enterprise']]), expertIds: new Set(['e1']) };
const whole: ApplicationInput = {
  titleZh: '方案', planZh: '实施方案', budgetWan: 500, currentTrl: 3, targetTrl: 6, members: [{ organisationId: 'm1' }, { organisationId: 'm2', userEnterprise: true }],
  people: [{ nameZh: '张三', organisationId: 'lead' }, { nameZh: '李四', organisationId: 'm1', expertId: 'e1' }],
  milestones: [{ titleZh: '中期', month: 12 }, { titleZh: '结题', month: 24 }], budgetLines: [{ itemZh: '设备费', amountWan: 300 }, { itemZh: '材料费', amountWan: 200 }],
};

describe('challenge rules', () => {
  it('accepts the default rubric and refuses weights that do not add up to 100 or a maximum of 0', () => {
    expect(rubricProblems(DEFAULT_RUBRIC)).toEqual([]);
    expect(rubricProblems([{ key: 'a', nameZh: '甲', nameEn: 'A', weight: 50, max: 0 }]).map((p) => p.path)).toEqual(['/rubric/0/max', '/rubric']);
  });

  it('checks the deadline against now only when publishing', () => {
    const past = { titleZh: '榜', fields: ['酶'], mode: 'single' as const, fundingWan: 1, durationMonths: 12, deadline: '2026-01-01T00:00:00Z', indicators: [{ nameZh: '产率', comparator: '>=' as const, targetValue: 1 }] };
    const now = new Date('2026-03-01T00:00:00Z');
    expect(challengeProblems(past, { now, publishing: false })).toEqual([]);
    expect(challengeProblems(past, { now, publishing: true }).map((p) => p.path)).toEqual(['/deadline']);
  });

  it('names the status a move cannot start from', () => {
    expect(moveProblem('publish', 'draft')).toBeNull();
    expect(moveProblem('publish', 'open')?.zh).toContain('揭榜中');
  });
});

describe('application rules', () => {
  it('caps the budget at the funding, or funding ÷ teams × 1.5 in parallel funding', () => {
    expect(budgetCapOf({ mode: 'single', fundingWan: 1000, maxTeams: 1 })).toBe(1000);
    expect(budgetCapOf({ mode: 'parallel', fundingWan: 1000, maxTeams: 3 })).toBe(500);
  });

  it('passes a whole application on every checklist line, and refuses a draft only for what is wrong already', () => {
    expect(applicationProblems(whole, terms, known, true)).toEqual([]);
    expect(checklistOf(whole, terms, known).every((x) => x.ok)).toBe(true);
    expect(applicationProblems({ titleZh: '草稿' }, terms, known, false)).toEqual([]);
    const broken = { ...whole, members: [...whole.members!, { organisationId: 'm3' }], budgetWan: 1001 };
    expect(applicationProblems(broken, terms, known, false).map((p) => p.path)).toEqual(['/members', '/members/2/organisationId', '/budgetWan']);
    const list = checklistOf(broken, terms, known);
    expect(list.filter((x) => !x.ok).map((x) => x.key)).toEqual(['consortium', 'budget']);
    expect(list.find((x) => x.key === 'budget')!.detailZh).toContain('上限 1000 万元');
  });
});
