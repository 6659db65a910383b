/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines are days in Chongqing, so "today" is
 * the date in Asia/Shanghai, whatever the server's clock zone.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && toIso(parse(s)) === s;

const parse = (d: IsoDate) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: IsoDate, days: number): IsoDate => toIso(parse(d) + days * DAY_MS);
export const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((parse(to) - parse(from)) / DAY_MS);

export function addMonths(d: IsoDate, months: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + months;
  return toIso(Date.UTC(y + Math.floor(m / 12), ((m % 12) + 12) % 12, Number(d.slice(8, 10))));
}

const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
export const todayIn = (now: Date): IsoDate => shanghai.format(now);

/** Month index counted from year 0, as cqb_month_index() in SQL. */
export const monthIndex = (d: IsoDate) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
export const fromMonthIndex = (i: number): IsoDate => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`;
