/** Demo orders and order lines: exact integer-cent arithmetic, amounts rendered as decimal strings. */
import { orderNoRule } from '../../../shared/orders/order-number';
import { FRACTIONAL_UNITS, PRODUCTS, type ProductCategory } from './demo.catalog-products';
import type { GeneratorContext, OrderBundle, OrderLineRow } from './demo.context';
import { customerPlans } from './demo.context';
import { centsToMoney, DAY_MS, dayParts, dayToIso, milliToQuantity, shanghaiInstant } from './demo.format';
import type { CustomerCore } from './demo.plan';
import { STREAM } from './demo.plan';
import { pickWeighted, type Rng, rngFor, type WeightedTable, weighted } from './demo.random';

type PricedProduct = { offset: number; unit: string; listCents: number; costCents: number };

const byCategory = new Map<ProductCategory, PricedProduct[]>();
for (const [offset, p] of PRODUCTS.entries()) {
  const list = byCategory.get(p.category) ?? [];
  list.push({
    offset,
    unit: p.unit,
    listCents: Math.round(p.listPrice * 100),
    costCents: Math.round(p.standardCost * 100),
  });
  byCategory.set(p.category, list);
}

const categoryTables = new Map<object, WeightedTable<ProductCategory>>();
function categoryTable(buys: Partial<Record<ProductCategory, number>>): WeightedTable<ProductCategory> {
  let table = categoryTables.get(buys);
  if (!table) {
    table = weighted(Object.entries(buys) as [ProductCategory, number][]);
    categoryTables.set(buys, table);
  }
  return table;
}

const LINE_COUNTS = weighted([
  [1, 35],
  [2, 28],
  [3, 18],
  [4, 11],
  [5, 8],
] as const);
const SOURCES = weighted([
  ['erp', 80],
  ['manual', 15],
  ['import', 5],
] as const);
const SERVICE_LINES = ['技术服务费', '安装调试费', '运费'] as const;
const NOTES = ['加急', '分批发货', '含运费', '客户自提', '框架协议内订单', '需提供材质证明'] as const;
/** Relative order intake by month: the Spring Festival dip, the year-end rush. */
const MONTH_WEIGHT = [0.85, 0.55, 1.05, 1.05, 1, 1.1, 0.95, 0.95, 1.05, 0.9, 1.1, 1.2];
const MAX_UNITS = 9_999;

/** The average order value of a customer in cents; order count and value both grow with size. */
export function meanOrderCents(core: CustomerCore): number {
  const typeFactor = core.type === 'dealer' ? 1.3 : core.type === 'individual' ? 0.3 : 1;
  return 2_500_000 * core.size ** 0.5 * typeFactor;
}

function orderDay(rng: Rng, from: number, to: number): number {
  let day = rng.int(from, to);
  for (let tries = 0; tries < 8; tries++) {
    const w = MONTH_WEIGHT[dayParts(day).month - 1] as number;
    if (rng.next() < w / 1.2) break;
    day = rng.int(from, to);
  }
  return day;
}

function statusOf(rng: Rng, age: number): OrderBundle['order']['status'] {
  if (age <= 2) return rng.chance(0.3) ? 'draft' : 'confirmed';
  if (age <= 10) return rng.chance(0.5) ? 'confirmed' : 'shipped';
  if (age <= 25) return rng.chance(0.4) ? 'shipped' : 'completed';
  return rng.chance(0.035) ? 'cancelled' : 'completed';
}

function pickProduct(rng: Rng, core: CustomerCore, shareCents: number): PricedProduct {
  const list = byCategory.get(pickWeighted(rng, categoryTable(core.industry.buys))) as PricedProduct[];
  const first = rng.pick(list);
  if (first.listCents <= shareCents * 1.5) return first;
  const affordable = list.filter((p) => p.listCents <= shareCents * 1.5);
  if (affordable.length > 0) return rng.pick(affordable);
  return list.reduce((a, b) => (b.listCents < a.listCents ? b : a));
}

type Line = { row: OrderLineRow; amountCents: number; costCents: number };

function line(
  rng: Rng,
  ctx: GeneratorContext,
  core: CustomerCore,
  orderId: number,
  lineNo: number,
  shareCents: number,
): Line {
  const { workspaceId } = ctx.org;
  if (rng.chance(0.03)) {
    const price = Math.max(10_000, Math.round(shareCents / 10_000) * 100); // whole yuan, at least 100
    const cost = Math.round(price * 0.6);
    const row = {
      workspaceId,
      orderId,
      lineNo,
      productId: null,
      description: rng.pick(SERVICE_LINES),
      quantity: '1.000',
      unitPrice: centsToMoney(price),
      unitCost: centsToMoney(cost),
      amount: centsToMoney(price),
      cost: centsToMoney(cost),
    };
    return { row, amountCents: price, costCents: cost };
  }
  const product = pickProduct(rng, core, shareCents);
  const priceCents = core.lossMaking
    ? Math.round(product.costCents * (0.88 + rng.next() * 0.1))
    : Math.round(product.listCents * core.discount * (0.98 + rng.next() * 0.04));
  const step = FRACTIONAL_UNITS.has(product.unit) ? 500 : 1000; // thousandths of a unit
  const steps = Math.max(
    1,
    Math.min((MAX_UNITS * 1000) / step, Math.round((shareCents * 1000) / step / priceCents)),
  );
  const qtyMilli = steps * step;
  // Both factors are integers and the product stays far below 2^53: the rounding is exact.
  const amount = Math.round((qtyMilli * priceCents) / 1000);
  const cost = Math.round((qtyMilli * product.costCents) / 1000);
  const row = {
    workspaceId,
    orderId,
    lineNo,
    productId: ctx.idBase.products + product.offset + 1,
    description: null,
    quantity: milliToQuantity(qtyMilli),
    unitPrice: centsToMoney(priceCents),
    unitCost: centsToMoney(product.costCents),
    amount: centsToMoney(amount),
    cost: centsToMoney(cost),
  };
  return { row, amountCents: amount, costCents: cost };
}

/**
 * Orders grouped by customer, oldest first within each. Order numbers follow the app's own rule
 * (SO{yyyy}{mm}{dd}{seq:4}); `counters` receives the counter per period for code_sequences.
 */
export function* generateOrders(
  ctx: GeneratorContext,
  counters = new Map<string, number>(),
): Generator<OrderBundle> {
  const nowMs = ctx.now.getTime();
  for (const plan of customerPlans(ctx)) {
    if (plan.orderCount === 0) continue;
    const { core } = plan;
    const rng = rngFor(ctx.seed, STREAM.order, core.index);
    const days: number[] = [];
    for (let j = 0; j < plan.orderCount; j++) days.push(orderDay(rng, core.orderFrom, core.orderTo));
    days.sort((a, b) => a - b);
    const mean = meanOrderCents(core);
    for (const [j, day] of days.entries()) {
      const id = plan.orderFirstId + j;
      const target = mean * rng.lognormal(-0.18, 0.6);
      const lineCount = pickWeighted(rng, LINE_COUNTS);
      const shares = Array.from({ length: lineCount }, () => 0.5 + rng.next());
      const shareSum = shares.reduce((a, b) => a + b, 0);
      const lines = shares.map((s, k) => line(rng, ctx, core, id, k + 1, (target * s) / shareSum));
      let amountCents = 0;
      let costCents = 0;
      for (const l of lines) {
        amountCents += l.amountCents;
        costCents += l.costCents;
      }
      const status = statusOf(rng, ctx.today - day);
      const createdAt = new Date(
        Math.min(nowMs - 60_000, shanghaiInstant(day, rng.int(510, 1080)).getTime()),
      );
      const updatedAt =
        status === 'completed' || status === 'cancelled'
          ? new Date(Math.min(nowMs - 60_000, createdAt.getTime() + rng.int(1, 20) * DAY_MS))
          : createdAt;
      const orderedAt = dayToIso(day);
      const rule = orderNoRule(orderedAt);
      const seq = (counters.get(rule.period) ?? 0) + 1;
      counters.set(rule.period, seq);
      yield {
        order: {
          workspaceId: ctx.org.workspaceId,
          id,
          orderNo: rule.format(seq),
          customerId: plan.id,
          orderedAt,
          status,
          currency: 'CNY',
          totalAmount: centsToMoney(amountCents),
          totalCost: centsToMoney(costCents),
          source: pickWeighted(rng, SOURCES),
          notes: rng.chance(0.05) ? rng.pick(NOTES) : null,
          version: 1,
          createdAt,
          updatedAt,
          createdBy: core.ownerId,
        },
        lines: lines.map((l) => l.row),
      };
    }
  }
}
