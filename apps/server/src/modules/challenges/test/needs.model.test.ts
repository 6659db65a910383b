import { describe, expect, it } from 'vitest';
import { actionProblem, cleanNeed, editionTitle, mayOf, needProblems } from '../model/needs.js';
import { formatIndicators, parseIndicators } from '../needs.excel.js';
import { needBody } from './fixture.catalog.js';

/** The catalog's rules without a database: a valid need, who moves it from which status, the indicator cell. */
describe('the rules of a need', () => {
  it('names the field of each problem', () => {
    expect(needProblems(needBody() as never)).toEqual([]);
    const paths = (extra: Record<string, unknown>) => needProblems(needBody(extra) as never).map((p) => p.path);
    expect(paths({ field: 'other', fieldOtherZh: ' ' })).toEqual(['/fieldOtherZh']);
    expect(paths({ indicators: [{ nameZh: '通量', targetValue: 1, unit: '' }, { nameZh: '通量', targetValue: 'x', unit: 3 }] }))
      .toEqual(['/indicators/1/targetValue', '/indicators/1/unit', '/indicators/1/nameZh']);
    expect(paths({ suggestedMode: 'lottery', fundingWan: 1e9, contactPhone: 'call me' })).toEqual(['/contactPhone', '/suggestedMode', '/fundingWan']);
    expect(cleanNeed({ field: 'design', fieldOtherZh: '残留', contactEmail: '  ' })).toMatchObject({ fieldOtherZh: null, contactEmail: null });
  });

  it('lets the raiser write and submit, organisers review, revise accepted needs and take them out', () => {
    const raiser = { raiser: true, organiser: false };
    const organiser = { raiser: false, organiser: true };
    expect(actionProblem('edit', 'returned', raiser)).toBeNull();
    expect(actionProblem('edit', 'accepted', raiser)?.zh).toBe('「已入库」状态的需求不能修改（仅限草稿、已退回）');
    expect(actionProblem('edit', 'accepted', organiser)).toBeNull();
    expect(actionProblem('accept', 'submitted', raiser)).not.toBeNull();
    expect(actionProblem('withdraw', 'draft', organiser)).not.toBeNull();
    expect(mayOf('submitted', { raiser: true, organiser: true })).toEqual({ edit: false, submit: false, review: true, withdraw: true });
    expect(mayOf('withdrawn', { raiser: true, organiser: true })).toEqual({ edit: false, submit: false, review: false, withdraw: false });
  });

  it('reads and writes the indicators cell of a sheet the same way', () => {
    const xs = [{ nameZh: '分选通量', targetValue: 3000, unit: '滴/秒' }, { nameZh: '纯度', targetValue: 99.5, unit: '%' }, { nameZh: '拷贝数', targetValue: 1, unit: '' }];
    expect(parseIndicators(formatIndicators(xs))).toEqual({ ok: true, value: xs });
    expect(parseIndicators('得率: 95 %\n周期：-2 天;')).toEqual({ ok: true, value: [{ nameZh: '得率', targetValue: 95, unit: '%' }, { nameZh: '周期', targetValue: -2, unit: '天' }] });
    expect(parseIndicators('得率很高；周期：2 天')).toEqual({ ok: false, bad: ['得率很高'] });
    expect(editionTitle(2026, 1)).toBe('《重庆市生物制造产业关键核心技术需求目录》（2026 年第 1 版）');
  });
});
