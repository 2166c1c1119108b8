/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005; references §3.1): P(alive), E[X(t)] for a new customer,
 * E[Y(t) | x, t_x, T] and P(N(t) = n). Times are in the unit the model was fitted in.
 */
import type { BgNbdParams } from './bgnbd';
import { betaln, expit, gammaln, Hyp2f1ConvergenceError, MAX_SERIES_TERMS } from './special';

/**
 * P(alive | x, t_x, T) = 1/(1 + δ_{x>0}·a/(b+x−1)·((α+T)/(α+t_x))^{r+x}), as expit(−ln of the second
 * term) so that large x cannot overflow; exactly 1 when x = 0 (no repeat purchase, no chance to drop out).
 */
export function pAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const logDiv = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * Math.log((p.alpha + T) / (p.alpha + tx));
  return expit(-logDiv);
}

/** Relative accuracy of the expectation series: ample for forecasts, and it keeps scoring fast. */
const EXPECTATION_TOLERANCE = 1e-13;
/** A module-local copy: code that tsx compiles to CommonJS reads an imported binding through a getter. */
const MAX_TERMS = MAX_SERIES_TERMS;

/**
 * The expected purchases in (T, T + t] of a customer still alive after x repeats at age T:
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)], z = t/(α+T+t).
 *
 * Euler's transformation turns ((1−z)^{r+x}) ₂F₁(r+x, b+x; c; z) into (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z),
 * which cannot overflow for large x and whose series converges faster. Writing ₂F₁(A, ε; c; z) = 1 + ε·S
 * with ε = a − 1 then cancels the 1/(a−1) exactly: the result is
 * c·[−expm1(ε ln(1−z))/ε − (1−z)^ε·S], finite and accurate at and near the singular-looking a = 1.
 */
export function aliveGrowth(p: BgNbdParams, x: number, T: number, t: number): number {
  if (!(t > 0)) return 0;
  const c = p.a + p.b + x - 1;
  const aa = p.a + p.b - 1 - p.r;
  const eps = p.a - 1;
  const z = t / (p.alpha + T + t);
  const lnOneMinusZ = Math.log((p.alpha + T) / (p.alpha + T + t));
  const head = eps === 0 ? -lnOneMinusZ : -Math.expm1(eps * lnOneMinusZ) / eps;
  const shrink = Math.exp(eps * lnOneMinusZ);
  // S = Σ_{n≥1} (A)_n (ε+1)_{n−1} / ((c)_n n!) zⁿ, stopped on a geometric bound of its tail.
  const target = (EXPECTATION_TOLERANCE * head) / shrink;
  let term = (aa * z) / c;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    const ratio = ((aa + n) * (eps + n) * z) / ((c + n) * (n + 1));
    const bound = ratio > z ? ratio : z;
    if (term === 0 || (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= target)) {
      // ≥ 0 in exact arithmetic; rounding could dip below for t of the order of 1e-300.
      return Math.max(0, c * (head - shrink * sum));
    }
    term *= ratio;
    sum += term;
  }
  throw new Hyp2f1ConvergenceError(aa, eps, c, z);
}

/**
 * Over step times t_1 < … < t_K with weights w_k (e.g. discount factors): [Σ_k (G(t_k) − G(t_{k−1}))·w_k,
 * G(t_K)], G = aliveGrowth at (x, T) and G(t_0) = 0. Here, beside aliveGrowth, so scoring a million
 * customers makes one cross-module call per customer rather than one per step.
 */
export function growthOverSteps(
  p: BgNbdParams,
  x: number,
  T: number,
  times: Float64Array,
  weights: Float64Array,
): [number, number] {
  let previous = 0;
  let sum = 0;
  for (let k = 0; k < times.length; k++) {
    const g = aliveGrowth(p, x, T, times[k]!);
    sum += (g - previous) * weights[k]!;
    previous = g;
  }
  return [sum, previous];
}

/** E[X(t)]: expected repeat purchases of a new customer in (0, t]. */
export function expectedPurchases(p: BgNbdParams, t: number): number {
  return aliveGrowth(p, 0, 0, t);
}

/** E[Y(t) | x, t_x, T]: expected repeat purchases in the next t periods of a customer with that history. */
export function conditionalExpectedPurchases(
  p: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  return aliveGrowth(p, x, T, t) * pAlive(p, x, tx, T);
}

/**
 * P(N(t) = n) for a new customer (FHL 2005 eq. 8), in logs:
 * B(a, b+n)/B(a,b) · NB(n) + δ_{n>0} B(a+1, b+n−1)/B(a,b) · (1 − Σ_{j<n} NB(j)), where
 * NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j is the negative-binomial count of an active customer.
 */
export function probabilityOfPurchases(p: BgNbdParams, t: number, n: number): number {
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError('n must be a whole number ≥ 0');
  if (!(t > 0)) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const lnBetaAB = betaln(a, b);
  const lnStay = r * Math.log(alpha / (alpha + t));
  const lnGo = Math.log(t / (alpha + t));
  const lnGammaR = gammaln(r);
  const lnNb = (j: number): number => gammaln(r + j) - lnGammaR - gammaln(j + 1) + lnStay + j * lnGo;
  const first = Math.exp(betaln(a, b + n) - lnBetaAB + lnNb(n));
  if (n === 0) return first;
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(lnNb(j));
  return first + Math.exp(betaln(a + 1, b + n - 1) - lnBetaAB) * Math.max(0, 1 - below);
}
