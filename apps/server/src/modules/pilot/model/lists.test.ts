import { describe, expect, it } from 'vitest';
import {
  actionProblem, achievementProblems, atlasSnapshot, countsByDomain, demandProblems, editionTitle, effectiveState, expiryOn, itemSnapshot, mayOf, viewOf,
  type DemandInput,
} from './lists.js';

const known = { today: '2026-03-10', districts: new Set(['500120', '500112']) };
const demand: DemandInput = {
  titleZh: '1,3-丙二醇发酵放大', problemZh: '50 L 到 5 吨放大时转化率下降', processes: ['发酵', '分离纯化'], organism: 'bacteria', scaleL: 5000,
  budgetWan: 300, deadline: '2026-09-30', domain: 'biochem', districtCode: '500120', summaryZh: '寻求 5 吨级发酵中试', detailZh: '菌株编号 CQ-17，转化率 0.42',
};
const paths = (p: { path: string }[]) => p.map((x) => x.path);

describe('the rules of the demand and achievement lists', () => {
  it('accepts a whole demand and names each bad field', () => {
    expect(demandProblems(demand, known)).toEqual([]);
    expect(paths(demandProblems({ ...demand, deadline: '2026-03-09' }, known))).toEqual(['/deadline']);
    expect(demandProblems({ ...demand, deadline: '2026-03-10' }, known)).toEqual([]); // today is still in time
    expect(paths(demandProblems({ ...demand, districtCode: '500199' }, known))).toEqual(['/districtCode']);
    expect(paths(demandProblems({ ...demand, scaleL: 0, processes: ['发酵', '炼丹'], organism: 'dragon', domain: 'space', biosafetyLevel: 5, qualityGrade: 'ISO', trlNeeded: 10, titleZh: ' ' }, known)).sort())
      .toEqual(['/biosafetyLevel', '/domain', '/organism', '/processes/1', '/qualityGrade', '/scaleL', '/titleZh', '/trlNeeded']);
    expect(paths(demandProblems({ ...demand, deadline: '2026-02-30' }, known))).toEqual(['/deadline']);
  });

  it('checks an achievement: TRL 1–9, organisms and processes from the vocabularies', () => {
    const a = { titleZh: '耐高温 α-淀粉酶', resultZh: '酶活提高 3 倍', trl: 6, domain: 'biochem', districtCode: '500112', organisms: ['yeast'], processes: ['酶催化'] };
    expect(achievementProblems(a, known)).toEqual([]);
    expect(paths(achievementProblems({ ...a, trl: 0 }, known))).toEqual(['/trl']);
    expect(paths(achievementProblems({ ...a, trl: 10, organisms: ['yeast', 'x'], scaleReachedL: -1 }, known)).sort()).toEqual(['/organisms/1', '/scaleReachedL', '/trl']);
  });

  it('keeps an item 180 days, a demand no longer than its deadline, and reads a lapsed one as expired', () => {
    expect(expiryOn('2026-03-10')).toBe('2026-09-06');
    expect(expiryOn('2026-03-10', '2026-05-01')).toBe('2026-05-01');
    expect(expiryOn('2026-03-10', '2027-01-01')).toBe('2026-09-06');
    const published = { state: 'published', expiresOn: '2026-05-01', deadline: '2026-05-01' };
    expect(effectiveState(published, '2026-05-01')).toBe('published');
    expect(effectiveState(published, '2026-05-02')).toBe('expired');
    expect(effectiveState({ ...published, expiresOn: '2026-09-06', deadline: '2026-04-01' }, '2026-04-02')).toBe('expired');
    // Only a published item lapses: a draft past its deadline is still a draft, to be fixed.
    expect(effectiveState({ ...published, state: 'draft' }, '2027-01-01')).toBe('draft');
  });

  it('moves an item only along its life, and says why not in both languages', () => {
    expect(actionProblem('submit', 'draft')).toBeNull();
    expect(actionProblem('submit', 'returned')).toBeNull();
    expect(actionProblem('edit', 'published')).toMatchObject({ zh: expect.stringContaining('已发布'), en: expect.stringContaining('published') });
    expect(actionProblem('publish', 'draft')).not.toBeNull();
    expect(actionProblem('renew', 'published')).not.toBeNull();
    expect(actionProblem('renew', 'expired')).toBeNull();
    expect(actionProblem('close', 'closed')).not.toBeNull();
    expect(mayOf('expired', { keeper: true, taskForce: false })).toEqual({ edit: false, submit: false, renew: true, close: true, review: false });
    expect(mayOf('submitted', { keeper: false, taskForce: true })).toMatchObject({ review: true, edit: false });
  });

  it('leaves the confidential keys out for the public (absent, not null), and the review for all but the keepers', () => {
    const row = { id: 'x', code: 'XQ-2026-0001', organisationId: 'o', ...demand, state: 'published', reviewNoteZh: '请补充', postedBy: 'u', tokens: ['丙二醇'] };
    const pub = viewOf('demand', row, 'public');
    expect(pub).not.toHaveProperty('detailZh');
    expect(pub).not.toHaveProperty('budgetWan');
    expect(pub).not.toHaveProperty('reviewNoteZh');
    expect(pub).not.toHaveProperty('tokens');
    expect(pub).toMatchObject({ titleZh: demand.titleZh, summaryZh: demand.summaryZh, detailOpen: false });
    const party = viewOf('demand', row, 'party');
    expect(party).toMatchObject({ detailZh: demand.detailZh, budgetWan: 300, detailOpen: true });
    expect(party).not.toHaveProperty('reviewNoteZh');
    expect(viewOf('demand', row, 'keeper')).toMatchObject({ reviewNoteZh: '请补充', detailOpen: true });
    const snap = itemSnapshot('demand', row);
    expect(Object.keys(snap)).not.toEqual(expect.arrayContaining(['detailZh']));
    expect(snap).not.toHaveProperty('budgetWan');
    expect(snap).not.toHaveProperty('detailOpen');
  });

  it('summarises a base for the atlas and counts an edition by domain', () => {
    const base = { id: 'b', code: 'B1', nameZh: '两江中试基地', nameEn: null, operatorZh: '某公司', districtCode: '500112', districtNameZh: '渝北区', addressZh: null, tier: 'key', recognisedOn: '2025-06-01', recognisedByZh: '重庆市科学技术局', domains: ['biochem', 'biopharma'], allianceMember: true, lng: null, lat: null, summaryZh: null, contactZh: null };
    const platforms = [{ id: 'p1', baseId: 'b', code: 'P1', nameZh: '发酵平台', summaryZh: null }, { id: 'p2', baseId: 'other', code: 'P2', nameZh: '别家', summaryZh: null }];
    const caps = [
      { platformId: 'p1', nameZh: '50 L', processes: ['发酵'], organisms: ['bacteria'], volumeMinL: 5, volumeMaxL: 50, qualityGrade: 'none', biosafetyLevel: 1 },
      { platformId: 'p1', nameZh: '5 吨', processes: ['发酵', '分离纯化'], organisms: ['yeast'], volumeMinL: 500, volumeMaxL: 5000, qualityGrade: 'GMP', biosafetyLevel: 2 },
      { platformId: 'p2', nameZh: '别家', processes: ['灌装'], organisms: [], volumeMinL: 1, volumeMaxL: 1, qualityGrade: 'GLP', biosafetyLevel: 3 },
    ];
    const s = atlasSnapshot(base, platforms, caps);
    expect(s).toMatchObject({ processes: ['发酵', '分离纯化'], organisms: ['bacteria', 'yeast'], volumeMinL: 5, volumeMaxL: 5000, qualityGrades: ['GMP', 'none'], biosafetyLevel: 2 });
    expect((s.platforms as unknown[]).length).toBe(1);
    expect(countsByDomain('atlas', [s])).toEqual({ biochem: 1, biopharma: 1, bioagrifood: 0, bioenergy: 0 });
    expect(countsByDomain('demands', [{ domain: 'biochem' }, { domain: 'biochem' }, { domain: 'bioenergy' }])).toMatchObject({ biochem: 2, bioenergy: 1 });
    expect(editionTitle('demands', '2026', 1)).toBe('《生产需求清单》（2026年第1版）');
  });
});
