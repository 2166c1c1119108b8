/**
 * When the CLV models' numbers cannot be trusted. A 'withheld' warning means the model's predictions are
 * not given at all (never invent numbers); a caution goes with predictions that are given. Callers turn
 * the codes into messages in the user's language.
 */
import type { BgNbdFit } from './bgnbd';
import type { GammaGammaFit } from './gamma-gamma';

/** Fewer customers than this: too little data for four BG/NBD parameters. */
export const MIN_CUSTOMERS = 50;
/** Fewer repeat buyers than this: the drop-out and purchase-rate spreads cannot be told apart. */
export const MIN_REPEATERS = 30;
/** Fewer customers with x > 0 and a positive mean spend than this: no Gamma-Gamma fit. */
export const MIN_SPENDERS = 30;
/** |a − 1| under this: the expectations' 1/(a−1) is handled exactly, but a is then poorly determined. */
export const A_SINGULARITY_MARGIN = 0.02;
/** |corr(x, z̄)| above this: Gamma-Gamma's independence of spend and frequency is doubtful. */
export const SPEND_CORRELATION_LIMIT = 0.3;

export const FIT_WARNING_CODES = [
  'too_few_customers',
  'no_repeat_purchases',
  'too_few_repeaters',
  'not_converged',
  'parameter_at_bound',
  'near_a_singularity',
  'too_few_spenders',
  'spend_excluded',
  'spend_frequency_correlated',
] as const;
export type FitWarningCode = (typeof FIT_WARNING_CODES)[number];

export type FitWarning = {
  model: 'bgnbd' | 'gamma_gamma';
  code: FitWarningCode;
  /** True: this model's predictions are withheld. */
  withheld: boolean;
  /** The number behind the warning (a count, a parameter, a correlation), when there is one. */
  value?: number;
};

type Counted = { x: number; zbar?: number };

/** Before fitting: are there enough customers and repeat buyers for BG/NBD? */
export function bgnbdDataWarnings(rows: readonly Counted[]): FitWarning[] {
  const repeaters = rows.filter((r) => r.x > 0).length;
  const out: FitWarning[] = [];
  const withheld = (code: FitWarningCode, value: number) =>
    out.push({ model: 'bgnbd', code, withheld: true, value });
  if (rows.length < MIN_CUSTOMERS) withheld('too_few_customers', rows.length);
  if (rows.length > 0 && repeaters === 0) withheld('no_repeat_purchases', 0);
  else if (repeaters < MIN_REPEATERS) withheld('too_few_repeaters', repeaters);
  return out;
}

/** Before fitting: enough customers with a positive mean repeat spend, and how many were left out. */
export function gammaGammaDataWarnings(rows: readonly Counted[]): FitWarning[] {
  const spenders = rows.filter((r) => r.x > 0 && (r.zbar ?? 0) > 0);
  const excluded = rows.filter((r) => r.x > 0).length - spenders.length;
  const out: FitWarning[] = [];
  if (excluded > 0)
    out.push({ model: 'gamma_gamma', code: 'spend_excluded', withheld: false, value: excluded });
  if (spenders.length < MIN_SPENDERS) {
    out.push({ model: 'gamma_gamma', code: 'too_few_spenders', withheld: true, value: spenders.length });
    return out;
  }
  const corr = correlation(
    spenders.map((r) => r.x),
    spenders.map((r) => r.zbar!),
  );
  if (Math.abs(corr) > SPEND_CORRELATION_LIMIT)
    out.push({ model: 'gamma_gamma', code: 'spend_frequency_correlated', withheld: false, value: corr });
  return out;
}

/** After fitting: a run that did not converge is withheld; a parameter at its bound or a ≈ 1 is a caution. */
export function fitWarnings(bgnbd: BgNbdFit | null, gammaGamma: GammaGammaFit | null): FitWarning[] {
  const out: FitWarning[] = [];
  for (const [model, fit] of [
    ['bgnbd', bgnbd],
    ['gamma_gamma', gammaGamma],
  ] as const) {
    if (!fit) continue;
    if (!fit.converged) out.push({ model, code: 'not_converged', withheld: true, value: fit.iterations });
    if (fit.atBound) out.push({ model, code: 'parameter_at_bound', withheld: false });
  }
  if (bgnbd && Math.abs(bgnbd.a - 1) < A_SINGULARITY_MARGIN)
    out.push({ model: 'bgnbd', code: 'near_a_singularity', withheld: false, value: bgnbd.a });
  return out;
}

/** Pearson's correlation; 0 when either side does not vary. */
export function correlation(u: readonly number[], v: readonly number[]): number {
  const n = u.length;
  const mu = u.reduce((s, a) => s + a, 0) / n;
  const mv = v.reduce((s, a) => s + a, 0) / n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    suv += (u[i]! - mu) * (v[i]! - mv);
    suu += (u[i]! - mu) ** 2;
    svv += (v[i]! - mv) ** 2;
  }
  return suu > 0 && svv > 0 ? suv / Math.sqrt(suu * svv) : 0;
}
