/**
 * A customer's revenue trend: the least-squares line through the last n monthly revenues
 * (y_t, t = 0 … n−1, oldest first; n = 12 in the engine), with a significance test on its slope.
 *
 *   slope b = Σ (t − t̄)(y_t − ȳ) / Sₜₜ,   Sₜₜ = Σ (t − t̄)²  (= 143 for n = 12)
 *   residual variance s² = (Σ (y_t − ȳ)² − b² Sₜₜ) / (n − 2),   se(b) = √(s² / Sₜₜ),   t = b / se(b)
 *
 * The slope is significantly positive when t ≥ the one-sided 95 % quantile of Student's t with n − 2
 * degrees of freedom (1.812 for n = 12). A perfect line has se = 0: t = ±∞ for a non-zero slope, 0 for a
 * flat one.
 *
 * Derived figures:
 * - growth %/year = 12 b ÷ ȳ × 100 (null when ȳ ≤ 0): the yearly change the line predicts, relative to
 *   the average month. Used as the customer's market growth when no industry figure is known.
 * - projected gain = 144 b: the next 12 months on the line minus the last 12 months on the line
 *   (Σ_{t=12}^{23} − Σ_{t=0}^{11} of a + b t = 144 b). The strategic value when the budget is unknown is
 *   the projected gain of a significantly rising trend, else 0 (value-tiers.ts).
 */

/** One-sided 95 % quantiles of Student's t for 1 … 30 degrees of freedom; 1.645 beyond. */
const T95 = [
  6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
  1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
];

export const tCritical95 = (df: number): number => (df >= 1 && df <= 30 ? T95[df - 1]! : 1.645);

export type RevenueTrend = {
  /** Cents per month. */
  slopeCentsPerMonth: number;
  /** The slope's t statistic (0 with fewer than 3 months). */
  t: number;
  significant: boolean;
  /** %/year relative to the average month; null when the average is ≤ 0. */
  growthPctPerYear: number | null;
  /** 144 × slope (cents): the line's next 12 months minus its last 12. */
  projectedGainCents: number;
};

/**
 * Writes slope, t and mean into out[0], out[1], out[2] (no allocation: the engine calls it per customer).
 */
export function trendStats(monthly: ArrayLike<number>, out: Float64Array): void {
  const n = monthly.length;
  let sumY = 0;
  for (let i = 0; i < n; i++) sumY += monthly[i]!;
  const meanY = n > 0 ? sumY / n : 0;
  out[2] = meanY;
  if (n < 3) {
    out[0] = 0;
    out[1] = 0;
    return;
  }
  const meanT = (n - 1) / 2;
  let stt = 0;
  let sty = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dt = i - meanT;
    const dy = monthly[i]! - meanY;
    stt += dt * dt;
    sty += dt * dy;
    syy += dy * dy;
  }
  const b = sty / stt;
  const rss = Math.max(0, syy - b * sty);
  const se = Math.sqrt(rss / (n - 2) / stt);
  out[0] = b;
  // A residual that is rounding noise relative to the fit counts as a perfect line.
  out[1] = se > 1e-9 * Math.max(1, Math.abs(b)) ? b / se : b === 0 ? 0 : b > 0 ? Infinity : -Infinity;
}

const scratch = new Float64Array(3);

export function revenueTrend(monthly: readonly number[]): RevenueTrend {
  trendStats(monthly, scratch);
  const [b, t, mean] = [scratch[0]!, scratch[1]!, scratch[2]!];
  return {
    slopeCentsPerMonth: b,
    t,
    significant: monthly.length >= 3 && t >= tCritical95(monthly.length - 2),
    growthPctPerYear: mean > 0 ? ((12 * b) / mean) * 100 : null,
    projectedGainCents: 144 * b,
  };
}
