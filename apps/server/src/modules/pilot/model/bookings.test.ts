import { describe, expect, it } from 'vitest';
import { instantOf, moveProblem, priceOf, slotProblems, usageProblems, userCategoryOf, utilisationOf, windowProblems } from './bookings.js';

const paths = (p: { path: string }[]) => p.map((x) => x.path);
const at = (s: string) => new Date(s);

describe('slots', () => {
  const now = at('2026-03-10T01:00:00Z'); // 09:00 in Chongqing

  it('reads timestamps with their offset, and a date as midnight in Chongqing', () => {
    expect(instantOf('2026-03-10T09:00:00+08:00')?.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    expect(instantOf('2026-03-10T01:00Z')?.toISOString()).toBe('2026-03-10T01:00:00.000Z');
    expect(instantOf('2026-03-10')?.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    // Without an offset the hour is ambiguous.
    expect(instantOf('2026-03-10T09:00:00')).toBeNull();
    expect(instantOf('2026-02-30T09:00:00Z')).toBeNull();
    expect(instantOf('tomorrow')).toBeNull();
  });

  it('asks for a forward slot that has not begun, at most a month long', () => {
    const ok = slotProblems('2026-03-11T09:00:00+08:00', '2026-03-11T17:00:00+08:00', now);
    expect(ok.problems).toEqual([]);
    expect(ok.to.getTime() - ok.from.getTime()).toBe(8 * 3_600_000);
    expect(paths(slotProblems('2026-03-11T17:00:00+08:00', '2026-03-11T09:00:00+08:00', now).problems)).toEqual(['/to']);
    expect(paths(slotProblems('2026-03-11T09:00:00+08:00', '2026-03-11T09:00:00+08:00', now).problems)).toEqual(['/to']);
    expect(paths(slotProblems('2026-03-10T08:00:00+08:00', '2026-03-10T12:00:00+08:00', now).problems)).toEqual(['/from']);
    expect(paths(slotProblems('2026-03-11T09:00:00+08:00', '2026-04-12T09:00:00+08:00', now).problems)).toEqual(['/to']);
    expect(paths(slotProblems('soon', '2026-03-11T09:00:00', now).problems)).toEqual(['/from', '/to']);
  });

  it('bounds a report window to a year', () => {
    const fallback = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-02T00:00:00Z') };
    expect(windowProblems(undefined, undefined, fallback)).toMatchObject({ problems: [], from: fallback.from });
    expect(paths(windowProblems('2026-03-10', '2026-03-01', fallback).problems)).toEqual(['/query/to']);
    expect(paths(windowProblems('2025-01-01', '2026-03-01', fallback).problems)).toEqual(['/query/to']);
  });
});

describe('who pays what', () => {
  const prices = { priceMemberYuan: 300, priceEnterpriseYuan: 500, priceInstituteYuan: 400 };

  it('prices alliance members, institutes and universities, and everyone else by their category', () => {
    expect(userCategoryOf({ organisationKind: 'pilotBase', operatesAllianceBase: true })).toBe('member');
    expect(userCategoryOf({ organisationKind: 'pilotBase', operatesAllianceBase: false })).toBe('enterprise');
    expect(userCategoryOf({ organisationKind: 'institute', operatesAllianceBase: false })).toBe('institute');
    expect(userCategoryOf({ organisationKind: 'university', operatesAllianceBase: false })).toBe('institute');
    expect(userCategoryOf({ organisationKind: 'enterprise', operatesAllianceBase: false })).toBe('enterprise');
    expect(userCategoryOf({ organisationKind: 'taskForce', operatesAllianceBase: false })).toBe('enterprise');
  });

  it('charges hours × the hourly price of the category, to the fen; no price set means price on request', () => {
    expect(priceOf(8, 'member', prices)).toBe(2400);
    expect(priceOf(1.5, 'institute', prices)).toBe(600);
    expect(priceOf(1 / 3, 'enterprise', prices)).toBe(166.67);
    expect(priceOf(8, 'institute', { ...prices, priceInstituteYuan: null })).toBeNull();
  });
});

describe('states', () => {
  it('moves requested → approved → checked in → completed; rejects and cancels only before check-in', () => {
    expect(moveProblem('requested', 'approved')).toBeNull();
    expect(moveProblem('requested', 'rejected')).toBeNull();
    expect(moveProblem('approved', 'cancelled')).toBeNull();
    expect(moveProblem('approved', 'checkedIn')).toBeNull();
    expect(moveProblem('checkedIn', 'completed')).toBeNull();
    expect(moveProblem('checkedIn', 'cancelled')?.zh).toMatch(/已签到/);
    expect(moveProblem('requested', 'checkedIn')).not.toBeNull();
    expect(moveProblem('rejected', 'approved')).not.toBeNull();
    expect(moveProblem('completed', 'completed')).not.toBeNull();
  });

  it('records usage within the slot', () => {
    expect(usageProblems(8, 8)).toEqual([]);
    expect(paths(usageProblems(8.5, 8))).toEqual(['/usageHours']);
    expect(paths(usageProblems(-1, 8))).toEqual(['/usageHours']);
  });
});

describe('utilisation', () => {
  const window = { from: at('2026-03-01T00:00:00Z'), to: at('2026-03-03T00:00:00Z') }; // 48 hours
  const items = [{ id: 'a', status: 'available' }, { id: 'b', status: 'maintenance' }, { id: 'r', status: 'retired' }];

  it('counts approved hours inside the window as booked, requests as pending, and used hours shared over the slot', () => {
    const u = utilisationOf(window, items, [
      { equipmentId: 'a', from: at('2026-03-01T00:00:00Z'), to: at('2026-03-01T12:00:00Z'), state: 'approved', usageHours: null },
      // Half of this completed slot falls in the window: half its 10 hours used count here.
      { equipmentId: 'a', from: at('2026-03-02T12:00:00Z'), to: at('2026-03-03T12:00:00Z'), state: 'completed', usageHours: 10 },
      { equipmentId: 'b', from: at('2026-03-01T00:00:00Z'), to: at('2026-03-01T06:00:00Z'), state: 'requested', usageHours: null },
      { equipmentId: 'b', from: at('2026-03-01T06:00:00Z'), to: at('2026-03-01T12:00:00Z'), state: 'rejected', usageHours: null },
      { equipmentId: 'r', from: at('2026-03-01T00:00:00Z'), to: at('2026-03-01T02:00:00Z'), state: 'completed', usageHours: 2 },
    ]);
    expect(u.windowHours).toBe(48);
    expect(u.items.get('a')).toEqual({ availableHours: 48, bookedHours: 24, pendingHours: 0, usedHours: 5, bookedRate: 0.5, usedRate: 0.1042 });
    expect(u.items.get('b')).toMatchObject({ availableHours: 48, bookedHours: 0, pendingHours: 6, usedHours: 0 });
    // A retired item offers no hours; its past use still counts.
    expect(u.items.get('r')).toMatchObject({ availableHours: 0, usedHours: 2, bookedRate: null, usedRate: null });
    expect(u.total).toMatchObject({ availableHours: 96, bookedHours: 26, pendingHours: 6, usedHours: 7, bookedRate: 0.2708 });
  });
});
