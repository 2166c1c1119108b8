import { describe, expect, it } from 'vitest';
import {
  fitsMoney,
  formatDecimal,
  lineAmount,
  MONEY_MAX_CENTS,
  multiply,
  parseDecimal,
  rescale,
  sumMoney,
  toCents,
} from './money';

describe('parseDecimal / formatDecimal', () => {
  it.each([
    ['123.45', 123_45n, 2],
    ['-0.5', -5n, 1],
    ['7', 7n, 0],
    ['0.001', 1n, 3],
    ['-0', 0n, 0],
    [' 12.30 ', 12_30n, 2],
    ['999999999999.99', 999_999_999_999_99n, 2],
  ])('%s → %s × 10^-%i', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each(['', '1e3', '1.', '.5', '--1', '1,000', 'NaN', '12.3.4'])('refuses %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(RangeError);
  });

  it('refuses more decimals than allowed', () => {
    expect(() => parseDecimal('1.234', 2)).toThrow(/more than 2 decimals/);
  });

  it.each([
    [0n, 2, '0.00'],
    [5n, 2, '0.05'],
    [-5n, 2, '-0.05'],
    [-123_45n, 2, '-123.45'],
    [1n, 3, '0.001'],
    [42n, 0, '42'],
    [MONEY_MAX_CENTS, 2, '999999999999.99'],
    [-MONEY_MAX_CENTS, 2, '-999999999999.99'],
  ])('formats %s at scale %i as %s', (units, scale, text) => {
    expect(formatDecimal(units, scale)).toBe(text);
  });
});

describe('rounding half-up (away from zero)', () => {
  it.each([
    ['0.125', '0.13'],
    ['0.124', '0.12'],
    ['-0.125', '-0.13'],
    ['-0.124', '-0.12'],
    ['1.005', '1.01'], // 1.005 * 100 is 100.49999999999999 as a float
    ['2.675', '2.68'], // the classic float trap: 2.675.toFixed(2) is "2.67"
    ['-0.004', '0.00'],
    ['-0.005', '-0.01'],
    ['3.33333', '3.33'],
    ['0.99999', '1.00'],
  ])('%s → %s', (text, expected) => {
    expect(formatDecimal(rescale(parseDecimal(text), 2), 2)).toBe(expected);
  });

  it('adds zeros when the scale grows', () => {
    expect(rescale(parseDecimal('1.5'), 3)).toBe(1500n);
  });
});

describe('lineAmount = quantity × unit price, rounded to cents', () => {
  it.each([
    ['3', '33.33', '99.99'],
    ['0.333', '10.01', '3.33'], // 3.33333
    ['0.335', '10.00', '3.35'],
    ['0.005', '1.00', '0.01'], // exactly half a cent
    ['0.004', '1.00', '0.00'],
    ['-2', '19.99', '-39.98'], // a return
    ['-0.005', '1.00', '-0.01'],
    ['1.5', '-10.01', '-15.02'], // -15.015 rounds away from zero
    ['-1.5', '-10.01', '15.02'],
    ['0', '123.45', '0.00'],
    ['12345678901.999', '0.01', '123456789.02'],
    ['0.001', '999999999999.99', '1000000000.00'], // 999 999 999.999 99
    ['999999.999', '999999.99', '999999989000.00'], // 999 999 989 000.000 01, near the limit
    ['-999999.999', '999999.99', '-999999989000.00'],
    ['1', '999999999999.99', '999999999999.99'],
    ['10', '999999999999.99', '9999999999999.90'], // beyond numeric(14,2): exact, flagged by fitsMoney
  ])('%s × %s = %s', (qty, price, expected) => {
    expect(lineAmount(qty, price)).toBe(expected);
  });

  it('multiplies exactly at the full scale', () => {
    expect(multiply(parseDecimal('0.333'), parseDecimal('10.01'))).toEqual({ units: 333_333n, scale: 5 });
  });
});

describe('sumMoney', () => {
  it.each([
    [[], '0.00'],
    [['0.1', '0.2'], '0.30'], // 0.1 + 0.2 is 0.30000000000000004 as floats
    [['99.99', '3.33', '-3.33'], '99.99'],
    [['-5', '2.5'], '-2.50'],
    [['999999999999.99', '-999999999999.99'], '0.00'],
    [['999999999999.99', '0.01'], '1000000000000.00'],
    [Array.from({ length: 1000 }, () => '0.01'), '10.00'],
  ])('%j sums to %s', (values, expected) => {
    expect(sumMoney(values)).toBe(expected);
  });
});

describe('fitsMoney (numeric(14,2))', () => {
  it.each([
    ['999999999999.99', true],
    ['-999999999999.99', true],
    ['0', true],
  ])('%s fits: %s', (text, ok) => {
    expect(fitsMoney(toCents(text))).toBe(ok);
  });

  it.each([MONEY_MAX_CENTS + 1n, -MONEY_MAX_CENTS - 1n])('%s cents does not fit', (cents) => {
    expect(fitsMoney(cents)).toBe(false);
  });
});
