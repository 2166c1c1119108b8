/**
 * Order records → the engine's per-customer inputs, without a database (`kehu analyze`). The same
 * definitions as the metric tables: an order's day is a purchase day, profit = amount − cost (a missing
 * cost counts as 0), rolling windows are whole calendar months ending with as-of's month. Orders dated
 * after as-of are ignored and counted per customer (futureOrders); a customer whose orders all lie after
 * as-of is still listed, with no orders. Negative amounts (returns) count as orders and reduce value.
 *
 * Streaming: `OrderAccumulator` keeps one small record per customer (and its distinct days), so a file
 * of ten million orders needs memory for its customers only.
 */
import { dayNumber, isoDay, monthOfDay, windowStartDay } from './days';
import type { CustomerValueInput } from './value.contract';

export type OrderRecord = {
  customerCode: string;
  /** ISO day (YYYY-MM-DD). */
  orderedAt: string;
  amountCents: number;
  costCents: number | null;
};

export type OrdersToInputsOptions = {
  asOf: string;
  /** The RFM window in whole months up to as-of; null: all history up to as-of. */
  windowMonths: number | null;
};

const MONEY = /^([+-])?(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450 cents, exactly (no float arithmetic); null when not a plain decimal with ≤ 2 places. */
export function parseCents(text: string): number | null {
  const m = MONEY.exec(text.trim());
  if (!m) return null;
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return m[1] === '-' ? -cents : cents;
}

/** Cents → "1234.50" / "-0.05", exactly. */
export function formatCentsPlain(cents: number): string {
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

type Acc = {
  orders: number;
  /** Distinct order days (up to as-of). */
  days: Set<number>;
  first: number;
  /** Revenue of the first order day. */
  firstDayRevenue: number;
  last: number;
  revenue: number;
  profit: number;
  windowRevenue: number;
  windowLast: number;
  revenue12m: number;
  profit12m: number;
  monthly: number[];
  future: number;
};

export class OrderAccumulator {
  private readonly customers = new Map<string, Acc>();
  private readonly asOfDay: number;
  private readonly windowStart: number;
  private readonly start12m: number;
  private readonly firstMonth: number;
  /** Orders read, and those ignored for lying after as-of. */
  orders = 0;
  futureOrders = 0;

  constructor(options: OrdersToInputsOptions) {
    this.asOfDay = dayNumber(options.asOf);
    if (Number.isNaN(this.asOfDay)) throw new RangeError(`as-of is not a valid day: ${options.asOf}`);
    const w = options.windowMonths;
    if (w !== null && !(Number.isInteger(w) && w >= 1)) throw new RangeError('windowMonths must be ≥ 1');
    this.windowStart = w === null ? Number.NEGATIVE_INFINITY : windowStartDay(this.asOfDay, w);
    this.start12m = windowStartDay(this.asOfDay, 12);
    this.firstMonth = monthOfDay(this.asOfDay) - 11;
  }

  add(order: OrderRecord): void {
    const day = dayNumber(order.orderedAt);
    if (Number.isNaN(day)) throw new RangeError(`not a valid day: ${order.orderedAt}`);
    let acc = this.customers.get(order.customerCode);
    if (!acc) {
      acc = {
        orders: 0,
        days: new Set(),
        first: Number.POSITIVE_INFINITY,
        firstDayRevenue: 0,
        last: Number.NEGATIVE_INFINITY,
        revenue: 0,
        profit: 0,
        windowRevenue: 0,
        windowLast: Number.NEGATIVE_INFINITY,
        revenue12m: 0,
        profit12m: 0,
        monthly: new Array<number>(12).fill(0),
        future: 0,
      };
      this.customers.set(order.customerCode, acc);
    }
    this.orders++;
    if (day > this.asOfDay) {
      acc.future++;
      this.futureOrders++;
      return;
    }
    const amount = order.amountCents;
    const profit = amount - (order.costCents ?? 0);
    acc.orders++;
    acc.days.add(day);
    if (day < acc.first) {
      acc.first = day;
      acc.firstDayRevenue = 0;
    }
    if (day === acc.first) acc.firstDayRevenue += amount;
    if (day > acc.last) acc.last = day;
    acc.revenue += amount;
    acc.profit += profit;
    if (day >= this.windowStart) {
      acc.windowRevenue += amount;
      if (day > acc.windowLast) acc.windowLast = day;
    }
    if (day >= this.start12m) {
      acc.revenue12m += amount;
      acc.profit12m += profit;
      acc.monthly[monthOfDay(day) - this.firstMonth]! += amount;
    }
  }

  /** The inputs, sorted by customer code (customer ids 1, 2, … in that order). */
  finish(): CustomerValueInput[] {
    const codes = [...this.customers.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return codes.map((code, i) => {
      const acc = this.customers.get(code)!;
      const some = acc.orders > 0;
      let windowDays = 0;
      for (const d of acc.days) if (d >= this.windowStart) windowDays++;
      return {
        customerId: i + 1,
        code,
        orders: acc.orders,
        purchaseDays: acc.days.size,
        firstOrderOn: some ? isoDay(acc.first) : null,
        lastOrderOn: some ? isoDay(acc.last) : null,
        revenueCents: acc.revenue,
        profitCents: acc.profit,
        firstDayRevenueCents: acc.firstDayRevenue,
        windowPurchaseDays: windowDays,
        windowRevenueCents: acc.windowRevenue,
        windowLastOrderOn: windowDays > 0 ? isoDay(acc.windowLast) : null,
        revenue12mCents: acc.revenue12m,
        profit12mCents: acc.profit12m,
        activities12m: {},
        monthlyRevenueCents: acc.monthly,
        budgetCents: null,
        futureOrders: acc.future,
        factors: {},
      };
    });
  }
}

export function ordersToInputs(
  orders: Iterable<OrderRecord>,
  options: OrdersToInputsOptions,
): CustomerValueInput[] {
  const acc = new OrderAccumulator(options);
  for (const order of orders) acc.add(order);
  return acc.finish();
}
