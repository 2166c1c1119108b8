/**
 * The churn early warning's configuration (issue 6 item 5). The caller nests it in valueSettingsSchema as
 * `churn`, so the API, the OpenAPI document and the settings form share this one schema.
 */
import { z } from 'zod';

export const churnSettingsSchema = z.object({
  /** The score predicts "no purchase in the next N months". */
  horizonMonths: z.number().int().min(1).max(60),
  /** A model P(alive) below this is a reason ('low_p_alive'). */
  pAliveBelow: z.number().gt(0).lt(1),
  /** Days since the last order beyond this × the customer's own mean interval is a reason ('overdue'). */
  overdueFactor: z.number().min(1).max(100),
  /** A significantly falling revenue trend at or below this %/year is a reason ('revenue_falling'). */
  trendDeclinePctPerYear: z.number().min(-100).max(0),
  /** Customers scoring at least this are on the at-risk list. */
  atRiskScore: z.number().int().min(0).max(100),
  /** Win-back: no order for at least this many days… */
  winBackDormantDays: z.number().int().min(1).max(36_500),
  /** …and a lifetime basis value among this top share (0–1] of the customers with a positive one. */
  winBackTopShare: z.number().gt(0).lte(1),
});
export type ChurnSettings = z.infer<typeof churnSettingsSchema>;

export const DEFAULT_CHURN_SETTINGS: ChurnSettings = {
  horizonMonths: 6,
  pAliveBelow: 0.5,
  overdueFactor: 2,
  trendDeclinePctPerYear: -20,
  atRiskScore: 60,
  winBackDormantDays: 180,
  winBackTopShare: 0.2,
};

/** An average month, as the CLV calibration counts it. */
export const DAYS_PER_MONTH = 365.25 / 12;

/** The horizon in days (for the one-time-buyer rule; divide by the model's period length for h). */
export const horizonDays = (s: ChurnSettings): number => s.horizonMonths * DAYS_PER_MONTH;
