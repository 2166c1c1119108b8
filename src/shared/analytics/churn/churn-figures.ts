/**
 * The rule-based churn figures of m customers as of a day, as typed columns for scoreChurnColumns: days
 * since the last order, purchase days, the mean interval, and the 12-month revenue trend (%/year and
 * whether it falls significantly). One definition for the server's runs and `kehu analyze`.
 */
import { trendStats } from '../revenue-trend';
import { type ChurnColumns, meanIntervalDays, significantlyFalling } from './churn-score';

/** Customer k: first and last order day (day numbers), purchase days, and its monthly revenues. */
export type ChurnHistory = {
  firstDay: ArrayLike<number>;
  lastDay: ArrayLike<number>;
  purchaseDays: ArrayLike<number>;
  monthly: (k: number) => ArrayLike<number>;
};

export function churnFigureColumns(
  m: number,
  h: ChurnHistory,
  asOfDay: number,
  p0: ArrayLike<number>,
  pAlive: ArrayLike<number>,
): ChurnColumns & { daysSince: Float64Array; meanInterval: Float64Array; trendPct: Float64Array } {
  const daysSince = new Float64Array(m);
  const purchaseDays = new Float64Array(m);
  const meanInterval = new Float64Array(m);
  const trendPct = new Float64Array(m);
  const trendSignificant = new Uint8Array(m);
  const stats = new Float64Array(3);
  for (let k = 0; k < m; k++) {
    const first = h.firstDay[k]!;
    const last = h.lastDay[k]!;
    daysSince[k] = asOfDay - last;
    purchaseDays[k] = h.purchaseDays[k]!;
    meanInterval[k] = meanIntervalDays(first, last, purchaseDays[k]!) ?? Number.NaN;
    const months = h.monthly(k);
    trendStats(months, stats);
    const mean = stats[2]!;
    trendPct[k] = months.length >= 3 && mean > 0 ? ((12 * stats[0]!) / mean) * 100 : Number.NaN;
    trendSignificant[k] = significantlyFalling(stats[1]!, months.length) ? 1 : 0;
  }
  return { p0, pAlive, daysSince, purchaseDays, meanInterval, trendPct, trendSignificant };
}
