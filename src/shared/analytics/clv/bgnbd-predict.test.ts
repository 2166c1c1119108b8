import { describe, expect, it } from 'vitest';
import {
  aliveGrowth,
  conditionalExpectedPurchases,
  expectedPurchases,
  pAlive,
  probabilityOfPurchases,
} from './bgnbd-predict';
import { CLVTOOLS_MLE, PAPER_PARAMS } from './cdnow-clv.test-support';
import { hyp2f1 } from './special';

/** The textbook formula with a general ₂F₁, to check the transformed series against. */
function directGrowth(p: typeof PAPER_PARAMS, x: number, T: number, t: number): number {
  const z = t / (p.alpha + T + t);
  const f = hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
  return ((p.a + p.b + x - 1) / (p.a - 1)) * (1 - ((p.alpha + T) / (p.alpha + T + t)) ** (p.r + x) * f);
}

describe('BG/NBD predictions on CDNOW (references §1a)', () => {
  it.each([
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
    [78, 1.8576],
  ])('E[X(%d)] ≈ %d (Hardie’s sheet, 3 dp)', (t, expected) => {
    expect(Math.abs(expectedPurchases(CLVTOOLS_MLE, t) - expected)).toBeLessThan(1e-3);
  });

  it('E[Y(39) | 2, 30.43, 38.86] = 1.226', () => {
    expect(Math.abs(conditionalExpectedPurchases(CLVTOOLS_MLE, 39, 2, 30.43, 38.86) - 1.226)).toBeLessThan(
      1e-3,
    );
  });

  it('E[Y(39)] with the paper’s parameters: 0.1951 for x = 0, 3.337 for customer 6', () => {
    expect(conditionalExpectedPurchases(PAPER_PARAMS, 39, 0, 0, 38.86)).toBeCloseTo(0.1951, 4);
    expect(conditionalExpectedPurchases(PAPER_PARAMS, 39, 7, 29.43, 38.86)).toBeCloseTo(3.337, 3);
  });

  it('E[Y(1)] for the top customers (lifetimes Quickstart, with its MLE)', () => {
    const lifetimes = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 };
    // customer id: x, t_x, T, published E[Y(1)]
    const top: Record<number, number[]> = {
      1516: [26, 30.86, 31, 0.710623],
      157: [29, 37.71, 38, 0.662396],
      1981: [17, 28.43, 28.86, 0.486526],
      841: [19, 34, 34.14, 0.474738],
      509: [18, 35.14, 35.86, 0.424877],
    };
    for (const [x, tx, T, expected] of Object.values(top))
      expect(conditionalExpectedPurchases(lifetimes, 1, x!, tx!, T!)).toBeCloseTo(expected!, 5);
  });

  it.each([
    [0, 0, 38.86, 1],
    [2, 30.43, 38.86, 0.7266],
    [1, 1.71, 38.86, 0.2121],
    [7, 29.43, 38.86, 0.6418],
    [26, 30.86, 31, 0.9689],
    [29, 37.71, 38, 0.9691],
  ])('P(alive | %d, %d, %d) = %d', (x, tx, T, expected) => {
    expect(pAlive(PAPER_PARAMS, x, tx, T)).toBeCloseTo(expected, 4);
  });

  it('P(N(t) = n) as in R’s BTYD', () => {
    expect(probabilityOfPurchases(PAPER_PARAMS, 2, 10)).toBeCloseTo(1.07869e-7, 11);
    expect(probabilityOfPurchases(PAPER_PARAMS, 39, 0)).toBeCloseTo(0.5737864, 7);
    const expected = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
      0.0003467171, 0.0002769613, 0.000222226,
    ];
    expected.forEach((v, i) => {
      expect(probabilityOfPurchases(PAPER_PARAMS, 30, 11 + i)).toBeCloseTo(v, 9);
    });
  });

  it('P(N(t) = n) sums to 1 over n and has mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const pn = probabilityOfPurchases(PAPER_PARAMS, 20, n);
      total += pn;
      mean += n * pn;
    }
    expect(total).toBeCloseTo(1, 6);
    expect(mean).toBeCloseTo(expectedPurchases(PAPER_PARAMS, 20), 3);
  });
});

describe('aliveGrowth (Euler-transformed series)', () => {
  it.each([
    [0, 0, 78],
    [3, 20, 52],
    [10, 38, 10],
    [50, 30, 300],
    [200, 40, 39],
  ])('equals the textbook formula at x=%d, T=%d, t=%d', (x, T, t) => {
    const direct = directGrowth(PAPER_PARAMS, x, T, t);
    expect(Math.abs(aliveGrowth(PAPER_PARAMS, x, T, t) / direct - 1)).toBeLessThan(1e-11);
  });

  it('agrees for a > 1 and stays continuous through a = 1', () => {
    const p = { ...PAPER_PARAMS, a: 1.7 };
    expect(aliveGrowth(p, 4, 25, 52) / directGrowth(p, 4, 25, 52)).toBeCloseTo(1, 11);
    const at1 = expectedPurchases({ ...PAPER_PARAMS, a: 1 }, 30);
    expect(expectedPurchases({ ...PAPER_PARAMS, a: 1 + 1e-9 }, 30)).toBeCloseTo(at1, 8);
    expect(expectedPurchases({ ...PAPER_PARAMS, a: 1 - 1e-9 }, 30)).toBeCloseTo(at1, 8);
  });

  it('is 0 at t = 0 and handles long horizons (z near 1)', () => {
    expect(expectedPurchases(PAPER_PARAMS, 0)).toBe(0);
    const long = expectedPurchases(PAPER_PARAMS, 10_000);
    expect(long).toBeGreaterThan(expectedPurchases(PAPER_PARAMS, 1_000));
    expect(Number.isFinite(long)).toBe(true);
  });
});
