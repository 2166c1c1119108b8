/**
 * Why a customer is at risk: reason codes as bits of a mask (the server keeps a Uint16Array of masks for a
 * million customers), expanded into objects with the figures that explain each only for the rows shown.
 *
 * The rules (settings in churn-settings.ts; a missing figure never fires a rule):
 * - overdue: days since the last order > overdueFactor × the customer's own mean interval between
 *   purchase days (needs at least 2 purchase days);
 * - low_p_alive: the model's P(alive) < pAliveBelow;
 * - no_repeat_purchase: one purchase day, longer ago than the horizon;
 * - revenue_falling: a significantly falling 12-month trend at or below trendDeclinePctPerYear;
 * - overdue_receivables: any overdue receivable;
 * - complaints: at least one complaint in the last 12 months;
 * - low_satisfaction: a satisfaction score (0–10) of 6 or less (a "detractor" on the NPS scale).
 * Reasons are listed by a fixed weight, strongest evidence first, which is their order below: the
 * customer's own broken rhythm, then the model, then the other signals.
 */
import { type ChurnSettings, horizonDays } from './churn-settings';

export const CHURN_REASON_CODES = [
  'overdue',
  'low_p_alive',
  'no_repeat_purchase',
  'revenue_falling',
  'overdue_receivables',
  'complaints',
  'low_satisfaction',
] as const;
export type ChurnReasonCode = (typeof CHURN_REASON_CODES)[number];

/** The bit of each code in a reason mask (bit i = CHURN_REASON_CODES[i]). */
export const REASON_BIT = Object.fromEntries(CHURN_REASON_CODES.map((c, i) => [c, 1 << i])) as Record<
  ChurnReasonCode,
  number
>;

/** Satisfaction at or below this (0–10) is low: the NPS "detractor" band. */
export const LOW_SATISFACTION_AT_MOST = 6;

export type ChurnReason =
  | { code: 'overdue'; days: number; typicalDays: number }
  | { code: 'low_p_alive'; pAlive: number; below: number }
  | { code: 'no_repeat_purchase'; days: number; horizonMonths: number }
  | { code: 'revenue_falling'; pctPerYear: number }
  | { code: 'overdue_receivables'; cents: number }
  | { code: 'complaints'; count: number }
  | { code: 'low_satisfaction'; score: number };

/** One customer's figures; NaN where unknown (columns hold NaN, the single-customer form maps null). */
export type ChurnFigures = {
  pAlive: number;
  daysSince: number;
  purchaseDays: number;
  meanInterval: number;
  trendPct: number;
  trendSignificant: boolean;
  complaints12m: number;
  satisfaction: number;
  overdueReceivablesCents: number;
};

/** The reason mask of one customer (scalar arguments: the columnar loop allocates nothing). */
export function reasonMask(
  settings: ChurnSettings,
  dayHorizon: number,
  pAlive: number,
  daysSince: number,
  purchaseDays: number,
  meanInterval: number,
  trendPct: number,
  trendSignificant: boolean,
  complaints12m: number,
  satisfaction: number,
  overdueReceivablesCents: number,
): number {
  let mask = 0;
  if (purchaseDays >= 2 && meanInterval > 0 && daysSince > settings.overdueFactor * meanInterval)
    mask |= REASON_BIT.overdue;
  if (pAlive < settings.pAliveBelow) mask |= REASON_BIT.low_p_alive;
  if (purchaseDays === 1 && daysSince > dayHorizon) mask |= REASON_BIT.no_repeat_purchase;
  if (trendSignificant && trendPct < 0 && trendPct <= settings.trendDeclinePctPerYear)
    mask |= REASON_BIT.revenue_falling;
  if (overdueReceivablesCents > 0) mask |= REASON_BIT.overdue_receivables;
  if (complaints12m >= 1) mask |= REASON_BIT.complaints;
  if (satisfaction <= LOW_SATISFACTION_AT_MOST) mask |= REASON_BIT.low_satisfaction;
  return mask;
}

/** The mask of a figures object (the single-customer form). */
export const figuresMask = (settings: ChurnSettings, f: ChurnFigures): number =>
  reasonMask(
    settings,
    horizonDays(settings),
    f.pAlive,
    f.daysSince,
    f.purchaseDays,
    f.meanInterval,
    f.trendPct,
    f.trendSignificant,
    f.complaints12m,
    f.satisfaction,
    f.overdueReceivablesCents,
  );

function reasonOf(code: ChurnReasonCode, f: ChurnFigures, settings: ChurnSettings): ChurnReason {
  switch (code) {
    case 'overdue':
      return { code, days: f.daysSince, typicalDays: f.meanInterval };
    case 'low_p_alive':
      return { code, pAlive: f.pAlive, below: settings.pAliveBelow };
    case 'no_repeat_purchase':
      return { code, days: f.daysSince, horizonMonths: settings.horizonMonths };
    case 'revenue_falling':
      return { code, pctPerYear: f.trendPct };
    case 'overdue_receivables':
      return { code, cents: f.overdueReceivablesCents };
    case 'complaints':
      return { code, count: f.complaints12m };
    case 'low_satisfaction':
      return { code, score: f.satisfaction };
  }
}

/** The reasons in a mask, strongest first, each with the customer's figures. */
export function reasonsFromFigures(mask: number, f: ChurnFigures, settings: ChurnSettings): ChurnReason[] {
  const out: ChurnReason[] = [];
  CHURN_REASON_CODES.forEach((code, i) => {
    if (mask & (1 << i)) out.push(reasonOf(code, f, settings));
  });
  return out;
}

/** Just the codes of a mask, strongest first (for filters and counts). */
export const reasonCodes = (mask: number): ChurnReasonCode[] =>
  CHURN_REASON_CODES.filter((_, i) => mask & (1 << i));
