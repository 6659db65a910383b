import { describe, expect, it } from 'vitest';
import { expertProblems, fieldKeywords, talentProblems, termStatus, termsOverlap, type ExpertFields, type TalentFields } from './rules.js';

const expert: ExpertFields = { nameZh: '张三', nameEn: null, titleZh: null, organisationId: null, organisationZh: '重庆大学', fields: ['酶工程'], domains: [], available: true, maxLoad: null, contactZh: null, profileZh: null };
const talent: TalentFields = { nameZh: '李四', kind: 'national', programme: 'yuyue', programmeOtherZh: null, organisationId: null, organisationZh: '西南大学', fieldZh: '合成生物学', teamSize: null, arrivalOn: '2025-01-01', status: 'arrived', leftOn: null };
const paths = (xs: { path: string }[]) => xs.map((x) => x.path);

describe('talent rules', () => {
  it('holds a term current from its first to its last day, both included', () => {
    const t = { termStart: '2025-01-01', termEnd: '2027-12-31' };
    expect(['2024-12-31', '2025-01-01', '2027-12-31', '2028-01-01'].map((d) => termStatus(t, d))).toEqual(['upcoming', 'current', 'current', 'expired']);
    expect(termsOverlap(t, { termStart: '2027-12-31', termEnd: '2029-01-01' })).toBe(true);
    expect(termsOverlap(t, { termStart: '2028-01-01', termEnd: '2029-01-01' })).toBe(false);
  });

  it('keeps field keywords trimmed and once each, and names what is wrong with an expert', () => {
    expect(fieldKeywords([' 酶工程', '酶工程 ', '', '发酵工程'])).toEqual(['酶工程', '发酵工程']);
    expect(expertProblems(expert)).toEqual([]);
    expect(paths(expertProblems({ ...expert, nameZh: ' ', organisationZh: '', fields: [], domains: ['x'], maxLoad: 0 }))).toEqual(['/nameZh', '/organisationZh', '/fields', '/domains/0', '/maxLoad']);
  });

  it('needs an arrival date once a talent has arrived or left, never in the future, and a name for an "other" programme', () => {
    expect(talentProblems(talent, '2026-03-10')).toEqual([]);
    expect(paths(talentProblems({ ...talent, arrivalOn: '2026-03-11' }, '2026-03-10'))).toEqual(['/arrivalOn']);
    expect(paths(talentProblems({ ...talent, status: 'left', arrivalOn: null }, '2026-03-10'))).toEqual(['/arrivalOn', '/leftOn']);
    expect(paths(talentProblems({ ...talent, status: 'recruiting', arrivalOn: null, programme: 'other' }, '2026-03-10'))).toEqual(['/programmeOtherZh']);
  });
});
