/**
 * A stored verdict's predictions as the API shows them: the figures as the run stored them, and the
 * churn reasons as sentences in the caller's language, quoting the figures of the run's day.
 */
import { churnReasonText } from '../../../shared/analytics/churn/churn-messages';
import {
  CHURN_REASON_CODES,
  REASON_BIT,
  reasonsFromFigures,
} from '../../../shared/analytics/churn/churn-reasons';
import type { VerdictPredictionView } from '../../../shared/analytics/value-read-api.schema';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import type { Locale } from '../../../shared/common/locale';
import type { VerdictRow } from './value-read.repository';

const known = new Set<string>(CHURN_REASON_CODES);
const nan = (v: number | null) => v ?? Number.NaN;

export function predictionView(
  row: VerdictRow,
  settings: ValueSettings,
  locale: Locale,
): VerdictPredictionView {
  let mask = 0;
  for (const code of row.churn_reasons ?? [])
    if (known.has(code)) mask |= REASON_BIT[code as keyof typeof REASON_BIT];
  const reasons = reasonsFromFigures(
    mask,
    {
      pAlive: nan(row.p_alive),
      daysSince: nan(row.days_since_last_order),
      purchaseDays: Number.NaN,
      meanInterval: nan(row.mean_interval_days),
      trendPct: nan(row.trend_pct),
      trendSignificant: true,
      complaints12m: Number.NaN,
      satisfaction: Number.NaN,
      overdueReceivablesCents: Number.NaN,
    },
    settings.churn,
  );
  return {
    period: row.run_model?.period ?? null,
    horizonPeriods: row.run_model?.horizonPeriods ?? null,
    pAlive: row.p_alive,
    expectedPurchases: row.expected_purchases,
    expectedSpend: row.expected_spend,
    clv: row.clv,
    churnRisk: row.churn_risk,
    reasons: reasons.map((r) => ({ code: r.code, text: churnReasonText(r, locale) })),
  };
}
