import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/common/locale';
import { useValueSettings } from './value-hooks';

/** A probability as a percentage; a tiny one as "< 0.1%" rather than a misleading 0%. */
export function formatProbability(p: number | null, locale: Locale): string {
  if (p === null) return '—';
  if (p > 0 && p < 0.001) return '< 0.1%';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(p);
}

/** A fitted parameter or its standard error: four significant digits are all the fit can claim. */
export const formatEstimate = (n: number | null | undefined, locale: Locale): string =>
  n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : new Intl.NumberFormat(locale, { maximumSignificantDigits: 4 }).format(n);

/** Expected purchases: two decimals under ten (0.01 of a purchase still says "almost none"). */
export const formatPurchases = (n: number, locale: Locale): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 ? 2 : 1 }).format(n);

/** Compact yuan for chart axes (¥1.2万 / ¥12K, -¥10万). */
export const compactYuan = (v: number, locale: Locale): string =>
  new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(v);

export type Period = 'day' | 'week' | 'month';

/** "未来 52 周" / "next 52 weeks". */
export const horizonText = (t: TFunction, period: Period, count: number): string =>
  t(`clv.horizon.${period}`, { count });

/** Red at or above the at-risk score, amber from half of it, green below. */
export function riskColor(risk: number, atRiskScore: number): string {
  if (risk >= atRiskScore) return '#cf222e';
  if (risk >= atRiskScore / 2) return '#bf8700';
  return '#2da44e';
}

/** The churn warning's current thresholds (the defaults' at-risk score until the settings arrive). */
export function useChurnThresholds() {
  const settings = useValueSettings();
  const churn = settings.data?.settings.churn;
  return {
    atRiskScore: churn?.atRiskScore ?? 60,
    horizonMonths: churn?.horizonMonths ?? 6,
    winBackDormantDays: churn?.winBackDormantDays ?? 180,
    winBackTopShare: churn?.winBackTopShare ?? 0.2,
  };
}
