/**
 * The skeleton of every demo customer, computable from (seed, index) alone so that each table's stream
 * can be generated independently, in one pass, with memory bounded by the size of one customer.
 */

import { DEALER_INDUSTRY, INDUSTRIES, type Industry } from './demo.catalog';
import { BRAND_FIRST, BRAND_SECOND } from './demo.catalog-names';
import type { BranchCode, City, Province } from './demo.catalog-places';
import { PROVINCES } from './demo.catalog-places';
import { hash32, pickWeighted, type Rng, rngFor, weighted } from './demo.random';

/** Independent random streams; one per table and per purpose. */
export const STREAM = {
  core: 1,
  head: 2,
  customer: 3,
  contact: 4,
  order: 5,
  activity: 6,
  org: 7,
} as const;

export type DemoUser = { id: number; branchId: number | null };

/** The users and branches the data set is spread over (made by demo.org.ts, or faked in tests). */
export type DemoOrg = {
  workspaceId: number;
  branches: readonly { id: number; code: BranchCode }[];
  /** Customer owners; each customer goes to a sales user of its province's branch. */
  sales: readonly DemoUser[];
  /** Branch managers: author some activities, join some customer teams. */
  managers: readonly DemoUser[];
  /** After-sales staff: author some activities, join some customer teams. */
  service: readonly DemoUser[];
};

export type CustomerType = 'enterprise' | 'dealer' | 'individual';
export type CustomerStatus = 'prospect' | 'active' | 'dormant' | 'lost';

export type CustomerCore = {
  index: number;
  type: CustomerType;
  status: CustomerStatus;
  /** Relative business volume (lognormal): drives order count, order value, contacts, activities. */
  size: number;
  province: Province;
  city: City;
  branchId: number;
  ownerId: number;
  managerId: number | null;
  industry: Industry;
  brand: readonly [string, string];
  /** Shanghai day numbers. */
  createdDay: number;
  orderFrom: number;
  orderTo: number;
  /** Price paid as a share of list price; loss-making customers pay below standard cost instead. */
  discount: number;
  lossMaking: boolean;
  isGroupHead: boolean;
  parentIndex: number | null;
};

/** Days of order history before today: a little over 26 months. */
export const HISTORY_DAYS = 820;
/** Oldest customers were created this many days before today. */
const OLDEST_DAYS = 3000;
const HEAD_EVERY = 40;
const SIZE_SIGMA = 1.5;

const provinceTable = weighted(PROVINCES.map((p) => [p, p.weight] as const));
const industryTable = weighted(INDUSTRIES.map((i) => [i, i.weight] as const));

export type PlanContext = {
  seed: number;
  customers: number;
  today: number;
  org: DemoOrg;
  salesByBranch: Map<BranchCode, readonly DemoUser[]>;
  managerByBranch: Map<number, DemoUser>;
  branchIdByCode: Map<BranchCode, number>;
};

export function planContext(seed: number, customers: number, today: number, org: DemoOrg): PlanContext {
  const branchIdByCode = new Map(org.branches.map((b) => [b.code, b.id] as const));
  const salesByBranch = new Map<BranchCode, readonly DemoUser[]>();
  for (const b of org.branches) {
    const reps = org.sales.filter((u) => u.branchId === b.id);
    salesByBranch.set(b.code, reps.length > 0 ? reps : org.sales);
  }
  if (org.sales.length === 0) throw new Error('the demo organisation needs at least one sales user');
  const managerByBranch = new Map<number, DemoUser>();
  for (const m of org.managers) if (m.branchId !== null) managerByBranch.set(m.branchId, m);
  return { seed, customers, today, org, salesByBranch, managerByBranch, branchIdByCode };
}

function isGroupHead(ctx: PlanContext, index: number): boolean {
  return index > 0 && hash32(ctx.seed, STREAM.head, index) % HEAD_EVERY === 0;
}

/** The nearest group head at or below `from`, if one is close enough. */
function findHead(ctx: PlanContext, from: number): number | null {
  for (let j = from; j >= Math.max(1, from - HEAD_EVERY * 5); j--) if (isGroupHead(ctx, j)) return j;
  return null;
}

function createdDayOf(ctx: PlanContext, index: number, rng: Rng): number {
  // 70% of customers predate the order history, 30% joined during it: the book grows over time.
  const f = (index + rng.next()) / ctx.customers;
  const old = ctx.today - OLDEST_DAYS;
  const historyStart = ctx.today - HISTORY_DAYS;
  const day =
    f < 0.7 ? old + (f / 0.7) * (historyStart - old) : historyStart + ((f - 0.7) / 0.3) * (HISTORY_DAYS - 3);
  return Math.floor(day);
}

function pickType(rng: Rng, head: boolean): CustomerType {
  if (head) return 'enterprise';
  const r = rng.next();
  return r < 0.15 ? 'dealer' : r < 0.18 ? 'individual' : 'enterprise';
}

function statusAndHistory(ctx: PlanContext, rng: Rng, createdDay: number) {
  const { today } = ctx;
  const historyStart = today - HISTORY_DAYS;
  const from = Math.min(today, Math.max(historyStart, createdDay + rng.int(3, 40)));
  const recent = createdDay > today - 180;
  const r = rng.next();
  let status: CustomerStatus = 'active';
  let to = today - rng.int(0, 2);
  if (recent ? r < 0.45 : r < 0.06) status = 'prospect';
  else if (!recent && r < 0.14 && from < today - 480) {
    status = 'lost';
    to = today - rng.int(365, Math.min(700, today - from - 60));
  } else if (!recent && r < 0.26 && from < today - 300) {
    status = 'dormant';
    to = today - rng.int(190, Math.min(360, today - from - 30));
  }
  return { status, from, to: Math.max(from, to) };
}

function joinBrand(a: readonly [string, string], b: readonly [string, string]): readonly [string, string] {
  return a[0] === b[0]
    ? [a[0] + BRAND_SECOND[0]![0], a[1] + BRAND_SECOND[0]![1]]
    : [a[0] + b[0], a[1] + b[1]];
}

/** The deterministic skeleton of customer `index` (0-based). */
export function customerCore(ctx: PlanContext, index: number): CustomerCore {
  const rng = rngFor(ctx.seed, STREAM.core, index);
  const head = isGroupHead(ctx, index);
  const type = pickType(rng, head);
  let parentIndex: number | null = null;
  if (type === 'enterprise' && !head && index > HEAD_EVERY && rng.chance(0.08)) {
    parentIndex = findHead(ctx, rng.int(1, index - 1));
  }
  const parent = parentIndex === null ? null : customerCore(ctx, parentIndex);
  const province = pickWeighted(rng, provinceTable);
  const city = rng.pick(province.cities);
  const industry =
    parent?.industry ?? (type === 'dealer' ? DEALER_INDUSTRY : pickWeighted(rng, industryTable));
  const brand = parent?.brand ?? joinBrand(rng.pick(BRAND_FIRST), rng.pick(BRAND_SECOND));
  const sizeMu = type === 'individual' ? -2 : type === 'dealer' ? -0.2 : 0;
  const size = rng.lognormal(sizeMu, type === 'individual' ? 0.5 : SIZE_SIGMA) * (head ? 4 : 1);
  const createdDay = createdDayOf(ctx, index, rng);
  const history = statusAndHistory(ctx, rng, createdDay);
  const branchId = ctx.branchIdByCode.get(province.branch) ?? (ctx.org.branches[0]?.id as number);
  const owner = rng.pick(ctx.salesByBranch.get(province.branch) ?? ctx.org.sales);
  const lossMaking = type !== 'individual' && rng.chance(0.04);
  const discount =
    type === 'dealer' ? 0.76 + rng.next() * 0.12 : type === 'individual' ? 1 : 0.86 + rng.next() * 0.14;
  return {
    index,
    type,
    status: history.status,
    size,
    province,
    city,
    branchId,
    ownerId: owner.id,
    managerId: ctx.managerByBranch.get(branchId)?.id ?? null,
    industry,
    brand,
    createdDay,
    orderFrom: history.from,
    orderTo: history.to,
    discount,
    lossMaking,
    isGroupHead: head,
    parentIndex,
  };
}

/** Relative weights that split the contact, order and activity totals over customers. */
export function contactWeight(c: CustomerCore): number {
  return c.type === 'individual' ? 0.15 : 0.6 + Math.min(4, c.size ** 0.4);
}

export function orderWeight(c: CustomerCore): number {
  if (c.status === 'prospect') return 0;
  return c.size ** 0.5 * ((c.orderTo - c.orderFrom + 30) / HISTORY_DAYS);
}

export function activityWeight(c: CustomerCore): number {
  const f = { prospect: 1.6, active: 1, dormant: 0.5, lost: 0.25 }[c.status];
  return (0.4 + Math.min(6, c.size ** 0.35)) * f;
}
