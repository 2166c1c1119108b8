/**
 * A stored verdict's predictions as the API shows them: the figures as the run stored them, and the
 * churn reasons as sentences in the caller's language, quoting the figures of the run's day.
 */
import { churnReasonText } from '../../../shared/analytics/churn/churn-messages';
import {
  CHURN_REASON_CODES,
  type ChurnReason,
  REASON_BIT,
  reasonsFromFigures,
} from '../../../shared/analytics/churn/churn-reasons';
import type { VerdictPredictionView } from '../../../shared/analytics/value-read-api.schema';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import type { Locale } from '../../../shared/common/locale';
import type { VerdictRow } from './value-read.repository';

const known = new Set<string>(CHURN_REASON_CODES);
const nan = (v: number | null) => v ?? Number.NaN;

/** The figures a stored row (verdict or list row) keeps for its reasons. */
export const figuresOf = (r: {
  p_alive: number | null;
  days_since_last_order: number | null;
  mean_interval_days: number | null;
  trend_pct: number | null;
}) => ({
  pAlive: r.p_alive,
  daysSince: r.days_since_last_order,
  meanInterval: r.mean_interval_days,
  trendPct: r.trend_pct,
});

/** A stored verdict's reasons (codes) with the figures they quote; unknown codes are dropped. */
export function storedReasons(
  codes: readonly string[] | null,
  figures: {
    pAlive: number | null;
    daysSince: number | null;
    meanInterval: number | null;
    trendPct: number | null;
  },
  settings: ValueSettings,
): ChurnReason[] {
  let mask = 0;
  for (const code of codes ?? []) if (known.has(code)) mask |= REASON_BIT[code as keyof typeof REASON_BIT];
  return reasonsFromFigures(
    mask,
    {
      pAlive: nan(figures.pAlive),
      daysSince: nan(figures.daysSince),
      purchaseDays: Number.NaN,
      meanInterval: nan(figures.meanInterval),
      trendPct: nan(figures.trendPct),
      trendSignificant: true,
      complaints12m: Number.NaN,
      satisfaction: Number.NaN,
      overdueReceivablesCents: Number.NaN,
    },
    settings.churn,
  );
}

export function predictionView(
  row: VerdictRow,
  settings: ValueSettings,
  locale: Locale,
): VerdictPredictionView {
  const reasons = storedReasons(row.churn_reasons, figuresOf(row), settings);
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
