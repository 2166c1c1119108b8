/**
 * The model check on CDNOW (references §1a): calibration to 1997-09-30 in weeks, the holdout after it.
 * The zero class's expected holdout purchases are the paper's 0.23 against an actual 334/1411 = 0.24.
 */
import { describe, expect, it } from 'vitest';
import { cdnowOrders } from './cdnow.test-support';
import { dayNumber } from './days';
import { checkModels } from './model-check';
import { ordersToInputs } from './orders-to-inputs';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from './value-settings';

const CAL_END = '1997-09-30';
const settings: ValueSettings = {
  ...DEFAULT_VALUE_SETTINGS,
  clv: { ...DEFAULT_VALUE_SETTINGS.clv, period: 'week', basis: 'revenue' },
};

function history(holdoutEnd: string) {
  const orders = [...cdnowOrders('CDNOW_sample.txt')];
  const inputs = ordersToInputs(orders, { asOf: CAL_END, windowMonths: null });
  const ids = new Map(inputs.map((c) => [c.code, c.customerId]));
  const days = new Map<string, Set<string>>();
  for (const o of orders) {
    if (o.orderedAt > holdoutEnd) continue;
    const set = days.get(o.customerCode) ?? new Set<string>();
    days.set(o.customerCode, set.add(o.orderedAt));
  }
  const holdoutDays = new Map<number, number>();
  const births = new Map<number, number>();
  const repeats = new Map<number, number>();
  for (const [code, set] of days) {
    const sorted = [...set].sort();
    holdoutDays.set(ids.get(code)!, sorted.filter((d) => d > CAL_END).length);
    const bump = (m: Map<number, number>, d: string) => m.set(dayNumber(d), (m.get(dayNumber(d)) ?? 0) + 1);
    bump(births, sorted[0]!);
    for (const d of sorted.slice(1)) bump(repeats, d);
  }
  return checkModels({ inputs, calibrationEnd: CAL_END, holdoutEnd, settings, holdoutDays, births, repeats });
}

describe('checkModels on the CDNOW sample', () => {
  it('forecasts the 39-week holdout as the paper reports', () => {
    const check = history('1998-06-30');
    expect(check.holdoutPeriods).toBeCloseTo(39, 0);
    expect(check.model.bgnbd!.r).toBeCloseTo(0.2426, 3);
    const zero = check.calibrationVsHoldout![0]!;
    expect(zero).toMatchObject({ label: '0', customers: 1411 });
    expect(zero.actual).toBeCloseTo(334 / 1411, 6);
    expect(zero.expected).toBeGreaterThan(0.22);
    expect(zero.expected).toBeLessThan(0.235);
    // 2,457 repeat purchases in the calibration, 4,339 by the end of week 78 (§1a); the forecast 4% under.
    const t = check.tracking!;
    expect(t.actual[t.calibrationPeriods - 1]).toBe(2457);
    expect(t.actual.at(-1)).toBe(4339);
    expect(t.expected.at(-1)! / 4339).toBeGreaterThan(0.94);
    expect(t.expected.at(-1)! / 4339).toBeLessThan(0.98);
  });

  it('validates the churn risk on the six months after the calibration end', () => {
    const check = history('1998-03-31');
    expect(check.scored).toBe(2357);
    expect(check.churned).toBeGreaterThan(1500);
    expect(check.churnAuc).toBeGreaterThan(0.7);
    expect(check.churnAuc).toBeLessThan(0.85);
  });
});
