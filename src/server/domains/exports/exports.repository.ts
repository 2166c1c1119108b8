import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { orderLines, products } from '../../../db/schema';

/** What an export reads besides the lists' own pages. */
export function createExportsRepository(db: Db) {
  return {
    /**
     * The lines of these orders (a page of the order list, so orders the caller may see), by order and
     * line number, with their product's code, name and unit; money as exact decimal strings.
     */
    async orderLines(workspaceId: number, orderIds: number[]) {
      if (!orderIds.length) return [];
      return db
        .select({
          orderId: orderLines.orderId,
          lineNo: orderLines.lineNo,
          productCode: products.code,
          productName: products.name,
          productUnit: products.unit,
          description: orderLines.description,
          quantity: orderLines.quantity,
          unitPrice: orderLines.unitPrice,
          unitCost: orderLines.unitCost,
          amount: orderLines.amount,
          cost: orderLines.cost,
        })
        .from(orderLines)
        .leftJoin(
          products,
          and(eq(products.workspaceId, orderLines.workspaceId), eq(products.id, orderLines.productId)),
        )
        .where(and(eq(orderLines.workspaceId, workspaceId), inArray(orderLines.orderId, orderIds)))
        .orderBy(asc(orderLines.orderId), asc(orderLines.lineNo));
    },
  };
}

export type ExportsRepository = ReturnType<typeof createExportsRepository>;
export type OrderLineRow = Awaited<ReturnType<ExportsRepository['orderLines']>>[number];
