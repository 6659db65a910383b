import { addDays, daysBetween, type IsoDate } from '../../../platform/dates.js';
import type { EvaluationState } from './labels.js';

/**
 * An evaluation's clock (评价时限): calendar days from acceptance to the conclusion (or to today
 * while open), less the days the application spent with the applicant for supplements. Pure.
 */
export interface Pause { startedOn: IsoDate; endedOn: IsoDate | null }

export interface ClockInput {
  state: EvaluationState;
  acceptedOn: IsoDate | null;
  timeLimitDays: number | null;
  concludedOn: IsoDate | null;
  closedOn: IsoDate | null;
  pauses: readonly Pause[];
}

export interface Clock {
  limitDays: number;
  startedOn: IsoDate;
  /** Days counted against the limit so far (or in all, once stopped). */
  daysUsed: number;
  /** limit − used; below zero once overdue. */
  daysLeft: number;
  pausedDays: number;
  /** With the applicant now: the clock stands still. */
  paused: boolean;
  /** Still counting (accepted, with the applicant, or under review). */
  running: boolean;
  /** Open and past its limit. */
  overdue: boolean;
  /** The day it is due if nothing more pauses it (today's pause counted to today). */
  dueOn: IsoDate;
  /** Concluded: within the limit or not; null while open or when withdrawn. */
  met: boolean | null;
}

const RUNNING: readonly EvaluationState[] = ['accepted', 'supplementing', 'review'];

/** The clock, or null before acceptance (and for one returned or withdrawn before it). */
export function clockOf(e: ClockInput, today: IsoDate): Clock | null {
  if (!e.acceptedOn || !e.timeLimitDays) return null;
  const running = RUNNING.includes(e.state);
  const end = running ? today : (e.state === 'concluded' ? e.concludedOn : e.closedOn) ?? today;
  let pausedDays = 0;
  for (const p of e.pauses) {
    const from = p.startedOn < e.acceptedOn ? e.acceptedOn : p.startedOn;
    const to = p.endedOn && p.endedOn < end ? p.endedOn : end;
    if (to > from) pausedDays += daysBetween(from, to);
  }
  const daysUsed = Math.max(0, daysBetween(e.acceptedOn, end) - pausedDays);
  const daysLeft = e.timeLimitDays - daysUsed;
  return {
    limitDays: e.timeLimitDays, startedOn: e.acceptedOn, daysUsed, daysLeft, pausedDays,
    paused: e.state === 'supplementing', running, overdue: running && daysLeft < 0,
    dueOn: addDays(e.acceptedOn, e.timeLimitDays + pausedDays),
    met: e.state === 'concluded' ? daysLeft >= 0 : null,
  };
}

/** The middle of a list of day counts (the mean of the two middle ones for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
