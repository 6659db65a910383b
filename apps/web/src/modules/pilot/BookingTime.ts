/**
 * Slots are read and written in Chongqing time (UTC+8, no daylight saving), whatever the
 * browser's own zone: a base's calendar is the base's local day, and the server reads a bare
 * date as midnight in Chongqing. Pure helpers for the calendar, the request form and the tables.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const CQ_OFFSET_MS = 8 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
/** The instant shifted so that its UTC fields read as Chongqing's wall clock. */
const wall = (v: string | Date) => new Date(toDate(v).getTime() + CQ_OFFSET_MS).toISOString();

/** YYYY-MM-DD in Chongqing. */
export const cqDate = (v: string | Date) => wall(v).slice(0, 10);
/** HH:mm in Chongqing. */
export const cqTime = (v: string | Date) => wall(v).slice(11, 16);
/** YYYY-MM-DD HH:mm in Chongqing, or a dash. */
export const cqDateTime = (v: string | Date | null | undefined) => (v ? `${cqDate(v)} ${cqTime(v)}` : '—');

/** The ISO instant of a Chongqing date and wall time, as the server takes it: 2026-03-10T09:00:00+08:00. */
export const cqInstant = (date: string, time: string) => `${date}T${time}:00+08:00`;

/** The instant at which a Chongqing day begins. */
export const dayStart = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - CQ_OFFSET_MS);

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
/** The Monday of the week a date falls in. */
export const mondayOf = (date: string) => addDays(date, -weekdayOf(date));
export const weekOf = (date: string) => Array.from({ length: 7 }, (_, i) => addDays(mondayOf(date), i));
/** The first day of the date's month. */
export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
export function nextMonthStart(date: string): string {
  const [y, m] = date.slice(0, 7).split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The window [from, to) a calendar view asks the server for. A month view shows whole weeks
 * around the month, whichever day the reader's week starts on, so it asks a week either side.
 */
export function calendarWindow(view: 'week' | 'month', anchor: string): { from: string; to: string } {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 7) };
  }
  return { from: addDays(monthStart(anchor), -7), to: addDays(nextMonthStart(anchor), 14) };
}

export const hoursBetween = (from: string | Date, to: string | Date) => (toDate(to).getTime() - toDate(from).getTime()) / HOUR_MS;

/** 8 h · 1.5 h · 2 d 4 h for a long run. */
export function durationText(hours: number, lang: 'zh' | 'en'): string {
  const h = Math.round(hours * 100) / 100;
  if (h < 48) return lang === 'zh' ? `${h} 小时` : `${h} h`;
  const d = Math.floor(h / 24);
  const rest = Math.round((h - d * 24) * 100) / 100;
  if (lang === 'zh') return rest ? `${d} 天 ${rest} 小时` : `${d} 天`;
  return rest ? `${d} d ${rest} h` : `${d} d`;
}

/** 2026-03-11 09:00–17:00 within a day; 2026-03-11 20:00 → 03-12 08:00 across days; 24:00 for a slot ending at midnight. */
export function slotText(from: string | Date, to: string | Date): string {
  const fd = cqDate(from);
  const end = new Date(toDate(to).getTime() - 1);
  if (cqDate(end) === fd && cqTime(to) === '00:00') return `${fd} ${cqTime(from)}–24:00`;
  const td = cqDate(to);
  if (td === fd) return `${fd} ${cqTime(from)}–${cqTime(to)}`;
  return `${fd} ${cqTime(from)} → ${td.slice(0, 4) === fd.slice(0, 4) ? td.slice(5) : td} ${cqTime(to)}`;
}

export interface DayBlock<S> {
  slot: S;
  /** Minutes after the day's midnight, clipped to the day. */
  startMin: number;
  endMin: number;
  /** The slot began on an earlier day, or runs on into the next. */
  fromBefore: boolean;
  runsOn: boolean;
}

/** The part of each slot that falls on one Chongqing day, for a column of the week grid. */
export function dayBlocks<S extends { from: string; to: string }>(slots: S[], date: string): DayBlock<S>[] {
  const start = dayStart(date).getTime();
  const end = start + DAY_MS;
  const out: DayBlock<S>[] = [];
  for (const slot of slots) {
    const f = Date.parse(slot.from);
    const t = Date.parse(slot.to);
    if (!(f < end && t > start)) continue;
    out.push({
      slot,
      startMin: Math.max(0, (f - start) / 60_000),
      endMin: Math.min(MINUTES_PER_DAY, (t - start) / 60_000),
      fromBefore: f < start,
      runsOn: t > end,
    });
  }
  return out.sort((a, b) => a.startMin - b.startMin);
}

/** Whether [from, to) overlaps any of the slots: a request there would be refused. */
export const overlapsAny = (from: Date, to: Date, slots: { from: string; to: string }[]) =>
  slots.some((s) => Date.parse(s.from) < to.getTime() && Date.parse(s.to) > from.getTime());

/** HH:mm of a minute of the day (0–1440). */
export const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(Math.round(minute % 60)).padStart(2, '0')}`;

/** Today in Chongqing. */
export const cqToday = (now: Date = new Date()) => cqDate(now);
