/**
 * The value engine's HTTP API (issue 5): settings, factor matrices, tier policies, classification runs,
 * a customer's value and history, lists, migration (Markov), projection and expected value per state.
 * Money from stored verdicts is an exact decimal string (yuan); money in a run's summary is integer cents.
 */
import { z } from 'zod';
import { id, isoDate, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';
import { ABC_CLASSES, VALUE_TIERS } from './value.contract';
import { matrixDefinitionSchema } from './value-matrix';
import { valueSettingsSchema } from './value-settings';

// --- settings ------------------------------------------------------------------------------------

export const ValueSettingsViewSchema = z
  .object({
    settings: valueSettingsSchema,
    /** 1 while the workspace runs on the defaults. */
    version: z.number(),
    updatedAt: z.date().nullable(),
    updatedBy: z.number().nullable(),
  })
  .meta({ id: 'ValueSettingsView' });
export type ValueSettingsView = z.infer<typeof ValueSettingsViewSchema>;

export const UpdateValueSettingsSchema = z
  .object({ settings: valueSettingsSchema, version })
  .strict()
  .meta({ id: 'UpdateValueSettings' });
export type UpdateValueSettings = z.infer<typeof UpdateValueSettingsSchema>;

// --- matrices ------------------------------------------------------------------------------------

export const ValueMatrixSchema = z
  .object({
    id: z.number(),
    key: z.string(),
    definition: matrixDefinitionSchema,
    /** Built-in matrices can be edited and switched off, never deleted. */
    builtin: z.boolean(),
    active: z.boolean(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ValueMatrix' });
export type ValueMatrix = z.infer<typeof ValueMatrixSchema>;

export const CreateValueMatrixSchema = z
  .object({ definition: matrixDefinitionSchema, active: z.boolean().default(true) })
  .strict()
  .meta({ id: 'CreateValueMatrix' });
export type CreateValueMatrix = z.infer<typeof CreateValueMatrixSchema>;

export const UpdateValueMatrixSchema = z
  .object({ definition: matrixDefinitionSchema.optional(), active: z.boolean().optional(), version })
  .strict()
  .meta({ id: 'UpdateValueMatrix' });
export type UpdateValueMatrix = z.infer<typeof UpdateValueMatrixSchema>;

// --- policies ------------------------------------------------------------------------------------

export const POLICY_TARGETS = ['tier', 'abc', 'segment', 'cell'] as const;
export const POLICY_STRATEGIES = ['retain', 'grow', 'cross_sell', 'maintain', 'reduce_cost', 'exit'] as const;

/** A discount share as a decimal string, 0–100 (percent), at most 2 decimals. */
const percent = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : v.trim();
  if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(s) || Number(s) > 100) {
    ctx.addIssue({ code: 'custom', message: 'kehu.invalid_percent' });
    return z.NEVER;
  }
  return s;
});

const policyFields = {
  /** tier: MVC/STC/BZ; abc: A/B/C; segment: an RFM segment key; cell: 'matrixKey:cellKey'. */
  targetKind: z.enum(POLICY_TARGETS),
  targetKey: z.string().trim().min(1).max(81),
  /** Visit at least every N days (null: not enforced). */
  visitIntervalDays: z.number().int().min(1).max(3650).nullable(),
  /** Answer service requests within N hours (null: not enforced). */
  responseHours: z.number().int().min(1).max(8760).nullable(),
  /** The customer must have an owner (a dedicated account manager). */
  dedicatedManager: z.boolean(),
  /** Largest discount allowed, percent (null: not enforced). */
  maxDiscount: percent.nullable(),
  strategy: z.enum(POLICY_STRATEGIES).nullable(),
  notesZh: z.string().trim().max(2000).nullable(),
  notesEn: z.string().trim().max(2000).nullable(),
};

export const ValuePolicySchema = z
  .object({
    id: z.number(),
    targetKind: z.enum(POLICY_TARGETS),
    targetKey: z.string(),
    visitIntervalDays: z.number().nullable(),
    responseHours: z.number().nullable(),
    dedicatedManager: z.boolean(),
    maxDiscount: z.string().nullable(),
    strategy: z.enum(POLICY_STRATEGIES).nullable(),
    notesZh: z.string().nullable(),
    notesEn: z.string().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ValuePolicy' });
export type ValuePolicy = z.infer<typeof ValuePolicySchema>;

export const CreateValuePolicySchema = z
  .object({
    ...policyFields,
    visitIntervalDays: policyFields.visitIntervalDays.default(null),
    responseHours: policyFields.responseHours.default(null),
    dedicatedManager: policyFields.dedicatedManager.default(false),
    maxDiscount: policyFields.maxDiscount.default(null),
    strategy: policyFields.strategy.default(null),
    notesZh: policyFields.notesZh.default(null),
    notesEn: policyFields.notesEn.default(null),
  })
  .strict()
  .meta({ id: 'CreateValuePolicy' });
export type CreateValuePolicy = z.infer<typeof CreateValuePolicySchema>;

export const UpdateValuePolicySchema = z
  .object({
    visitIntervalDays: policyFields.visitIntervalDays.optional(),
    responseHours: policyFields.responseHours.optional(),
    dedicatedManager: policyFields.dedicatedManager.optional(),
    maxDiscount: policyFields.maxDiscount.optional(),
    strategy: policyFields.strategy.optional(),
    notesZh: policyFields.notesZh.optional(),
    notesEn: policyFields.notesEn.optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateValuePolicy' });
export type UpdateValuePolicy = z.infer<typeof UpdateValuePolicySchema>;

export const VersionQuerySchema = z.object({ version: z.coerce.number().int().positive() }).strict();

// --- runs ----------------------------------------------------------------------------------------

const classSummary = z.object({ count: z.number(), valueCents: z.number(), share: z.number() });
const abcRecord = z.object({ A: classSummary, B: classSummary, C: classSummary });
const tierRecord = z.object({ MVC: classSummary, STC: classSummary, BZ: classSummary });

/** ClassificationSummary of value.contract.ts (money in integer cents). */
export const ClassificationSummarySchema = z
  .object({
    customers: z.number(),
    asOf: z.string(),
    basis: z.enum(['profit', 'revenue']),
    totalPositiveValueCents: z.number(),
    abc: abcRecord,
    segments: z.record(z.string(), classSummary),
    tiers: tierRecord,
    cells: z.record(z.string(), z.record(z.string(), classSummary)),
    warnings: z.array(z.object({ code: z.string(), count: z.number() })),
  })
  .meta({ id: 'ClassificationSummary' });

export const RUN_STATUSES = ['running', 'done', 'failed'] as const;
export const RUN_TRIGGERS = ['manual', 'schedule', 'import', 'cli'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export const ValueRunSchema = z
  .object({
    id: z.number(),
    status: z.enum(RUN_STATUSES),
    trigger: z.enum(RUN_TRIGGERS),
    asOf: z.string(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    startedBy: z.number().nullable(),
    customers: z.number(),
    error: z.string().nullable(),
    summary: ClassificationSummarySchema.nullable(),
  })
  .meta({ id: 'ValueRun' });
export type ValueRun = z.infer<typeof ValueRunSchema>;

export const StartValueRunSchema = z
  .object({
    /** The day judged as "today" (default: today in the workspace's time zone). */
    asOf: isoDate.optional(),
  })
  .strict()
  .meta({ id: 'StartValueRun' });

export const RunListQuerySchema = z.object({ limit: LimitSchema, cursor: CursorSchema }).strict();

// --- a customer's value --------------------------------------------------------------------------

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
    customerId: z.number(),
    code: z.string(),
    name: z.string(),
    ownerId: z.number().nullable(),
    ownerName: z.string().nullable(),
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
    customerId: z.number(),
    code: z.string(),
    name: z.string(),
    ownerId: z.number().nullable(),
    ownerName: z.string().nullable(),
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
