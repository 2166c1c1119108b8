import type { FieldError } from '../../../shared/common/problem';
import type { OrderLineInput } from '../../../shared/orders/order.schema';
import { priceLines } from '../../../shared/orders/order-totals';
import { validationError } from '../../errors';
import type { ProductsService } from '../products/products.service';
import type { Conn, NewLine } from './orders.repository';

export type ProductLookup = Pick<ProductsService, 'lookup'>;

export type PricedInput = { lines: NewLine[]; totalAmount: string; totalCost: string | null };

/**
 * Checks the lines' products (422 naming `lines.N.productId` for one not in the workspace), defaults
 * each unit cost from its product's standard cost, and prices the lines exactly.
 */
export async function priceOrderInput(
  conn: Conn,
  products: ProductLookup,
  workspaceId: number,
  input: readonly OrderLineInput[],
): Promise<PricedInput> {
  const ids = [...new Set(input.flatMap((l) => (l.productId == null ? [] : [l.productId])))];
  const found = new Map((await products.lookup(conn, workspaceId, ids)).map((p) => [p.id, p]));
  const errors: FieldError[] = [];
  const withCosts = input.map((line, i) => {
    const product = line.productId == null ? undefined : found.get(line.productId);
    if (line.productId != null && !product) {
      errors.push({ field: `lines.${i}.productId`, message: 'kehu.unknown_product' });
    }
    return { ...line, unitCost: line.unitCost ?? product?.standardCost ?? null };
  });
  if (errors.length) throw validationError(errors);
  const priced = priceLines(withCosts);
  if (priced.outOfRange.length) {
    throw validationError(priced.outOfRange.map((field) => ({ field, message: 'kehu.amount_out_of_range' })));
  }
  return {
    lines: withCosts.map((line, i) => ({
      productId: line.productId ?? null,
      description: line.description ?? null,
      quantity: line.quantity,
      unitPrice: line.unitPrice,
      unitCost: line.unitCost,
      amount: priced.lines[i]!.amount,
      cost: priced.lines[i]!.cost,
    })),
    totalAmount: priced.totalAmount,
    totalCost: priced.totalCost,
  };
}
