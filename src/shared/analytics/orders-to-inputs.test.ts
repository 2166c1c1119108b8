import { describe, expect, it } from 'vitest';
import { formatCentsPlain, ordersToInputs, parseCents } from './orders-to-inputs';

const order = (
  customerCode: string,
  orderedAt: string,
  amountCents: number,
  costCents: number | null = null,
) => ({
  customerCode,
  orderedAt,
  amountCents,
  costCents,
});

describe('ordersToInputs', () => {
  const asOf = '2026-11-30';
  const orders = [
    order('B', '2026-11-20', 100_00, 60_00),
    order('B', '2026-11-20', 50_00, 20_00), // same day: one purchase day
    order('B', '2025-12-01', 10_00), // first day of the 12-month window; cost missing → profit = amount
    order('B', '2025-11-30', 5_00, 1_00), // just outside 12 months
    order('B', '2024-11-30', 7_00, 0), // outside a 24-month window (starts 2024-12-01)
    order('B', '2026-12-01', 999_00, 0), // future
    order('A', '2026-11-30', -30_00, -10_00), // a return on as-of itself
    order('F', '2027-01-01', 1_00), // only future orders
  ];

  it('aggregates lifetime, window and 12-month figures (hand-computed)', () => {
    const [a, b, f] = ordersToInputs(orders, { asOf, windowMonths: 24 });
    expect(b).toMatchObject({
      customerId: 2,
      code: 'B',
      orders: 5,
      purchaseDays: 4,
      firstOrderOn: '2024-11-30',
      lastOrderOn: '2026-11-20',
      revenueCents: 172_00,
      profitCents: 172_00 - 81_00,
      firstDayRevenueCents: 7_00, // the first day came last in the file
      windowPurchaseDays: 3,
      windowRevenueCents: 165_00,
      windowLastOrderOn: '2026-11-20',
      revenue12mCents: 160_00,
      profit12mCents: 160_00 - 80_00,
      futureOrders: 1,
    });
    expect(b!.monthlyRevenueCents).toEqual([10_00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 150_00]);
    expect(a).toMatchObject({
      orders: 1,
      revenueCents: -30_00,
      profitCents: -20_00,
      firstDayRevenueCents: -30_00,
      windowLastOrderOn: asOf,
    });
    expect(f).toMatchObject({
      code: 'F',
      orders: 0,
      purchaseDays: 0,
      firstOrderOn: null,
      firstDayRevenueCents: 0,
      windowLastOrderOn: null,
      futureOrders: 1,
    });
  });

  it('window null: all history up to as-of', () => {
    const b = ordersToInputs(orders, { asOf, windowMonths: null })[1]!;
    expect(b).toMatchObject({ windowPurchaseDays: 4, windowRevenueCents: 172_00 });
  });

  it('an empty file gives no customers; bad options are refused', () => {
    expect(ordersToInputs([], { asOf, windowMonths: null })).toEqual([]);
    expect(() => ordersToInputs([], { asOf: '2026-13-01', windowMonths: null })).toThrow(RangeError);
    expect(() => ordersToInputs([], { asOf, windowMonths: 0 })).toThrow(RangeError);
    expect(() => ordersToInputs([order('X', '2026-02-30', 1)], { asOf, windowMonths: null })).toThrow(
      RangeError,
    );
  });
});

describe('parseCents / formatCentsPlain', () => {
  it.each([
    ['11.77', 1177],
    ['12', 1200],
    ['0.5', 50],
    [' -3.05 ', -305],
    ['+7.10', 710],
    ['0.00', 0],
    ['90071992547409.91', 9_007_199_254_740_991],
  ])('%j → %i', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });
  it.each(['', 'abc', '1.234', '1,000', '1e3', '.5', '1.', '--1', '90071992547409.92'])(
    'refuses %j',
    (text) => {
      expect(parseCents(text)).toBeNull();
    },
  );
  it.each([
    [1177, '11.77'],
    [-5, '-0.05'],
    [0, '0.00'],
    [250031563, '2500315.63'],
  ])('%i → %s', (cents, text) => {
    expect(formatCentsPlain(cents)).toBe(text);
  });
});
