import { describe, expect, it } from 'vitest';
import type { BgNbdFit } from './bgnbd';
import { cdnowCalibration } from './cdnow-clv.test-support';
import { fitWarnings, MIN_REPEATERS, MIN_SPENDERS } from './fit-warnings';
import { type FitRow, fitModels } from './models';

const options = { horizon: 52, discountRate: 1.1 ** (1 / 52) - 1 };
const cdnow: FitRow[] = cdnowCalibration().rows.map((r) => ({ ...r, zbar: r.zbar / 100 }));

/** Customers who bought once each: no repeat purchases at all. */
const onceOnly = (n: number): FitRow[] =>
  Array.from({ length: n }, (_, i) => ({ x: 0, t_x: 0, T: 10 + (i % 30), zbar: 0 }));

describe('fitModels', () => {
  it('fits CDNOW with no warning and predicts every customer', () => {
    const m = fitModels(cdnow, options);
    expect(m.warnings).toEqual([]);
    expect(m.bgnbd?.r).toBeCloseTo(0.2426, 3);
    expect(m.gammaGamma?.p).toBeCloseTo(6.25, 2);
    expect(m.predictions!.pAlive).toHaveLength(2_357);
    expect(m.predictions!.clv![0]).toBeGreaterThan(0);
  });

  it('withholds BG/NBD when every customer bought once', () => {
    const m = fitModels(onceOnly(500), options);
    expect(m.bgnbd).toBeNull();
    expect(m.gammaGamma).toBeNull();
    expect(m.predictions).toBeNull();
    expect(m.warnings.map((w) => [w.model, w.code, w.withheld])).toEqual([
      ['bgnbd', 'no_repeat_purchases', true],
      ['gamma_gamma', 'too_few_spenders', true],
    ]);
  });

  it('withholds everything for a single customer', () => {
    const m = fitModels([{ x: 3, t_x: 5, T: 9, zbar: 20 }], options);
    expect(m.predictions).toBeNull();
    expect(m.warnings.map((w) => w.code)).toEqual([
      'too_few_customers',
      'too_few_repeaters',
      'too_few_spenders',
    ]);
  });

  it('withholds BG/NBD below the repeater threshold', () => {
    const rows = [...onceOnly(300), ...cdnow.filter((r) => r.x > 0).slice(0, MIN_REPEATERS - 1)];
    const m = fitModels(rows, options);
    expect(m.predictions).toBeNull();
    expect(m.warnings).toContainEqual(
      expect.objectContaining({ code: 'too_few_repeaters', value: MIN_REPEATERS - 1 }),
    );
  });

  it('counts and leaves out zero or negative spend; too few spenders withholds spend and CLV only', () => {
    const repeaters = cdnow.filter((r) => r.x > 0).slice(0, 100);
    const rows = [
      ...cdnow.filter((r) => r.x === 0).slice(0, 300),
      ...repeaters.map((r, i) => (i < MIN_SPENDERS - 1 ? r : { ...r, zbar: i % 2 ? 0 : -5 })),
    ];
    const m = fitModels(rows, options);
    expect(m.bgnbd).not.toBeNull();
    expect(m.gammaGamma).toBeNull();
    expect(m.warnings).toContainEqual({
      model: 'gamma_gamma',
      code: 'spend_excluded',
      withheld: false,
      value: 71,
    });
    expect(m.warnings).toContainEqual(expect.objectContaining({ code: 'too_few_spenders', withheld: true }));
    expect(m.predictions!.pAlive).toHaveLength(400);
    expect(m.predictions!.clv).toBeNull();
  });

  it('passes each customer’s margin into CLV', () => {
    const withMargin = cdnow.map((r) => ({ ...r, margin: 0.5 }));
    const half = fitModels(withMargin, options).predictions!.clv!;
    const full = fitModels(cdnow, options).predictions!.clv!;
    expect(half[5]).toBeCloseTo(full[5]! / 2, 10);
  });
});

describe('fitWarnings', () => {
  const bgFit = (over: Partial<BgNbdFit>): BgNbdFit => ({
    r: 0.24,
    alpha: 4.4,
    a: 0.79,
    b: 2.4,
    ll: -9582,
    se: { r: 0.01, alpha: 0.4, a: 0.2, b: 0.7 },
    converged: true,
    atBound: false,
    iterations: 300,
    evaluations: 500,
    customers: 2357,
    ...over,
  });

  it('withholds a fit that did not converge; cautions at a bound and near a = 1', () => {
    expect(fitWarnings(bgFit({}), null)).toEqual([]);
    expect(fitWarnings(bgFit({ converged: false, iterations: 5000 }), null)).toEqual([
      { model: 'bgnbd', code: 'not_converged', withheld: true, value: 5000 },
    ]);
    expect(fitWarnings(bgFit({ atBound: true, a: 1.01 }), null)).toEqual([
      { model: 'bgnbd', code: 'parameter_at_bound', withheld: false },
      { model: 'bgnbd', code: 'near_a_singularity', withheld: false, value: 1.01 },
    ]);
  });
});
