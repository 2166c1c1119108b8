import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberCellText, parseNumber } from './numbers';

const ok = (input: string | number, kind: 'money' | 'decimal' | 'integer') => {
  const r = parseNumber(input, kind);
  if (!r.ok) throw new Error(`${input}: ${r.issue.code}`);
  return r.value;
};
const issue = (input: string | number, kind: 'money' | 'decimal' | 'integer') => {
  const r = parseNumber(input, kind);
  return r.ok ? `ok ${r.value}` : r.issue.code;
};

describe('parseNumber: money', () => {
  it.each([
    ['¥1,234.50', '1234.50'],
    ['￥1,234.50', '1234.50'],
    ['１，２３４．５', '1234.50'],
    ['1 234,50', '1234.50'],
    ['1\u00a0234,50', '1234.50'],
    ['1\u202f234,5', '1234.50'],
    ['1.234,50', '1234.50'],
    ['1.234.567,8', '1234567.80'],
    ['1,234,567.8', '1234567.80'],
    ['RMB 12', '12.00'],
    ['rmb12', '12.00'],
    ['CNY 12.3', '12.30'],
    ['12元', '12.00'],
    ['(12.00)', '-12.00'],
    ['(¥1,200)', '-1200.00'],
    ['-5', '-5.00'],
    ['¥-5', '-5.00'],
    ['-¥5.5', '-5.50'],
    ['+7', '7.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['.5', '0.50'],
    ['007', '7.00'],
    ['12,5', '12.50'],
    ['1,234', '1234.00'],
    ['12.500', '12.50'],
    ['  42  ', '42.00'],
    ['999999999999.99', '999999999999.99'],
  ])('%s → %s', (input, expected) => expect(ok(input, 'money')).toBe(expected));

  it('reads number cells as the sheet shows them, without float noise', () => {
    expect(ok(1234.5, 'money')).toBe('1234.50');
    expect(ok(0.1 + 0.2, 'money')).toBe('0.30');
    expect(ok(-12, 'money')).toBe('-12.00');
    expect(numberCellText(13800138000)).toBe('13800138000');
    expect(numberCellText(1e-7)).toBe('0.0000001');
  });

  it.each([
    ['12.345', 'too_many_decimals'],
    [12.345, 'too_many_decimals'],
    ['abc', 'not_a_number'],
    ['12abc', 'not_a_number'],
    ['$12', 'not_a_number'],
    ['1,23,4', 'not_a_number'],
    ['1.234,5.6', 'not_a_number'],
    ['1,2.3,4', 'not_a_number'],
    ['--5', 'not_a_number'],
    ['¥', 'not_a_number'],
    ['1000000000000', 'number_too_large'],
  ])('%s → %s', (input, code) => expect(issue(input, 'money')).toBe(code));
});

describe('parseNumber: decimal and integer', () => {
  it('keeps up to three decimals for quantities, without trailing zeros', () => {
    expect(ok('2.500', 'decimal')).toBe('2.5');
    expect(ok('1,5', 'decimal')).toBe('1.5');
    expect(ok('1.234', 'decimal')).toBe('1.234');
    expect(ok('3', 'decimal')).toBe('3');
    expect(ok('-0.125', 'decimal')).toBe('-0.125');
    expect(issue('0.1234', 'decimal')).toBe('too_many_decimals');
    expect(issue('123456789012', 'decimal')).toBe('number_too_large');
  });

  it('reads whole numbers with thousands separators', () => {
    expect(ok('1,200', 'integer')).toBe('1200');
    expect(ok('1 200', 'integer')).toBe('1200');
    expect(ok('12.0', 'integer')).toBe('12');
    expect(ok(45, 'integer')).toBe('45');
    expect(ok('-3', 'integer')).toBe('-3');
    expect(ok('2147483647', 'integer')).toBe('2147483647');
    expect(issue('12.5', 'integer')).toBe('not_an_integer');
    expect(issue(12.5, 'integer')).toBe('not_an_integer');
    expect(issue('2147483648', 'integer')).toBe('number_too_large');
    expect(issue('十二', 'integer')).toBe('not_a_number');
  });
});

describe('parseNumber: the plain-number shortcut', () => {
  it('gives what the general path gives (a leading space takes that path)', () => {
    const plain = fc
      .tuple(
        fc.constantFrom('', '-'),
        fc.stringMatching(/^\d{1,14}$/),
        fc.option(fc.stringMatching(/^\d{1,5}$/), { nil: undefined }),
      )
      .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(plain, fc.constantFrom('money', 'decimal', 'integer'), (text, kind) => {
        expect(parseNumber(text, kind)).toEqual(parseNumber(` ${text}`, kind));
      }),
      { numRuns: 5000 },
    );
  });
});
