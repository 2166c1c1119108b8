import { describe, expect, it } from 'vitest';
import { bgnbdLogLikelihood, bgnbdRowLogLikelihood, fitBgNbd } from './bgnbd';
import {
  CLVTOOLS_MLE,
  cdnowCalibration,
  cdnowPublishedSummary,
  PAPER_PARAMS,
} from './cdnow-clv.test-support';
import { compressRows } from './summary-rows';

const summary = cdnowPublishedSummary();

describe('BG/NBD log-likelihood (references §1a)', () => {
  it('LL(0.243, 4.414, 0.793, 2.426) on CDNOW = −9582.4268', () => {
    expect(bgnbdLogLikelihood(PAPER_PARAMS, summary)).toBeCloseTo(-9582.4268, 3);
  });

  it('is the sum of the row form', () => {
    const direct = summary.reduce((s, r) => s + bgnbdRowLogLikelihood(PAPER_PARAMS, r.x, r.t_x, r.T), 0);
    expect(bgnbdLogLikelihood(PAPER_PARAMS, summary)).toBeCloseTo(direct, 8);
  });

  it.each([
    [0, 0, -0.59947382],
    [200, 38, 100.7957],
  ])('PyMC-Marketing’s stable single-row logp: x=%d, t_x=%d → %d', (x, tx, expected) => {
    const p = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    expect(bgnbdRowLogLikelihood(p, x, tx, 40)).toBeCloseTo(expected, 4);
  });

  it('weights equal repeated rows', () => {
    const rows = summary.slice(0, 50);
    const doubled = [...rows, ...rows];
    expect(bgnbdLogLikelihood(PAPER_PARAMS, rows, new Array(50).fill(2))).toBeCloseTo(
      bgnbdLogLikelihood(PAPER_PARAMS, doubled),
      9,
    );
  });
});

describe('compressRows', () => {
  it('merges identical rows into weights and indexes distinct x and times', () => {
    const c = compressRows([
      { x: 0, t_x: 0, T: 5 },
      { x: 2, t_x: 3, T: 5 },
      { x: 0, t_x: 0, T: 5 },
      { x: 2, t_x: 3, T: 5 },
      { x: 2, t_x: 4, T: 5 },
    ]);
    expect(Array.from(c.xs)).toEqual([0, 2]);
    expect(Array.from(c.times)).toEqual([0, 3, 4, 5]);
    expect(Array.from(c.weight)).toEqual([2, 2, 1]);
    expect(c.customers).toBe(5);
  });

  it('compresses CDNOW’s 2,357 customers to far fewer distinct rows', () => {
    expect(compressRows(summary).weight.length).toBeLessThan(1_200);
  });

  it.each([
    { x: -1, t_x: 0, T: 3 },
    { x: 1.5, t_x: 1, T: 3 },
    { x: 1, t_x: 4, T: 3 },
    { x: 0, t_x: 1, T: 3 },
    { x: 1, t_x: 1, T: Number.NaN },
  ])('refuses %j', (row) => {
    expect(() => compressRows([row])).toThrow(expect.objectContaining({ code: 'invalid_summary_row' }));
  });
});

describe('fitBgNbd on CDNOW', () => {
  const fit = fitBgNbd(summary);

  it('reaches the full-precision MLE within 1e-3 and LL −9582.43 ± 0.01', () => {
    expect(fit.converged).toBe(true);
    expect(fit.atBound).toBe(false);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(fit[k] - CLVTOOLS_MLE[k])).toBeLessThan(1e-3);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(fit[k]).toBeCloseTo(PAPER_PARAMS[k], 2);
    expect(Math.abs(fit.ll - -9582.43)).toBeLessThan(0.01);
    expect(fit.customers).toBe(2_357);
  });

  it('gives lifetimes’ standard errors within 0.1%', () => {
    const lifetimes = { r: 0.012557, alpha: 0.378221, a: 0.185719, b: 0.705345 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(fit.se[k] / lifetimes[k] - 1)).toBeLessThan(1e-3);
  });

  it('fits the unrounded summary (from the transactions) to the same estimates within 1e-2', () => {
    const unrounded = fitBgNbd(cdnowCalibration().rows);
    for (const k of ['r', 'alpha', 'a', 'b'] as const)
      expect(Math.abs(unrounded[k] - fit[k])).toBeLessThan(1e-2);
  });

  it('does not depend on the time unit: days give α × 7 and the same r, a, b', () => {
    const days = fitBgNbd(summary.map((r) => ({ x: r.x, t_x: r.t_x * 7, T: r.T * 7 })));
    expect(days.alpha / 7).toBeCloseTo(fit.alpha, 3);
    expect(days.r).toBeCloseTo(fit.r, 4);
    expect(days.b).toBeCloseTo(fit.b, 3);
  });
});
