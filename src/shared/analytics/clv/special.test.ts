import { describe, expect, it } from 'vitest';
import {
  betaln,
  expit,
  gammaln,
  Hyp2f1ConvergenceError,
  hyp2f1,
  hyp2f1Series,
  logAddExp,
  logSumExp,
} from './special';

const close = (actual: number, expected: number, rel = 1e-12) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

describe('lnΓ and ln B (@stdlib)', () => {
  it.each([
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1, 0],
    [10, Math.log(362_880)],
  ])('lnΓ(%d)', (x, expected) => close(gammaln(x), expected));

  it('ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b), also where the differences would cancel', () => {
    close(betaln(2, 3), Math.log(1 / 12));
    close(betaln(0.793, 2.426), gammaln(0.793) + gammaln(2.426) - gammaln(3.219));
    expect(Number.isFinite(betaln(0.8, 1e17))).toBe(true);
  });
});

describe('₂F₁ against closed forms', () => {
  const zs = [0, 0.1, 0.3, 0.5, 0.6, 0.8, 0.9, 0.95, 0.99];
  it.each(zs)('₂F₁(1, 1; 2; %d) = −ln(1−z)/z', (z) =>
    close(hyp2f1(1, 1, 2, z), z === 0 ? 1 : -Math.log1p(-z) / z),
  );
  it.each(zs)('₂F₁(a, b; b; %d) = (1−z)^−a', (z) => close(hyp2f1(0.3, 2.5, 2.5, z), (1 - z) ** -0.3));
  it.each([0.2, 0.5, 0.7, 0.9, 0.99])('₂F₁(½, ½; 3/2; z²) = asin(z)/z at z = %d', (z) =>
    close(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z),
  );
  it.each([0.25, 0.75, 0.97])('₂F₁(1, 1/2; 3/2; z²) = atanh(z)/z at z = %d', (z) =>
    close(hyp2f1(1, 0.5, 1.5, z * z), Math.atanh(z) / z),
  );
  it('terminates for a non-positive integer a: ₂F₁(−2, b; c; z) is a polynomial', () => {
    const [b, c, z] = [1.5, 2.5, 0.7];
    close(hyp2f1(-2, b, c, z), 1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)));
  });
  it('Euler’s transformation agrees with the plain series where both converge', () => {
    close(hyp2f1(2.2, 1.3, 2.1, 0.7), hyp2f1Series(2.2, 1.3, 2.1, 0.7), 1e-11);
  });
  it('refuses z outside [0, 1) and reports non-convergence with a typed error', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, -0.1)).toThrow(RangeError);
    expect(() => hyp2f1Series(1, 1, 2, 1 - 1e-9)).toThrow(Hyp2f1ConvergenceError);
  });
});

describe('log-sum-exp and expit', () => {
  it('adds in log space without overflow or underflow', () => {
    close(logAddExp(Math.log(2), Math.log(3)), Math.log(5));
    close(logAddExp(1000, 1000), 1000 + Math.log(2));
    close(logAddExp(-1000, -1000), -1000 + Math.log(2));
    expect(logAddExp(Number.NEGATIVE_INFINITY, 3)).toBe(3);
    close(logSumExp([1000, 1000, 1000]), 1000 + Math.log(3));
    expect(logSumExp([])).toBe(Number.NEGATIVE_INFINITY);
  });
  it('expit is the logistic function for large |u| too', () => {
    expect(expit(0)).toBe(0.5);
    expect(expit(800)).toBe(1);
    expect(expit(-800)).toBe(0);
    close(expit(-3), 1 / (1 + Math.exp(3)));
  });
});
