import { and, eq, sql } from 'drizzle-orm';
import { nextCodeSequence } from '../../../db/code-sequences';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { orders } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import type { CreateOrder, OrderListQuery, UpdateOrder } from '../../../shared/orders/order.schema';
import { orderNoRule } from '../../../shared/orders/order-number';
import { notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import { orderErrors } from './orders.errors';
import { type ProductLookup, priceOrderInput } from './orders.pricing';
import type { OrdersRepository, StoredLine, Tx } from './orders.repository';

type ReadOrder = NonNullable<Awaited<ReturnType<OrdersRepository['get']>>>;

/**
 * The order as stored, for the audit log: without its products' current code, name and unit, which
 * belong to the products (renaming a product changes no order).
 */
const stored = (o: ReadOrder | undefined) =>
  o && {
    ...o,
    lines: o.lines.map(({ productCode: _c, productName: _n, productUnit: _u, ...line }): StoredLine => line),
  };

/**
 * Orders hang off customers and inherit their access through the customer gate: admin all, manager
 * their branch, sales their own and their account teams', service and analyst read only. An order the
 * actor may not see answers 404 exactly like one that does not exist. Delete is soft (deleted_at):
 * the order leaves lists and totals; its history stays in the audit log.
 */
export function createOrdersService(repo: OrdersRepository, gate: CustomerGateApi, products: ProductLookup) {
  const db = repo.db;

  async function duplicateNo(actor: Actor, orderNo: string) {
    const existing = await repo.findByNo(db, actor.workspaceId, orderNo);
    const visible = existing ? await gate.load(actor, existing.customerId) : null;
    // Point at the holder of the number only for someone who may see it.
    return orderErrors.error(
      'duplicate_order_no',
      { orderNo },
      visible && visible.access !== 'none' ? { existing } : {},
    );
  }

  async function unlessDuplicate<T>(actor: Actor, orderNo: string | undefined, work: () => Promise<T>) {
    try {
      return await work();
    } catch (err) {
      if (orderNo && pgErrorCode(err) === UNIQUE_VIOLATION) throw await duplicateNo(actor, orderNo);
      throw err;
    }
  }

  async function generateNo(tx: Tx, workspaceId: number, orderedAt: string): Promise<string> {
    const parts = orderNoRule(orderedAt);
    // Skip numbers already taken by ERP numbers of the same shape.
    for (;;) {
      const no = parts.format(await nextCodeSequence(tx, workspaceId, 'order', parts.period));
      if (!(await repo.findByNo(tx, workspaceId, no))) return no;
    }
  }

  /** The order and the actor's standing on its customer; 404 when either is out of sight. */
  async function visibleOrder(actor: Actor, id: number, need: 'read' | 'order') {
    const order = await repo.get(db, actor.workspaceId, id);
    if (!order) throw notFound();
    const customer = await gate.require(actor, order.customerId, need);
    if (need === 'order' && customer.deleted) throw orderErrors.error('order_customer_deleted');
    return order;
  }

  async function lockLive(tx: Tx, actor: Actor, id: number, expectedVersion: number | undefined) {
    const before = await repo.get(tx, actor.workspaceId, id, true);
    if (!before) throw notFound();
    if (before.deletedAt) throw orderErrors.error('order_deleted');
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw versionConflict(before.version);
    }
    return before;
  }

  return {
    list: (actor: Actor, query: OrderListQuery) => repo.list(actor, query),

    async listOfCustomer(actor: Actor, customerId: number, query: Omit<OrderListQuery, 'customerId'>) {
      await gate.require(actor, customerId, 'read');
      return repo.list(actor, { ...query, customerId });
    },

    get: (actor: Actor, id: number) => visibleOrder(actor, id, 'read'),

    async create(actor: Actor, input: CreateOrder) {
      const customer = await gate.require(actor, input.customerId, 'order');
      if (customer.deleted) throw orderErrors.error('order_customer_deleted');
      if (input.orderNo && (await repo.findByNo(db, actor.workspaceId, input.orderNo))) {
        throw await duplicateNo(actor, input.orderNo);
      }
      return unlessDuplicate(actor, input.orderNo, () =>
        db.transaction(async (tx) => {
          const priced = await priceOrderInput(tx, products, actor.workspaceId, input.lines);
          const orderNo = input.orderNo ?? (await generateNo(tx, actor.workspaceId, input.orderedAt));
          const { lines: _lines, ...fields } = input;
          const [row] = await tx
            .insert(orders)
            .values({
              ...fields,
              orderNo,
              totalAmount: priced.totalAmount,
              totalCost: priced.totalCost,
              workspaceId: actor.workspaceId,
              createdBy: actor.userId,
            })
            .returning({ id: orders.id });
          const id = row!.id;
          await repo.replaceLines(tx, actor.workspaceId, id, priced.lines);
          const after = await repo.get(tx, actor.workspaceId, id);
          await recordAudit(tx, actor, {
            entity: 'order',
            entityId: id,
            action: 'create',
            after: stored(after),
          });
          return after!;
        }),
      );
    },

    async update(actor: Actor, id: number, input: UpdateOrder) {
      const current = await visibleOrder(actor, id, 'order');
      const { version, lines, ...fields } = input;
      if (fields.orderNo && fields.orderNo !== current.orderNo) {
        if (await repo.findByNo(db, actor.workspaceId, fields.orderNo)) {
          throw await duplicateNo(actor, fields.orderNo);
        }
      }
      return unlessDuplicate(actor, fields.orderNo, () =>
        db.transaction(async (tx) => {
          const before = await lockLive(tx, actor, id, version);
          const priced = lines ? await priceOrderInput(tx, products, actor.workspaceId, lines) : null;
          const updated = await tx
            .update(orders)
            .set({
              ...fields,
              ...(priced ? { totalAmount: priced.totalAmount, totalCost: priced.totalCost } : {}),
              version: sql`${orders.version} + 1`,
              updatedAt: new Date(),
            })
            .where(
              and(eq(orders.workspaceId, actor.workspaceId), eq(orders.id, id), eq(orders.version, version)),
            )
            .returning({ id: orders.id });
          if (!updated.length) throw versionConflict();
          if (priced) await repo.replaceLines(tx, actor.workspaceId, id, priced.lines);
          const after = await repo.get(tx, actor.workspaceId, id);
          await recordAudit(tx, actor, {
            entity: 'order',
            entityId: id,
            action: 'update',
            before: stored(before),
            after: stored(after),
          });
          return after!;
        }),
      );
    },

    /** Soft delete: sets deleted_at; the order leaves lists and customer totals. */
    async remove(actor: Actor, id: number, expectedVersion?: number) {
      await visibleOrder(actor, id, 'order');
      await db.transaction(async (tx) => {
        const before = await lockLive(tx, actor, id, expectedVersion);
        await tx
          .update(orders)
          .set({ deletedAt: new Date(), version: sql`${orders.version} + 1`, updatedAt: new Date() })
          .where(and(eq(orders.workspaceId, actor.workspaceId), eq(orders.id, id)));
        const after = await repo.get(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, {
          entity: 'order',
          entityId: id,
          action: 'delete',
          before: stored(before),
          after: stored(after),
        });
      });
    },
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
