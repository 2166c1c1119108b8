import { describe, expect, it } from 'vitest';
import { isValidUnifiedCreditCode } from '../../../shared/customers/tax-id';
import { shanghaiDay } from './demo.format';
import {
  type ActivityBundle,
  type ContactRow,
  type CustomerBundle,
  createDemoGenerator,
  type DemoOptions,
  type DemoOrg,
  type OrderBundle,
} from './demo.generator';

const org: DemoOrg = {
  workspaceId: 7,
  branches: [
    { id: 11, code: 'EAST' },
    { id: 12, code: 'NORTH' },
    { id: 13, code: 'SOUTH' },
  ],
  sales: [101, 102, 103, 104, 105, 106].map((id, i) => ({ id, branchId: 11 + (i % 3) })),
  managers: [{ id: 201, branchId: 11 }],
  service: [{ id: 301, branchId: 11 }],
};
const NOW = new Date('2025-06-30T04:00:00Z');
const options = (o: Partial<DemoOptions> = {}): DemoOptions => ({
  customers: 2000,
  seed: 1,
  now: NOW,
  org,
  ...o,
});

function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
}

const MONEY = /^-?\d+\.\d{2}$/;
const cents = (money: string) => BigInt(money.replace('.', ''));

// One generation shared by the checks below (about a second).
const gen = createDemoGenerator(options());
const customers: CustomerBundle[] = [...gen.customers()];
const contacts: ContactRow[] = [...gen.contacts()];
const orders: OrderBundle[] = [...gen.orders()];
const activities: ActivityBundle[] = [...gen.activities()];

describe('determinism', () => {
  it('gives the same first rows for the same seed and other rows for another seed', () => {
    const again = createDemoGenerator(options());
    const other = createDemoGenerator(options({ seed: 2 }));
    const streams = (g: typeof gen): Iterable<unknown>[] => [
      g.customers(),
      g.contacts(),
      g.orders(),
      g.activities(),
    ];
    const [a, b, c] = [gen, again, other].map((g) => streams(g).map((s) => take(s, 50)));
    expect(b).toEqual(a);
    a?.forEach((rows, k) => {
      expect(c?.[k]).not.toEqual(rows);
    });
  });

  it('does not depend on how far other streams were read', () => {
    const fresh = createDemoGenerator(options());
    expect(take(fresh.activities(), 20)).toEqual(activities.slice(0, 20));
  });
});

describe('sizes', () => {
  it('produces exactly the asked counts, ids from the given bases', () => {
    expect(customers).toHaveLength(2000);
    expect(contacts).toHaveLength(6000);
    expect(orders).toHaveLength(20_000);
    expect(activities).toHaveLength(20_000);
    const custom = createDemoGenerator(
      options({
        customers: 50,
        contacts: 120,
        orders: 333,
        activities: 77,
        idBase: { customers: 1000, orders: 5 },
      }),
    );
    const cs = [...custom.customers()];
    expect(cs.map((c) => c.customer.id)).toEqual(Array.from({ length: 50 }, (_, i) => 1001 + i));
    const os = [...custom.orders()];
    expect(os).toHaveLength(333);
    expect(os[0]?.order.id).toBe(6);
    expect(new Set(os.map((o) => o.order.customerId)).size).toBeGreaterThan(10);
    expect(os.every((o) => o.order.customerId > 1000 && o.order.customerId <= 1050)).toBe(true);
    expect([...custom.contacts()]).toHaveLength(120);
    expect([...custom.activities()]).toHaveLength(77);
  });
});

describe('customers', () => {
  it('have unique codes and valid tax ids', () => {
    expect(new Set(customers.map((c) => c.customer.code)).size).toBe(2000);
    expect(customers[0]?.customer.code).toMatch(/^C\d{4}\d{6}$/);
    const taxIds = customers.flatMap((c) => (c.customer.taxId ? [c.customer.taxId] : []));
    expect(taxIds.length).toBeGreaterThan(1800);
    expect(taxIds.every(isValidUnifiedCreditCode)).toBe(true);
    expect(new Set(taxIds).size).toBe(taxIds.length);
  });

  it('mix types, statuses and owners of the customer’s branch', () => {
    const share = (pred: (c: CustomerBundle) => boolean) => customers.filter(pred).length / customers.length;
    expect(share((c) => c.customer.type === 'dealer')).toBeGreaterThan(0.1);
    expect(share((c) => c.customer.type === 'dealer')).toBeLessThan(0.2);
    expect(share((c) => c.customer.type === 'individual')).toBeLessThan(0.06);
    expect(share((c) => c.customer.status === 'active')).toBeGreaterThan(0.6);
    for (const s of ['prospect', 'dormant', 'lost'] as const) {
      expect(share((c) => c.customer.status === s)).toBeGreaterThan(0.02);
    }
    const branchOf = new Map(org.sales.map((u) => [u.id, u.branchId]));
    expect(customers.every((c) => branchOf.get(c.customer.ownerId as number) === c.customer.branchId)).toBe(
      true,
    );
    const parents = customers.filter((c) => c.customer.parentId != null);
    expect(parents.length).toBeGreaterThan(10);
    expect(parents.every((c) => (c.customer.parentId as number) < c.customer.id)).toBe(true);
    expect(customers.some((c) => c.budgets.length > 0)).toBe(true);
    expect(customers.flatMap((c) => c.budgets).every((b) => MONEY.test(b.amount))).toBe(true);
  });
});

describe('contacts', () => {
  it('number about three per customer with exactly one primary each', () => {
    const primaries = new Map<number, number>();
    for (const c of contacts)
      if (c.isPrimary) primaries.set(c.customerId, (primaries.get(c.customerId) ?? 0) + 1);
    expect(primaries.size).toBe(2000);
    expect([...primaries.values()].every((n) => n === 1)).toBe(true);
    expect(contacts.every((c) => (c.phones ?? []).every((p) => /^1\d{10}$/.test(p)))).toBe(true);
  });
});

describe('orders', () => {
  it('carry exact 2-decimal money and totals equal to the sum of their lines', () => {
    const problems: string[] = []; // plain checks: an expect() per line would dominate the run time
    for (const { order, lines } of orders) {
      if (!MONEY.test(order.totalAmount) || !MONEY.test(order.totalCost as string))
        problems.push(order.orderNo);
      if (lines.length < 1 || lines.length > 5) problems.push(`${order.orderNo}: ${lines.length} lines`);
      let amount = 0n;
      let cost = 0n;
      for (const l of lines) {
        if (!MONEY.test(l.amount) || !MONEY.test(l.unitPrice) || !/^\d+\.\d{3}$/.test(l.quantity)) {
          problems.push(`${order.orderNo}/${l.lineNo}: ${l.quantity} × ${l.unitPrice} = ${l.amount}`);
        }
        // amount = quantity × unit price, rounded half up to the cent
        const exact = BigInt(l.quantity.replace('.', '')) * cents(l.unitPrice); // in 1/100000 yuan
        if (cents(l.amount) !== (exact + 500n) / 1000n) problems.push(`${order.orderNo}/${l.lineNo} amount`);
        amount += cents(l.amount);
        cost += cents(l.cost as string);
      }
      if (cents(order.totalAmount) !== amount || cents(order.totalCost as string) !== cost) {
        problems.push(`${order.orderNo} totals`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('span more than 26 months up to now, with unique order numbers', () => {
    const days = orders.map((o) => o.order.orderedAt).sort();
    const today = shanghaiDay(NOW);
    expect(shanghaiDay(new Date(`${days[days.length - 1]}T12:00:00+08:00`))).toBeGreaterThan(today - 5);
    expect(shanghaiDay(new Date(`${days[0]}T12:00:00+08:00`))).toBeLessThan(today - 26 * 30.5);
    expect(new Set(orders.map((o) => o.order.orderNo)).size).toBe(orders.length);
    expect(orders.filter((o) => o.order.status === 'completed').length / orders.length).toBeGreaterThan(0.85);
  });

  it('concentrate revenue: the top 20% of customers hold 70–90% of it', () => {
    const revenue = new Map<number, bigint>();
    for (const { order } of orders) {
      if (order.status === 'cancelled') continue;
      revenue.set(order.customerId, (revenue.get(order.customerId) ?? 0n) + cents(order.totalAmount));
    }
    const sorted = [...revenue.values()].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
    const total = sorted.reduce((a, b) => a + b, 0n);
    const top = sorted.slice(0, customers.length * 0.2).reduce((a, b) => a + b, 0n);
    const share = Number((top * 10_000n) / total) / 10_000;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.9);
  });

  it('include customers served at a loss', () => {
    const margin = new Map<number, bigint>();
    for (const { order } of orders) {
      const m = cents(order.totalAmount) - cents(order.totalCost as string);
      margin.set(order.customerId, (margin.get(order.customerId) ?? 0n) + m);
    }
    const negative = [...margin.values()].filter((m) => m < 0n).length;
    expect(negative).toBeGreaterThan(20);
    expect(negative).toBeLessThan(margin.size * 0.1);
  });
});

describe('activities', () => {
  it('cover every type, stay in the past and link contacts of their own customer', () => {
    const types = new Set(activities.map((a) => a.activity.type));
    expect([...types].sort()).toEqual([
      'call',
      'email',
      'letter',
      'meeting',
      'note',
      'visit',
      'web',
      'wechat',
    ]);
    expect(activities.every((a) => (a.activity.occurredAt as Date).getTime() <= NOW.getTime())).toBe(true);
    const today = shanghaiDay(NOW);
    const future = activities.filter(
      (a) =>
        a.activity.nextFollowUpOn &&
        shanghaiDay(new Date(`${a.activity.nextFollowUpOn}T12:00:00+08:00`)) > today,
    );
    expect(future.length).toBeGreaterThan(50);
    const customerOf = new Map(contacts.map((c) => [c.id, c.customerId]));
    const links = activities.flatMap((a) =>
      a.contacts.map((l) => [a.activity.customerId, l.contactId] as const),
    );
    expect(links.length).toBeGreaterThan(activities.length / 2);
    expect(links.every(([customerId, contactId]) => customerOf.get(contactId) === customerId)).toBe(true);
    expect(
      activities.every(
        (a) => /[\u4e00-\u9fff]/.test(a.activity.subject) && !a.activity.subject.includes('{'),
      ),
    ).toBe(true);
  });
});
