/**
 * The value engine's HTTP API (issue 5): settings, factor matrices, tier policies, classification runs,
 * a customer's value and history, lists, migration (Markov), projection and expected value per state.
 * Money from stored verdicts is an exact decimal string (yuan); money in a run's summary is integer cents.
 * The read side (a customer's value, lists, migration, breaches) is in value-read-api.schema.ts.
 */
import { z } from 'zod';
import { isoDate, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';
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
