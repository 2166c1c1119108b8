import { describe, expect, it } from 'vitest';
import { expandCodeRule, isValidCodeRule } from './code-rule';

describe('customer code rule', () => {
  const day = { year: 2026, month: 3, day: 7 };

  it.each([
    ['C{yyyy}{seq:6}', 42, 'C2026000042', 'C2026{seq}'],
    ['KH-{yy}{mm}-{seq:4}', 7, 'KH-2603-0007', 'KH-2603-{seq}'],
    ['{seq}', 12345, '12345', '{seq}'],
  ])('%s with %i → %s', (rule, seq, code, period) => {
    const parts = expandCodeRule(rule, day);
    expect(parts.format(seq)).toBe(code);
    expect(parts.period).toBe(period);
  });

  it.each([
    ['C{yyyy}{seq:6}', true],
    ['C{yyyy}', false],
    ['C{seq}{seq}', false],
    ['C{foo}{seq:3}', false],
  ])('validates %s', (rule, ok) => {
    expect(isValidCodeRule(rule)).toBe(ok);
  });
});
