import { describe, expect, it } from 'vitest';
import { orderNoRule } from './order-number';

describe('generated order numbers', () => {
  it.each([
    ['2026-03-07', 1, 'SO202603070001', 'SO20260307{seq}'],
    ['2026-12-31', 42, 'SO202612310042', 'SO20261231{seq}'],
    ['2027-01-01', 12345, 'SO2027010112345', 'SO20270101{seq}'], // past 9999 the counter just grows
  ])('%s #%i → %s', (date, seq, no, period) => {
    const parts = orderNoRule(date);
    expect(parts.format(seq)).toBe(no);
    expect(parts.period).toBe(period);
  });
});
