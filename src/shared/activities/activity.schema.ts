import { z } from 'zod';
import { id, isoDate, isoDateTime, optionalText, text, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';

export const ACTIVITY_TYPES = [
  'visit',
  'call',
  'email',
  'letter',
  'meeting',
  'web',
  'wechat',
  'note',
] as const;
export const DIRECTIONS = ['inbound', 'outbound'] as const;

export const ONE_LINE_MESSAGE = 'kehu.one_line';

export const ActivitySchema = z
  .object({
    id: z.number(),
    customerId: z.number(),
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(DIRECTIONS).nullable(),
    subject: z.string(),
    body: z.string().nullable(),
    outcome: z.string().nullable(),
    occurredAt: z.date(),
    durationMinutes: z.number().nullable(),
    nextFollowUpOn: z.string().nullable().describe('YYYY-MM-DD'),
    authorId: z.number(),
    contactIds: z.array(z.number()),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    createdBy: z.number().nullable(),
    deletedAt: z.date().nullable(),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

/** A list row: the activity and the name and code of its customer. */
export const ActivityListItemSchema = ActivitySchema.extend({
  customerName: z.string(),
  customerCode: z.string(),
}).meta({
  id: 'ActivityListItem',
});

const editable = {
  type: z.enum(ACTIVITY_TYPES),
  direction: z.enum(DIRECTIONS).nullish(),
  subject: text(200).regex(/^[^\r\n]*$/, { message: ONE_LINE_MESSAGE }),
  body: optionalText(50_000),
  outcome: optionalText(2000),
  occurredAt: isoDateTime.describe('ISO 8601 with offset, e.g. 2025-03-01T09:30:00+08:00'),
  durationMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .nullish(),
  nextFollowUpOn: isoDate.nullish(),
  contactIds: z.array(id).max(50).describe('Contacts of the same customer who took part'),
};

export const CreateActivitySchema = z
  .object({
    ...editable,
    customerId: id,
    occurredAt: editable.occurredAt.optional().describe('Default: now'),
    contactIds: editable.contactIds.default([]),
  })
  .strict()
  .meta({ id: 'CreateActivity' });
export type CreateActivity = z.infer<typeof CreateActivitySchema>;

export const UpdateActivitySchema = z
  .object({ ...z.object(editable).partial().shape, version })
  .strict()
  .meta({ id: 'UpdateActivity' });
export type UpdateActivity = z.infer<typeof UpdateActivitySchema>;

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));

const listFilters = {
  type: csv(z.enum(ACTIVITY_TYPES)).optional().describe('Comma-separated types'),
  authorId: z.union([z.literal('me'), id]).optional(),
  contactId: id.optional().describe('Only touches this contact took part in'),
  occurredFrom: isoDateTime.optional(),
  occurredTo: isoDateTime.optional(),
  followUpFrom: isoDate.optional(),
  followUpTo: isoDate.optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
};

/** Touches of one customer (`GET /customers/:id/activities`), newest first. */
export const CustomerActivitiesQuerySchema = z.object(listFilters).strict();

/** Touches on every customer the user may see (`GET /activities`), newest first. */
export const ActivityListQuerySchema = z.object({ ...listFilters, customerId: id.optional() }).strict();
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

export const ActivityDeleteQuerySchema = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();
