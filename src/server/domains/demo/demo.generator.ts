/**
 * The deterministic demo data set: pure, streaming (one customer in memory at a time), O(n).
 * Same options → the same rows, in the same order, on every run and platform.
 */
import { PRODUCTS } from './demo.catalog-products';
import {
  type ActivityBundle,
  type ContactRow,
  type CustomerBundle,
  createGeneratorContext,
  type DemoCounts,
  type DemoOptions,
  type GeneratorContext,
  type OrderBundle,
  type ProductRow,
} from './demo.context';
import { centsToMoney, yuanToCents } from './demo.format';
import { generateActivities } from './demo.generator-activities';
import { generateContacts } from './demo.generator-contacts';
import { generateCustomers } from './demo.generator-customers';
import { generateOrders } from './demo.generator-orders';

export type * from './demo.context';
export type { DemoOrg, DemoUser } from './demo.plan';

export function* generateProducts(ctx: GeneratorContext): Generator<ProductRow> {
  const createdAt = new Date(ctx.now.getTime() - 1000 * 86_400_000);
  for (const [i, p] of PRODUCTS.entries()) {
    yield {
      workspaceId: ctx.org.workspaceId,
      id: ctx.idBase.products + i + 1,
      code: p.code,
      name: p.name,
      category: p.category,
      unit: p.unit,
      listPrice: centsToMoney(yuanToCents(p.listPrice)),
      standardCost: centsToMoney(yuanToCents(p.standardCost)),
      active: true,
      createdAt,
      updatedAt: createdAt,
    };
  }
}

export type DemoGenerator = {
  counts: DemoCounts;
  context: GeneratorContext;
  products(): Iterable<ProductRow>;
  /** `codeCounters`, when given, receives the customer-code counter per period (for code_sequences). */
  customers(codeCounters?: Map<string, number>): Iterable<CustomerBundle>;
  contacts(): Iterable<ContactRow>;
  /** `noCounters`, when given, receives the order-number counter per period (for code_sequences). */
  orders(noCounters?: Map<string, number>): Iterable<OrderBundle>;
  activities(): Iterable<ActivityBundle>;
};

/** Each method starts a fresh, identical stream; nothing is generated until it is iterated. */
export function createDemoGenerator(options: DemoOptions): DemoGenerator {
  const ctx = createGeneratorContext(options);
  return {
    counts: ctx.counts,
    context: ctx,
    products: () => generateProducts(ctx),
    customers: (codeCounters) => generateCustomers(ctx, codeCounters),
    contacts: () => generateContacts(ctx),
    orders: (noCounters) => generateOrders(ctx, noCounters),
    activities: () => generateActivities(ctx),
  };
}
