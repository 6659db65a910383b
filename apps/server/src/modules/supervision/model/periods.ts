import { addDays, addMonths, fromMonthIndex, monthIndex, type IsoDate } from './dates.js';

/**
 * Reporting periods of a work point: calendar months or quarters from its start to its due
 * date. A report is due on the 5th of the month after its period ends (每月/每季度结束后5日内报送).
 */
export type Frequency = 'monthly' | 'quarterly';

export interface Period {
  label: string; // '2025-03' or '2025-Q1'
  start: IsoDate;
  end: IsoDate;
  deadline: IsoDate;
}

export const REPORT_DAY_OF_MONTH = 5;

const monthsOf = (f: Frequency) => (f === 'quarterly' ? 3 : 1);

function periodAt(frequency: Frequency, index: number): Period {
  const m = monthsOf(frequency);
  const start = fromMonthIndex(index * m);
  const next = addMonths(start, m);
  const y = start.slice(0, 4);
  const label = frequency === 'quarterly' ? `${y}-Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1}` : start.slice(0, 7);
  return { label, start, end: addDays(next, -1), deadline: addDays(next, REPORT_DAY_OF_MONTH - 1) };
}

export function periods(frequency: Frequency, startsOn: IsoDate, dueOn: IsoDate): Period[] {
  const m = monthsOf(frequency);
  const first = Math.floor(monthIndex(startsOn) / m);
  const last = Math.floor(monthIndex(dueOn) / m);
  const out: Period[] = [];
  for (let i = first; i <= last; i++) out.push(periodAt(frequency, i));
  return out;
}

/** The period a label names, if the work point has it. */
export const periodByLabel = (all: Period[], label: string) => all.find((p) => p.label === label);

/** How many periods have their deadline on or before `upto`; cqb_periods_due() in SQL. */
export function periodsDueBy(frequency: Frequency, startsOn: IsoDate, dueOn: IsoDate, upto: IsoDate): number {
  const m = monthsOf(frequency);
  const total = Math.floor(monthIndex(dueOn) / m) - Math.floor(monthIndex(startsOn) / m) + 1;
  const due = Math.floor(monthIndex(addDays(upto, -(REPORT_DAY_OF_MONTH - 1))) / m) - Math.floor(monthIndex(startsOn) / m);
  return Math.max(0, Math.min(total, due));
}

/** A quarter as '2025-Q3' → its first and last day. */
export function quarterRange(label: string): { from: IsoDate; to: IsoDate } | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (!m) return null;
  const from = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

export const quarterOf = (d: IsoDate) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
