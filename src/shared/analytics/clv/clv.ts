/**
 * Customer lifetime value from BG/NBD (how many purchases) and Gamma-Gamma (how much each): over a
 * horizon of N periods with a per-period discount rate d,
 * CLV = m·E(M)·Σ_k (E[Y(t_k)] − E[Y(t_{k−1})]) / (1+d)^{t_k}, t_k = k·N/steps,
 * with m a value-per-spend factor (e.g. the customer's gross margin, default 1). lifetimes sums monthly
 * steps the same way; each E[Y] costs a ₂F₁ series, so the steps stay few (default min(N, 12)).
 */

import type { BgNbdParams } from './bgnbd';
import { growthOverSteps, pAlive } from './bgnbd-predict';
import { ClvError } from './clv-errors';
import { conditionalExpectedSpend, type GammaGammaParams } from './gamma-gamma';

export type ClvOptions = {
  /** Horizon in periods (the unit the models were fitted in). */
  horizon: number;
  /** Discount rate per period, e.g. 1.1^(1/52) − 1 ≈ 0.0018 a week for 10% a year. */
  discountRate: number;
  /** Evenly spaced points of the horizon (default min(⌈N⌉, 12): about monthly for 52 weeks). */
  steps?: number;
};

export type ClvCustomer = { x: number; t_x: number; T: number; zbar: number; margin?: number };

/** The step times t_1..t_steps and their discount factors (1+d)^−t_k. */
function stepSchedule({ horizon, discountRate, steps }: ClvOptions): [Float64Array, Float64Array] {
  if (!(Number.isFinite(horizon) && horizon > 0))
    throw new ClvError('invalid_horizon', 'the horizon must be > 0');
  if (!(Number.isFinite(discountRate) && discountRate > -1))
    throw new ClvError('invalid_horizon', 'the discount rate must be > −1 (per period)');
  const n = steps ?? Math.min(Math.ceil(horizon), 12);
  if (!(Number.isInteger(n) && n >= 1))
    throw new ClvError('invalid_horizon', 'steps must be a whole number ≥ 1');
  const times = Float64Array.from({ length: n }, (_, k) => ((k + 1) * horizon) / n);
  return [times, times.map((t) => (1 + discountRate) ** -t)];
}

/** One customer's CLV (see the file comment). */
export function customerLifetimeValue(
  bg: BgNbdParams,
  gg: GammaGammaParams,
  c: ClvCustomer,
  options: ClvOptions,
): number {
  const [discounted] = growthOverSteps(bg, c.x, c.T, ...stepSchedule(options));
  return (
    (c.margin ?? 1) * conditionalExpectedSpend(gg, c.x, c.zbar) * pAlive(bg, c.x, c.t_x, c.T) * discounted
  );
}

export type ScoreColumns = {
  x: ArrayLike<number>;
  t_x: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Mean repeat spend; needed with a Gamma-Gamma model. */
  zbar?: ArrayLike<number>;
  /** Value per unit of spend (e.g. gross margin), per customer; 1 when absent. */
  margin?: ArrayLike<number>;
};

export type Scores = {
  pAlive: Float64Array;
  /** E[Y(horizon) | x, t_x, T]. */
  expectedPurchases: Float64Array;
  /** E(M | x, z̄), or null without a Gamma-Gamma model. */
  expectedSpend: Float64Array | null;
  /** Discounted value over the horizon (× margin), or null without a Gamma-Gamma model. */
  clv: Float64Array | null;
};

export type ScoreModels = { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams | null };

/**
 * Scores many customers column-wise into typed arrays (no object per customer): P(alive),
 * E[Y(horizon)], E(M | x, z̄) and CLV. Customers with the same x and T share the growth of their
 * expectations (t_x only enters through P(alive)), and day-granular data repeat (x, T) pairs a lot, so
 * the per-step ₂F₁ series run once per distinct pair.
 */
export function scoreCustomers(models: ScoreModels, columns: ScoreColumns, options: ClvOptions): Scores {
  const { bgnbd: bg, gammaGamma: gg } = models;
  const [times, discounts] = stepSchedule(options);
  const n = columns.x.length;
  if (columns.t_x.length !== n || columns.T.length !== n) throw new RangeError('columns differ in length');
  if (gg && columns.zbar?.length !== n) throw new RangeError('a Gamma-Gamma model needs zbar per customer');
  const out: Scores = {
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: gg ? new Float64Array(n) : null,
    clv: gg ? new Float64Array(n) : null,
  };
  const cache = new GrowthCache();
  for (let i = 0; i < n; i++) {
    const x = columns.x[i]!;
    const T = columns.T[i]!;
    let slot = cache.find(x, T);
    if (slot < 0) {
      const [discounted, total] = growthOverSteps(bg, x, T, times, discounts);
      slot = cache.add(x, T, discounted, total);
    }
    const growth = cache.values;
    const alive = pAlive(bg, x, columns.t_x[i]!, T);
    out.pAlive[i] = alive;
    out.expectedPurchases[i] = alive * growth[2 * slot + 1]!;
    if (gg) {
      const spend = conditionalExpectedSpend(gg, x, columns.zbar![i]!);
      out.expectedSpend![i] = spend;
      out.clv![i] = (columns.margin ? columns.margin[i]! : 1) * spend * alive * growth[2 * slot]!;
    }
  }
  return out;
}

/**
 * (discounted, plain) growth per distinct (x, T). It gives up after a sample in which few customers
 * shared a pair (continuous times): the lookups would then only cost time and memory.
 */
class GrowthCache {
  values = new Float64Array(2048);
  private readonly slots = new Map<number, Map<number, number>>();
  private size = 0;
  private lookups = 0;
  private on = true;

  /** The slot of (x, T), or −1. */
  find(x: number, T: number): number {
    if (!this.on) return -1;
    this.lookups++;
    return this.slots.get(x)?.get(T) ?? -1;
  }

  add(x: number, T: number, discounted: number, total: number): number {
    if (this.on && this.lookups >= 20_000 && this.size > 0.5 * this.lookups) {
      this.on = false;
      this.slots.clear();
      this.values = new Float64Array(2);
    }
    const slot = this.on ? this.size++ : 0;
    if (2 * slot + 2 > this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[2 * slot] = discounted;
    this.values[2 * slot + 1] = total;
    if (this.on) {
      let byT = this.slots.get(x);
      if (!byT) {
        byT = new Map();
        this.slots.set(x, byT);
      }
      byT.set(T, slot);
    }
    return slot;
  }
}
