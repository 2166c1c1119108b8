/**
 * The Gamma-Gamma model of spend per purchase (Fader & Hardie note 025; references §3.3): a customer's
 * purchases are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers. It is fitted on the customers with
 * repeat purchases (x > 0) and a positive mean repeat spend z̄ only; the others are counted, not fitted.
 */
import { deltaMethodStandardErrors } from './hessian';
import { maximiseLikelihood } from './mle';
import type { NelderMeadOptions } from './nelder-mead';
import { gammaln } from './special';

export type GammaGammaParams = { p: number; q: number; gamma: number };

export type GammaGammaFit = GammaGammaParams & {
  /** Total log-likelihood over the fitted customers, in the data's money unit. */
  ll: number;
  se: GammaGammaParams;
  converged: boolean;
  /** Some transformed parameter ended near ±12: the data do not determine it. */
  atBound: boolean;
  iterations: number;
  evaluations: number;
  /** Customers fitted: x > 0 and z̄ > 0. */
  customers: number;
  /** Customers with repeat purchases left out because their mean repeat spend is zero or negative. */
  excludedNonPositiveSpend: number;
};

export type SpendRow = { x: number; zbar: number };
export type SpendColumns = { x: ArrayLike<number>; zbar: ArrayLike<number> };

/** One customer's log-likelihood (note 025 eq. 1a); x > 0, z̄ > 0. */
export function gammaGammaRowLogLikelihood(
  { p, q, gamma }: GammaGammaParams,
  x: number,
  zbar: number,
): number {
  const px = p * x;
  return (
    gammaln(px + q) -
    gammaln(px) -
    gammaln(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(zbar) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * zbar)
  );
}

type SpendData = { xs: Float64Array; ix: Uint32Array; x: Float64Array; zbar: Float64Array; excluded: number };

/** The rows the model can use, each with the index of its x among the distinct x values. */
function usableRows(data: SpendColumns | readonly SpendRow[]): SpendData {
  const rows = Array.isArray(data)
    ? (data as readonly SpendRow[])
    : Array.from({ length: (data as SpendColumns).x.length }, (_, i) => ({
        x: (data as SpendColumns).x[i]!,
        zbar: (data as SpendColumns).zbar[i]!,
      }));
  const kept = rows.filter((r) => r.x > 0 && r.zbar > 0);
  const excluded = rows.filter((r) => r.x > 0 && !(r.zbar > 0)).length;
  const xs = Float64Array.from(new Set(kept.map((r) => r.x))).sort();
  const position = new Map(Array.from(xs, (v, i) => [v, i]));
  return {
    xs,
    ix: Uint32Array.from(kept, (r) => position.get(r.x)!),
    x: Float64Array.from(kept, (r) => r.x),
    zbar: Float64Array.from(kept, (r) => r.zbar),
    excluded,
  };
}

/** Total log-likelihood with the spends multiplied by moneyScale (γ is then in the scaled unit). */
function objective(d: SpendData, moneyScale: number): (g: GammaGammaParams) => number {
  const z = d.zbar.map((v) => v * moneyScale);
  const lnZ = z.map(Math.log);
  const lnX = d.x.map(Math.log);
  const perX = new Float64Array(d.xs.length);
  return ({ p, q, gamma }) => {
    const constant = -gammaln(q) + q * Math.log(gamma);
    for (let k = 0; k < d.xs.length; k++)
      perX[k] = gammaln(p * d.xs[k]! + q) - gammaln(p * d.xs[k]!) + constant;
    let ll = 0;
    for (let i = 0; i < z.length; i++) {
      const px = p * d.x[i]!;
      ll +=
        perX[d.ix[i]!]! + (px - 1) * lnZ[i]! + px * lnX[i]! - (px + q) * Math.log(gamma + d.x[i]! * z[i]!);
    }
    return ll;
  };
}

/**
 * θ = (ln p, ln(q − 1), ln γ): q stays above 1, where the population mean spend pγ/(q − 1) is finite and
 * positive; at q ≤ 1 it would be infinite or negative and so would every CLV built on it.
 */
const fromTheta = (t: readonly number[]): GammaGammaParams => ({
  p: Math.exp(t[0]!),
  q: 1 + Math.exp(t[1]!),
  gamma: Math.exp(t[2]!),
});

export function gammaGammaLogLikelihood(
  g: GammaGammaParams,
  data: SpendColumns | readonly SpendRow[],
): number {
  return objective(usableRows(data), 1)(g);
}

/**
 * Maximum likelihood by Nelder–Mead in θ; spends are scaled by 1/mean(z̄) while fitting so the start
 * (p = 1, q = 2, γ = 1: a mean of 1) suits any currency, and γ is scaled back after. Needs at least one
 * usable customer; whether there are enough is the caller's call (fit-warnings.ts).
 */
export function fitGammaGamma(
  data: SpendColumns | readonly SpendRow[],
  options: { nelderMead?: NelderMeadOptions } = {},
): GammaGammaFit {
  const d = usableRows(data);
  if (d.x.length === 0) throw new RangeError('Gamma-Gamma needs a customer with x > 0 and z̄ > 0');
  const mean = d.zbar.reduce((s, v) => s + v, 0) / d.zbar.length;
  const scaled = objective(d, 1 / mean);
  const mle = maximiseLikelihood((t) => scaled(fromTheta(t)), [0, 0, 0], d.x.length, options.nelderMead);
  const fitted = fromTheta(mle.theta);
  fitted.gamma *= mean;
  const se = deltaMethodStandardErrors(mle.hessian, [fitted.p, fitted.q - 1, fitted.gamma]);
  return {
    ...fitted,
    ll: objective(d, 1)(fitted),
    se: { p: se[0]!, q: se[1]!, gamma: se[2]! },
    converged: mle.converged,
    atBound: mle.atBound,
    iterations: mle.iterations,
    evaluations: mle.evaluations,
    customers: d.x.length,
    excludedNonPositiveSpend: d.excluded,
  };
}

/**
 * E(M | x, z̄) = (pγ + p x z̄)/(p x + q − 1): the customer's mean spend shrunk toward the population's. The
 * model has no room for a non-positive mean, so such a z̄ counts as 0 (shrinking toward 0, not below).
 */
export function conditionalExpectedSpend({ p, q, gamma }: GammaGammaParams, x: number, zbar: number): number {
  const z = x > 0 && zbar > 0 ? zbar : 0;
  return (p * gamma + p * x * z) / (p * x + q - 1);
}

/** E(M) of a new customer: pγ/(q − 1). */
export function populationMeanSpend({ p, q, gamma }: GammaGammaParams): number {
  return (p * gamma) / (q - 1);
}
