import { daysBetween, type IsoDate } from './dates.js';

/** Rules about days: which reminder a deadline calls for, and whether a comment window is open. */
export type ReminderWhen = 'before' | 'on' | 'after';

/** Which reminder, if any, a deadline calls for today: `daysBefore` ahead, on the day, after it. */
export function reminderFor(deadline: IsoDate, today: IsoDate, daysBefore: number): ReminderWhen | null {
  if (deadline === today) return 'on';
  if (deadline < today) return 'after';
  return daysBetween(today, deadline) <= daysBefore ? 'before' : null;
}

export type Window = 'upcoming' | 'open' | 'closed';

/** A consultation takes comments on both its first and its last day. */
export const windowOf = (c: { opensOn: IsoDate; closesOn: IsoDate }, today: IsoDate): Window =>
  today < c.opensOn ? 'upcoming' : today > c.closesOn ? 'closed' : 'open';
