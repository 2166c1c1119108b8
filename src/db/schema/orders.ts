import {
  bigint,
  boolean,
  char,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';
import { customers } from './customers';

export const products = pgTable(
  'products',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    category: text('category'),
    unit: text('unit').notNull(),
    listPrice: numeric('list_price', { precision: 14, scale: 2 }),
    standardCost: numeric('standard_cost', { precision: 14, scale: 2 }),
    active: boolean('active').notNull().default(true),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('products_code_uq').on(t.workspaceId, t.code),
    index('products_category_idx').on(t.workspaceId, t.category, t.id),
    index('products_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const orders = pgTable(
  'orders',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    orderNo: text('order_no').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    // A business date: the day the customer ordered, in the workspace's time zone.
    orderedAt: date('ordered_at', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['draft', 'confirmed', 'shipped', 'completed', 'cancelled'] }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    totalAmount: numeric('total_amount', { precision: 14, scale: 2 }).notNull(),
    totalCost: numeric('total_cost', { precision: 14, scale: 2 }),
    source: text('source', { enum: ['erp', 'manual', 'import'] })
      .notNull()
      .default('manual'),
    notes: text('notes'),
    deletedAt: tstz('deleted_at'),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('orders_no_uq').on(t.workspaceId, t.orderNo),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    index('orders_customer_date_idx').on(t.workspaceId, t.customerId, t.orderedAt.desc(), t.id.desc()),
    index('orders_date_idx').on(t.workspaceId, t.orderedAt.desc(), t.id.desc()),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    workspaceId: workspaceIdColumn(),
    orderId: bigint('order_id', { mode: 'number' }).notNull(),
    lineNo: integer('line_no').notNull(),
    productId: bigint('product_id', { mode: 'number' }),
    description: text('description'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 14, scale: 2 }).notNull(),
    unitCost: numeric('unit_cost', { precision: 14, scale: 2 }),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    cost: numeric('cost', { precision: 14, scale: 2 }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.orderId, t.lineNo] }),
    foreignKey({
      columns: [t.workspaceId, t.orderId],
      foreignColumns: [orders.workspaceId, orders.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.productId],
      foreignColumns: [products.workspaceId, products.id],
    }),
    index('order_lines_product_idx').on(t.workspaceId, t.productId),
  ],
);
