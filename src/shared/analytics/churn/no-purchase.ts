/**
 * BG/NBD: the probability that a customer makes no purchase in the next h periods, given their history
 * (x repeat purchases, the last at t_x, observed for T periods) — the churn score's base.
 *
 *   P(Y(h) = 0 | x, t_x, T) = [(α+T+h)^−(r+x) + δ·C₄·(α+t_x)^−(r+x)] / [(α+T)^−(r+x) + δ·C₄·(α+t_x)^−(r+x)]
 *
 * with C₄ = a/(b+x−1) and δ = 1 when x > 0. Derivation: the individual likelihood A₁·A₂·(A₃ + δA₄) has
 * two branches, "alive at T" (A₃, from e^{−λT}) and "dropped out after the last purchase" (A₄). A customer
 * alive at T who buys nothing in (T, T+h] stays alive (BG/NBD drop-out happens only right after a
 * purchase), so the numerator is the same likelihood with e^{−λT} replaced by e^{−λ(T+h)}, integrated over
 * λ ~ Gamma(r, α) and p ~ Beta(a, b); A₁·A₂ cancel. (Hardie's note 039 eq. 34 is the same quantity.)
 *
 * Dividing both by (α+t_x)^−(r+x) leaves powers of ratios ≤ 1, added in log space: no overflow for any x.
 * x = 0 reduces to ((α+T)/(α+T+h))^r. t_x, T and h are in the model's period (weeks, days or months).
 */

/** BG/NBD parameters: purchase rates λ ~ Gamma(r, α), drop-out probabilities p ~ Beta(a, b). */
export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

/** ln(eᵘ + eᵛ) without overflow. */
const logAddExp = (u: number, v: number): number =>
  u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));

/** P(no purchase in (T, T+h] | x, t_x, T) for one customer; requires 0 ≤ t_x ≤ T, h ≥ 0, x ≥ 0. */
export function pNoPurchase(params: BgNbdParams, x: number, tx: number, T: number, h: number): number {
  const { r, alpha, a, b } = params;
  if (x === 0) return Math.exp(-r * Math.log1p(h / (alpha + T)));
  const rx = r + x;
  const lnC4 = Math.log(a / (b + x - 1));
  // ln of ((α+t_x)/(α+T))^(r+x) and ((α+t_x)/(α+T+h))^(r+x), both ≤ 0.
  const lnAliveNow = -rx * Math.log1p((T - tx) / (alpha + tx));
  const lnAliveLater = -rx * Math.log1p((T + h - tx) / (alpha + tx));
  return Math.exp(logAddExp(lnAliveLater, lnC4) - logAddExp(lnAliveNow, lnC4));
}

/**
 * pNoPurchase for many customers at once (the server scores a million per run): out[i] for the i-th
 * (x, t_x, T); NaN where T is NaN (a customer the model does not cover, e.g. no order yet).
 */
export function pNoPurchaseColumns(
  params: BgNbdParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  h: number,
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = pNoPurchase(params, x[i]!, tx[i]!, T[i]!, h);
  return out;
}
