/**
 * The churn score (issue 6 item 5): 0–100, the model's probability of no purchase in the next
 * horizonMonths (p0 = pNoPurchase, no-purchase.ts) raised by the signals the model does not see.
 *
 *   base = 100 × p0; each raising reason moves the score a fraction f of the way from where it is to 100:
 *   score ← score + (100 − score) × f, i.e. 100 × (1 − (1 − p0) × Π(1 − fᵢ)), clamped and rounded.
 *
 * Raising reasons and their f (RAISE): revenue_falling min(0.5, −%/year ÷ 200); overdue_receivables 0.1;
 * complaints 0.1 each, at most 0.3; low_satisfaction 0.3 × (7 − score) ÷ 7 (0.04 at 6, 0.3 at 0).
 * overdue, low_p_alive and no_repeat_purchase explain the base but do not raise it: the model has already
 * counted recency and frequency. The order of the raises does not matter (the product commutes).
 *
 * p0 null (model withheld) → score null: never an invented number; the rule-based reasons still list.
 */
import { tCritical95 } from '../revenue-trend';
import {
  type ChurnFigures,
  type ChurnReason,
  figuresMask,
  LOW_SATISFACTION_AT_MOST,
  REASON_BIT,
  reasonMask,
  reasonsFromFigures,
} from './churn-reasons';
import { type ChurnSettings, horizonDays } from './churn-settings';

export const RAISE = {
  trendMax: 0.5,
  overdueReceivables: 0.1,
  perComplaint: 0.1,
  complaintsMax: 0.3,
  satisfactionMax: 0.3,
} as const;

export type ChurnInput = {
  /** P(no purchase in the horizon) from the model; null when the model is withheld. */
  p0: number | null;
  pAlive: number | null;
  daysSinceLastOrder: number | null;
  /** Lifetime distinct order days. */
  purchaseDays: number;
  /** (last − first order day) ÷ (purchaseDays − 1); null with fewer than 2 purchase days. */
  meanIntervalDays: number | null;
  /** significant: the fall is significant (see significantlyFalling); revenueTrend's flag is for rises. */
  trend: { pctPerYear: number | null; significant: boolean };
  /** Modules to come (complaints, surveys, receivables): absent = no signal. */
  complaints12m?: number;
  /** 0–10. */
  satisfaction?: number | null;
  overdueReceivablesCents?: number;
};

export type ChurnRisk = { score: number | null; reasons: ChurnReason[] };

/** Typed columns, one entry per customer; NaN stands for null. */
export type ChurnColumns = {
  p0: ArrayLike<number>;
  pAlive: ArrayLike<number>;
  daysSince: ArrayLike<number>;
  purchaseDays: ArrayLike<number>;
  meanInterval: ArrayLike<number>;
  trendPct: ArrayLike<number>;
  trendSignificant: Uint8Array;
  complaints12m?: ArrayLike<number>;
  satisfaction?: ArrayLike<number>;
  overdueReceivablesCents?: ArrayLike<number>;
};

/** score: 0–100, −1 when withheld; reasons: masks (bits in churn-reasons.ts). */
export type ChurnScoreColumns = { score: Int16Array; reasons: Uint16Array };

/** Whether a 12-month trend's slope t statistic shows a significant fall (one-sided, 95 %). */
export const significantlyFalling = (t: number, months: number): boolean =>
  months >= 3 && t <= -tCritical95(months - 2);

/** The mean interval between purchase days, or null with fewer than two. */
export const meanIntervalDays = (firstDay: number, lastDay: number, purchaseDays: number): number | null =>
  purchaseDays >= 2 ? (lastDay - firstDay) / (purchaseDays - 1) : null;

/** The score 0–100 from p0 and the mask's raising reasons; −1 when p0 is NaN (withheld). */
export function churnScore(
  p0: number,
  mask: number,
  trendPct: number,
  complaints12m: number,
  satisfaction: number,
): number {
  if (Number.isNaN(p0)) return -1;
  let stays = 1 - Math.min(1, Math.max(0, p0));
  if (mask & REASON_BIT.revenue_falling) stays *= 1 - Math.min(RAISE.trendMax, -trendPct / 200);
  if (mask & REASON_BIT.overdue_receivables) stays *= 1 - RAISE.overdueReceivables;
  if (mask & REASON_BIT.complaints)
    stays *= 1 - Math.min(RAISE.complaintsMax, RAISE.perComplaint * complaints12m);
  if (mask & REASON_BIT.low_satisfaction) {
    const below = LOW_SATISFACTION_AT_MOST + 1 - Math.max(0, satisfaction);
    stays *= 1 - (RAISE.satisfactionMax * below) / (LOW_SATISFACTION_AT_MOST + 1);
  }
  return Math.round(100 * (1 - stays));
}

const orNaN = (v: number | null | undefined): number => v ?? Number.NaN;

/** One customer's score and reasons. */
export function churnRisk(input: ChurnInput, settings: ChurnSettings): ChurnRisk {
  const f: ChurnFigures = {
    pAlive: orNaN(input.pAlive),
    daysSince: orNaN(input.daysSinceLastOrder),
    purchaseDays: input.purchaseDays,
    meanInterval: orNaN(input.meanIntervalDays),
    trendPct: orNaN(input.trend.pctPerYear),
    trendSignificant: input.trend.significant,
    complaints12m: input.complaints12m ?? 0,
    satisfaction: orNaN(input.satisfaction),
    overdueReceivablesCents: input.overdueReceivablesCents ?? 0,
  };
  const mask = figuresMask(settings, f);
  const score = churnScore(orNaN(input.p0), mask, f.trendPct, f.complaints12m, f.satisfaction);
  return { score: score < 0 ? null : score, reasons: reasonsFromFigures(mask, f, settings) };
}

/** Scores and reason masks for every customer of the columns, into out (no allocation per customer). */
export function scoreChurnColumns(cols: ChurnColumns, settings: ChurnSettings, out: ChurnScoreColumns): void {
  const dayHorizon = horizonDays(settings);
  const { complaints12m, satisfaction, overdueReceivablesCents } = cols;
  for (let i = 0; i < cols.p0.length; i++) {
    const trendPct = cols.trendPct[i]!;
    const complaints = complaints12m ? complaints12m[i]! : 0;
    const score = satisfaction ? satisfaction[i]! : Number.NaN;
    const mask = reasonMask(
      settings,
      dayHorizon,
      cols.pAlive[i]!,
      cols.daysSince[i]!,
      cols.purchaseDays[i]!,
      cols.meanInterval[i]!,
      trendPct,
      cols.trendSignificant[i] !== 0,
      complaints,
      score,
      overdueReceivablesCents ? overdueReceivablesCents[i]! : 0,
    );
    out.reasons[i] = mask;
    out.score[i] = churnScore(cols.p0[i]!, mask, trendPct, complaints, score);
  }
}

/** The reasons of customer i of the columns (for the rows a list shows), strongest first. */
export function reasonsOf(
  mask: number,
  cols: ChurnColumns,
  i: number,
  settings: ChurnSettings,
): ChurnReason[] {
  const f: ChurnFigures = {
    pAlive: cols.pAlive[i]!,
    daysSince: cols.daysSince[i]!,
    purchaseDays: cols.purchaseDays[i]!,
    meanInterval: cols.meanInterval[i]!,
    trendPct: cols.trendPct[i]!,
    trendSignificant: cols.trendSignificant[i] !== 0,
    complaints12m: cols.complaints12m ? cols.complaints12m[i]! : 0,
    satisfaction: cols.satisfaction ? cols.satisfaction[i]! : Number.NaN,
    overdueReceivablesCents: cols.overdueReceivablesCents ? cols.overdueReceivablesCents[i]! : 0,
  };
  return reasonsFromFigures(mask, f, settings);
}
