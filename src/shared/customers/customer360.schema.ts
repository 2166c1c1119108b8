import { z } from 'zod';
import { CursorSchema } from '../common/pagination';
import { ContactSchema } from '../contacts/contact.schema';
import { CustomerSchema } from './customer.schema';

export const TIMELINE_KINDS = ['activity', 'order'] as const;

/** One touch or deal on a customer's timeline; activities and orders (later opportunities, tickets) merged. */
export const TimelineEntrySchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS),
    id: z.number(),
    at: z.date(),
    /** Activity type (visit, call …) or order status. */
    subtype: z.string(),
    /** Activity subject or order number. */
    title: z.string(),
    detail: z.string().nullable(),
    /** Order total, exact decimal string. */
    amount: z.string().nullable(),
    currency: z.string().nullable(),
    userId: z.number().nullable(),
    followUpOn: z.string().nullable(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineQuerySchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    cursor: CursorSchema,
  })
  .strict();
export type TimelineQuery = z.infer<typeof TimelineQuerySchema>;

/** A customer's revenue per calendar month (its time zone's), oldest first, months without orders as 0. */
export const MonthlyRevenueSchema = z
  .object({
    months: z.array(
      z.object({
        month: z.string().describe('YYYY-MM'),
        /** Exact decimal string, cancelled orders left out. */
        amount: z.string(),
        orders: z.number(),
      }),
    ),
  })
  .meta({ id: 'MonthlyRevenue' });
export type MonthlyRevenue = z.infer<typeof MonthlyRevenueSchema>;

export const MonthlyRevenueQuerySchema = z
  .object({ months: z.coerce.number().int().min(1).max(60).default(24) })
  .strict();

export const OrderTotalsSchema = z
  .object({
    last12Months: z.string(),
    lifetime: z.string(),
    lastOrderDate: z.string().nullable(),
    orderCount: z.number(),
  })
  .meta({ id: 'OrderTotals' });

export const Customer360Schema = z
  .object({
    profile: CustomerSchema,
    contacts: z.array(ContactSchema),
    timeline: z.array(TimelineEntrySchema),
    orderTotals: OrderTotalsSchema,
    openItems: z.object({
      openOrders: z.number().describe('Orders in draft, confirmed or shipped'),
      followUps: z.number().describe('Touches with a follow-up due today or later'),
      overdueFollowUps: z.number().describe('Follow-up dates that have passed with no later touch'),
    }),
  })
  .meta({ id: 'Customer360' });
