/**
 * BG/NBD (Fader, Hardie & Lee 2005): the likelihood in PyMC-Marketing's overflow-free form (references
 * §3.1) and its maximum-likelihood fit with our Nelder–Mead in log-parameter space (§3.4).
 *
 * ℓ = D₁ + D₂ + ln(C₃ + δ_{x>0}C₄), D₁ = lnΓ(r+x) − lnΓ(r) + ln B(a, b+x) − ln B(a, b),
 * D₂ = r ln α − (r+x) ln(α+t_x), C₃ = ((α+t_x)/(α+T))^{r+x} ≤ 1, C₄ = a/(b+x−1).
 * A₂ goes through betaln, not lnΓ differences: those cancel catastrophically when b wanders large.
 */
import { deltaMethodStandardErrors } from './hessian';
import { maximiseLikelihood } from './mle';
import type { NelderMeadOptions } from './nelder-mead';
import { betaln, gammaln, logAddExp } from './special';
import { type CompressedRows, compressRows, type SummaryColumns, type SummaryRow } from './summary-rows';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

export type BgNbdFit = BgNbdParams & {
  /** Total log-likelihood at the estimates, in the data's own time unit. */
  ll: number;
  /** Standard errors (delta method from the Hessian in log-parameters); NaN where not defined. */
  se: BgNbdParams;
  converged: boolean;
  /** Some log-parameter ended near ±12: the data do not determine it (e.g. b → ∞, nobody drops out). */
  atBound: boolean;
  iterations: number;
  evaluations: number;
  /** Customers fitted (Σ weights). */
  customers: number;
};

export type BgNbdFitOptions = {
  weights?: ArrayLike<number>;
  /** Start in log-parameters [ln r, ln α, ln a, ln b], α in units of max(T) (default 0.1 each, lifetimes'). */
  start?: readonly number[];
  nelderMead?: NelderMeadOptions;
};

/** One customer's log-likelihood (the direct form, for checks and single rows). */
export function bgnbdRowLogLikelihood(p: BgNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const d1 = gammaln(r + x) - gammaln(r) + betaln(a, b + x) - betaln(a, b);
  const d2 = r * Math.log(alpha) - (r + x) * Math.log(alpha + tx);
  const lnC3 = (r + x) * (Math.log(alpha + tx) - Math.log(alpha + T));
  return d1 + d2 + (x > 0 ? logAddExp(lnC3, Math.log(a / (b + x - 1))) : lnC3);
}

/**
 * The total log-likelihood of compressed rows as a function of the parameters, with the times multiplied
 * by `timeScale` (α is then in the scaled unit). Per evaluation it computes the x-terms once per distinct
 * x and ln(α + time) once per distinct time, so a row costs one exp and one log1p (none when x = 0).
 */
export function bgnbdObjective(rows: CompressedRows, timeScale = 1): (p: BgNbdParams) => number {
  const times = rows.times.map((t) => t * timeScale);
  const lnAlphaTime = new Float64Array(times.length);
  const d1 = new Float64Array(rows.xs.length);
  const lnC4 = new Float64Array(rows.xs.length);
  const { xs, ix, itx, iT, weight } = rows;
  return ({ r, alpha, a, b }) => {
    const lnBetaAB = betaln(a, b);
    const lnGammaR = gammaln(r);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k]!;
      d1[k] = gammaln(r + x) - lnGammaR + betaln(a, b + x) - lnBetaAB;
      lnC4[k] = x > 0 ? Math.log(a / (b + x - 1)) : Number.NEGATIVE_INFINITY;
    }
    for (let k = 0; k < times.length; k++) lnAlphaTime[k] = Math.log(alpha + times[k]!);
    const rLnAlpha = r * Math.log(alpha);
    let ll = 0;
    for (let i = 0; i < weight.length; i++) {
      const k = ix[i]!;
      const x = xs[k]!;
      const lnT = lnAlphaTime[iT[i]!]!;
      if (x === 0) {
        ll += weight[i]! * (d1[k]! + rLnAlpha - r * lnT);
        continue;
      }
      const lnTx = lnAlphaTime[itx[i]!]!;
      const lnC3 = (r + x) * (lnTx - lnT);
      const c4 = lnC4[k]!;
      const lse = lnC3 > c4 ? lnC3 + Math.log1p(Math.exp(c4 - lnC3)) : c4 + Math.log1p(Math.exp(lnC3 - c4));
      ll += weight[i]! * (d1[k]! + rLnAlpha - (r + x) * lnTx + lse);
    }
    return ll;
  };
}

/** The total log-likelihood of the rows at the parameters. */
export function bgnbdLogLikelihood(
  p: BgNbdParams,
  data: SummaryColumns | readonly SummaryRow[],
  weights?: ArrayLike<number>,
): number {
  return bgnbdObjective(compressRows(data, weights))(p);
}

const fromLog = (theta: readonly number[]): BgNbdParams => ({
  r: Math.exp(theta[0]!),
  alpha: Math.exp(theta[1]!),
  a: Math.exp(theta[2]!),
  b: Math.exp(theta[3]!),
});

/**
 * Maximum likelihood by Nelder–Mead on θ = ln(r, α, a, b). Times are scaled by 1/max(T) while fitting
 * (as lifetimes does) so α starts near 1 whatever the period, and α is scaled back after. The caller
 * decides whether the data suffice (fit-warnings.ts); this only needs one customer with T > 0.
 */
export function fitBgNbd(
  data: SummaryColumns | readonly SummaryRow[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  const rows = compressRows(data, options.weights);
  let maxT = 0;
  for (const i of rows.iT) maxT = Math.max(maxT, rows.times[i]!);
  if (!(maxT > 0)) throw new RangeError('BG/NBD needs at least one customer with T > 0');
  const scaled = bgnbdObjective(rows, 1 / maxT);
  const mle = maximiseLikelihood(
    (theta) => scaled(fromLog(theta)),
    options.start ?? [0.1, 0.1, 0.1, 0.1],
    rows.customers,
    options.nelderMead,
  );
  const fitted = fromLog(mle.theta);
  fitted.alpha *= maxT;
  // ln α differs from the scaled fit's by a constant, so the Hessian in θ is the same.
  const se = deltaMethodStandardErrors(mle.hessian, [fitted.r, fitted.alpha, fitted.a, fitted.b]);
  return {
    ...fitted,
    ll: bgnbdObjective(rows)(fitted),
    se: { r: se[0]!, alpha: se[1]!, a: se[2]!, b: se[3]! },
    converged: mle.converged,
    atBound: mle.atBound,
    iterations: mle.iterations,
    evaluations: mle.evaluations,
    customers: rows.customers,
  };
}
