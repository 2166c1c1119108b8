import { describe, expect, it } from 'vitest';
import {
  centsToMoney,
  dayParts,
  dayToIso,
  milliToQuantity,
  shanghaiDay,
  shanghaiInstant,
  weekday,
} from './demo.format';
import { csvField, pgTextArray } from './demo.loader';

describe('exact money and quantity strings', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [123_456_789, '1234567.89'],
    [-1, '-0.01'],
    [-250_000, '-2500.00'],
    [99_999_999_999_999, '999999999999.99'],
  ])('%i cents → %s', (cents, text) => {
    expect(centsToMoney(cents)).toBe(text);
  });

  it('refuses non-integers', () => {
    expect(() => centsToMoney(1.5)).toThrow();
  });

  it.each([
    [0, '0.000'],
    [500, '0.500'],
    [1000, '1.000'],
    [12_345, '12.345'],
  ])('%i thousandths → %s', (milli, text) => {
    expect(milliToQuantity(milli)).toBe(text);
  });
});

describe('Shanghai business days', () => {
  it('change at midnight in Shanghai, not in UTC', () => {
    const before = shanghaiDay(new Date('2025-01-31T15:59:59Z')); // 23:59:59 in Shanghai
    const after = shanghaiDay(new Date('2025-01-31T16:00:00Z')); // 00:00 on 1 February
    expect(dayToIso(before)).toBe('2025-01-31');
    expect(dayToIso(after)).toBe('2025-02-01');
    expect(dayParts(after)).toMatchObject({ year: 2025, month: 2, day: 1 });
    expect(weekday(after)).toBe(6); // a Saturday
    expect(shanghaiInstant(after, 9 * 60).toISOString()).toBe('2025-02-01T01:00:00.000Z');
  });
});

describe('CSV for COPY', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['', '""'],
    ['a,"b"', '"a,""b"""'],
    ['两行\n文本', '"两行\n文本"'],
    [42, '42'],
    [true, 't'],
    [false, 'f'],
    [new Date('2025-01-02T03:04:05Z'), '2025-01-02T03:04:05.000Z'],
    [['重点客户', 'a"b', 'c\\d'], '"{""重点客户"",""a\\""b"",""c\\\\d""}"'],
    [[], '"{}"'],
    [{ k: 'v' }, '"{""k"":""v""}"'],
  ])('%j → %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });

  it('writes text arrays PostgreSQL parses back', () => {
    expect(pgTextArray(['a b', null])).toBe('{"a b",NULL}');
  });
});
