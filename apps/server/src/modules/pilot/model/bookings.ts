import type { Bilingual, ErrorDetail } from '../../../platform/http/errors.js';
import { isIsoDate } from '../../../platform/dates.js';
import { BOOKING_STATES, USER_CATEGORIES } from './labels.js';

/** Pure rules of equipment bookings: slots, who pays which price, the states, utilisation. */

export type BookingState = keyof typeof BOOKING_STATES;
export type UserCategory = keyof typeof USER_CATEGORIES;

/** States that hold the slot: the same list as the exclusion constraint's where clause. */
export const HELD_STATES: readonly BookingState[] = ['requested', 'approved', 'checkedIn', 'completed'];
/** Held and accepted by the base: what utilisation counts as booked. */
export const BOOKED_STATES: readonly BookingState[] = ['approved', 'checkedIn', 'completed'];

/** requested → approved → checkedIn → completed; rejected by the base, cancelled by the requester before check-in. */
export const BOOKING_MOVES: Record<BookingState, readonly BookingState[]> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['checkedIn', 'cancelled'],
  checkedIn: ['completed'],
  rejected: [], cancelled: [], completed: [],
};

export function moveProblem(from: string, to: BookingState): Bilingual | null {
  if ((BOOKING_MOVES[from as BookingState] ?? []).includes(to)) return null;
  const name = (s: string) => BOOKING_STATES[s as BookingState] ?? { zh: s, en: s };
  return { zh: `预约当前为「${name(from).zh}」，不能改为「${name(to).zh}」`, en: `A booking that is ${name(from).en.toLowerCase()} cannot become ${name(to).en.toLowerCase()}` };
}

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** One request holds at most a month of an item: longer use is a project, agreed with the base. */
export const MAX_BOOKING_HOURS = 31 * 24;
/** The longest window a calendar or a utilisation report covers. */
export const MAX_WINDOW_DAYS = 366;

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant from an ISO timestamp with its offset (2026-03-10T09:00:00+08:00), or from a date,
 * read as the start of that day in Chongqing. A timestamp without an offset is ambiguous: null.
 */
export function instantOf(s: string | null | undefined): Date | null {
  if (!s) return null;
  if (isIsoDate(s)) return new Date(Date.parse(`${s}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
  const m = DATE_TIME.exec(s);
  if (!m || !isIsoDate(m[1])) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

export const hoursOf = (from: Date, to: Date) => (to.getTime() - from.getTime()) / HOUR_MS;
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

const at = (path: string, zh: string, en: string): ErrorDetail => ({ path, message: `${zh}（${en}）` });
const UNREADABLE = ['应为带时区的 ISO 时间，如 2026-03-10T09:00:00+08:00', 'an ISO timestamp with its offset, e.g. 2026-03-10T09:00:00+08:00'] as const;

/** A requested slot [from, to): readable, forward, not begun, at most a month. */
export function slotProblems(fromText: string, toText: string, now: Date): { problems: ErrorDetail[]; from: Date; to: Date } {
  const from = instantOf(fromText);
  const to = instantOf(toText);
  const problems: ErrorDetail[] = [];
  if (!from) problems.push(at('/from', ...UNREADABLE));
  if (!to) problems.push(at('/to', ...UNREADABLE));
  if (from && to) {
    if (to <= from) problems.push(at('/to', '结束时间须晚于开始时间', 'the end comes after the start'));
    else if (hoursOf(from, to) > MAX_BOOKING_HOURS) problems.push(at('/to', `一次预约不超过 ${MAX_BOOKING_HOURS / 24} 天`, `one booking holds at most ${MAX_BOOKING_HOURS / 24} days`));
    if (from < now) problems.push(at('/from', '不能预约已经过去的时段', 'the slot has already begun'));
  }
  return { problems, from: from ?? new Date(NaN), to: to ?? new Date(NaN) };
}

/** A window [from, to) for a calendar or a report; `fallback` fills what the caller left out. */
export function windowProblems(fromText: string | undefined, toText: string | undefined, fallback: { from: Date; to: Date }) {
  const from = fromText === undefined ? fallback.from : instantOf(fromText);
  const to = toText === undefined ? fallback.to : instantOf(toText);
  const problems: ErrorDetail[] = [];
  if (!from) problems.push(at('/query/from', '应为日期 YYYY-MM-DD 或带时区的 ISO 时间', 'a YYYY-MM-DD date or an ISO timestamp with its offset'));
  if (!to) problems.push(at('/query/to', '应为日期 YYYY-MM-DD 或带时区的 ISO 时间', 'a YYYY-MM-DD date or an ISO timestamp with its offset'));
  if (from && to) {
    if (to <= from) problems.push(at('/query/to', '结束须晚于开始', 'the end comes after the start'));
    else if (hoursOf(from, to) > MAX_WINDOW_DAYS * 24) problems.push(at('/query/to', `时间范围不超过 ${MAX_WINDOW_DAYS} 天`, `at most ${MAX_WINDOW_DAYS} days`));
  }
  return { problems, from: from ?? new Date(NaN), to: to ?? new Date(NaN) };
}

/**
 * Who pays which price. An organisation that operates a base of the pilot alliance books as an
 * alliance member; universities and institutes at the institute price; everyone else at the
 * enterprise price (the base's standard rate).
 */
export function userCategoryOf(o: { organisationKind: string | null; operatesAllianceBase: boolean }): UserCategory {
  if (o.operatesAllianceBase) return 'member';
  if (o.organisationKind === 'institute' || o.organisationKind === 'university') return 'institute';
  return 'enterprise';
}

export interface HourlyPrices { priceMemberYuan: number | null; priceEnterpriseYuan: number | null; priceInstituteYuan: number | null }
const PRICE_OF: Record<UserCategory, keyof HourlyPrices> = { member: 'priceMemberYuan', enterprise: 'priceEnterpriseYuan', institute: 'priceInstituteYuan' };

/** Hours × the category's hourly price, in yuan to the fen; null when the base set no price for the category (price on request). */
export function priceOf(hours: number, category: UserCategory, prices: HourlyPrices): number | null {
  const hourly = prices[PRICE_OF[category]];
  return hourly == null ? null : round(hours * Number(hourly), 2);
}

/** Usage is recorded within the slot the booking held. */
export function usageProblems(usageHours: number, slotHours: number): ErrorDetail[] {
  if (!(Number.isFinite(usageHours) && usageHours >= 0)) return [at('/usageHours', '使用时长应为非负数（小时）', 'hours used, not below zero')];
  if (usageHours > slotHours + 1e-9) return [at('/usageHours', `使用时长不能超过预约时段（${round(slotHours, 2)} 小时）`, `at most the slot's ${round(slotHours, 2)} hours`)];
  return [];
}

export interface UtilisationItem { id: string; status: string }
export interface UtilisationBooking { equipmentId: string; from: Date; to: Date; state: string; usageHours: number | null }
export interface Utilisation { availableHours: number; bookedHours: number; pendingHours: number; usedHours: number; bookedRate: number | null; usedRate: number | null }

/**
 * Hours in a window [from, to): available (the whole window, for an item not retired — items
 * are bookable round the clock); booked (slots the base approved, in so far as they fall in the
 * window); pending (slots still awaiting approval); used (hours recorded at completion, shared
 * over the slot so that adjoining windows add up). Rates are booked or used over available.
 */
export function utilisationOf(window: { from: Date; to: Date }, items: UtilisationItem[], bookings: UtilisationBooking[]) {
  const windowHours = hoursOf(window.from, window.to);
  const raw = new Map(items.map((i) => [i.id, { availableHours: i.status === 'retired' ? 0 : windowHours, bookedHours: 0, pendingHours: 0, usedHours: 0 }]));
  for (const b of bookings) {
    const u = raw.get(b.equipmentId);
    if (!u) continue;
    const overlap = Math.max(0, hoursOf(new Date(Math.max(b.from.getTime(), window.from.getTime())), new Date(Math.min(b.to.getTime(), window.to.getTime()))));
    if ((BOOKED_STATES as readonly string[]).includes(b.state)) u.bookedHours += overlap;
    if (b.state === 'requested') u.pendingHours += overlap;
    if (b.state === 'completed' && b.usageHours != null) u.usedHours += Number(b.usageHours) * (overlap / hoursOf(b.from, b.to));
  }
  const finish = (u: { availableHours: number; bookedHours: number; pendingHours: number; usedHours: number }): Utilisation => ({
    availableHours: round(u.availableHours, 2), bookedHours: round(u.bookedHours, 2), pendingHours: round(u.pendingHours, 2), usedHours: round(u.usedHours, 2),
    bookedRate: u.availableHours > 0 ? round(u.bookedHours / u.availableHours, 4) : null,
    usedRate: u.availableHours > 0 ? round(u.usedHours / u.availableHours, 4) : null,
  });
  const total = { availableHours: 0, bookedHours: 0, pendingHours: 0, usedHours: 0 };
  for (const u of raw.values()) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += u[k];
  return { windowHours: round(windowHours, 2), items: new Map([...raw].map(([id, u]) => [id, finish(u)])), total: finish(total) };
}
