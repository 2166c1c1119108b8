import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromExcelSerial, instantOfWall, parseDate, parseTimestamp } from './dates';

const date = (input: string | number | Date) => {
  const r = parseDate(input);
  return r.ok ? r.value : r.issue.code;
};
const ts = (input: string | number | Date, zone = 'Asia/Shanghai') => {
  const r = parseTimestamp(input, zone);
  return r.ok ? r.value : r.issue.code;
};

describe('parseDate', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年03月05号', '2024-03-05'],
    ['２０２４－０３－０５', '2024-03-05'],
    [' 2024-3-5 ', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['2024-03-05T23:30:00+08:00', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['45356', '2024-03-05'],
  ])('%s → %s', (input, expected) => expect(date(input)).toBe(expected));

  it.each([
    ['2024-02-30', 'invalid_date'],
    ['2023-02-29', 'invalid_date'],
    ['2024-13-01', 'invalid_date'],
    ['2024-00-10', 'invalid_date'],
    ['20241301', 'invalid_date'],
    ['2024年2月30日', 'invalid_date'],
    ['1850-01-01', 'invalid_date'],
    ['3/5/2024', 'not_a_date'],
    ['next monday', 'not_a_date'],
    ['2024-03-05x', 'not_a_date'],
    ['2024', 'not_a_date'],
    ['202403051', 'not_a_date'],
    ['2024-03-05 25:00', 'invalid_time'],
  ])('%s → %s', (input, code) => expect(date(input)).toBe(code));

  it('reads Excel serials in the 1900 system, its phantom 1900-02-29 included', () => {
    expect(date(45356)).toBe('2024-03-05');
    expect(date(45356.75)).toBe('2024-03-05');
    expect(date(1)).toBe('1900-01-01');
    expect(date(59)).toBe('1900-02-28');
    expect(date(60)).toBe('invalid_date');
    expect(date(61)).toBe('1900-03-01');
    expect(date(0)).toBe('not_a_date');
    expect(date(-3)).toBe('not_a_date');
    const r = fromExcelSerial(45356.6041666667);
    expect(r.ok && r.value).toMatchObject({ year: 2024, month: 3, day: 5, hour: 14, minute: 30, second: 0 });
  });

  it('takes the UTC calendar day of a date cell (exceljs gives the wall clock as UTC)', () => {
    expect(date(new Date(Date.UTC(2024, 2, 5)))).toBe('2024-03-05');
    expect(date(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toBe('2024-03-05');
    expect(date(new Date(Number.NaN))).toBe('not_a_date');
  });

  it('refuses a boolean', () => expect(date(true as unknown as string)).toBe('not_a_date'));
});

describe('parseTimestamp', () => {
  it('reads a date or a date and time as the wall clock of the time zone', () => {
    expect(ts('2024-03-05')).toBe('2024-03-05T00:00:00+08:00');
    expect(ts('2024-03-05 14:30')).toBe('2024-03-05T14:30:00+08:00');
    expect(ts('2024/3/5 9:05:07')).toBe('2024-03-05T09:05:07+08:00');
    expect(ts('2024-03-05T14:30:15.250')).toBe('2024-03-05T14:30:15+08:00');
    expect(ts('2024年3月5日 14:30')).toBe('2024-03-05T14:30:00+08:00');
    expect(ts('2024-03-05 14:30', 'Europe/Berlin')).toBe('2024-03-05T14:30:00+01:00');
    expect(ts('2024-07-05 14:30', 'Europe/Berlin')).toBe('2024-07-05T14:30:00+02:00');
    expect(ts('2024-03-05 14:30', 'UTC')).toBe('2024-03-05T14:30:00+00:00');
  });

  it('keeps the instant of a time with an offset, shown in the time zone', () => {
    expect(ts('2024-03-05T14:30:00Z')).toBe('2024-03-05T22:30:00+08:00');
    expect(ts('2024-03-05T14:30:00+08:00')).toBe('2024-03-05T14:30:00+08:00');
    expect(ts('2024-03-05 14:30 -0500')).toBe('2024-03-06T03:30:00+08:00');
    expect(ts('2024-03-05 14:30 UTC+1')).toBe('not_a_date');
    expect(ts('2024-03-05 +08:00')).toBe('not_a_date');
  });

  it('reads serials and date cells as wall clocks', () => {
    expect(ts(45356.6041666667)).toBe('2024-03-05T14:30:00+08:00');
    expect(ts(new Date(Date.UTC(2024, 2, 5, 14, 30)))).toBe('2024-03-05T14:30:00+08:00');
    expect(ts('45356.5')).toBe('2024-03-05T12:00:00+08:00');
  });

  it('reports impossible days and times', () => {
    expect(ts('2024-02-30 10:00')).toBe('invalid_date');
    expect(ts('2024-03-05 10:60')).toBe('invalid_time');
    expect(ts('soon')).toBe('not_a_date');
  });

  it('takes the earlier instant in a DST overlap and moves on through a gap', () => {
    const wall = { year: 2024, month: 10, day: 27, hour: 2, minute: 30, second: 0 };
    expect(instantOfWall(wall, 'Europe/Berlin').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    const gap = { year: 2024, month: 3, day: 31, hour: 2, minute: 30, second: 0 };
    expect(instantOfWall(gap, 'Europe/Berlin').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(ts('2024-03-31 02:30', 'Europe/Berlin')).toBe('2024-03-31T03:30:00+02:00');
  });
});

describe('parseDate: the YYYY-MM-DD shortcut', () => {
  it('gives what the general path gives (a leading space takes that path)', () => {
    const day = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
    fc.assert(
      fc.property(day, (text) => {
        expect(parseDate(text)).toEqual(parseDate(` ${text}`));
      }),
      { numRuns: 5000 },
    );
  });
});
