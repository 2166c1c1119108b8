import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The benchmark's seeded PRNG (pure, test-only use): the simulation is the same on every run.
import { mulberry32 } from '../../../../bench/terms';
import { type BgNbdParams, pNoPurchase, pNoPurchaseColumns } from './no-purchase';

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** Gamma(shape, 1) by Marsaglia–Tsang (boosted for shape < 1). */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One BG/NBD customer observed for T periods: (x, t_x) and whether they buy in (T, T+h]. */
function simulate(p: BgNbdParams, T: number, h: number, u: () => number) {
  const lambda = gamma(p.r, u) / p.alpha;
  const g1 = gamma(p.a, u);
  const dropOut = g1 / (g1 + gamma(p.b, u));
  let t = 0;
  let x = 0;
  let tx = 0;
  for (;;) {
    t += -Math.log(1 - u()) / lambda;
    if (t > T) return { x, tx, buysLater: t <= T + h }; // alive at T; t is the next purchase
    x++;
    tx = t;
    if (u() < dropOut) return { x, tx, buysLater: false };
  }
}

describe('pNoPurchase (BG/NBD)', () => {
  it('x = 0 is ((α+T)/(α+T+h))^r; h = 0 is 1', () => {
    expect(pNoPurchase(CDNOW, 0, 0, 30, 26)).toBeCloseTo(((4.414 + 30) / (4.414 + 56)) ** 0.243, 14);
    expect(pNoPurchase(CDNOW, 0, 0, 30, 0)).toBe(1);
    expect(pNoPurchase(CDNOW, 5, 20, 30, 0)).toBeCloseTo(1, 14);
  });

  it('does not overflow for a heavy buyer (x = 200, T = 40)', () => {
    const p0 = pNoPurchase(CDNOW, 200, 39, 40, 26);
    expect(Number.isFinite(p0)).toBe(true);
    // An alive customer with λ ≈ 4.5/week surely buys within 26 weeks, so p0 is 1 − P(alive).
    const pAlive = 1 / (1 + (0.793 / (2.426 + 199)) * ((4.414 + 40) / (4.414 + 39)) ** 200.243);
    expect(p0).toBeCloseTo(1 - pAlive, 10);
    // Long silent after 200 purchases: surely gone, p0 → 1 without NaN.
    expect(pNoPurchase(CDNOW, 200, 1, 40, 26)).toBeCloseTo(1, 12);
  });

  it('is in [0, 1] and non-increasing in h', () => {
    const params = fc.record({
      r: fc.double({ min: 0.05, max: 20, noNaN: true }),
      alpha: fc.double({ min: 0.01, max: 100, noNaN: true }),
      a: fc.double({ min: 0.05, max: 20, noNaN: true }),
      b: fc.double({ min: 0.05, max: 20, noNaN: true }),
    });
    const history = fc
      .tuple(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 1, noNaN: true }))
      .chain(([x, share]) =>
        fc.double({ min: 0.01, max: 200, noNaN: true }).map((T) => ({ x, tx: x ? share * T : 0, T })),
      );
    const horizons = fc.tuple(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(params, history, horizons, (p, { x, tx, T }, [h1, h2]) => {
        const [near, far] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const pNear = pNoPurchase(p, x, tx, T, near);
        const pFar = pNoPurchase(p, x, tx, T, far);
        expect(pNear).toBeGreaterThanOrEqual(0);
        expect(pNear).toBeLessThanOrEqual(1 + 1e-12);
        expect(pFar).toBeLessThanOrEqual(pNear + 1e-12);
      }),
    );
  });

  it('agrees with numerical integration over λ and p', () => {
    // Smooth densities (r, a, b > 1) so Simpson's rule converges; normalising constants cancel.
    const p: BgNbdParams = { r: 2.5, alpha: 4, a: 1.5, b: 3 };
    const [x, tx, T, h] = [3, 8, 12, 6];
    const simpson = (f: (v: number) => number, lo: number, hi: number, n = 20_000) => {
      const step = (hi - lo) / n;
      let s = f(lo) + f(hi);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(lo + i * step);
      return (s * step) / 3;
    };
    const lambdaPart = (s: number) =>
      simpson((l) => l ** x * Math.exp(-l * s) * l ** (p.r - 1) * Math.exp(-p.alpha * l), 0, 40);
    const beta = (q: number) => q ** (p.a - 1) * (1 - q) ** (p.b - 1);
    // q = s² smooths the q^(a−1) cusp at 0.
    const overP = (f: (q: number) => number) => simpson((s) => f(s * s) * beta(s * s) * 2 * s, 0, 1);
    const staysAlive = overP((q) => (1 - q) ** x);
    const droppedOut = overP((q) => q * (1 - q) ** (x - 1));
    const expected =
      (lambdaPart(T + h) * staysAlive + lambdaPart(tx) * droppedOut) /
      (lambdaPart(T) * staysAlive + lambdaPart(tx) * droppedOut);
    expect(pNoPurchase(p, x, tx, T, h)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['CDNOW', CDNOW],
    ['frequent buyers', { r: 1.2, alpha: 5, a: 0.8, b: 2.5 }],
  ])('agrees with a seeded Monte Carlo simulation (%s)', (_name, params) => {
    // For every customer E[1{no purchase} − p0(x, t_x, T)] = 0, so the sum over a group of customers
    // is within a few standard errors √Σ p0(1 − p0) of 0 — per group of x as well as overall.
    const u = mulberry32(20_261_130);
    const h = 26;
    const groups = new Map<string, { gap: number; variance: number; n: number }>();
    for (let i = 0; i < 20_000; i++) {
      const T = 20 + 60 * u();
      const c = simulate(params, T, h, u);
      const p0 = pNoPurchase(params, c.x, c.tx, T, h);
      for (const key of ['all', c.x === 0 ? 'x=0' : c.x === 1 ? 'x=1' : c.x <= 4 ? 'x=2..4' : 'x≥5']) {
        const g = groups.get(key) ?? { gap: 0, variance: 0, n: 0 };
        g.gap += (c.buysLater ? 0 : 1) - p0;
        g.variance += p0 * (1 - p0);
        g.n++;
        groups.set(key, g);
      }
    }
    for (const [key, g] of groups) {
      if (g.n < 200) continue;
      expect(Math.abs(g.gap) / Math.sqrt(g.variance), key).toBeLessThan(4);
    }
  });

  it('the columnar form equals the single form; NaN T stays NaN', () => {
    const out = pNoPurchaseColumns(
      CDNOW,
      [0, 2, 7],
      [0, 30.43, 35],
      [38, 38.86, Number.NaN],
      39,
      new Float64Array(3),
    );
    expect(out[0]).toBe(pNoPurchase(CDNOW, 0, 0, 38, 39));
    expect(out[1]).toBe(pNoPurchase(CDNOW, 2, 30.43, 38.86, 39));
    expect(out[2]).toBeNaN();
  });
});
