/**
 * Special functions for the CLV models: lnΓ and ln B from @stdlib (maintained, pure JS), our own Gauss
 * hypergeometric ₂F₁ for 0 ≤ z < 1 (stdlib has none), and log-sum-exp.
 */
import betaln from '@stdlib/math-base-special-betaln';
import gammaln from '@stdlib/math-base-special-gammaln';

export { betaln, gammaln };

/** ₂F₁ did not converge within its term budget (z too close to 1 for a plain series). */
export class Hyp2f1ConvergenceError extends Error {
  constructor(
    readonly a: number,
    readonly b: number,
    readonly c: number,
    readonly z: number,
  ) {
    super(`2F1(${a}, ${b}; ${c}; ${z}) did not converge: z is too close to 1 for the series`);
    this.name = 'Hyp2f1ConvergenceError';
  }
}

/** Relative accuracy the series aim at; a few ulps above double precision so they stop promptly. */
export const SERIES_TOLERANCE = 1e-15;
/** The most terms a series may take: enough for z up to about 0.9997 at full accuracy. */
export const MAX_SERIES_TERMS = 100_000;

/**
 * Σ_{n≥0} (a)_n (b)_n / ((c)_n n!) zⁿ, summed until the tail bound falls under the tolerance. The ratio of
 * successive terms tends to z, so once it is below 1 the rest is bounded by a geometric series of
 * ratio max(ratio, z). Terminates exactly when a or b is a non-positive integer.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  if (c <= 0 && Number.isInteger(c)) throw new RangeError('2F1: c must not be a non-positive integer');
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_SERIES_TERMS; n++) {
    const ratio = ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    const r = Math.max(Math.abs(ratio), z);
    if (r < 1 && (Math.abs(term) * r) / (1 - r) <= SERIES_TOLERANCE * Math.abs(sum)) return sum;
  }
  throw new Hyp2f1ConvergenceError(a, b, c, z);
}

/**
 * Gauss's ₂F₁(a, b; c; z) for 0 ≤ z < 1. When z > 0.5 and c − a − b < 0 the plain series' terms decay
 * only like n^(a+b−c−1)·zⁿ, so we use Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z), whose terms decay faster by n^(2(c−a−b)).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`2F1 is implemented for 0 ≤ z < 1, not z = ${z}`);
  if (z === 0) return 1;
  const s = c - a - b;
  if (z > 0.5 && s < 0) return (1 - z) ** s * hyp2f1Series(c - a, c - b, c, z);
  return hyp2f1Series(a, b, c, z);
}

/** ln(eᵘ + eᵛ) without overflow or underflow. */
export function logAddExp(u: number, v: number): number {
  if (u === Number.NEGATIVE_INFINITY) return v;
  if (v === Number.NEGATIVE_INFINITY) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** ln Σ eˣ⁽ⁱ⁾ over an array, shifted by its maximum. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/** The logistic function 1/(1 + e⁻ᵘ), stable for large |u|. */
export function expit(u: number): number {
  if (u >= 0) return 1 / (1 + Math.exp(-u));
  const e = Math.exp(u);
  return e / (1 + e);
}
