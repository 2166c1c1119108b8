/**
 * The customer value engine's contract (issue 5): what a classification reads per customer, and what it
 * decides. The same pure engine (classify.ts) serves `kehu classify` (inputs read from the metric tables)
 * and `kehu analyze` (inputs built from an orders file without a database).
 *
 * Money in the engine is integer cents (exact up to ±9·10¹³ yuan); shares and scores are plain numbers.
 * Dates are ISO days (YYYY-MM-DD) in the workspace's time zone.
 */

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

export const VALUE_TIERS = ['MVC', 'STC', 'BZ'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** One customer as the engine sees it. */
export type CustomerValueInput = {
  customerId: number;
  code: string;
  /** Counted orders (not deleted, not cancelled) up to as-of, lifetime. */
  orders: number;
  /** Distinct order days, lifetime. */
  purchaseDays: number;
  firstOrderOn: string | null;
  lastOrderOn: string | null;
  /** Lifetime revenue and gross profit (revenue − cost), cents. */
  revenueCents: number;
  profitCents: number;
  /** Revenue of the first order day (0 without orders): the lifetime-value models count repeat purchases. */
  firstDayRevenueCents: number;
  /** The RFM window (settings.rfm.windowMonths whole months up to as-of): purchase days and revenue. */
  windowPurchaseDays: number;
  windowRevenueCents: number;
  /** Last order within the window (null when none): R is measured from it. */
  windowLastOrderOn: string | null;
  /** Rolling 12 months up to as-of. */
  revenue12mCents: number;
  profit12mCents: number;
  /** Activities of the last 12 months by type (priced by settings.costs.activityCents). */
  activities12m: Readonly<Record<string, number>>;
  /** Revenue per calendar month, the last 12 months, oldest first (index 11 = as-of's month). */
  monthlyRevenueCents: readonly number[];
  /** Estimated annual purchasing budget (sum over categories), cents; null when unknown. */
  budgetCents: number | null;
  /** Orders dated after as-of that the run ignored (a warning, flag future_orders_ignored). */
  futureOrders: number;
  /** Factor inputs for matrices (field → value), e.g. credit_rating: 'AA', revenue_band: '50m_200m'. */
  factors: Readonly<Record<string, string | number | null>>;
};

/** Why a verdict was reached: numbers the UI renders as a sentence in the user's language (explain.ts). */
export type AbcExplanation = {
  basis: 'profit' | 'revenue';
  valueCents: number;
  rank: number;
  of: number;
  /** Cumulative share of the total positive value up to and including this customer (null when value ≤ 0). */
  cumShare: number | null;
  cut: number;
};

export type RfmResult = {
  r: number;
  f: number;
  m: number;
  recencyDays: number;
  frequency: number;
  monetaryCents: number;
  /** Segment key (rfm-segments.ts), e.g. 'champions', 'at_risk', 'others'. */
  segment: string;
};

export type CustomerVerdict = {
  customerId: number;
  code: string;
  abc: AbcClass;
  abcExplain: AbcExplanation;
  /** null: no order in the RFM window (no RFM, listed). */
  rfm: RfmResult | null;
  tier: ValueTier;
  highPotential: boolean;
  actualValueCents: number;
  strategicValueCents: number | null;
  /** How the strategic value was estimated. */
  strategicBasis: 'wallet' | 'trend' | 'clv' | null;
  serveCostCents: number;
  /** Share of wallet (12-month revenue ÷ annual budget), null when the budget is unknown. */
  shareOfWallet: number | null;
  /** Matrix key → cell key. */
  cells: Readonly<Record<string, string>>;
  flags: readonly VerdictFlag[];
  prediction: VerdictPrediction;
};

/**
 * The lifetime-value models' figures for one customer (issue 6), over the run's horizon: null where the
 * models were withheld (too few data) or the customer has no order; churn reasons are listed even then.
 */
export type VerdictPrediction = {
  pAlive: number | null;
  expectedPurchases: number | null;
  expectedSpendCents: number | null;
  clvCents: number | null;
  /** 0–100. */
  churnRisk: number | null;
  churnReasons: readonly string[];
  /** The figures the reasons quote (null when unknown). */
  daysSinceLastOrder: number | null;
  meanIntervalDays: number | null;
  /** Revenue trend, %/year. */
  trendPct: number | null;
};

/**
 * Predictions for a run's customers, aligned with its inputs (index i is inputs[i]): what the classifier
 * attaches to the verdicts, CLV also becoming the strategic value. NaN (−1 for the risk): none.
 */
export type PredictionColumns = {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** Integer cents. */
  expectedSpendCents: Float64Array;
  clvCents: Float64Array;
  churnRisk: Int16Array;
  /** Shared frozen lists (few distinct ones). */
  churnReasons: (readonly string[])[];
  daysSinceLastOrder: Float64Array;
  meanIntervalDays: Float64Array;
  trendPct: Float64Array;
};

export const NO_PREDICTION: VerdictPrediction = Object.freeze({
  pAlive: null,
  expectedPurchases: null,
  expectedSpendCents: null,
  clvCents: null,
  churnRisk: null,
  churnReasons: Object.freeze([]) as readonly string[],
  daysSinceLastOrder: null,
  meanIntervalDays: null,
  trendPct: null,
});

export type VerdictFlag = 'negative_value' | 'no_orders' | 'future_orders_ignored' | 'no_rfm';

export type ClassSummary = { count: number; valueCents: number; share: number };

export type ClassificationSummary = {
  customers: number;
  asOf: string;
  basis: 'profit' | 'revenue';
  totalPositiveValueCents: number;
  abc: Record<AbcClass, ClassSummary>;
  segments: Record<string, ClassSummary>;
  tiers: Record<ValueTier, ClassSummary>;
  /** Matrix key → cell key → count and value. */
  cells: Record<string, Record<string, ClassSummary>>;
  warnings: readonly { code: string; count: number }[];
};

export type ClassificationOutput = { verdicts: CustomerVerdict[]; summary: ClassificationSummary };
