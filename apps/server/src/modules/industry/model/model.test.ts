import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from '../../../platform/identity/credit-code.js';
import { amountWan, designationsCell, districtCell, listCell } from './import-cells.js';
import { clockOf, stageAmountProblems, stageMoveProblem, targetKeyOf } from './leads.js';
import { standingOf } from './chain-analysis.js';
import { scaleOf, tierOf } from './tiers.js';
import { DESIGNATIONS, LEVELS } from './labels.js';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character matches, and says what is wrong with the others', () => {
    // Published examples of the standard's algorithm.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
    expect(creditCodeProblem('91350100M000100Y44')?.zh).toMatch(/校验码错误，应为 3/);
    expect(creditCodeProblem('91350100M000100Y4')?.en).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100M000I00Y43')?.en).toMatch(/no I, O, S, V, Z/);
    expect(creditCodeCheckChar('91500120MA0000001')).toMatch(/^[0-9A-HJ-NPQRTUWXY]$/);
  });
});

describe('import cells', () => {
  it('reads amounts in 万元, with units, thousands separators, and refuses words', () => {
    expect(amountWan(1200)).toEqual({ ok: true, value: 1200 });
    expect(amountWan('1.2亿元')).toEqual({ ok: true, value: 12000 });
    expect(amountWan('3,500 万元')).toEqual({ ok: true, value: 3500 });
    expect(amountWan('5000000元')).toEqual({ ok: true, value: 500 });
    expect(amountWan('')).toEqual({ ok: true, value: null });
    expect(amountWan('约一千万').ok).toBe(false);
    expect(amountWan(-1).ok).toBe(false);
  });
  it('splits lists on 、；; and new lines but never on the comma of 1,3-丙二醇', () => {
    expect(listCell('1,3-丙二醇、丁二酸；戊二胺;生物基聚酯\n丁二酸')).toEqual(['1,3-丙二醇', '丁二酸', '戊二胺', '生物基聚酯']);
  });
  it('finds a district by code, full name or short name', () => {
    const ds = [{ code: '500120', nameZh: '璧山区', shortZh: '璧山' }];
    expect(districtCell('璧山区', ds)).toEqual({ ok: true, value: '500120' });
    expect(districtCell('璧山', ds)).toEqual({ ok: true, value: '500120' });
    expect(districtCell('500120', ds)).toEqual({ ok: true, value: '500120' });
    expect(districtCell('成都', ds).ok).toBe(false);
  });
  it('reads designations as kind:level:year', () => {
    expect(designationsCell('专精特新:市级:2023、小巨人:国家级:2024', DESIGNATIONS, LEVELS)).toEqual({ ok: true, value: [{ kind: 'srdi', level: 'municipal', year: 2023 }, { kind: 'littleGiant', level: 'national', year: 2024 }] });
    expect(designationsCell('专精特新 2023', DESIGNATIONS, LEVELS).ok).toBe(false);
  });
});

describe('leads', () => {
  it('finds the same company however a district spells it', () => {
    expect(targetKeyOf('某某生物基材料股份有限公司')).toBe(targetKeyOf('某某生物基材料有限公司'));
    expect(targetKeyOf('某某（中国）生物集团')).toBe(targetKeyOf('某某生物'));
    expect(targetKeyOf('任意名称', '91500120MA00000011')).toBe('code:91500120MA00000011');
  });
  it('moves forward only, and asks for the amounts signed and funded stages need', () => {
    expect(stageMoveProblem('negotiating', 'clue', { contractedWan: null, arrivedWan: null })?.en).toMatch(/forward/);
    expect(stageMoveProblem('clue', 'signed', { contractedWan: null, arrivedWan: null })?.en).toMatch(/contracted/);
    expect(stageMoveProblem('signed', 'funded', { contractedWan: 10, arrivedWan: null })?.en).toMatch(/arrived/);
    expect(stageMoveProblem('clue', 'negotiating', { contractedWan: null, arrivedWan: null })).toBeNull();
    // One rule for moves, edits and imports: each field a stage needs, by name.
    expect(stageAmountProblems('funded', { contractedWan: null, arrivedWan: null }).map((p) => p.field)).toEqual(['contractedWan', 'arrivedWan']);
    expect(stageAmountProblems('negotiating', { contractedWan: null, arrivedWan: null })).toEqual([]);
  });
  it('runs the response clock: a new lead within the clue days, then each stage between activities', () => {
    const days = { clue: 7, negotiating: 30 };
    const created = new Date('2026-03-01T00:00:00Z');
    const fresh = { stage: 'clue', status: 'active', createdAt: created, firstResponseAt: null, lastActivityAt: created };
    expect(clockOf(fresh, days, new Date('2026-03-02T00:00:00Z')).state).toBe('ok');
    expect(clockOf(fresh, days, new Date('2026-03-07T12:00:00Z')).state).toBe('due');
    expect(clockOf(fresh, days, new Date('2026-03-09T00:00:00Z')).state).toBe('overdue');
    const answered = { ...fresh, stage: 'negotiating', firstResponseAt: created, lastActivityAt: new Date('2026-03-05T00:00:00Z') };
    expect(clockOf(answered, days, new Date('2026-03-20T00:00:00Z')).state).toBe('ok');
    expect(clockOf(answered, days, new Date('2026-04-05T00:00:00Z')).state).toBe('overdue');
    expect(clockOf({ ...answered, status: 'closed' }, days, new Date('2027-01-01T00:00:00Z')).state).toBe('stopped');
  });
});

describe('chain analysis and tiers', () => {
  it('calls a node a gap, weak, an extension or solid', () => {
    expect(standingOf({ role: 'core' }, 0, 0)).toBe('gap');
    expect(standingOf({ role: 'core' }, 2, 5_000_000)).toBe('weak');
    expect(standingOf({ role: 'core' }, 5, 50_000)).toBe('weak');
    expect(standingOf({ role: 'core' }, 3, 100_000)).toBe('solid');
    expect(standingOf({ role: 'extension' }, 0, 0)).toBe('extension');
  });
  it('puts the boundary of a tier in the tier, and takes output value only when there is no revenue', () => {
    expect(tierOf(1_000_000)).toBe('100');
    expect(tierOf(999_999)).toBe('50');
    expect(tierOf(500_000)).toBe('50');
    expect(tierOf(499_999)).toBeNull();
    expect(scaleOf({ revenueWan: null, outputValueWan: 30 })).toBe(30);
    expect(scaleOf({ revenueWan: 20, outputValueWan: 30 })).toBe(20);
  });
});
