import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalExpectedPurchases, expectedPurchases, pAlive } from './bgnbd-predict';

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }),
  b: fc.double({ min: 0.1, max: 10, noNaN: true }),
});
const history = fc
  .record({
    x: fc.integer({ min: 0, max: 60 }),
    T: fc.double({ min: 0, max: 100, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, T, t_x: x === 0 ? 0 : share * T }));
const times = fc.tuple(
  fc.double({ min: 0, max: 150, noNaN: true }),
  fc.double({ min: 0, max: 150, noNaN: true }),
);

describe('BG/NBD prediction properties', () => {
  it('P(alive) lies in (0, 1] and is 1 without repeat purchases', () => {
    fc.assert(
      fc.property(params, history, (p, h) => {
        const v = pAlive(p, h.x, h.t_x, h.T);
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThanOrEqual(1);
        if (h.x === 0) expect(v).toBe(1);
      }),
    );
  });

  it('E[Y(t) | history] is finite, ≥ 0 and non-decreasing in t', () => {
    fc.assert(
      fc.property(params, history, times, (p, h, [u, v]) => {
        const [t1, t2] = u < v ? [u, v] : [v, u];
        const e1 = conditionalExpectedPurchases(p, t1, h.x, h.t_x, h.T);
        const e2 = conditionalExpectedPurchases(p, t2, h.x, h.t_x, h.T);
        expect(Number.isFinite(e2)).toBe(true);
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 - 1e-12 * Math.max(1, e1));
      }),
    );
  });

  it('a new customer is a customer with x = 0 at T = 0', () => {
    fc.assert(
      fc.property(params, times, (p, [t]) => {
        expect(expectedPurchases(p, t)).toBe(conditionalExpectedPurchases(p, t, 0, 0, 0));
      }),
    );
  });
});
