import { describe, expect, it } from 'vitest';
import { compactDayInZone, isoInZone } from './zoned-time';

describe('isoInZone', () => {
  it.each([
    ['2026-01-05T02:03:04.567Z', 'Asia/Shanghai', '2026-01-05T10:03:04+08:00'],
    ['2026-01-05T17:00:00Z', 'Asia/Shanghai', '2026-01-06T01:00:00+08:00'],
    ['2026-01-05T00:00:00Z', 'UTC', '2026-01-05T00:00:00+00:00'],
    ['2026-07-01T12:00:00Z', 'America/New_York', '2026-07-01T08:00:00-04:00'],
    ['2026-01-01T00:30:00Z', 'Asia/Kolkata', '2026-01-01T06:00:00+05:30'],
  ])('writes %s in %s as %s', (at, zone, expected) => {
    expect(isoInZone(new Date(at), zone)).toBe(expected);
    expect(new Date(expected).getTime()).toBe(Math.floor(new Date(at).getTime() / 1000) * 1000);
  });

  it('names the local day', () => {
    expect(compactDayInZone(new Date('2026-01-05T17:00:00Z'), 'Asia/Shanghai')).toBe('20260106');
  });
});
