/**
 * The calibration customers' scores for `kehu analyze`: the models' predictions and the churn score as of
 * the calibration end, as the server's run computes them (predictions.ts), and the churn score's check on
 * the holdout (ROC AUC of "no purchase in the next 6 months").
 */
import {
  meanIntervalDays,
  scoreChurnColumns,
  significantlyFalling,
} from '../../shared/analytics/churn/churn-score';
import { horizonDays } from '../../shared/analytics/churn/churn-settings';
import { pNoPurchaseColumns } from '../../shared/analytics/churn/no-purchase';
import { rocAuc } from '../../shared/analytics/churn/roc-auc';
import {
  type CalibrationData,
  type ClvOptions,
  type FittedModels,
  type Scores,
  scoreCustomers,
} from '../../shared/analytics/clv/models';
import { dayNumber } from '../../shared/analytics/days';
import { trendStats } from '../../shared/analytics/revenue-trend';
import { DEFAULT_VALUE_SETTINGS } from '../../shared/analytics/value-settings';
import type { ClvAccumulator } from './analyze-clv';

/** The churn settings: the score is "no purchase in the next 6 months", as the server's default. */
export const CHURN = DEFAULT_VALUE_SETTINGS.churn;

/** Predictions and churn risk (−1: withheld) per calibration row; nothing without BG/NBD. */
export function scoreAll(
  acc: ClvAccumulator,
  data: CalibrationData,
  zbar: Float64Array,
  fitted: Omit<FittedModels, 'predictions'>,
  options: ClvOptions,
): { scores: Scores | null; churnRisk: Int16Array } {
  const { rows, periodDays } = data;
  const m = rows.length;
  const churnRisk = new Int16Array(m).fill(-1);
  const { bgnbd, gammaGamma } = fitted;
  if (!bgnbd) return { scores: null, churnRisk };
  const x = Float64Array.from(rows, (r) => r.x);
  const tx = Float64Array.from(rows, (r) => r.t_x);
  const T = Float64Array.from(rows, (r) => r.T);
  const scores = scoreCustomers({ bgnbd, gammaGamma }, { x, t_x: tx, T, zbar }, options);
  const p0 = pNoPurchaseColumns(bgnbd, x, tx, T, horizonDays(CHURN) / periodDays, new Float64Array(m));

  // The rule-based reasons' figures, in days as of the calibration end (t_x and T back from periods).
  const daysSince = new Float64Array(m);
  const purchaseDays = new Float64Array(m);
  const meanInterval = new Float64Array(m);
  const trendPct = new Float64Array(m).fill(Number.NaN);
  const trendSignificant = new Uint8Array(m);
  const stats = new Float64Array(3);
  const noMonths = new Float64Array(12);
  for (let k = 0; k < m; k++) {
    const r = rows[k]!;
    const first = dayNumber(r.firstDay);
    const last = first + Math.round(r.t_x * periodDays);
    daysSince[k] = first + Math.round(r.T * periodDays) - last;
    purchaseDays[k] = r.x + 1;
    meanInterval[k] = meanIntervalDays(first, last, r.x + 1) ?? Number.NaN;
    const months = acc.customers.get(r.key)?.monthly ?? noMonths;
    trendStats(months, stats);
    if (stats[2]! > 0) trendPct[k] = ((12 * stats[0]!) / stats[2]!) * 100;
    trendSignificant[k] = significantlyFalling(stats[1]!, months.length) ? 1 : 0;
  }
  const out = { score: churnRisk, reasons: new Uint16Array(m) };
  scoreChurnColumns(
    { p0, pAlive: scores.pAlive, daysSince, purchaseDays, meanInterval, trendPct, trendSignificant },
    CHURN,
    out,
  );
  return { scores, churnRisk };
}

export type ChurnAuc =
  | { auc: number; customers: number; churned: number }
  | { auc: null; reason: 'no_holdout' | 'short_holdout' | 'withheld' | 'one_class' };

/**
 * How well churn_risk (as of the calibration end) told the customers who bought nothing in the next
 * 6 months from those who did: needs a holdout at least that long and a score for everyone.
 */
export function churnAuc(acc: ClvAccumulator, data: CalibrationData, churnRisk: Int16Array): ChurnAuc {
  if (data.holdoutEnd === null) return { auc: null, reason: 'no_holdout' };
  if (dayNumber(data.holdoutEnd) - dayNumber(data.calibrationEnd) < horizonDays(CHURN))
    return { auc: null, reason: 'short_holdout' };
  if (churnRisk.some((s) => s < 0)) return { auc: null, reason: 'withheld' };
  const churned = data.rows.map((r) => !acc.customers.get(r.key)?.boughtSoon);
  const auc = rocAuc(churnRisk, churned);
  if (auc === null) return { auc: null, reason: 'one_class' };
  return { auc, customers: churned.length, churned: churned.filter(Boolean).length };
}
