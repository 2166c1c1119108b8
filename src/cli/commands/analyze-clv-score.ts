/**
 * The calibration customers' scores for `kehu analyze`: the models' predictions and the churn score as of
 * the calibration end, as the server's run computes them (predictions.ts), and the churn score's check on
 * the holdout (ROC AUC of "no purchase in the next 6 months").
 */
import { churnFigureColumns } from '../../shared/analytics/churn/churn-figures';
import { scoreChurnColumns } from '../../shared/analytics/churn/churn-score';
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
  const firstDay = Float64Array.from(rows, (r) => dayNumber(r.firstDay));
  const lastDay = Float64Array.from(rows, (r, k) => firstDay[k]! + Math.round(r.t_x * periodDays));
  const noMonths = new Float64Array(12);
  const figures = churnFigureColumns(
    m,
    {
      firstDay,
      lastDay,
      purchaseDays: Float64Array.from(rows, (r) => r.x + 1),
      monthly: (k) => acc.customers.get(rows[k]!.key)?.monthly ?? noMonths,
    },
    dayNumber(data.calibrationEnd),
    p0,
    scores.pAlive,
  );
  scoreChurnColumns(figures, CHURN, { score: churnRisk, reasons: new Uint16Array(m) });
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
