/**
 * The churn early warning and the lifetime-value models in the API (issue 6): the at-risk and win-back
 * lists of the latest run, the follow-up tasks they open, and the run's fitted models.
 */
import { z } from 'zod';
import { customerRowShape } from '../common/customer-row';
import { CursorSchema, LimitSchema } from '../common/pagination';
import { WIN_BACK_ACTIONS } from './churn/churn-lists';
import { FIT_WARNING_CODES } from './clv/fit-warnings';
import { ABC_CLASSES, VALUE_TIERS } from './value.contract';

/** at_risk: churn risk at or above the threshold, MVCs first; win_back: dormant customers of high past value. */
export const CHURN_LISTS = ['at_risk', 'win_back'] as const;
export type ChurnListKind = (typeof CHURN_LISTS)[number];

export const ChurnListQuerySchema = z
  .object({
    list: z.enum(CHURN_LISTS),
    /** Only the customers of this owner. */
    ownerId: z.coerce.number().int().positive().optional(),
    limit: LimitSchema,
    cursor: CursorSchema,
  })
  .strict();
export type ChurnListQuery = z.infer<typeof ChurnListQuerySchema>;

const reason = z.object({ code: z.string(), text: z.string() });

export const ChurnListItemSchema = z
  .object({
    ...customerRowShape,
    tier: z.enum(VALUE_TIERS),
    abc: z.enum(ABC_CLASSES),
    churnRisk: z.number().nullable(),
    pAlive: z.number().nullable(),
    clv: z.string().nullable(),
    actualValue: z.string(),
    /** Lifetime value on the ABC basis (profit or revenue). */
    basisValue: z.string(),
    daysSinceLastOrder: z.number().nullable(),
    reasons: z.array(reason),
    /** Win-back: what to do, in the caller's language. */
    action: z.object({ key: z.enum(WIN_BACK_ACTIONS), text: z.string() }).nullable(),
    /** The open follow-up task for this customer and list, if any. */
    taskId: z.number().nullable(),
  })
  .meta({ id: 'ChurnListItem' });
export type ChurnListItem = z.infer<typeof ChurnListItemSchema>;

export const ChurnTasksBodySchema = z.object({ list: z.enum(CHURN_LISTS) }).strict();
export const ChurnTasksResultSchema = z
  .object({ listed: z.number(), created: z.number(), alreadyOpen: z.number() })
  .meta({ id: 'ChurnTasksResult' });
export type ChurnTasksResult = z.infer<typeof ChurnTasksResultSchema>;

const se = z.record(z.string(), z.number().nullable());

export const FitWarningSchema = z.object({
  model: z.enum(['bgnbd', 'gamma_gamma']),
  code: z.enum(FIT_WARNING_CODES),
  withheld: z.boolean(),
  value: z.number().optional(),
});

/** What a run stored of its models (value_runs.model). */
export const RunModelSchema = z
  .object({
    period: z.enum(['day', 'week', 'month']),
    horizonPeriods: z.number(),
    annualDiscountRate: z.number(),
    basis: z.enum(['profit', 'revenue']),
    /** Customers with an order (scored), and those the models were fitted on. */
    customers: z.number(),
    fittedOn: z.number(),
    bgnbd: z
      .object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), ll: z.number(), se })
      .nullable(),
    gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number(), ll: z.number(), se }).nullable(),
    warnings: z.array(FitWarningSchema),
    fitMs: z.number(),
    scoreMs: z.number(),
  })
  .meta({ id: 'RunModel' });
export type RunModel = z.infer<typeof RunModelSchema>;

/**
 * A model check (issue 6 items 3 and 5): the models refitted on the history up to a past day (the
 * calibration end), then compared with what happened up to the run's day (the holdout).
 */
export const ModelCheckSchema = z
  .object({
    calibrationEnd: z.string(),
    holdoutEnd: z.string(),
    period: z.enum(['day', 'week', 'month']),
    /** The holdout's length in periods. */
    holdoutPeriods: z.number(),
    checkedAt: z.string(),
    model: RunModelSchema,
    /** Mean repeat purchases per customer in the holdout, by calibration repeats 0 … 6, 7+. */
    calibrationVsHoldout: z
      .array(z.object({ label: z.string(), customers: z.number(), actual: z.number(), expected: z.number() }))
      .nullable(),
    /** Cumulative repeat purchases per period, actual and expected; the first calibrationPeriods are calibration. */
    tracking: z
      .object({
        periodEnds: z.array(z.string()),
        actual: z.array(z.number()),
        expected: z.array(z.number()),
        calibrationPeriods: z.number(),
      })
      .nullable(),
    /** Area under the ROC curve of the churn risk for "no purchase in the holdout"; null when undefined. */
    churnAuc: z.number().nullable(),
    /** Customers scored at the calibration end, and those of them who bought nothing in the holdout. */
    scored: z.number(),
    churned: z.number(),
  })
  .meta({ id: 'ModelCheck' });
export type ModelCheck = z.infer<typeof ModelCheckSchema>;

export const ValueModelSchema = z
  .object({
    /** The latest finished run; null before the first. */
    runId: z.number().nullable(),
    asOf: z.string().nullable(),
    /** null: no run yet, or the run fitted no model (made before the models existed). */
    model: RunModelSchema.nullable(),
    /** The warnings in the caller's language. */
    warnings: z.array(z.string()),
    /** The latest model check of the run, if one was made. */
    check: ModelCheckSchema.nullable(),
  })
  .meta({ id: 'ValueModel' });
export type ValueModel = z.infer<typeof ValueModelSchema>;
