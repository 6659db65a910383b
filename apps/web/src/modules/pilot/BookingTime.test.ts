import { describe, expect, it } from 'vitest';
import {
  addDays, calendarWindow, cqDate, cqDateTime, cqInstant, cqTime, dayBlocks, durationText, hoursBetween, mondayOf, nextMonthStart, overlapsAny, slotText, weekOf,
} from './BookingTime';

describe('booking times in Chongqing', () => {
  it('reads an instant as Chongqing\'s wall clock, whatever the browser\'s zone', () => {
    expect(cqDate('2026-03-11T01:00:00.000Z')).toBe('2026-03-11');
    expect(cqTime('2026-03-11T01:00:00.000Z')).toBe('09:00');
    expect(cqDate('2026-03-10T16:30:00.000Z')).toBe('2026-03-11');
    expect(cqDateTime('2026-03-10T16:30:00.000Z')).toBe('2026-03-11 00:30');
    expect(cqDateTime(null)).toBe('—');
  });

  it('writes a date and a wall time with the +08:00 offset the server asks for', () => {
    expect(cqInstant('2026-03-11', '09:00')).toBe('2026-03-11T09:00:00+08:00');
    expect(new Date(cqInstant('2026-03-11', '09:00')).toISOString()).toBe('2026-03-11T01:00:00.000Z');
  });

  it('counts days across months and years, and finds the Monday of a week', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(mondayOf('2026-03-11')).toBe('2026-03-09'); // a Wednesday
    expect(mondayOf('2026-03-15')).toBe('2026-03-09'); // a Sunday belongs to the week before
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    expect(weekOf('2026-03-11')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(nextMonthStart('2026-12-15')).toBe('2027-01-01');
  });

  it('asks for a week from Monday, and for a month with a week either side', () => {
    expect(calendarWindow('week', '2026-03-11')).toEqual({ from: '2026-03-09', to: '2026-03-16' });
    expect(calendarWindow('month', '2026-03-11')).toEqual({ from: '2026-02-22', to: '2026-04-15' });
  });

  it('writes a slot within a day, one ending at midnight, and one running across days', () => {
    expect(slotText('2026-03-11T01:00:00.000Z', '2026-03-11T09:00:00.000Z')).toBe('2026-03-11 09:00–17:00');
    expect(slotText('2026-03-11T12:00:00.000Z', '2026-03-11T16:00:00.000Z')).toBe('2026-03-11 20:00–24:00');
    expect(slotText('2026-03-11T12:00:00.000Z', '2026-03-12T00:00:00.000Z')).toBe('2026-03-11 20:00 → 03-12 08:00');
    expect(slotText('2026-12-31T12:00:00.000Z', '2027-01-01T02:00:00.000Z')).toBe('2026-12-31 20:00 → 2027-01-01 10:00');
  });

  it('cuts a slot into the part each day of the week grid shows', () => {
    const slots = [
      { id: 'b', from: '2026-03-11T12:00:00.000Z', to: '2026-03-12T02:00:00.000Z' }, // 20:00 → next day 10:00
      { id: 'a', from: '2026-03-11T01:00:00.000Z', to: '2026-03-11T04:30:00.000Z' }, // 09:00–12:30
    ];
    expect(dayBlocks(slots, '2026-03-11').map((b) => [b.slot.id, b.startMin, b.endMin, b.fromBefore, b.runsOn])).toEqual([
      ['a', 540, 750, false, false],
      ['b', 1200, 1440, false, true],
    ]);
    expect(dayBlocks(slots, '2026-03-12').map((b) => [b.slot.id, b.startMin, b.endMin, b.fromBefore, b.runsOn])).toEqual([['b', 0, 600, true, false]]);
    expect(dayBlocks(slots, '2026-03-13')).toEqual([]);
  });

  it('tells a slot that would clash from one that starts when the last ends', () => {
    const held = [{ from: '2026-03-11T01:00:00.000Z', to: '2026-03-11T09:00:00.000Z' }];
    expect(overlapsAny(new Date('2026-03-11T08:00:00Z'), new Date('2026-03-11T10:00:00Z'), held)).toBe(true);
    expect(overlapsAny(new Date('2026-03-11T09:00:00Z'), new Date('2026-03-11T11:00:00Z'), held)).toBe(false);
  });

  it('reads durations in hours, and in days for long runs', () => {
    expect(hoursBetween('2026-03-11T01:00:00.000Z', '2026-03-11T02:30:00.000Z')).toBe(1.5);
    expect(durationText(8, 'zh')).toBe('8 小时');
    expect(durationText(52, 'zh')).toBe('2 天 4 小时');
    expect(durationText(72, 'en')).toBe('3 d');
  });
});
