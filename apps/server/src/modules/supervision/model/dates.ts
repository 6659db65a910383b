/**
 * Dates for supervision: the platform's calendar helpers (platform/dates.ts), and month indexes
 * for counting reporting periods, as cqb_month_index() does in SQL.
 */
export { addDays, addMonths, daysBetween, isIsoDate, todayIn, type IsoDate } from '../../../platform/dates.js';
import type { IsoDate } from '../../../platform/dates.js';

/** Month index counted from year 0, as cqb_month_index() in SQL. */
export const monthIndex = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
export const fromMonthIndex = (i: number): IsoDate => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
