/**
 * Options, row types and the per-customer walk shared by the demo generators.
 */
import type {
  activities,
  activityContacts,
  contacts,
  customerBudgets,
  customers,
  customerTeamMembers,
  orderLines,
  orders,
  products,
} from '../../../db/schema';
import { PRODUCTS } from './demo.catalog-products';
import { shanghaiDay } from './demo.format';
import {
  activityWeight,
  type CustomerCore,
  contactWeight,
  customerCore,
  type DemoOrg,
  orderWeight,
  type PlanContext,
  planContext,
} from './demo.plan';
import { proportionalAllocator } from './demo.random';

export type ProductRow = typeof products.$inferInsert & { id: number };
export type CustomerRow = typeof customers.$inferInsert & { id: number };
export type CustomerBudgetRow = typeof customerBudgets.$inferInsert;
export type CustomerTeamMemberRow = typeof customerTeamMembers.$inferInsert;
export type ContactRow = typeof contacts.$inferInsert & { id: number };
export type OrderRow = typeof orders.$inferInsert & { id: number };
export type OrderLineRow = typeof orderLines.$inferInsert;
export type ActivityRow = typeof activities.$inferInsert & { id: number };
export type ActivityContactRow = typeof activityContacts.$inferInsert;

export type CustomerBundle = {
  customer: CustomerRow;
  budgets: CustomerBudgetRow[];
  team: CustomerTeamMemberRow[];
};
export type OrderBundle = { order: OrderRow; lines: OrderLineRow[] };
export type ActivityBundle = { activity: ActivityRow; contacts: ActivityContactRow[] };

export type IdTable = 'products' | 'customers' | 'contacts' | 'orders' | 'activities';

export type DemoOptions = {
  customers: number;
  /** Default 3 per customer. */
  contacts?: number;
  /** Default 10 per customer. */
  orders?: number;
  /** Default 10 per customer. */
  activities?: number;
  seed: number;
  /** The end of the order and activity history; pass a fixed date for reproducible data. */
  now: Date;
  org: DemoOrg;
  /** Generated ids are base+1, base+2, …; the loader passes the table's current maximum. */
  idBase?: Partial<Record<IdTable, number>>;
  /** The workspace's customer code rule. */
  codeRule?: string;
};

export type DemoCounts = Record<IdTable, number>;

/** Everything one customer contributes, with the id ranges of its children. */
export type CustomerPlan = {
  core: CustomerCore;
  id: number;
  contactFirstId: number;
  contactCount: number;
  orderFirstId: number;
  orderCount: number;
  activityFirstId: number;
  activityCount: number;
};

export type GeneratorContext = PlanContext & {
  options: DemoOptions;
  counts: DemoCounts;
  idBase: Record<IdTable, number>;
  now: Date;
  codeRule: string;
  sums: { contacts: number; orders: number; activities: number };
};

function positiveInt(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

/** The row counts a set of options produces (children of orders and activities vary). */
export function demoCounts(
  options: Pick<DemoOptions, 'customers' | 'contacts' | 'orders' | 'activities'>,
): DemoCounts {
  const n = positiveInt('customers', options.customers);
  return {
    products: PRODUCTS.length,
    customers: n,
    contacts: positiveInt('contacts', options.contacts ?? n * 3),
    orders: positiveInt('orders', options.orders ?? n * 10),
    activities: positiveInt('activities', options.activities ?? n * 10),
  };
}

export function createGeneratorContext(options: DemoOptions): GeneratorContext {
  const counts = demoCounts(options);
  const n = counts.customers;
  const today = shanghaiDay(options.now);
  const plan = planContext(options.seed >>> 0, n, today, options.org);
  const sums = { contacts: 0, orders: 0, activities: 0 };
  for (let i = 0; i < n; i++) {
    const core = customerCore(plan, i);
    sums.contacts += contactWeight(core);
    sums.orders += orderWeight(core);
    sums.activities += activityWeight(core);
  }
  const base = options.idBase ?? {};
  return {
    ...plan,
    options,
    counts,
    now: options.now,
    codeRule: options.codeRule ?? 'C{yyyy}{seq:6}',
    idBase: {
      products: base.products ?? 0,
      customers: base.customers ?? 0,
      contacts: base.contacts ?? 0,
      orders: base.orders ?? 0,
      activities: base.activities ?? 0,
    },
    sums,
  };
}

/** Walks the customers in order, splitting the contact, order and activity totals exactly. */
export function* customerPlans(ctx: GeneratorContext): Generator<CustomerPlan> {
  const n = ctx.customers;
  const perCustomerContacts = ctx.counts.contacts >= n ? 1 : 0;
  const contactAlloc = proportionalAllocator(
    ctx.counts.contacts - perCustomerContacts * n,
    ctx.sums.contacts,
  );
  const orderAlloc = proportionalAllocator(ctx.counts.orders, ctx.sums.orders);
  const activityAlloc = proportionalAllocator(ctx.counts.activities, ctx.sums.activities);
  let contactId = ctx.idBase.contacts + 1;
  let orderId = ctx.idBase.orders + 1;
  let activityId = ctx.idBase.activities + 1;
  for (let i = 0; i < n; i++) {
    const core = customerCore(ctx, i);
    const last = i === n - 1;
    const contactCount =
      perCustomerContacts + contactAlloc.take(contactWeight(core)) + (last ? contactAlloc.remainder() : 0);
    const orderCount = orderAlloc.take(orderWeight(core)) + (last ? orderAlloc.remainder() : 0);
    const activityCount = activityAlloc.take(activityWeight(core)) + (last ? activityAlloc.remainder() : 0);
    yield {
      core,
      id: ctx.idBase.customers + i + 1,
      contactFirstId: contactId,
      contactCount,
      orderFirstId: orderId,
      orderCount,
      activityFirstId: activityId,
      activityCount,
    };
    contactId += contactCount;
    orderId += orderCount;
    activityId += activityCount;
  }
}
