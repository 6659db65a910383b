import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isIsoDate, todayIn } from './dates.js';
import { periods, periodsDueBy, quarterOf, quarterRange } from './periods.js';
import { curveProblems, expectedPct, timeShare } from './pace.js';
import { commendationsAndCriticisms, indicatorPace, rollupColour, rollupReasons, weightedProgress, workPointStatus, type WorkPointFacts } from './status.js';
import { nextState, stepsFrom } from './report-states.js';
import { diffEditions } from './diff.js';
import { reminderFor, windowOf } from './deadlines.js';

describe('dates', () => {
  it('reads today in Chongqing, not in the server\'s zone', () => {
    expect(todayIn(new Date('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(todayIn(new Date('2025-03-31T15:59:00Z'))).toBe('2025-03-31');
  });
  it('adds days and months across year ends, and rejects impossible dates', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2025-11-01', 3)).toBe('2026-02-01');
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('reporting periods', () => {
  it('gives a monthly work point one period a month, due on the 5th of the next month', () => {
    const p = periods('monthly', '2025-01-01', '2025-12-31');
    expect(p).toHaveLength(12);
    expect(p[0]).toEqual({ label: '2025-01', start: '2025-01-01', end: '2025-01-31', deadline: '2025-02-05' });
    expect(p[11].deadline).toBe('2026-01-05');
  });
  it('gives quarters labelled 2025-Q1 … from the quarter the work starts in', () => {
    const p = periods('quarterly', '2025-05-10', '2025-11-30');
    expect(p.map((x) => x.label)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(p[0]).toMatchObject({ start: '2025-04-01', end: '2025-06-30', deadline: '2025-07-05' });
  });
  it('counts the periods due by a date the same way as listing their deadlines', () => {
    for (const f of ['monthly', 'quarterly'] as const)
      for (const [s, d] of [['2025-01-01', '2025-12-31'], ['2025-03-15', '2025-08-20'], ['2026-02-01', '2026-02-28']])
        for (let day = '2024-12-01'; day <= '2027-02-01'; day = addDays(day, 3))
          expect(periodsDueBy(f, s, d, day), `${f} ${s}..${d} @${day}`).toBe(periods(f, s, d).filter((p) => p.deadline <= day).length);
  });
  it('names quarters', () => {
    expect(quarterRange('2025-Q3')).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(quarterRange('2025-Q5')).toBeNull();
    expect(quarterOf('2025-12-31')).toBe('2025-Q4');
  });
});

describe('pace', () => {
  it('follows a straight line without a curve, and the task force\'s curve with one', () => {
    expect(timeShare('2025-01-01', '2025-12-31', '2025-07-02')).toBeCloseTo(0.5, 2);
    expect(expectedPct(null, 0.5)).toBe(50);
    expect(expectedPct([[0, 0], [0.5, 20], [1, 100]], 0.75)).toBe(60);
  });
  it('rejects curves that do not run from 0 to 1 or that fall', () => {
    expect(curveProblems([[0, 0], [1, 100]])).toEqual([]);
    expect(curveProblems([[0.1, 0], [1, 100]]).length).toBeGreaterThan(0);
    expect(curveProblems([[0, 50], [0.5, 20], [1, 100]]).length).toBeGreaterThan(0);
    expect(curveProblems('x').length).toBe(1);
  });
});

describe('status colours', () => {
  const base: WorkPointFacts = { startsOn: '2025-01-01', dueOn: '2025-12-31', progressPct: 50, nextReportDeadline: '2025-08-05', closed: false, paceCurve: null };
  it('is red when overdue, or when a report deadline passed unmet, with the reason in words', () => {
    const s = workPointStatus({ ...base, nextReportDeadline: '2025-06-05' }, '2025-07-01');
    expect(s.colour).toBe('red');
    expect(s.reasons[0].zh).toContain('2025-06-05');
    expect(workPointStatus({ ...base, progressPct: 90 }, '2026-01-02').colour).toBe('red');
  });
  it('is yellow when progress lags the line beyond the tolerance', () => {
    const s = workPointStatus({ ...base, progressPct: 30 }, '2025-07-02');
    expect(s.colour).toBe('yellow');
    expect(s.reasons[0].en).toMatch(/should be 50/);
    expect(workPointStatus({ ...base, progressPct: 41 }, '2025-07-02').colour).toBe('green');
  });
  it('is yellow when its indicator is behind its own line', () => {
    expect(workPointStatus({ ...base, indicatorBehind: { zh: '指标滞后', en: 'behind' } }, '2025-07-02').colour).toBe('yellow');
  });
  it('is blue when a deadline is near, green otherwise, and closed when accepted as done', () => {
    expect(workPointStatus(base, '2025-07-25').colour).toBe('blue');
    expect(workPointStatus(base, '2025-07-02').colour).toBe('green');
    expect(workPointStatus({ ...base, closed: true, progressPct: 0 }, '2026-05-01').colour).toBe('closed');
  });
  it('rolls up to the worst colour, closed only when every part is', () => {
    expect(rollupColour({ red: 0, yellow: 1, blue: 3, green: 5, closed: 2 })).toBe('yellow');
    expect(rollupColour({ red: 0, yellow: 0, blue: 0, green: 0, closed: 2 })).toBe('closed');
    expect(rollupColour({ red: 0, yellow: 0, blue: 0, green: 1, closed: 2 })).toBe('green');
    expect(rollupColour({ red: 0, yellow: 0, blue: 0, green: 0, closed: 0 })).toBe('none');
    expect(rollupReasons({ red: 1, yellow: 0, blue: 0, green: 2, closed: 0 })[0].zh).toBe('共 3 项工作要点：1 项逾期，2 项正常');
  });
  it('weighs progress by stated weights', () => {
    expect(weightedProgress([{ weight: 3, progressPct: 100 }, { weight: 1, progressPct: 0 }])).toBe(75);
    expect(weightedProgress([])).toBe(0);
  });
  it('judges an indicator against the line from its baseline to the 2027 target', () => {
    const at = (value: number, today: string, higherIsBetter = true) => indicatorPace({ value, baselineValue: 600, baselineOn: '2024-01-01', targetValue: 1000, targetOn: '2027-12-31', higherIsBetter, curve: null, today, tolerancePct: 5 });
    expect(at(800, '2026-01-01').expected).toBeCloseTo(800, 0);
    expect(at(700, '2026-01-01').behind).toBe(true);
    expect(at(790, '2026-01-01').behind).toBe(false);
    expect(indicatorPace({ value: 1, baselineValue: null, baselineOn: null, targetValue: 5, targetOn: '2027-12-31', higherIsBetter: true, curve: null, today: '2026-01-01', tolerancePct: 5 }).expected).toBeNull();
  });
});

describe('deadlines', () => {
  it('reminds a set number of days before, on the day and after, and not earlier', () => {
    expect(reminderFor('2026-04-05', '2026-04-01', 3)).toBeNull();
    expect(reminderFor('2026-04-05', '2026-04-02', 3)).toBe('before');
    expect(reminderFor('2026-04-05', '2026-04-05', 3)).toBe('on');
    expect(reminderFor('2026-04-05', '2026-04-06', 3)).toBe('after');
  });
  it('opens a comment window on its first day and closes it after its last', () => {
    const c = { opensOn: '2024-07-26', closesOn: '2024-08-01' };
    expect([windowOf(c, '2024-07-25'), windowOf(c, '2024-07-26'), windowOf(c, '2024-08-01'), windowOf(c, '2024-08-02')]).toEqual(['upcoming', 'open', 'open', 'closed']);
  });
});

describe('notice rules', () => {
  it('commends units with every report on time and nothing overdue, and criticises those under 80 % or with overdue items', () => {
    const units = [
      { n: 'a', onTimeRate: 100, red: 0 }, { n: 'b', onTimeRate: 100, red: 1 }, { n: 'c', onTimeRate: 79.9, red: 0 },
      { n: 'd', onTimeRate: 80, red: 0 }, { n: 'e', onTimeRate: null, red: 0 },
    ];
    const r = commendationsAndCriticisms(units);
    expect(r.commended.map((u) => u.n)).toEqual(['a']);
    expect(r.criticised.map((u) => u.n)).toEqual(['b', 'c']);
  });
});

describe('report states', () => {
  it('goes draft → submitted → returned → submitted → accepted, and nowhere else', () => {
    expect(nextState('draft', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'return')).toBe('returned');
    expect(nextState('returned', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'accept')).toBe('accepted');
    expect(nextState('draft', 'accept')).toBeNull();
    expect(nextState('accepted', 'edit')).toBeNull();
    expect(nextState('submitted', 'edit')).toBeNull();
    expect(stepsFrom('accepted')).toEqual([]);
  });
});

describe('edition diff', () => {
  it('finds added, removed and changed items by key, field by field', () => {
    const a = [{ itemKey: 'P1', nameZh: '甲', amount: 1 }, { itemKey: 'P2', nameZh: '乙', amount: 2 }, { itemKey: 'P3', nameZh: '丙', amount: 3 }];
    const b = [{ itemKey: 'P1', nameZh: '甲', amount: 1 }, { itemKey: 'P2', nameZh: '乙（扩建）', amount: 5 }, { itemKey: 'P4', nameZh: '丁', amount: 4 }];
    const d = diffEditions(a, b, ['nameZh', 'amount']);
    expect(d.added.map((i) => i.itemKey)).toEqual(['P4']);
    expect(d.removed.map((i) => i.itemKey)).toEqual(['P3']);
    expect(d.changed).toEqual([{ key: 'P2', from: a[1], to: b[1], fields: [{ field: 'nameZh', from: '乙', to: '乙（扩建）' }, { field: 'amount', from: 2, to: 5 }] }]);
    expect(d.unchanged).toBe(1);
  });
});
