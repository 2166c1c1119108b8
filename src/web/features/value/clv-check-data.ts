import type { ModelCheck } from './clv-api';

export type HoldoutGroups = NonNullable<ModelCheck['calibrationVsHoldout']>;
export type Tracking = NonNullable<ModelCheck['tracking']>;

/** The AUC as the % of (stopped, kept buying) pairs in which the one who stopped had the higher risk. */
export const aucPairsPercent = (auc: number) => Math.round(auc * 100);

/** Two decimals: a mean of 0.004 purchases is "about none", not a figure to read further. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The calibration-vs-holdout bars: one category per group of calibration repeat purchases (0 … 6, 7+).
 * A group without customers keeps its label but draws no bar: its means are 0 by default, not by fact.
 */
export function holdoutBars(groups: HoldoutGroups) {
  const value = (g: HoldoutGroups[number], n: number) => (g.customers > 0 ? round2(n) : null);
  return {
    labels: groups.map((g) => g.label),
    customers: groups.map((g) => g.customers),
    actual: groups.map((g) => value(g, g.actual)),
    expected: groups.map((g) => value(g, g.expected)),
  };
}

/**
 * The tracking lines as [period end, cumulative repeat purchases] points on a time axis, so that the
 * calibration end marks its own day even when it falls inside a period.
 */
export function trackingLines(tracking: Tracking) {
  const points = (values: readonly number[]) =>
    tracking.periodEnds.map((day, i): [string, number] => [day, Math.round((values[i] ?? 0) * 10) / 10]);
  return { actual: points(tracking.actual), expected: points(tracking.expected) };
}
