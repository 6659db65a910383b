import { describe, expect, it } from 'vitest';
import type { ChallengeDetail, TimelineStep } from './api';
import { valuesFromNeed, challengeBody, challengeFormProblems, challengeFormValues, countdown, fieldName, formFields, indicatorText, newChallengeValues, rubricWeightSum, timelineView, type ChallengeFormValues } from './ChallengeModel';
import { DEFAULT_RUBRIC } from './labels';

// The server's own rules, read by the test runner only: the web app never imports the server.
const SERVER_MODEL = '../../../../server/src/modules/challenges/model/challenges.ts';
const server = (await import(/* @vite-ignore */ new URL(SERVER_MODEL, import.meta.url).href)) as {
  challengeProblems: (c: unknown, k: { now: Date; publishing: boolean }) => { path: string }[];
};

const NOW = new Date('2026-05-01T00:00:00Z');
const good = (over: Partial<ChallengeFormValues> = {}): ChallengeFormValues => ({
  ...newChallengeValues(), titleZh: '高产丁二酸菌株', fields: ['菌株构建', '代谢工程'], fundingWan: 800, durationMonths: 24,
  deadline: '2026-06-30T09:00:00.000Z', indicators: [{ nameZh: '产率', comparator: '>=', targetValue: 120, unit: 'g/L' }], ...over,
});
const paths = (ps: { path: string }[]) => ps.map((p) => p.path).sort();

describe('the countdown to a deadline', () => {
  it('counts days and hours while far, minutes and seconds in the last hour, and says closed after', () => {
    expect(countdown('2026-05-03T05:00:00Z', NOW)).toMatchObject({ closed: false, days: 2, hours: 5, zh: '剩 2 天 5 小时', urgent: true });
    expect(countdown('2026-05-20T00:00:00Z', NOW)).toMatchObject({ days: 19, urgent: false });
    expect(countdown('2026-05-01T00:01:30Z', NOW)).toMatchObject({ days: 0, hours: 0, minutes: 1, seconds: 30, en: '1 min 30 s left' });
    expect(countdown('2026-05-01T00:00:00Z', NOW)).toMatchObject({ closed: true, zh: '已截止' });
  });
});

describe('the challenge form', () => {
  it('sends trimmed text, blank optional text as null, distinct field keywords, and one team for a single award', () => {
    const b = challengeBody(good({ titleZh: '  丁二酸 ', summaryZh: '  ', fields: [' 菌株构建', '菌株构建', ''], maxTeams: 3 }));
    expect(b).toMatchObject({ titleZh: '丁二酸', summaryZh: null, fields: ['菌株构建'], mode: 'single', maxTeams: 1 });
  });

  it('finds nothing wrong in a whole draft, as the server does', () => {
    expect(challengeFormProblems(good(), { now: NOW, publishing: true })).toEqual([]);
    expect(server.challengeProblems(challengeBody(good()), { now: NOW, publishing: true })).toEqual([]);
  });

  it('refuses what the server refuses, on the same fields', () => {
    const cases: ChallengeFormValues[] = [
      good({ titleZh: ' ', fields: [] }),
      good({ mode: 'parallel', maxTeams: 1 }),
      good({ fundingWan: 0, durationMonths: 121 }),
      good({ indicators: [] }),
      good({ indicators: [{ nameZh: '', comparator: '>=', targetValue: null }] }),
      good({ rubric: DEFAULT_RUBRIC.map((c) => ({ ...c, weight: c.key === 'budget' ? 5 : c.weight })) }),
      good({ rubric: [{ key: 'a', nameZh: '创新', nameEn: 'A', weight: 50, max: 0 }, { key: 'a', nameZh: '', nameEn: '', weight: 50, max: 10 }] }),
      good({ deadline: '2026-04-01T00:00:00Z' }),
      good({ reviewersPerApplication: 16, noticeDays: 0, maxMembers: 21 }),
    ];
    for (const v of cases) {
      expect(paths(challengeFormProblems(v, { now: NOW, publishing: true }))).toEqual(paths(server.challengeProblems(challengeBody(v), { now: NOW, publishing: true })));
    }
  });

  it('lets a draft keep a past deadline until it is published', () => {
    expect(challengeFormProblems(good({ deadline: '2026-04-01T00:00:00Z' }), { now: NOW, publishing: false })).toEqual([]);
  });

  it('adds the rubric weights to show the sum beside 100', () => {
    expect(rubricWeightSum(DEFAULT_RUBRIC)).toBe(100);
    expect(rubricWeightSum([{ weight: 33.3 }, { weight: 33.3 }, { weight: 33.4 }])).toBe(100);
  });

  it('starts an edit from the stored draft', () => {
    const c = { ...challengeBody(good()), id: 'c1', code: 'JB-2026-001', needId: null, rubric: DEFAULT_RUBRIC, reviewersPerApplication: 3, indicators: [{ id: 'i1', nameZh: '产率', comparator: '>=', targetValue: 120, unit: 'g/L', methodZh: null }] } as unknown as ChallengeDetail;
    expect(challengeFormValues(c)).toMatchObject({ titleZh: '高产丁二酸菌株', reviewersPerApplication: 3, indicators: [{ nameZh: '产率', targetValue: 120 }] });
  });

  it('starts from a catalog need as the server does: its title, field, goals, indicators at least their targets, mode and funding', () => {
    const need = { id: 'n1', titleZh: '高通量筛选平台', field: 'screening', fieldOtherZh: null, domain: 'biochem', expectedOutcomeZh: '日筛 10 万', indicators: [{ nameZh: '通量', targetValue: 100000, unit: '株/日' }], suggestedMode: 'parallel', fundingWan: 1200 };
    expect(valuesFromNeed(need, { screening: { zh: '超高通量筛选' } })).toEqual({
      needId: 'n1', titleZh: '高通量筛选平台', summaryZh: '日筛 10 万', fields: ['超高通量筛选'], domain: 'biochem', mode: 'parallel', maxTeams: 2, fundingWan: 1200,
      indicators: [{ nameZh: '通量', comparator: '>=', targetValue: 100000, unit: '株/日' }],
    });
    expect(valuesFromNeed({ ...need, field: 'other', fieldOtherZh: '酶工程', suggestedMode: null, fundingWan: null }, {})).not.toHaveProperty('mode');
  });

  it('puts a server problem on its form field', () => {
    expect(fieldName('/indicators/0/nameZh')).toEqual(['indicators', 0, 'nameZh']);
    expect(formFields([{ path: '/rubric', message: 'a' }, { path: '/rubric', message: 'b' }, { path: '', message: 'whole' }])).toEqual([{ name: ['rubric'], errors: ['a', 'b'] }]);
  });

  it('writes an indicator as a reader reads it', () => {
    expect(indicatorText({ nameZh: '产率', comparator: '>=', targetValue: 120, unit: 'g/L' })).toBe('产率 ≥ 120 g/L');
    expect(indicatorText({ nameZh: '杂质', comparator: '<=', targetValue: 0.5, unit: null })).toBe('杂质 ≤ 0.5');
  });
});

describe('the timeline', () => {
  const step = (key: string, done: boolean, over: Partial<TimelineStep> = {}): TimelineStep => ({ key, zh: key, en: key, on: '2026-06-30', at: null, planned: !done, done, noteZh: null, ...over });

  it('finishes the steps done, marks the first one left as current and the rest waiting', () => {
    const v = timelineView([step('published', true), step('deadline', true), step('formalCheck', false, { noteZh: '待审查 2 份' }), step('review', false, { on: null })], 'review');
    expect(v.map((s) => s.state)).toEqual(['finish', 'finish', 'process', 'wait']);
    expect(v[2]).toMatchObject({ planned: true, noteZh: '待审查 2 份' });
    expect(v[3].date).toBeNull();
  });

  it('shows a cancelled challenge stopped at its current step', () => {
    expect(timelineView([step('published', true), step('deadline', false)], 'cancelled')[1].state).toBe('error');
  });
});
