import { z } from 'zod';
import { id, isoDate, money, optionalText, version } from '../common/fields';
import { CursorSchema, LimitSchema } from '../common/pagination';

export const ORDER_STATUSES = ['draft', 'confirmed', 'shipped', 'completed', 'cancelled'] as const;
export const ORDER_SOURCES = ['erp', 'manual', 'import'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_MSG = {
  quantity: 'kehu.invalid_quantity',
  lineItem: 'kehu.line_needs_item',
} as const;

/** A quantity as an exact decimal string: up to 11 digits and 3 decimals (numeric(14,3)); may be negative. */
export const quantity = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const s = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?\d{1,11}(?:\.\d{1,3})?$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: ORDER_MSG.quantity });
    return z.NEVER;
  }
  return s;
});

export const orderNo = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\p{L}\p{N}._/-]+$/u);

export const currency = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/)
  .transform((s) => s.toUpperCase());

export const OrderLineSchema = z
  .object({
    lineNo: z.number(),
    productId: z.number().nullable(),
    description: z.string().nullable(),
    quantity: z.string().describe('Exact decimal string, 3 decimals'),
    unitPrice: z.string(),
    unitCost: z.string().nullable(),
    amount: z.string().describe('quantity × unitPrice, rounded half-up to cents'),
    cost: z.string().nullable().describe('quantity × unitCost, rounded half-up to cents'),
    productCode: z.string().nullable().describe("The product's code now; null when the line has no product"),
    productName: z.string().nullable().describe("The product's name now; null when the line has no product"),
    productUnit: z.string().nullable().describe("The product's unit now; null when the line has no product"),
  })
  .meta({ id: 'OrderLine' });
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderSummarySchema = z
  .object({
    id: z.number(),
    orderNo: z.string(),
    customerId: z.number(),
    orderedAt: z.string().describe('Business date YYYY-MM-DD'),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    totalAmount: z.string().describe('Sum of the line amounts'),
    totalCost: z.string().nullable().describe('Sum of the line costs; null when a line has no cost'),
    source: z.enum(ORDER_SOURCES),
    notes: z.string().nullable(),
    deletedAt: z.date().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
    createdBy: z.number().nullable(),
  })
  .meta({ id: 'OrderSummary' });
export type OrderSummary = z.infer<typeof OrderSummarySchema>;

/** A list row: the order and the name and code of its customer. */
export const OrderListItemSchema = OrderSummarySchema.extend({
  customerName: z.string(),
  customerCode: z.string(),
}).meta({ id: 'OrderListItem' });
export type OrderListItem = z.infer<typeof OrderListItemSchema>;

export const OrderSchema = OrderSummarySchema.extend({ lines: z.array(OrderLineSchema) }).meta({
  id: 'Order',
});
export type Order = z.infer<typeof OrderSchema>;

export const OrderLineInputSchema = z
  .object({
    productId: id.nullish(),
    description: optionalText(500),
    quantity,
    unitPrice: money,
    unitCost: money.nullish().describe("Defaults to the product's standard cost"),
  })
  .strict()
  .refine((l) => l.productId != null || l.description != null, {
    path: ['description'],
    message: ORDER_MSG.lineItem,
  })
  .meta({ id: 'NewOrderLine' });
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

const lines = z.array(OrderLineInputSchema).min(1).max(500);

export const CreateOrderSchema = z
  .object({
    orderNo: orderNo.optional().describe('Given by the ERP; generated as SO{yyyyMMdd}{seq:4} when absent'),
    customerId: id,
    orderedAt: isoDate.describe('Business date YYYY-MM-DD'),
    status: z.enum(ORDER_STATUSES).default('confirmed'),
    currency: currency.default('CNY'),
    source: z.enum(ORDER_SOURCES).default('manual'),
    notes: optionalText(2000),
    lines,
  })
  .strict()
  .meta({ id: 'CreateOrder' });
export type CreateOrder = z.infer<typeof CreateOrderSchema>;

export const UpdateOrderSchema = z
  .object({
    orderNo: orderNo.optional(),
    orderedAt: isoDate.optional(),
    status: z.enum(ORDER_STATUSES).optional(),
    currency: currency.optional(),
    source: z.enum(ORDER_SOURCES).optional(),
    notes: optionalText(2000),
    lines: lines.optional().describe('When given, replaces every line; totals are recomputed'),
    version,
  })
  .strict()
  .meta({ id: 'UpdateOrder' });
export type UpdateOrder = z.infer<typeof UpdateOrderSchema>;

const csvStatuses = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ORDER_STATUSES)).max(5));

const listFilters = {
  status: csvStatuses.optional(),
  orderedFrom: isoDate.optional().describe('First order date, inclusive'),
  orderedTo: isoDate.optional().describe('Last order date, inclusive'),
  q: z.string().trim().max(50).optional().describe('Part of the order number'),
  limit: LimitSchema,
  cursor: CursorSchema,
};

export const OrderListQuerySchema = z.object({ ...listFilters, customerId: id.optional() }).strict();
export type OrderListQuery = z.infer<typeof OrderListQuerySchema>;

export const CustomerOrderListQuerySchema = z.object(listFilters).strict();

export const DeleteOrderQuerySchema = z
  .object({ version: z.coerce.number().int().positive().optional() })
  .strict();
