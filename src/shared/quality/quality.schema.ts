import { z } from 'zod';
import { customerRowShape } from '../common/customer-row';
import { id, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';
import { isRequiredFieldName, MAX_STALE_DAYS, type RequiredField } from './quality-fields';
import { DUPLICATE_REASONS } from './quality-score';

// Validation messages carried as keys, translated by the server (src/server/plugins/validation-messages.ts).
export const QUALITY_MSG = {
  unknownField: 'kehu.unknown_quality_field',
  duplicateField: 'kehu.duplicate_quality_field',
} as const;

const requiredField = z
  .string()
  .trim()
  .max(60)
  .refine(isRequiredFieldName, { message: QUALITY_MSG.unknownField })
  .transform((f) => f as RequiredField);

export const QualitySettingsSchema = z
  .object({
    requiredFields: z.array(z.string()),
    staleDays: z.number().int(),
    version: z.number(),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'QualitySettings' });
export type QualitySettings = Omit<z.infer<typeof QualitySettingsSchema>, 'requiredFields'> & {
  requiredFields: RequiredField[];
};

export const UpdateQualitySettingsSchema = z
  .object({
    requiredFields: z
      .array(requiredField)
      .max(40)
      .superRefine((fields, ctx) => {
        fields.forEach((f, i) => {
          if (fields.indexOf(f) !== i)
            ctx.addIssue({ code: 'custom', path: [i], message: QUALITY_MSG.duplicateField });
        });
      })
      .optional(),
    staleDays: z.number().int().min(1).max(MAX_STALE_DAYS).optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateQualitySettings' });
export type UpdateQualitySettings = z.infer<typeof UpdateQualitySettingsSchema>;

const problem = z.enum(['incomplete', 'stale', 'duplicate']);
const duplicateReason = z.enum(DUPLICATE_REASONS);

export const CustomerQualitySchema = z
  .object({
    customerId: z.number(),
    required: z.number(),
    filled: z.number(),
    /** filled / required, between 0 and 1 (1 when nothing is required). */
    completeness: z.number(),
    missing: z.array(z.string()),
    stale: z.boolean(),
    staleDays: z.number(),
    /** The day of the latest activity or order in the workspace's time zone; null when never touched. */
    lastTouchDay: z.string().nullable(),
    daysSinceTouch: z.number(),
    duplicate: z.boolean(),
    /** What this customer shares with another customer of the workspace (never which one). */
    duplicateReasons: z.array(duplicateReason),
    problems: z.array(problem),
  })
  .meta({ id: 'CustomerQuality' });

/** owner: the customer's owner; team: the owner's team; branch: the customer's branch. */
export const QUALITY_GROUPS = ['owner', 'team', 'branch'] as const;
export type QualityGroupBy = (typeof QUALITY_GROUPS)[number];

export const QualitySummaryQuerySchema = z.object({ groupBy: z.enum(QUALITY_GROUPS).default('owner') });

const figures = {
  customers: z.number(),
  /** Average completeness of the group's customers, in percent (one decimal). */
  completeness: z.number(),
  /** Customers with every required field filled. */
  complete: z.number(),
  duplicates: z.number(),
  stale: z.number(),
  /** duplicates / customers and stale / customers, in percent (one decimal). */
  duplicateRate: z.number(),
  staleRate: z.number(),
};

export const QualitySummarySchema = z
  .object({
    groupBy: z.enum(QUALITY_GROUPS),
    requiredFields: z.array(z.string()),
    staleDays: z.number(),
    /** Every customer the caller may see. */
    total: z.object(figures),
    /** One row per owner, team or branch; id and name null for customers without one. */
    groups: z.array(z.object({ id: z.number().nullable(), name: z.string().nullable(), ...figures })),
  })
  .meta({ id: 'QualitySummary' });
export type QualitySummary = z.infer<typeof QualitySummarySchema>;

export const QualityIssuesQuerySchema = z.object({
  /** Only customers with this problem; all problems by default. */
  kind: problem.optional(),
  /** Only this owner's customers. */
  owner: id.optional(),
  cursor: CursorSchema,
  limit: LimitSchema,
});
export type QualityIssuesQuery = z.infer<typeof QualityIssuesQuerySchema>;

export const QualityIssueSchema = z
  .object({
    ...customerRowShape,
    completeness: z.number(),
    missing: z.array(z.string()),
    stale: z.boolean(),
    duplicate: z.boolean(),
    problems: z.array(problem),
  })
  .meta({ id: 'QualityIssue' });
export type QualityIssue = z.infer<typeof QualityIssueSchema>;
