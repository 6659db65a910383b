import { describe, expect, it } from 'vitest';
import { assign, conflictsOf } from '@cq-biomfg/assign';
import { aggregate, criterionMeans, rankingOf, rubricOf, scoreProblems, weightedTotal } from '../model/scoring.js';
import { collaborationRef, nameConflict, noticeEndsAt, noticeOpen, organisationNameForms, proposalProblems, scrub, withRoom } from '../model/reviews.js';
import { DEFAULT_RUBRIC } from '../model/labels.js';

/** The pure rules of review: weighted totals, the outlier rule and the spread, ranking, conflicts in words, the blind view's scrubbing, proposals and the notice clock. */

const RUBRIC = [
  { key: 'a', nameZh: '创新', nameEn: 'Novelty', weight: 60, max: 10 },
  { key: 'b', nameZh: '可行', nameEn: 'Feasibility', weight: 40, max: 100 },
];

describe('scores by rubric', () => {
  it('weighs each criterion by weight × score / max on a 100-point scale, computed here not taken from the reviewer', () => {
    expect(weightedTotal(RUBRIC, { a: 10, b: 100 })).toBe(100);
    expect(weightedTotal(RUBRIC, { a: 5, b: 50 })).toBe(50);
    expect(weightedTotal(RUBRIC, { a: 7.5, b: 80 })).toBe(77);
    // A draft's running total counts what is not scored yet as 0.
    expect(weightedTotal(RUBRIC, { a: 10 })).toBe(60);
    expect(weightedTotal(DEFAULT_RUBRIC, Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, 80])))).toBe(80);
  });

  it('takes the default rubric when the challenge stored none', () => {
    expect(rubricOf([])).toBe(DEFAULT_RUBRIC);
    expect(rubricOf(RUBRIC)).toBe(RUBRIC);
  });

  it('names each bad score; a draft may be partial, a submission needs every criterion and a comment', () => {
    expect(scoreProblems(RUBRIC, { scores: { a: 4 } }, false)).toEqual([]);
    expect(scoreProblems(RUBRIC, { scores: { a: 11, b: -1, c: 3 } }, false).map((p) => p.path)).toEqual(['/scores/c', '/scores/a', '/scores/b']);
    expect(scoreProblems(RUBRIC, { scores: { a: 4.3 } }, false).map((p) => p.path)).toEqual(['/scores/a']);
    expect(scoreProblems(RUBRIC, { scores: { a: 4 }, commentZh: '  ' }, true).map((p) => p.path)).toEqual(['/scores/b', '/commentZh']);
    expect(scoreProblems(RUBRIC, { scores: { a: 4, b: 70 }, commentZh: '路线清楚', criterionComments: { z: 'x' } }, true).map((p) => p.path)).toEqual(['/criterionComments/z']);
  });
});

describe('the aggregate', () => {
  it('with five or more totals drops the highest and the lowest, then averages (trimmed mean)', () => {
    const a = aggregate([90, 60, 70, 80, 20]);
    expect(a).toMatchObject({ n: 5, mean: 64, trimmedMean: 70, score: 70, rule: 'trimmedMean', min: 20, max: 90, spread: 70, wideSpread: true });
    expect(a.sd).toBeCloseTo(Math.sqrt((26 ** 2 + 4 ** 2 + 6 ** 2 + 16 ** 2 + 44 ** 2) / 5), 2);
  });

  it('with fewer than five uses the plain mean, and flags a spread only above 20 points', () => {
    expect(aggregate([80, 60, 70, 70])).toMatchObject({ n: 4, mean: 70, trimmedMean: null, score: 70, rule: 'mean', spread: 20, wideSpread: false });
    expect(aggregate([80, 59.5])).toMatchObject({ spread: 20.5, wideSpread: true });
    expect(aggregate([75])).toMatchObject({ score: 75, sd: 0, spread: 0 });
    expect(aggregate([])).toMatchObject({ n: 0, score: null, wideSpread: false });
  });

  it('averages each criterion over the panel', () => {
    expect(criterionMeans(RUBRIC, [{ a: 8, b: 60 }, { a: 6, b: 70 }, { a: 7 }])).toEqual({ a: 7, b: 65 });
  });

  it('ranks by score, then the mean; equal ones share a rank; unscored ones come last unranked', () => {
    const r = rankingOf([
      { id: '1', code: 'SB-1', score: 70, mean: 70, n: 3 }, { id: '2', code: 'SB-2', score: 80, mean: 78, n: 5 },
      { id: '3', code: 'SB-3', score: 80, mean: 79, n: 5 }, { id: '4', code: 'SB-4', score: null, mean: null, n: 0 }, { id: '5', code: 'SB-5', score: 70, mean: 70, n: 3 },
    ]);
    expect(r.map((x) => [x.code, x.rank])).toEqual([['SB-3', 1], ['SB-2', 2], ['SB-1', 3], ['SB-5', 3], ['SB-4', null]]);
  });
});

describe('conflicts in words', () => {
  it('puts the names of organisations and people where the engine has their ids, and names the paper', () => {
    const expert = { id: 'e1', organisationId: 'o9', fields: ['酶工程'], coworkers: [{ personId: 'p2', kind: 'publication' as const, ref: collaborationRef({ titleZh: '赤藓糖醇高产菌株', ref: '10.1000/xyz' }) }] };
    const app = { id: 'a1', fields: ['酶工程'], leadOrganisationId: 'o9', memberOrganisationIds: [], peopleIds: ['p2'] };
    const names = new Map([['o9', '重庆璧山合成生物有限公司'], ['p2', '李四']]);
    const [same, paper] = conflictsOf(expert, app).map((c) => nameConflict(c, names));
    expect(same).toMatchObject({ kind: 'sameOrganisation', kindZh: '同一机构' });
    expect(same.reasonZh).toContain('重庆璧山合成生物有限公司');
    expect(same.reasonZh).not.toContain('o9');
    expect(paper.kind).toBe('jointPublication');
    expect(paper.reasonZh).toContain('李四');
    expect(paper.reasonZh).toContain('《赤藓糖醇高产菌株》10.1000/xyz');
  });
});

describe('the blind view', () => {
  it('knows an organisation by its full and its shortened names, not by ordinary words', () => {
    expect(organisationNameForms('重庆璧山合成生物有限公司').sort()).toEqual(['璧山合成生物', '璧山合成生物有限公司', '重庆璧山合成生物', '重庆璧山合成生物有限公司'].sort());
    expect(organisationNameForms('重庆大学')).toEqual(['重庆大学']);
  });

  it('replaces every form of every name, longest first, Latin letters in any case', () => {
    const text = '本项目由重庆璧山合成生物有限公司牵头，璧山合成生物已建成 BiShan Synbio 中试线，张三负责。';
    const out = scrub(text, [
      ...organisationNameForms('重庆璧山合成生物有限公司').map((find) => ({ find, label: '申报单位 A' })),
      { find: 'Bishan SynBio', label: '申报单位 A' }, { find: '张三', label: '成员 1' },
    ]);
    expect(out).toBe('本项目由申报单位 A牵头，申报单位 A已建成 申报单位 A 中试线，成员 1负责。');
    expect(scrub(null, [])).toBeNull();
  });
});

describe('proposals and the notice', () => {
  const single = { mode: 'single', fundingWan: 1000, maxTeams: 1 };
  const parallel = { mode: 'parallel', fundingWan: 1000, maxTeams: 3 };
  it('single award: exactly one, the whole funding unless less is given', () => {
    expect(proposalProblems([{ applicationId: 'a' }], single)).toEqual([]);
    expect(proposalProblems([{ applicationId: 'a' }, { applicationId: 'b' }], single).map((p) => p.path)).toEqual(['/awardees']);
    expect(proposalProblems([{ applicationId: 'a', shareWan: 1200 }], single).map((p) => p.path)).toEqual(['/awardees']);
    expect(proposalProblems([], single).map((p) => p.path)).toEqual(['/awardees']);
  });
  it('parallel funding: up to max_teams, each with a share, the sum within the funding', () => {
    expect(proposalProblems([{ applicationId: 'a', shareWan: 600 }, { applicationId: 'b', shareWan: 400 }], parallel)).toEqual([]);
    expect(proposalProblems([{ applicationId: 'a', shareWan: 600 }, { applicationId: 'b', shareWan: 500 }], parallel).map((p) => p.path)).toEqual(['/awardees']);
    expect(proposalProblems([{ applicationId: 'a' }, { applicationId: 'a', shareWan: 0 }], parallel).map((p) => p.path)).toEqual(['/awardees/0/shareWan', '/awardees/1/applicationId', '/awardees/1/shareWan']);
    expect(proposalProblems(['a', 'b', 'c', 'd'].map((applicationId) => ({ applicationId, shareWan: 10 })), parallel).map((p) => p.path)).toEqual(['/awardees']);
  });
  it('runs notice_days × 24 h from its start: open before the end, closed from it', () => {
    const start = new Date('2026-05-01T02:00:00Z');
    const end = noticeEndsAt(start, 7);
    expect(end.toISOString()).toBe('2026-05-08T02:00:00.000Z');
    expect(noticeOpen({ endsAt: end }, new Date('2026-05-08T01:59:59Z'))).toBe(true);
    expect(noticeOpen({ endsAt: end }, end)).toBe(false);
  });
});

describe("an expert's own cap across runs", () => {
  const experts = [
    { id: 'capped', organisationId: 'o1', fields: ['发酵工程'], maxLoad: 2 },
    { id: 'full', organisationId: 'o2', fields: ['发酵工程'], maxLoad: 1 },
    { id: 'free', organisationId: 'o3', fields: ['发酵工程'] },
  ];

  it('gives the engine what is left of each cap, and leaves out an expert with nothing left', () => {
    const held = new Map([['capped', 1], ['full', 1], ['free', 4]]);
    expect(withRoom(experts, held)).toEqual([
      { id: 'capped', organisationId: 'o1', fields: ['发酵工程'], maxLoad: 1 },
      { id: 'free', organisationId: 'o3', fields: ['发酵工程'] },
    ]);
    expect(withRoom(experts, new Map())).toEqual(experts);
  });

  it('so a top-up run never takes an expert past its own cap', () => {
    const apps = ['a1', 'a2', 'a3'].map((id, i) => ({ id, fields: ['发酵工程'], leadOrganisationId: `lead${i}`, memberOrganisationIds: [] }));
    // The capped expert already holds one review in the challenge: one more at most.
    const { load } = assign(apps, withRoom(experts, new Map([['capped', 1], ['full', 1]])), { perApplication: 1 });
    expect(load.get('capped') ?? 0).toBeLessThanOrEqual(1);
    expect(load.has('full')).toBe(false);
  });
});
