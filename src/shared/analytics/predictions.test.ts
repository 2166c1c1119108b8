/**
 * A run's predictions from the engine's inputs: on the CDNOW sample (calibration to 1997-09-30, weeks) the
 * inputs the metric tables give (purchase days, first and last day, revenue, first-day revenue) must fit
 * the published BG/NBD and Gamma-Gamma parameters; withheld models give no numbers.
 */
import { describe, expect, it } from 'vitest';
import { cdnowOrders } from './cdnow.test-support';
import { classifyCustomers } from './classify';
import { ordersToInputs } from './orders-to-inputs';
import { predictForRun } from './predictions';
import { customer, noOrders, settingsWith } from './value.test-support';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from './value-settings';

const AS_OF = '1997-09-30';
const weekly = (p: Partial<ValueSettings['clv']> = {}): ValueSettings => ({
  ...DEFAULT_VALUE_SETTINGS,
  clv: { ...DEFAULT_VALUE_SETTINGS.clv, period: 'week', basis: 'revenue', ...p },
});

describe('predictForRun on the CDNOW sample', () => {
  const inputs = ordersToInputs(cdnowOrders('CDNOW_sample.txt'), { asOf: AS_OF, windowMonths: null });
  const { columns, model } = predictForRun(inputs, AS_OF, weekly());

  it('fits the published BG/NBD and Gamma-Gamma parameters (references §1a, §1c)', () => {
    expect(model.customers).toBe(2357);
    expect(model.fittedOn).toBe(2357);
    const bg = model.bgnbd!;
    expect(bg.r).toBeCloseTo(0.2426, 3);
    expect(bg.alpha).toBeCloseTo(4.4135, 2);
    expect(bg.a).toBeCloseTo(0.7929, 3);
    expect(bg.b).toBeCloseTo(2.4258, 2);
    expect(bg.ll).toBeCloseTo(-9582.43, 1);
    const gg = model.gammaGamma!;
    expect(gg.p).toBeCloseTo(6.25, 1);
    expect(gg.q).toBeCloseTo(3.74, 1);
    expect(gg.gamma).toBeCloseTo(15.44, 1);
  });

  it("scores every customer: customer 1's P(alive) and E(M) as published", () => {
    // Sample customer 0001: x = 2, t_x = 30.43, T = 38.86 weeks; E(M | x, z̄) = 24.65 (§1c).
    const i = inputs.findIndex((c) => c.code === '0001');
    expect(columns.pAlive[i]).toBeCloseTo(0.7266, 2);
    expect(columns.expectedSpendCents[i]! / 100).toBeCloseTo(24.65, 0);
    expect(columns.clvCents[i]).toBeGreaterThan(0);
    expect(Number.isInteger(columns.clvCents[i])).toBe(true);
    for (let k = 0; k < inputs.length; k++) {
      // One-time buyers: BG/NBD's P(alive) is 1 by construction, so none is shown.
      if (inputs[k]!.purchaseDays === 1) expect(columns.pAlive[k]).toBeNaN();
      else {
        expect(columns.pAlive[k]).toBeGreaterThan(0);
        expect(columns.pAlive[k]).toBeLessThanOrEqual(1);
      }
      expect(columns.churnRisk[k]).toBeGreaterThanOrEqual(0);
      expect(columns.churnRisk[k]).toBeLessThanOrEqual(100);
    }
  });

  it('fits a fixed sample when the base is larger than fitSample, close to the full fit', () => {
    const sampled = predictForRun(inputs, AS_OF, weekly({ fitSample: 1000 })).model;
    expect(sampled.fittedOn).toBeGreaterThan(850);
    expect(sampled.fittedOn).toBeLessThan(1150);
    expect(predictForRun(inputs, AS_OF, weekly({ fitSample: 1000 })).model.fittedOn).toBe(sampled.fittedOn);
    expect(sampled.bgnbd!.r).toBeCloseTo(model.bgnbd!.r, 1);
  });

  it('makes CLV the strategic value of the verdicts', () => {
    const { verdicts } = classifyCustomers(inputs, weekly(), [], AS_OF, columns);
    const v = verdicts.find((x) => x.code === '0001')!;
    expect(v.strategicBasis).toBe('clv');
    expect(v.strategicValueCents).toBe(
      Math.max(0, columns.clvCents[inputs.indexOf(inputs.find((c) => c.code === '0001')!)]!),
    );
    expect(v.prediction.pAlive).toBeCloseTo(0.7266, 2);
  });
});

describe('predictForRun without enough data', () => {
  it('withholds every model figure when nobody bought twice, but still lists the reasons', () => {
    const inputs = Array.from({ length: 60 }, (_, i) =>
      customer({
        code: `K${i}`,
        firstOrderOn: '2025-01-10',
        lastOrderOn: '2025-01-10',
        revenueCents: 100_00,
      }),
    );
    inputs.push(noOrders('NONE'));
    const { columns, model } = predictForRun(inputs, '2026-06-30', settingsWith({}));
    expect(model.bgnbd).toBeNull();
    expect(model.gammaGamma).toBeNull();
    expect(model.warnings.map((w) => w.code)).toContain('no_repeat_purchases');
    expect([...columns.pAlive].every(Number.isNaN)).toBe(true);
    expect([...columns.clvCents].every(Number.isNaN)).toBe(true);
    expect([...columns.churnRisk].every((r) => r === -1)).toBe(true);
    // One purchase more than the churn horizon ago: a reason without a score.
    expect(columns.churnReasons[0]).toEqual(['no_repeat_purchase']);
    expect(columns.daysSinceLastOrder[0]).toBe(536);
    expect(columns.churnReasons[60]).toBeUndefined();
    const { verdicts } = classifyCustomers(inputs, settingsWith({}), [], '2026-06-30', columns);
    expect(verdicts[0]!.strategicBasis).not.toBe('clv');
    expect(verdicts[60]!.prediction.churnReasons).toEqual([]);
  });
});
