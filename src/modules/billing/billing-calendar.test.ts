import { describe, expect, it } from 'vitest';
import { assertTimeZone, dayKey, dayStart, monthKey, monthRange } from './billing-calendar.js';
import { runwayDays } from './overview.service.js';

describe('billing calendar', () => {
  it('counts months and days in the billing time zone, not UTC', () => {
    const at = new Date('2026-11-30T17:30:00Z'); // 00:30 on 1 December in Jakarta (UTC+7)
    expect(monthKey('Asia/Jakarta', at)).toBe('202612');
    expect(monthKey('UTC', at)).toBe('202611');
    expect(dayKey('Asia/Jakarta', at)).toBe('2026-12-01');
    expect(dayStart('Asia/Jakarta', at).toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('gives a month as [start, next start), going back across a year', () => {
    const at = new Date('2027-01-15T00:00:00Z');
    expect(monthRange('Asia/Jakarta', at)).toEqual({
      from: new Date('2026-12-31T17:00:00Z'),
      to: new Date('2027-01-31T17:00:00Z'),
    });
    expect(monthRange('Asia/Jakarta', at, 1)).toEqual({
      from: new Date('2026-11-30T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
  });

  it('follows daylight saving time where a zone has it', () => {
    // Europe/Berlin: CET (UTC+1) in March before the 29th, CEST (UTC+2) from April.
    expect(monthRange('Europe/Berlin', new Date('2026-04-10T00:00:00Z'))).toEqual({
      from: new Date('2026-03-31T22:00:00Z'),
      to: new Date('2026-04-30T22:00:00Z'),
    });
    expect(monthRange('Europe/Berlin', new Date('2026-03-10T00:00:00Z')).from).toEqual(
      new Date('2026-02-28T23:00:00Z'),
    );
  });

  it('refuses a time zone it does not know', () => {
    expect(() => assertTimeZone('Asia/Jakarta')).not.toThrow();
    expect(() => assertTimeZone('Mars/Olympus')).toThrow();
  });
});

describe('runway', () => {
  it('is how many whole days the balance lasts at the monthly burn, null when nothing burns', () => {
    expect(runwayDays(150_000, 0)).toBeNull();
    expect(runwayDays(0, 0)).toBeNull();
    expect(runwayDays(0, 300_000)).toBe(0);
    expect(runwayDays(150_000, 300_000)).toBe(15);
    expect(runwayDays(299_999, 300_000)).toBe(29);
    expect(runwayDays(1_000_000_000_000, 1)).toBe(30_000_000_000_000);
  });
});
