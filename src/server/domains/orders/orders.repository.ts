import { and, asc, eq, getTableColumns, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { numberedPage, selectPageAsJson } from '../../../db/json-rows';
import { type Param, queryText } from '../../../db/plan-cache';
import { customers, orderLines, orders, products } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type { MonthlyRevenue } from '../../../shared/customers/customer360.schema';
import type {
  OrderLine,
  OrderListItem,
  OrderListQuery,
  OrderSummary,
} from '../../../shared/orders/order.schema';
import { readCursor } from '../../cursor';
import { visibleCustomersSql } from '../customers/customers.access';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** The database, or the open transaction: inside one always pass it (PGlite is one connection). */
export type Conn = Pick<Db, 'select'>;

const { workspaceId: _ws, ...summaryColumns } = getTableColumns(orders);
const { workspaceId: _lw, orderId: _o, ...lineColumns } = getTableColumns(orderLines);
// A list page comes as one JSON value, which would turn numeric into inexact JSON numbers: the totals
// travel as text instead.
const { totalAmount: _ta, totalCost: _tc, ...pageColumns } = summaryColumns;

/** What a line stores, without the product's current code, name and unit (the audit log keeps this). */
export type StoredLine = Omit<OrderLine, 'productCode' | 'productName' | 'productUnit'>;

export type NewLine = Omit<typeof orderLines.$inferInsert, 'workspaceId' | 'orderId' | 'lineNo'>;

const liveOrder = (workspaceId: number) => and(eq(orders.workspaceId, workspaceId), isNull(orders.deletedAt));

/**
 * Newest first, as orders_date_idx and orders_customer_date_idx hold them (DESC NULLS LAST). A plain DESC
 * means NULLS FIRST, which those indexes cannot give even on NOT NULL columns: PostgreSQL then reads and
 * sorts every order of the workspace for one page.
 */
const newestFirst = [sql`${orders.orderedAt} desc nulls last`, sql`${orders.id} desc nulls last`];

export function createOrdersRepository(db: Db) {
  return {
    db,

    /** An order with its lines, deleted or not; undefined when not in the workspace. */
    async get(conn: Conn, workspaceId: number, id: number, forUpdate = false) {
      const q = conn
        .select(summaryColumns)
        .from(orders)
        .where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id)));
      const [row] = forUpdate ? await q.for('update') : await q;
      if (!row) return undefined;
      // Products are visible to everyone in the workspace: whoever may see the order may see their names.
      const lines: OrderLine[] = await conn
        .select({
          ...lineColumns,
          productCode: products.code,
          productName: products.name,
          productUnit: products.unit,
        })
        .from(orderLines)
        .leftJoin(
          products,
          and(eq(products.workspaceId, orderLines.workspaceId), eq(products.id, orderLines.productId)),
        )
        .where(and(eq(orderLines.workspaceId, workspaceId), eq(orderLines.orderId, id)))
        .orderBy(asc(orderLines.lineNo));
      return { ...(row as OrderSummary), lines };
    },

    async findByNo(conn: Conn, workspaceId: number, orderNo: string) {
      const [row] = await conn
        .select({ id: orders.id, orderNo: orders.orderNo, customerId: orders.customerId })
        .from(orders)
        .where(and(eq(orders.workspaceId, workspaceId), eq(orders.orderNo, orderNo)));
      return row;
    },

    async replaceLines(tx: Tx, workspaceId: number, orderId: number, lines: readonly NewLine[]) {
      await tx
        .delete(orderLines)
        .where(and(eq(orderLines.workspaceId, workspaceId), eq(orderLines.orderId, orderId)));
      if (lines.length) {
        await tx
          .insert(orderLines)
          .values(lines.map((line, i) => ({ ...line, workspaceId, orderId, lineNo: i + 1 })));
      }
    },

    /** Live orders of customers the actor may see, newest first: keyset on (ordered_at, id) descending. */
    async list(actor: Actor, query: OrderListQuery) {
      const conds: (SQL | undefined)[] = [liveOrder(actor.workspaceId), visibleCustomersSql(actor)];
      if (query.customerId !== undefined) conds.push(eq(orders.customerId, query.customerId));
      if (query.status?.length) conds.push(inArray(orders.status, query.status));
      if (query.orderedFrom) conds.push(gte(orders.orderedAt, query.orderedFrom));
      if (query.orderedTo) conds.push(lte(orders.orderedAt, query.orderedTo));
      if (query.q) {
        const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(sql`${orders.orderNo} ilike ${pattern}`);
      }
      if (query.cursor) {
        const values = readCursor(query.cursor, [/^\d{4}-\d{2}-\d{2}$/, 'id']);
        conds.push(
          sql`(${orders.orderedAt}, ${orders.id}) < (cast(${values[0]} as date), cast(${values[1]} as bigint))`,
        );
      }
      // One statement: the customer join the access filter needs anyway also names each row's customer.
      const limited = db
        .select({
          ...pageColumns,
          totalAmount: sql<string>`${orders.totalAmount}::text`.as('total_amount'),
          totalCost: sql<string>`${orders.totalCost}::text`.as('total_cost'),
          customerName: sql<string>`${customers.name}`.as('customer_name'),
          customerCode: sql<string>`${customers.code}`.as('customer_code'),
        })
        .from(orders)
        .innerJoin(
          customers,
          and(eq(customers.workspaceId, orders.workspaceId), eq(customers.id, orders.customerId)),
        )
        .where(and(...conds))
        .orderBy(...newestFirst)
        .limit(query.limit + 1);
      const page = numberedPage(limited, 'ordered_at desc, id desc');
      const rows = await selectPageAsJson(db, pageColumns, page, [
        'total_amount',
        'total_cost',
        'customer_name',
        'customer_code',
      ]);
      const items: OrderListItem[] = rows.map(
        ({ total_amount, total_cost, customer_name, customer_code, ...row }) =>
          ({
            ...row,
            totalAmount: total_amount,
            totalCost: total_cost as string | null,
            customerName: customer_name,
            customerCode: customer_code,
          }) as OrderListItem,
      );
      const more = items.length > query.limit;
      if (more) items.length = query.limit;
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor([last.orderedAt, last.id]) : null };
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;

export type OrderTotals = {
  /** Sum of total_amount over orders dated in (today − 12 months, today]. */
  last12Months: string;
  lifetime: string;
  lastOrderDate: string | null;
  orderCount: number;
};

/**
 * A customer's order totals for the 360 view as one JSON object (read it with `readOrderTotals`), summed
 * exactly in SQL numeric and handed over as text: live orders only (cancelled and deleted ones excluded).
 * `today` is the business date 'YYYY-MM-DD'. No access check: the caller has passed the customer gate.
 */
export function orderTotalsJson(
  workspaceId: Param<number>,
  customerId: Param<number>,
  today: Param<string>,
): SQL {
  const since = sql`(cast(${today} as date) - interval '12 months')::date`;
  return sql`(select json_build_object(
      'last12Months', coalesce(sum(o.total_amount) filter (where o.ordered_at > ${since}
        and o.ordered_at <= cast(${today} as date)), 0.00)::text,
      'lifetime', coalesce(sum(o.total_amount), 0.00)::text,
      'lastOrderDate', max(o.ordered_at)::text,
      'orderCount', count(*))
    from orders o
    where o.workspace_id = ${workspaceId} and o.deleted_at is null and o.customer_id = ${customerId}
      and o.status <> 'cancelled')`;
}

/** Revenue per month over the `months` months up to `today`'s, as one JSON array (see MonthlyRevenueSchema). */
export async function monthlyRevenueOfCustomer(
  conn: Pick<Db, 'execute'>,
  workspaceId: number,
  customerId: number,
  months: number,
  today: string,
): Promise<MonthlyRevenue['months']> {
  const first = sql`(date_trunc('month', cast(${today} as date)) - (cast(${months} as int) - 1) * interval '1 month')`;
  const json = await queryText(
    conn,
    sql`select coalesce(json_agg(json_build_object('month', to_char(m.month, 'YYYY-MM'),
          'amount', coalesce(s.amount, 0.00)::text, 'orders', coalesce(s.orders, 0)) order by m.month), '[]')::text
        from generate_series(${first}, date_trunc('month', cast(${today} as date)), interval '1 month') m(month)
        left join (
          select date_trunc('month', o.ordered_at) as month, sum(o.total_amount) as amount, count(*) as orders
            from orders o
           where o.workspace_id = ${workspaceId} and o.customer_id = ${customerId} and o.deleted_at is null
             and o.status <> 'cancelled' and o.ordered_at >= ${first} and o.ordered_at <= cast(${today} as date)
           group by 1) s on s.month = m.month`,
  );
  return JSON.parse(json ?? '[]');
}

export const readOrderTotals = (json: unknown): OrderTotals => {
  const t = json as OrderTotals;
  return {
    last12Months: t.last12Months,
    lifetime: t.lifetime,
    lastOrderDate: t.lastOrderDate,
    orderCount: Number(t.orderCount),
  };
};

export async function orderTotalsOfCustomer(
  conn: Pick<Db, 'execute'>,
  workspaceId: number,
  customerId: number,
  today: string,
): Promise<OrderTotals> {
  const json = await queryText(conn, sql`select ${orderTotalsJson(workspaceId, customerId, today)}::text`);
  return readOrderTotals(JSON.parse(json!));
}

/** A customer's latest orders (any status, not deleted), newest first, for the timeline; no access check. */
export async function recentOrdersOfCustomer(
  conn: Conn,
  workspaceId: number,
  customerId: number,
  limit: number,
): Promise<OrderSummary[]> {
  return (await conn
    .select(summaryColumns)
    .from(orders)
    .where(and(liveOrder(workspaceId), eq(orders.customerId, customerId)))
    .orderBy(...newestFirst)
    .limit(limit)) as OrderSummary[];
}
