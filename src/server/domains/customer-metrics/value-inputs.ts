/**
 * What a classification run reads per customer (CustomerValueInput, src/shared/analytics/value.contract.ts),
 * from the metric tables the triggers of migrations 0010 and 0012 keep: one statement of hash joins over
 * customers, customer_metrics, the window rows (customer_window_metrics: one row per customer when the
 * workspace is anchored at as-of's month; a later as-of re-anchors first, an earlier one reads the month
 * rows of customer_month_metrics instead) and customer_budgets, streamed by COPY on the server and read
 * through a cursor in batches on PGlite (bounded driver memory either way); never the orders, except
 * those dated after as-of (taken out again) and, when the admin set product prospects, the order lines
 * of the 12-month window.
 */
import type { BulkSession } from '../../../db/bulk';
import type { CustomerValueInput } from '../../../shared/analytics/value.contract';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import { type BatchRow, emptyRow, parseCompactRow, parseCopyRow } from './value-inputs.rows';
import {
  anchorSql,
  futureActivitiesSql,
  futureOrdersSql,
  inputsSql,
  type Months,
  productProspectsSql,
  reanchorSql,
  windowInputsCompactSql,
  windowInputsCopySql,
} from './value-inputs.sql';

export type ValueInputsParams = {
  workspaceId: number;
  asOf: string;
  settings: ValueSettings;
  batchSize?: number;
};

const DEFAULT_BATCH = 50_000;

/** First day of the month `k` months after the month of `day` (k may be negative). */
export function monthStart(day: string, k = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + k;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

export function windowMonths(asOf: string, rfmWindowMonths: number): Months {
  const asOfMonth = monthStart(asOf);
  const rfmStart = monthStart(asOf, 1 - rfmWindowMonths);
  const start12 = monthStart(asOf, -11);
  return {
    asOfMonth,
    nextMonth: monthStart(asOf, 1),
    rfmStart,
    start12,
    from: rfmStart < start12 ? rfmStart : start12,
    last12: Array.from({ length: 12 }, (_, i) => monthStart(asOf, i - 11)),
  };
}

type Future = {
  orders: number;
  days: number;
  revenue: number;
  cost: number;
  m_orders: number;
  m_days: number;
  m_revenue: number;
  m_cost: number;
  last_before: string | null;
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMPTY_ACTIVITIES: Readonly<Record<string, number>> = Object.freeze({});
// float8 from one driver, text (some PGlite paths) from another: numbers either way.
const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

async function readFuture(session: BulkSession, ws: number, asOf: string, months: Months) {
  const future = new Map<number, Future>();
  for (const r of await session.query<Future & { id: number }>(futureOrdersSql, [
    ws,
    asOf,
    months.nextMonth,
  ])) {
    future.set(num(r.id), r);
  }
  const futureActs = new Map<number, Map<string, number>>();
  const acts = await session.query<{ id: number; type: string; n: number }>(futureActivitiesSql, [
    ws,
    asOf,
    months.nextMonth,
  ]);
  for (const r of acts) {
    const id = num(r.id);
    const m = futureActs.get(id) ?? new Map<string, number>();
    futureActs.set(id, m);
    m.set(r.type, r.n);
  }
  return { future, futureActs };
}

async function readProspects(
  session: BulkSession,
  ws: number,
  asOf: string,
  months: Months,
  s: ValueSettings,
) {
  const prospects = new Map<number, number>();
  const entries = Object.entries(s.productProspects);
  if (entries.length === 0) return prospects;
  const rows = await session.query<{ id: number; score: number | null }>(productProspectsSql, [
    ws,
    months.start12,
    entries.map(([c]) => c),
    entries.map(([, w]) => w),
    asOf,
  ]);
  for (const r of rows) if (r.score !== null) prospects.set(num(r.id), num(r.score));
  return prospects;
}

/**
 * Whether the run reads the window rows (migration 0012): yes when the workspace is anchored at as-of's
 * month with the run's RFM window, after re-anchoring it when as-of's month is later than the anchor (or
 * the window differs); an as-of before the anchor month reads the month rows.
 */
async function readsWindowRows(session: BulkSession, ws: number, months: Months, rfmMonths: number) {
  const [anchor] = await session.query<{ month: string; rfm_months: number }>(anchorSql, [ws]);
  if (anchor && anchor.month > months.asOfMonth) return false;
  if (anchor?.month === months.asOfMonth && num(anchor.rfm_months) === rfmMonths) return true;
  await session.query(reanchorSql, [ws, months.asOfMonth, rfmMonths]);
  return true;
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

const PLAN_SETTINGS: Record<string, string> = {
  cursor_tuple_fraction: '1',
  enable_indexscan: 'off',
  enable_bitmapscan: 'off',
  enable_hashagg: 'off',
  jit: 'off',
  work_mem: '256MB',
  // Dates as YYYY-MM-DD whatever the server's default.
  datestyle: 'ISO, YMD',
};

/**
 * Runs `work` with the reader's planner settings, then puts the caller's back (the reader shares the
 * caller's transaction). The whole result is wanted: plan for it — one pass over each table (an index
 * walk of the month rows in key order reads the heap at random), sorted in memory and aggregated group by
 * group (hashed aggregation keeps every customer's array_agg state, a memory context each, at once: 2–4×
 * slower) — and without JIT, whose compile time is not won back.
 */
async function withPlanSettings<T>(session: BulkSession, work: () => Promise<T>): Promise<T> {
  const keys = Object.keys(PLAN_SETTINGS);
  const set = (values: Record<string, string>) =>
    session.query(
      `select ${keys.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
      keys.flatMap((k) => [k, values[k]]),
    );
  const [saved] = await session.query<Record<string, string>>(
    `select ${keys.map((k, i) => `current_setting($${i + 1}) as ${k}`).join(', ')}`,
    keys,
  );
  await set(PLAN_SETTINGS);
  try {
    return await work();
  } finally {
    await set(saved!);
  }
}

/**
 * Every non-deleted customer of the workspace (with or without orders), as of `asOf` (YYYY-MM-DD in the
 * workspace's time zone): orders dated after it do not count (futureOrders says how many there were).
 * Run it inside one transaction (withBulkSession) so that every statement reads the same snapshot.
 */
export async function readValueInputs(
  session: BulkSession,
  p: ValueInputsParams,
): Promise<CustomerValueInput[]> {
  const { workspaceId: ws, asOf, settings } = p;
  if (!ISO_DAY.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new Error(`bad as-of day ${asOf}`);
  const months = windowMonths(asOf, settings.rfm.windowMonths);
  const anchored = await readsWindowRows(session, ws, months, settings.rfm.windowMonths);
  const { future, futureActs } = await readFuture(session, ws, asOf, months);
  const size = p.batchSize ?? DEFAULT_BATCH;
  const out: CustomerValueInput[] = [];
  const monthIndex = new Map(months.last12.map((m, i) => [dayNumber(m) - dayNumber(months.start12), i]));
  await withPlanSettings(session, async () => {
    // The order lines of 12 months, joined by hash (no JIT, the sort in memory).
    const prospects = await readProspects(session, ws, asOf, months, settings);
    const add = (r: BatchRow) =>
      out.push(toInput(r, future, futureActs, prospects, months, monthIndex, settings));
    // The server streams the rows by COPY, parsed by hand: node-pg's per-row messages and per-field
    // parsing of 20 columns cost more than the query, and the query runs while the rows are parsed.
    if (anchored && session.copyOut) {
      const row = emptyRow();
      await session.copyOut(windowInputsCopySql(ws), (line) => add(parseCopyRow(line, row)));
      return;
    }
    // PGlite decodes each field of a result in JavaScript, which for 20 columns costs more than the query:
    // one compact text per row (the window read) or one JSON text (the month rows) instead.
    const compact = anchored;
    const asJson = !compact && session.kind === 'pglite';
    const cursor = compact
      ? windowInputsCompactSql(ws)
      : asJson
        ? `select row_to_json(t)::text as j from (${inputsSql(ws, months)}) t`
        : inputsSql(ws, months);
    await session.query(`declare kehu_value_inputs no scroll cursor for ${cursor}`);
    for (;;) {
      const fetched = await session.query<BatchRow & { j: string; r: string }>(
        `fetch forward ${size} from kehu_value_inputs`,
      );
      const rows: BatchRow[] = compact
        ? fetched.map((r) => parseCompactRow(r.r))
        : asJson
          ? fetched.map((r) => JSON.parse(r.j) as BatchRow)
          : fetched;
      for (const r of rows) add(r);
      if (fetched.length < size) break;
    }
    await session.query('close kehu_value_inputs');
  });
  return out;
}

function toInput(
  r: BatchRow,
  futureOrders: Map<number, Future>,
  futureActs: Map<number, Map<string, number>>,
  prospects: Map<number, number>,
  months: Months,
  monthIndex: Map<number, number>,
  settings: ValueSettings,
): CustomerValueInput {
  const id = num(r.id);
  const f = futureOrders.get(id);
  const monthly = new Array<number>(12).fill(0);
  if (r.monthly_cents) for (let i = 0; i < 12; i++) monthly[i] = r.monthly_cents[i] ?? 0;
  else if (r.monthly) for (let i = 0; i < 12; i++) monthly[i] = Math.round(num(r.monthly[i]) * 100);
  else if (r.m_at && r.m_rev)
    for (let i = 0; i < r.m_at.length; i++) monthly[monthIndex.get(num(r.m_at[i]))!] = num(r.m_rev[i]);
  let orders = r.orders;
  let purchaseDays = r.purchase_days;
  let revenue = num(r.revenue);
  let cost = num(r.cost);
  let lastOrderOn = r.last_order_on;
  let firstOrderOn = r.first_order_on;
  let wDays = r.w_days;
  let wRev = num(r.w_rev);
  let rev12 = num(r.rev12);
  let cost12 = num(r.cost12);
  if (f) {
    orders -= f.orders;
    purchaseDays -= f.days;
    revenue -= num(f.revenue);
    cost -= num(f.cost);
    lastOrderOn = f.last_before;
    if (lastOrderOn === null) firstOrderOn = null;
    // What lies after as-of in as-of's month is inside every window's last month.
    wDays -= f.m_days;
    wRev -= num(f.m_revenue);
    rev12 -= num(f.m_revenue);
    cost12 -= num(f.m_cost);
    monthly[11] = (monthly[11] ?? 0) - num(f.m_revenue);
  }
  let activities12m = EMPTY_ACTIVITIES as Record<string, number>;
  if (r.acts12) activities12m = r.acts12;
  else if (r.acts) {
    activities12m = {};
    for (const month of r.acts)
      for (const type in month) activities12m[type] = (activities12m[type] ?? 0) + month[type]!;
  }
  const later = futureActs.get(id);
  if (later) {
    activities12m = { ...activities12m };
    for (const [type, n] of later) {
      const left = (activities12m[type] ?? 0) - n;
      if (left > 0) activities12m[type] = left;
      else delete activities12m[type];
    }
  }
  const industry = r.industry;
  return {
    customerId: id,
    code: r.code,
    orders,
    purchaseDays,
    firstOrderOn,
    lastOrderOn,
    revenueCents: revenue,
    profitCents: revenue - cost,
    // Orders after as-of come after the first day: only a customer with none before it loses the day.
    firstDayRevenueCents: lastOrderOn === null ? 0 : num(r.first_day),
    windowPurchaseDays: wDays,
    windowRevenueCents: wRev,
    windowLastOrderOn: lastOrderOn !== null && lastOrderOn >= months.rfmStart ? lastOrderOn : null,
    revenue12mCents: rev12,
    profit12mCents: rev12 - cost12,
    activities12m,
    monthlyRevenueCents: monthly,
    budgetCents: r.budget === null ? null : num(r.budget),
    futureOrders: f?.orders ?? 0,
    factors: {
      revenue_band: r.revenue_band,
      credit_rating: r.credit_rating,
      employees: r.employees,
      industry,
      product_prospects: prospects.get(id) ?? null,
      industry_growth: industry !== null ? (settings.industryGrowth[industry] ?? null) : null,
    },
  };
}
