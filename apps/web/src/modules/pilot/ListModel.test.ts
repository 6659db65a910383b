import { describe, expect, it } from 'vitest';
import type { DemandItem, MatchCard } from './api.lists';
import { ORGANISMS, PROCESSES } from './labels.lists';
import {
  achievementBody, daysUntil, demandBody, formValuesOf, funnelSteps, isKeeperView, litres, matchLink, percent, reasonFits, returnedNote, snapshotValue,
} from './ListModel';

const demand = (over: Partial<DemandItem> = {}): DemandItem => ({
  id: 'd1', code: 'XQ-2026-0001', organisationId: 'o1', organisationNameZh: '重庆某生物', enterpriseId: null, titleZh: '年产千吨丁二酸中试', problemZh: '发酵放大',
  targetProductZh: null, processes: ['发酵'], organism: 'bacteria', scaleL: 5000, deadline: '2026-12-31', domain: 'biochem', districtCode: '500112',
  districtNameZh: '渝北区', biosafetyLevel: 1, qualityGrade: 'none', trlNeeded: 6, summaryZh: '摘要', state: 'published', publishedAt: null, expiresOn: '2026-10-01',
  detailOpen: false, ...over,
});

describe('the post form and the server fields', () => {
  it('trims text, sends empty optional text as null and fills the defaults the server keeps', () => {
    const body = demandBody({ titleZh: '  丁二酸 ', problemZh: '放大', targetProductZh: '  ', scaleL: 500, deadline: '2026-12-31', domain: 'biochem', districtCode: '500112', summaryZh: ' 摘要 ' });
    expect(body).toMatchObject({ titleZh: '丁二酸', targetProductZh: null, organism: 'none', biosafetyLevel: 1, qualityGrade: 'none', processes: [], budgetWan: null, trlNeeded: null, summaryZh: '摘要', detailZh: null });
  });

  it('keeps an achievement\'s organisms and TRL as written', () => {
    const body = achievementBody({ titleZh: '新菌株', resultZh: '产率提高 30%', trl: 5, organisms: ['yeast'], domain: 'biochem', districtCode: '500112', ipZh: '' });
    expect(body).toMatchObject({ trl: 5, organisms: ['yeast'], ipZh: null, scaleReachedL: null, partnerWantedZh: null });
  });

  it('starts the edit form from the fields the reader received, without the bookkeeping', () => {
    const values = formValuesOf(demand({ detailZh: '工艺参数', budgetWan: 300, detailOpen: true }));
    expect(values).toMatchObject({ titleZh: '年产千吨丁二酸中试', scaleL: 5000, detailZh: '工艺参数', budgetWan: 300, deadline: '2026-12-31' });
    expect(values).not.toHaveProperty('code');
    expect(values).not.toHaveProperty('state');
  });
});

describe('who reads an item', () => {
  it('knows a keeper by the review keys the server sends only to the owner and the task force', () => {
    expect(isKeeperView(demand())).toBe(false);
    expect(isKeeperView(demand({ reviewNoteZh: null }))).toBe(true);
  });

  it('shows the return reason only on a returned item', () => {
    expect(returnedNote(demand({ state: 'returned', reviewNoteZh: ' 预算口径不清 ' }))).toBe('预算口径不清');
    expect(returnedNote(demand({ state: 'published', reviewNoteZh: '同意发布' }))).toBeNull();
  });
});

describe('the funnel', () => {
  it('gives each step its share of what was posted', () => {
    const steps = funnelSteps({ posted: 8, responded: 6, negotiating: 3, signed: 2, done: 1 });
    expect(steps.map((s) => s.key)).toEqual(['posted', 'responded', 'negotiating', 'signed', 'done']);
    expect(steps[2]).toMatchObject({ zh: '洽谈', value: 3, share: 0.375 });
    expect(funnelSteps({ posted: 0, responded: 0, negotiating: 0, signed: 0, done: 0 })[0].share).toBeNull();
  });

  it('reads a share as a percentage', () => {
    expect(percent(0.375)).toBe('37.5%');
    expect(percent(1 / 3)).toBe('33.3%');
    expect(percent(null)).toBe('—');
  });
});

describe('small readings', () => {
  it('says litres as the engine does', () => {
    expect(litres(500)).toBe('500 L');
    expect(litres(5000)).toBe('5 m³');
    expect(litres(null)).toBe('—');
  });

  it('counts days to an expiry', () => {
    expect(daysUntil('2026-03-10', '2026-03-01')).toBe(9);
    expect(daysUntil('2026-02-27', '2026-03-01')).toBe(-2);
    expect(daysUntil(null, '2026-03-01')).toBeNull();
  });

  it('links a match to the other side\'s page, a capability to its base only when the answer names it', () => {
    const card = (kind: MatchCard['kind'], baseId?: string): MatchCard => ({ id: 'x', code: 'P-1', titleZh: 't', districtCode: '500112', ownerZh: 'o', kind, baseId });
    expect(matchLink(card('achievement'))).toBe('/pilot/achievements/x');
    expect(matchLink(card('demand'))).toBe('/pilot/demands/x');
    expect(matchLink(card('capability'))).toBeNull();
    expect(matchLink(card('capability', 'b1'))).toBe('/pilot/bases/b1');
  });

  it('reads a snapshot field by its vocabulary', () => {
    const vocab = { organism: ORGANISMS, processes: PROCESSES };
    expect(snapshotValue('organism', 'yeast', 'zh', vocab)).toBe('酵母');
    expect(snapshotValue('processes', ['发酵', '精制'], 'en', vocab)).toBe('Fermentation, Refining');
    expect(snapshotValue('platforms', [{ code: 'a' }, { code: 'b' }], 'zh', vocab)).toBe('2 项');
    expect(snapshotValue('allianceMember', true, 'en', vocab)).toBe('Yes');
    expect(snapshotValue('ipZh', null, 'zh', vocab)).toBe('—');
  });

  it('tells a reason that fits from one that falls short', () => {
    expect(reasonFits({ zh: '工艺匹配：发酵' })).toBe(true);
    expect(reasonFits({ zh: '缺少工艺：精制' })).toBe(false);
    expect(reasonFits({ zh: '技术成熟度 TRL 4，低于要求的 TRL 6' })).toBe(false);
    expect(reasonFits({ zh: '宿主不同：需求为酵母，对方为细菌' })).toBe(false);
    expect(reasonFits({ zh: '已验证至 50 L，需求为 5 m³，尚需放大' })).toBe(false);
    expect(reasonFits({ zh: '已验证至 5 m³，达到需求规模' })).toBe(true);
  });
});
