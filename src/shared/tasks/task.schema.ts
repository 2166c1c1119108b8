/**
 * Follow-up tasks (待办): made by hand or by the value engine for a policy breach (source 'policy',
 * one open task per breach). One schema for the API, the OpenAPI document and the web forms.
 */
import { z } from 'zod';
import { id, isoDate, optionalText, text, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';

export const TASK_SOURCES = ['manual', 'policy', 'churn'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

export const TaskSchema = z
  .object({
    id: z.number(),
    title: z.string(),
    notes: z.string().nullable(),
    /** The business day it is due (workspace time zone). */
    dueOn: z.string(),
    assigneeId: z.number(),
    assigneeName: z.string(),
    customerId: z.number().nullable(),
    customerCode: z.string().nullable(),
    customerName: z.string().nullable(),
    source: z.enum(TASK_SOURCES),
    /** What made it (policy tasks: 'policy:<policyId>:<rule>:<customerId>'); null for a manual task. */
    sourceKey: z.string().nullable(),
    done: z.boolean(),
    doneAt: z.date().nullable(),
    doneBy: z.number().nullable(),
    /** Open and due before today in the workspace's time zone. */
    overdue: z.boolean(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    createdBy: z.number().nullable(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof TaskSchema>;

export const CreateTaskSchema = z
  .object({
    title: text(200),
    notes: optionalText(2000),
    dueOn: isoDate,
    /** Default: the caller. A manager may assign within their branch, an admin to anyone. */
    assigneeId: id.optional(),
    customerId: id.nullish(),
  })
  .strict()
  .meta({ id: 'CreateTask' });
export type CreateTask = z.infer<typeof CreateTaskSchema>;

export const UpdateTaskSchema = z
  .object({
    title: text(200).optional(),
    notes: optionalText(2000),
    dueOn: isoDate.optional(),
    assigneeId: id.optional(),
    customerId: id.nullish(),
    /** true marks it done (now, by the caller); false opens it again. */
    done: z.boolean().optional(),
    version,
  })
  .strict()
  .meta({ id: 'UpdateTask' });
export type UpdateTask = z.infer<typeof UpdateTaskSchema>;

export const TASK_STATUSES = ['open', 'done', 'all'] as const;

export const TaskListQuerySchema = z
  .object({
    status: z.enum(TASK_STATUSES).default('open'),
    /** 'me' or a user id; default: every task the caller may see. */
    assignee: z.union([z.literal('me'), id]).optional(),
    customerId: id.optional(),
    source: z.enum(TASK_SOURCES).optional(),
    /** Only tasks due on or before this day (e.g. today for "due now"). */
    dueBy: isoDate.optional(),
    limit: LimitSchema,
    cursor: CursorSchema,
  })
  .strict();
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const MyTasksQuerySchema = z.object({ limit: LimitSchema, cursor: CursorSchema }).strict();
export type MyTasksQuery = z.infer<typeof MyTasksQuerySchema>;

export const TaskDeleteQuerySchema = z.object({ version: z.coerce.number().int().positive() }).strict();
