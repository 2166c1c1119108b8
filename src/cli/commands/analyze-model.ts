/**
 * DIR/model.json of `kehu analyze`: the fitted models with standard errors (null where withheld), the
 * warnings in words, and with a holdout the forecasts against what happened (FHL 2005's calibration vs
 * holdout groups and tracking) and the churn score's ROC AUC.
 */
import {
  calibrationVsHoldout,
  type FitWarning,
  type FitWarningCode,
  type HoldoutGroup,
  trackingSeries,
} from '../../shared/analytics/clv/models';
import type { ClvAccumulator, ClvRun, ClvRunOptions } from './analyze-clv';
import { churnAuc } from './analyze-clv-score';
import type { analyzeText } from './analyze-messages';

/** The models' warnings and two of the command's own: about the data (model null) and a skipped fit. */
export type ModelWarning = {
  model: FitWarning['model'] | null;
  code: FitWarningCode | 'needs_bgnbd' | 'dates_whole_months';
  withheld: boolean;
  value?: number;
};

type Se = Record<string, number | null>;

export type ModelJson = {
  period: ClvRunOptions['period'];
  horizon: number;
  discount_rate: number;
  discount_rate_per_period: number;
  calibration_end: string;
  as_of: string;
  /** Customers with an order by the calibration end, and those the models were fitted on. */
  customers: number;
  fitted_on: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; ll: number; se: Se } | null;
  gamma_gamma: { p: number; q: number; gamma: number; ll: number; customers: number; se: Se } | null;
  warnings: (ModelWarning & { message: string })[];
  /** Orders after the calibration end up to as-of; null when the calibration end is as-of. */
  holdout: { end: string; periods: number } | null;
  calibration_vs_holdout?: HoldoutGroup[] | null;
  tracking?: {
    period_ends: string[];
    actual: number[];
    expected: number[];
    calibration_periods: number;
  } | null;
  churn_auc: number | null;
  churn_auc_customers?: number;
  churn_auc_churned?: number;
  churn_auc_reason?: string;
};

export function modelWarnings(run: ClvRun, acc: ClvAccumulator, o: ClvRunOptions): ModelWarning[] {
  const out: ModelWarning[] = [];
  // Dates all on the 1st: orders were dated by month, so days and weeks describe the recording, not the buying.
  if (acc.wholeMonths && o.period !== 'month')
    out.push({ model: null, code: 'dates_whole_months', withheld: false });
  const fit = run.fitted.warnings;
  out.push(...fit);
  if (!run.fitted.gammaGamma && !fit.some((w) => w.model === 'gamma_gamma' && w.withheld))
    out.push({ model: 'gamma_gamma', code: 'needs_bgnbd', withheld: true });
  return out;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** FHL 2005's checks of the forecasts on the holdout: none without a holdout, null without BG/NBD. */
function holdoutChecks({ data, fitted }: ClvRun): Pick<ModelJson, 'calibration_vs_holdout' | 'tracking'> {
  const bg = fitted.bgnbd;
  if (!data.holdout || data.holdoutLength === null || data.holdoutEnd === null) return {};
  if (!bg) return { calibration_vs_holdout: null, tracking: null };
  const tracking = trackingSeries(bg, {
    births: data.births,
    repeats: data.repeats,
    periodDays: data.periodDays,
    calibrationEnd: data.calibrationEnd,
    lastDay: data.holdoutEnd,
  });
  return {
    calibration_vs_holdout: calibrationVsHoldout(bg, data.rows, data.holdout, data.holdoutLength).map(
      (g) => ({ ...g, actual: round(g.actual, 6), expected: round(g.expected, 6) }),
    ),
    tracking: {
      period_ends: tracking.periodEnds,
      actual: tracking.actual,
      expected: tracking.expected.map((v) => round(v, 4)),
      calibration_periods: tracking.calibrationPeriods,
    },
  };
}

export function modelJson(
  run: ClvRun,
  acc: ClvAccumulator,
  o: ClvRunOptions,
  warnings: readonly ModelWarning[],
  t: ReturnType<typeof analyzeText>,
): ModelJson {
  const { data, fitted } = run;
  const bg = fitted.bgnbd;
  const gg = fitted.gammaGamma;
  const auc = churnAuc(acc, data, run.churnRisk);
  return {
    period: o.period,
    horizon: o.horizon,
    discount_rate: o.discountRate,
    discount_rate_per_period: run.discountRatePerPeriod,
    calibration_end: o.calibrationEnd,
    as_of: o.asOf,
    customers: data.rows.length,
    fitted_on: run.fittedOn,
    bgnbd: bg ? { r: bg.r, alpha: bg.alpha, a: bg.a, b: bg.b, ll: bg.ll, se: { ...bg.se } } : null,
    gamma_gamma: gg
      ? { p: gg.p, q: gg.q, gamma: gg.gamma, ll: gg.ll, customers: gg.customers, se: { ...gg.se } }
      : null,
    warnings: warnings.map((w) => ({ ...w, message: t.modelWarning(w) })),
    holdout:
      data.holdoutEnd === null ? null : { end: data.holdoutEnd, periods: round(data.holdoutLength!, 4) },
    ...holdoutChecks(run),
    ...(auc.auc === null
      ? { churn_auc: null, churn_auc_reason: t.churnAucReason(auc.reason) }
      : { churn_auc: auc.auc, churn_auc_customers: auc.customers, churn_auc_churned: auc.churned }),
  };
}
