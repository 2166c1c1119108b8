/**
 * The value engine's read API (issue 5): a customer's value and history, the lists, migration between
 * runs (Markov), projection, expected value per state, and policy breaches. Settings, matrices, policies
 * and runs are in value-api.schema.ts.
 */
import { z } from 'zod';
import { customerRowShape } from '../common/customer-row';
import { id } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';
import { ABC_CLASSES, VALUE_TIERS } from './value.contract';
import { POLICY_TARGETS } from './value-api.schema';

// --- a customer's value --------------------------------------------------------------------------

/** A verdict's lifetime-value predictions (issue 6); every figure null when the models were withheld. */
export const VerdictPredictionViewSchema = z
  .object({
    /** The models' time unit and horizon (null: the run fitted no model). */
    period: z.enum(['day', 'week', 'month']).nullable(),
    horizonPeriods: z.number().nullable(),
    pAlive: z.number().nullable(),
    /** Expected purchase days over the horizon. */
    expectedPurchases: z.number().nullable(),
    /** Expected spend per purchase day (yuan, exact decimal text). */
    expectedSpend: z.string().nullable(),
    clv: z.string().nullable(),
    /** 0–100: the chance of no purchase in the churn horizon, raised by falling revenue. */
    churnRisk: z.number().nullable(),
    /** Why, strongest first, in the caller's language. */
    reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  })
  .meta({ id: 'VerdictPrediction' });
export type VerdictPredictionView = z.infer<typeof VerdictPredictionViewSchema>;

export const CustomerVerdictViewSchema = z
  .object({
    runId: z.number(),
    asOf: z.string(),
    abc: z.enum(ABC_CLASSES),
    /** ABC explanation: the basis value, its rank of `of` customers, the cumulative share, the cut. */
    abcBasis: z.enum(['profit', 'revenue']),
    abcValue: z.string(),
    abcRank: z.number(),
    abcOf: z.number(),
    abcCumShare: z.number().nullable(),
    abcCut: z.number(),
    rScore: z.number().nullable(),
    fScore: z.number().nullable(),
    mScore: z.number().nullable(),
    recencyDays: z.number().nullable(),
    frequency: z.number(),
    monetary: z.string(),
    segment: z.string().nullable(),
    segmentNameZh: z.string().nullable(),
    segmentNameEn: z.string().nullable(),
    tier: z.enum(VALUE_TIERS),
    highPotential: z.boolean(),
    actualValue: z.string(),
    strategicValue: z.string().nullable(),
    /** Matrix key → cell key. */
    cells: z.record(z.string(), z.string()),
    flags: z.array(z.string()),
    /** The verdict in words, in the caller's language (one sentence per classifier). */
    explanation: z.array(z.string()),
    prediction: VerdictPredictionViewSchema,
  })
  .meta({ id: 'CustomerVerdictView' });
export type CustomerVerdictView = z.infer<typeof CustomerVerdictViewSchema>;

export const CustomerValueHistoryItemSchema = z.object({
  runId: z.number(),
  asOf: z.string(),
  abc: z.enum(ABC_CLASSES),
  tier: z.enum(VALUE_TIERS),
  segment: z.string().nullable(),
  highPotential: z.boolean(),
  actualValue: z.string(),
  abcValue: z.string(),
  clv: z.string().nullable(),
  churnRisk: z.number().nullable(),
});

export const CustomerValueSchema = z
  .object({
    customerId: z.number(),
    /** The latest finished run's verdict; null when no run has judged the customer yet. */
    latest: CustomerVerdictViewSchema.nullable(),
    /** Every finished run that judged the customer, oldest first (at most the last 120). */
    history: z.array(CustomerValueHistoryItemSchema),
  })
  .meta({ id: 'CustomerValue' });
export type CustomerValue = z.infer<typeof CustomerValueSchema>;

// --- lists ---------------------------------------------------------------------------------------

/** mvc_down: MVC in the previous run, not any more; bz: below zero; high_potential: STCs marked so. */
export const VALUE_LISTS = ['mvc_down', 'bz', 'high_potential'] as const;
export type ValueListKind = (typeof VALUE_LISTS)[number];

export const ValueListQuerySchema = z
  .object({ kind: z.enum(VALUE_LISTS), limit: LimitSchema, cursor: CursorSchema })
  .strict();
export type ValueListQuery = z.infer<typeof ValueListQuerySchema>;

export const ValueListItemSchema = z
  .object({
    ...customerRowShape,
    tier: z.enum(VALUE_TIERS),
    abc: z.enum(ABC_CLASSES),
    segment: z.string().nullable(),
    actualValue: z.string(),
    strategicValue: z.string().nullable(),
    highPotential: z.boolean(),
    /** The previous run's tier and ABC class (null: not judged then). */
    previousTier: z.enum(VALUE_TIERS).nullable(),
    previousAbc: z.enum(ABC_CLASSES).nullable(),
  })
  .meta({ id: 'ValueListItem' });
export type ValueListItem = z.infer<typeof ValueListItemSchema>;

// --- migration, projection, expected value -------------------------------------------------------

export const MIGRATION_DIMENSIONS = ['tier', 'abc', 'segment'] as const;
export type MigrationDimension = (typeof MIGRATION_DIMENSIONS)[number];

const runPair = {
  /** Default: the run before `to`. */
  from: id.optional(),
  /** Default: the latest finished run. */
  to: id.optional(),
};

export const MigrationQuerySchema = z
  .object({ ...runPair, dimension: z.enum(MIGRATION_DIMENSIONS).default('tier') })
  .strict();
export type MigrationQuery = z.infer<typeof MigrationQuerySchema>;

export const MigrationSchema = z
  .object({
    /** null (and every count 0) until two finished runs exist. */
    fromRun: z.object({ id: z.number(), asOf: z.string() }).nullable(),
    toRun: z.object({ id: z.number(), asOf: z.string() }).nullable(),
    dimension: z.enum(MIGRATION_DIMENSIONS),
    states: z.array(z.string()),
    /** counts[i][j]: customers in states[i] in `from` and states[j] in `to` (both runs judged them). */
    counts: z.array(z.array(z.number())),
    /** The Markov transition matrix: counts row-normalized (a row without customers stays put). */
    matrix: z.array(z.array(z.number())),
    /** States nobody was in in `from` (their rows are the identity). */
    emptyRows: z.array(z.string()),
    /** Customers judged in `to` only (new) and in `from` only (gone), per state. */
    entered: z.array(z.number()),
    left: z.array(z.number()),
  })
  .meta({ id: 'ValueMigration' });
export type Migration = z.infer<typeof MigrationSchema>;

export const ProjectionQuerySchema = z
  .object({
    ...runPair,
    dimension: z.enum(MIGRATION_DIMENSIONS).default('tier'),
    /** How many runs ahead. */
    steps: z.coerce.number().int().min(1).max(60).default(4),
  })
  .strict();
export type ProjectionQuery = z.infer<typeof ProjectionQuerySchema>;

export const ProjectionSchema = z
  .object({
    migration: MigrationSchema,
    /** distributions[0]: the shares in `to`; distributions[k]: k runs ahead. */
    distributions: z.array(z.array(z.number())),
  })
  .meta({ id: 'ValueProjection' });

export const ExpectedValueQuerySchema = z
  .object({
    ...runPair,
    dimension: z.enum(MIGRATION_DIMENSIONS).default('tier'),
    /** Discount rate per run interval (0.1 = 10%). */
    discountRate: z.coerce.number().positive().max(10).default(0.1),
    /** Periods to sum over; absent: the infinite-horizon closed form (I − P/(1+d))⁻¹R. */
    horizon: z.coerce.number().int().min(1).max(600).optional(),
  })
  .strict();
export type ExpectedValueQuery = z.infer<typeof ExpectedValueQuerySchema>;

export const ExpectedValueSchema = z
  .object({
    migration: MigrationSchema,
    discountRate: z.number(),
    horizon: z.number().nullable(),
    /** The reward per state and period: the mean actual value (yuan) of the state's customers in `to`. */
    reward: z.array(z.number()),
    /** Expected present value per state (Pfeifer & Carraway), yuan. */
    value: z.array(z.number()),
  })
  .meta({ id: 'ValueExpectedValue' });

// --- breaches ------------------------------------------------------------------------------------

export const BREACH_RULES = ['visit_interval', 'dedicated_manager'] as const;
export type BreachRule = (typeof BREACH_RULES)[number];

export const BreachQuerySchema = z
  .object({ rule: z.enum(BREACH_RULES).optional(), limit: LimitSchema, cursor: CursorSchema })
  .strict();
export type BreachQuery = z.infer<typeof BreachQuerySchema>;

export const BreachSchema = z
  .object({
    ...customerRowShape,
    tier: z.enum(VALUE_TIERS),
    rule: z.enum(BREACH_RULES),
    /** The policy that set the strictest limit breached. */
    policyId: z.number(),
    targetKind: z.enum(POLICY_TARGETS),
    targetKey: z.string(),
    /** visit_interval: the policy's days; the days since the last visit (null: never visited). */
    limitDays: z.number().nullable(),
    days: z.number().nullable(),
    lastVisitOn: z.string().nullable(),
    /** e.g. "MVC not visited in 45 days; policy 30", in the caller's language. */
    message: z.string(),
    /** The open follow-up task for this breach, if any. */
    taskId: z.number().nullable(),
  })
  .meta({ id: 'ValueBreach' });
export type Breach = z.infer<typeof BreachSchema>;

export const BreachTasksResultSchema = z
  .object({ breaches: z.number(), created: z.number(), alreadyOpen: z.number() })
  .meta({ id: 'BreachTasksResult' });
export type BreachTasksResult = z.infer<typeof BreachTasksResultSchema>;
