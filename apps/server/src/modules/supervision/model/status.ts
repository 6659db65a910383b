import { addDays, daysBetween, type IsoDate } from './dates.js';
import { expectedPct, timeShare, type PaceCurve } from './pace.js';

/**
 * The colours supervision offices use, derived and never typed in:
 * red 逾期 (overdue) · yellow 滞后 (behind pace) · blue 临期 (deadline near) · green 正常 (on track)
 * · closed 已销号 (done and accepted). A task or action takes the worst colour of its parts.
 */
export const COLOURS = ['red', 'yellow', 'blue', 'green', 'closed'] as const;
export type Colour = (typeof COLOURS)[number];
export type RollupColour = Colour | 'none';

export const COLOUR_NAMES: Record<RollupColour, { zh: string; en: string }> = {
  red: { zh: '红色·逾期', en: 'Red · overdue' },
  yellow: { zh: '黄色·滞后', en: 'Yellow · behind pace' },
  blue: { zh: '蓝色·临期', en: 'Blue · deadline near' },
  green: { zh: '绿色·正常', en: 'Green · on track' },
  closed: { zh: '已销号', en: 'Closed out' },
  none: { zh: '未部署', en: 'No work points yet' },
};

export interface Reason {
  zh: string;
  en: string;
}

export interface StatusSettings {
  /** Days before a deadline when an item turns blue. */
  nearDays: number;
  /** Percentage points an item may lag its pace line before it turns yellow. */
  paceTolerancePct: number;
}

/** An on-time reporting rate below this (%) is flagged in the cockpit and criticised in a notice. */
export const ON_TIME_ALERT_PCT = 80;

export const DEFAULT_STATUS_SETTINGS: StatusSettings = { nearDays: 14, paceTolerancePct: 10 };

export interface WorkPointFacts {
  startsOn: IsoDate;
  dueOn: IsoDate;
  progressPct: number;
  nextReportDeadline: IsoDate | null;
  closed: boolean;
  paceCurve: PaceCurve | null;
  /** Set when the linked indicator is behind its own line. */
  indicatorBehind?: Reason | null;
}

export interface Status {
  colour: Colour;
  expectedPct: number;
  reasons: Reason[];
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** A work point's colour and, in words, why. */
export function workPointStatus(f: WorkPointFacts, today: IsoDate, s: StatusSettings = DEFAULT_STATUS_SETTINGS): Status {
  const expected = expectedPct(f.paceCurve, timeShare(f.startsOn, f.dueOn, today));
  if (f.closed) return { colour: 'closed', expectedPct: 100, reasons: [{ zh: '已完成并经专班验收销号', en: 'Done and accepted by the task force' }] };
  const red: Reason[] = [];
  if (f.dueOn < today) red.push({ zh: `已超过完成时限 ${f.dueOn}（逾期 ${daysBetween(f.dueOn, today)} 天）`, en: `Past its due date ${f.dueOn} (${daysBetween(f.dueOn, today)} days overdue)` });
  if (f.nextReportDeadline && f.nextReportDeadline < today) red.push({ zh: `进展报告应于 ${f.nextReportDeadline} 前报送，尚未报送`, en: `A progress report was due by ${f.nextReportDeadline} and has not been submitted` });
  if (red.length) return { colour: 'red', expectedPct: expected, reasons: red };
  const yellow: Reason[] = [];
  if (f.progressPct < expected - s.paceTolerancePct)
    yellow.push({ zh: `进度 ${fmt(f.progressPct)}%，按计划此时应达 ${fmt(expected)}%`, en: `Progress ${fmt(f.progressPct)}%; by now it should be ${fmt(expected)}%` });
  if (f.indicatorBehind) yellow.push(f.indicatorBehind);
  if (yellow.length) return { colour: 'yellow', expectedPct: expected, reasons: yellow };
  const near = addDays(today, s.nearDays);
  const blue: Reason[] = [];
  if (f.dueOn <= near) blue.push({ zh: `距完成时限 ${f.dueOn} 还有 ${daysBetween(today, f.dueOn)} 天`, en: `${daysBetween(today, f.dueOn)} days to its due date ${f.dueOn}` });
  if (f.nextReportDeadline && f.nextReportDeadline <= near) blue.push({ zh: `进展报告须于 ${f.nextReportDeadline} 前报送`, en: `A progress report is due by ${f.nextReportDeadline}` });
  if (blue.length) return { colour: 'blue', expectedPct: expected, reasons: blue };
  return { colour: 'green', expectedPct: expected, reasons: [{ zh: `进度 ${fmt(f.progressPct)}%，符合计划（应达 ${fmt(expected)}%）`, en: `Progress ${fmt(f.progressPct)}%, on pace (expected ${fmt(expected)}%)` }] };
}

const SEVERITY: Record<RollupColour, number> = { red: 5, yellow: 4, blue: 3, green: 2, closed: 1, none: 0 };

export type ColourCounts = Record<Colour, number>;
export const emptyCounts = (): ColourCounts => ({ red: 0, yellow: 0, blue: 0, green: 0, closed: 0 });

/** The colour of a whole made of parts with these counts: the worst part; closed only when all are. */
export function rollupColour(counts: ColourCounts): RollupColour {
  const total = COLOURS.reduce((n, c) => n + counts[c], 0);
  if (!total) return 'none';
  if (counts.closed === total) return 'closed';
  for (const c of ['red', 'yellow', 'blue'] as const) if (counts[c]) return c;
  return 'green';
}

export const worst = (a: RollupColour, b: RollupColour): RollupColour => (SEVERITY[a] >= SEVERITY[b] ? a : b);

export function rollupReasons(counts: ColourCounts): Reason[] {
  const total = COLOURS.reduce((n, c) => n + counts[c], 0);
  if (!total) return [{ zh: '尚未部署年度工作要点', en: 'No annual work points yet' }];
  const parts: Reason[] = [];
  if (counts.red) parts.push({ zh: `${counts.red} 项逾期`, en: `${counts.red} overdue` });
  if (counts.yellow) parts.push({ zh: `${counts.yellow} 项进度滞后`, en: `${counts.yellow} behind pace` });
  if (counts.blue) parts.push({ zh: `${counts.blue} 项临近时限`, en: `${counts.blue} due soon` });
  if (counts.green) parts.push({ zh: `${counts.green} 项正常`, en: `${counts.green} on track` });
  if (counts.closed) parts.push({ zh: `${counts.closed} 项已销号`, en: `${counts.closed} closed out` });
  return [{ zh: `共 ${total} 项工作要点：${parts.map((p) => p.zh).join('，')}`, en: `${total} work points: ${parts.map((p) => p.en).join(', ')}` }];
}

/** Weighted mean of parts' progress; weights are stated on each part (default 1). */
export function weightedProgress(parts: { weight: number; progressPct: number }[]): number {
  const w = parts.reduce((n, p) => n + p.weight, 0);
  return w ? parts.reduce((n, p) => n + p.weight * p.progressPct, 0) / w : 0;
}

/**
 * An indicator against its line from the baseline to the 2027 target. `higherIsBetter` is
 * false for targets like energy use per unit, which must fall.
 */
export function indicatorPace(input: {
  value: number | null; baselineValue: number | null; baselineOn: IsoDate | null; targetValue: number | null;
  targetOn: IsoDate; higherIsBetter: boolean; curve: PaceCurve | null; today: IsoDate; tolerancePct: number;
}): { expected: number | null; behind: boolean; reason: Reason | null } {
  const { value, baselineValue, baselineOn, targetValue } = input;
  if (value === null || baselineValue === null || baselineOn === null || targetValue === null) return { expected: null, behind: false, reason: null };
  const share = expectedPct(input.curve, timeShare(baselineOn, input.targetOn, input.today)) / 100;
  const expected = baselineValue + (targetValue - baselineValue) * share;
  const slack = (Math.abs(targetValue - baselineValue) * input.tolerancePct) / 100;
  const behind = input.higherIsBetter ? value < expected - slack : value > expected + slack;
  return {
    expected,
    behind,
    reason: behind ? { zh: `指标当前 ${fmt(value)}，按基线至 2027 年目标的进度线此时应为 ${fmt(expected)}`, en: `Indicator at ${fmt(value)}; the line from baseline to the 2027 target puts it at ${fmt(expected)} by now` } : null,
  };
}

/**
 * Whom a quarter's notice commends (every report on time, nothing overdue) and whom it
 * criticises (on-time rate under ON_TIME_ALERT_PCT, or any overdue item).
 */
export function commendationsAndCriticisms<U extends { onTimeRate: number | null; red: number }>(units: U[]) {
  return {
    commended: units.filter((u) => u.onTimeRate === 100 && !u.red),
    criticised: units.filter((u) => (u.onTimeRate !== null && u.onTimeRate < ON_TIME_ALERT_PCT) || u.red > 0),
  };
}
