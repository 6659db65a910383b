import { badRequest } from './http/errors.js';

/**
 * Calendar dates as 'YYYY-MM-DD' strings, one set of helpers for the whole platform. Deadlines
 * are days in Chongqing: China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset gives "today" exactly, whatever the server's own zone.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parse = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const toIso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** A real day written as YYYY-MM-DD (2025-02-29 is not). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return !!m && Number(m[1]) >= 1900 && toIso(parse(s)) === s;
}

export const addDays = (d: IsoDate, days: number): IsoDate => toIso(parse(d) + days * DAY_MS);
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((parse(to) - parse(from)) / DAY_MS);

export function addMonths(d: IsoDate, months: number): IsoDate {
  const m = Number(d.slice(5, 7)) - 1 + months;
  return toIso(Date.UTC(Number(d.slice(0, 4)) + Math.floor(m / 12), ((m % 12) + 12) % 12, Number(d.slice(8, 10))));
}

/** The day in Chongqing of an instant. */
export const todayIn = (now: Date): IsoDate => toIso(now.getTime() + SHANGHAI_OFFSET_MS);

/** '2025-10-08' → '2025年10月8日': arabic numerals, full year, no padding, as GB/T 9704-2012 asks. */
export function chineseDate(iso: string): string {
  const s = typeof iso === 'string' ? iso.trim() : '';
  if (!isIsoDate(s))
    throw badRequest(`日期 ${String(iso)} 无效，应为 YYYY-MM-DD`, `Date ${String(iso)} is not a valid YYYY-MM-DD date`, [{ path: '/date', message: 'format' }]);
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`;
}
