/**
 * Calendar dates between the platform ('YYYY-MM-DD' strings), JavaScript Dates and Excel.
 * A date column holds a day, not an instant, so everything here works on UTC midnights —
 * which is also how ExcelJS turns Excel serial numbers into Dates and back.
 */
import { todayIn, type IsoDate } from '../dates.js';

export { isIsoDate, type IsoDate } from '../dates.js';

const DAY_MS = 86_400_000;
// China keeps UTC+8 without daylight saving (see platform/dates.ts).
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' when y-m-d is a real day in Excel's range (1900–9999), else null. */
export function isoOf(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return isoFromUtc(t);
}

/** The UTC-midnight Date ExcelJS writes as exactly that day. */
export const utcMidnight = (iso: IsoDate): Date =>
  new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))));

/** The day of a Date that came out of a worksheet (ExcelJS reads serials as UTC). */
export const isoFromUtc = (d: Date): IsoDate => d.toISOString().slice(0, 10);

/** The day in Chongqing of an instant (timestamps from the database). */
export const shanghaiDate = todayIn;

/** 'YYYY-MM-DD HH:mm' in Chongqing, how an instant is shown in a text column. */
export const shanghaiDateTime = (d: Date): string =>
  new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The day of an Excel serial number (a time-of-day fraction is ignored).
 * The 1900 system counts the non-existent 1900-02-29 (serial 60), as Lotus 1-2-3 did.
 */
export function isoFromSerial(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  // Half a second of slack so 45678.99999999 (floating noise for midnight) is the next day.
  const days = Math.floor(serial + 0.5 / 86_400);
  let epoch: number;
  if (date1904) {
    if (days < 0) return null;
    epoch = Date.UTC(1904, 0, 1);
  } else {
    if (days < 1 || days === 60) return null;
    epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  }
  const t = new Date(epoch + days * DAY_MS);
  return isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * A day typed as text: 2025-03-31, 2025/3/31, 2025.3.31, 2025年3月31日 or 20250331,
 * optionally followed by a time of day (dropped). Null when it is not a real day.
 */
export function isoFromText(text: string): IsoDate | null {
  const s = text.trim();
  const m = SEPARATED.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[3]), Number(m[4]));
  const c = CHINESE.exec(s) ?? COMPACT.exec(s);
  if (c) return isoOf(Number(c[1]), Number(c[2]), Number(c[3]));
  return null;
}
