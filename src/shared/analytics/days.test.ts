import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoDay, monthNumber, monthOfDay, trustedDayNumber, windowStartDay } from './days';

describe('days', () => {
  it.each([
    ['1970-01-01', 0],
    ['2000-02-29', 11_016],
    ['2026-11-30', 20_787],
  ])('%s = day %i', (iso, n) => {
    expect(dayNumber(iso)).toBe(n);
    expect(trustedDayNumber(iso)).toBe(n);
    expect(isoDay(n)).toBe(iso);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-1', 'x', ''])('%j is not a day', (text) => {
    expect(dayNumber(text)).toBeNaN();
  });

  it('trustedDayNumber agrees with Date for any day 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (n) => {
        expect(trustedDayNumber(isoDay(n))).toBe(n);
      }),
    );
  });

  it('windows are whole calendar months ending with as-of’s month', () => {
    const asOf = dayNumber('2026-11-30');
    expect(isoDay(windowStartDay(asOf, 12))).toBe('2025-12-01');
    expect(isoDay(windowStartDay(asOf, 1))).toBe('2026-11-01');
    expect(isoDay(windowStartDay(dayNumber('2026-01-15'), 24))).toBe('2024-02-01');
    expect(monthOfDay(asOf)).toBe(monthNumber('2026-11-30'));
  });
});
