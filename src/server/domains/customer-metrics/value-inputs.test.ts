import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBulkSession } from '../../../db/bulk';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import type { CustomerValueInput } from '../../../shared/analytics/value.contract';
import { DEFAULT_VALUE_SETTINGS, type ValueSettings } from '../../../shared/analytics/value-settings';
import { seedWorkspace } from './metrics.test-support';
import { monthStart, readValueInputs } from './value-inputs';

const drivers = await testDrivers();

type O = {
  c: number;
  day: string;
  cents: number;
  costCents: number | null;
  status: string;
  deleted: boolean;
  lines: L[];
};
type L = { cat: number; cents: number };
type A = { c: number; hours: number; type: string; deleted: boolean };

const dayOf = (i: number) => new Date(Date.UTC(2023, 11, 1) + i * 86_400_000).toISOString().slice(0, 10);
const order = fc.record({
  c: fc.nat(5),
  day: fc.integer({ min: 0, max: 500 }).map(dayOf),
  cents: fc.integer({ min: -20_000, max: 500_000 }),
  costCents: fc.option(fc.integer({ min: 0, max: 300_000 })),
  status: fc.constantFrom('confirmed', 'completed', 'cancelled', 'draft'),
  deleted: fc.nat(6).map((x) => x === 0),
  lines: fc.array(fc.record({ cat: fc.nat(2), cents: fc.integer({ min: -5_000, max: 90_000 }) }), {
    maxLength: 2,
  }),
});
const activity = fc.record({
  c: fc.nat(5),
  hours: fc.integer({ min: 0, max: 500 * 24 }),
  type: fc.constantFrom('visit', 'call', 'email'),
  deleted: fc.boolean(),
});

/** The inputs computed naively from the rows, in JavaScript: the reference. */
function reference(
  ids: number[],
  codes: string[],
  deleted: boolean[],
  orders: O[],
  acts: A[],
  budgets: (number | null)[],
  asOf: string,
  s: ValueSettings,
): CustomerValueInput[] {
  const rfmStart = monthStart(asOf, 1 - s.rfm.windowMonths);
  const start12 = monthStart(asOf, -11);
  const out: CustomerValueInput[] = [];
  ids.forEach((id, ci) => {
    if (deleted[ci]) return;
    const counted = orders.filter((o) => o.c === ci && !o.deleted && o.status !== 'cancelled');
    const past = counted.filter((o) => o.day <= asOf);
    const days = [...new Set(past.map((o) => o.day))].sort();
    const sum = (xs: O[], f: (o: O) => number) => xs.reduce((a, o) => a + f(o), 0);
    const win = past.filter((o) => o.day >= rfmStart);
    const y12 = past.filter((o) => o.day >= start12);
    const activities12m: Record<string, number> = {};
    for (const a of acts) {
      if (a.c !== ci || a.deleted) continue;
      const local = new Date(Date.UTC(2023, 11, 1) + a.hours * 3_600_000 + 1_800_000 + 8 * 3_600_000);
      const d = local.toISOString().slice(0, 10);
      if (d >= start12 && d <= asOf) activities12m[a.type] = (activities12m[a.type] ?? 0) + 1;
    }
    let num = 0;
    let den = 0;
    for (const [cat, w] of [
      [0, 4],
      [1, 2],
    ] as const) {
      const rev = sum(y12, (o) => o.lines.filter((l) => l.cat === cat).reduce((a, l) => a + l.cents, 0));
      if (y12.some((o) => o.lines.some((l) => l.cat === cat)) && rev > 0) {
        num += rev * w;
        den += rev;
      }
    }
    const winDays = [...new Set(win.map((o) => o.day))];
    out.push({
      customerId: id,
      code: codes[ci]!,
      orders: past.length,
      purchaseDays: days.length,
      firstOrderOn: days[0] ?? null,
      lastOrderOn: days[days.length - 1] ?? null,
      revenueCents: sum(past, (o) => o.cents),
      profitCents: sum(past, (o) => o.cents - (o.costCents ?? 0)),
      firstDayRevenueCents: sum(
        past.filter((o) => o.day === days[0]),
        (o) => o.cents,
      ),
      windowPurchaseDays: winDays.length,
      windowRevenueCents: sum(win, (o) => o.cents),
      windowLastOrderOn: winDays.sort().at(-1) ?? null,
      revenue12mCents: sum(y12, (o) => o.cents),
      profit12mCents: sum(y12, (o) => o.cents - (o.costCents ?? 0)),
      activities12m,
      monthlyRevenueCents: Array.from({ length: 12 }, (_, i) => {
        const m = monthStart(asOf, i - 11);
        return sum(
          y12.filter((o) => monthStart(o.day) === m),
          (o) => o.cents,
        );
      }),
      budgetCents: budgets[ci] ?? null,
      futureOrders: counted.length - past.length,
      factors: {
        revenue_band: null,
        credit_rating: ci % 2 ? 'AA' : null,
        employees: ci * 10,
        industry: ci % 2 ? '化工' : '机械',
        product_prospects: den > 0 ? num / den : null,
        industry_growth: ci % 2 ? 12.5 : null,
      },
    });
  });
  return out;
}

const plain = (xs: CustomerValueInput[]) =>
  // toEqual tells 0 from −0; money sums may come back as either.
  JSON.parse(JSON.stringify(xs, (_, v) => (Object.is(v, -0) ? 0 : v)));

describe.each(drivers)('readValueInputs on %s', (kind) => {
  let db: TestDb;
  let runs = 0;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  it('equals a naive computation from the orders, for any as-of day and window', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { maxLength: 30 }),
        fc.array(activity, { maxLength: 15 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000 })), { minLength: 6, maxLength: 6 }),
        fc.array(
          fc.nat(4).map((x) => x === 0),
          { minLength: 6, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 520 }).map(dayOf),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 7 }),
        // The window rows' anchor before the writes (kept by the triggers): as-of's month and window
        // (read as kept), a later month (the month rows are read), an earlier one or another window
        // (re-anchored by the read), or none.
        fc.option(fc.record({ monthsAfter: fc.integer({ min: -3, max: 2 }), sameWindow: fc.nat(3) })),
        async (orders, acts, budgets, deleted, asOf, windowMonths, batchSize, anchor) => {
          const settings: ValueSettings = {
            ...DEFAULT_VALUE_SETTINGS,
            rfm: { ...DEFAULT_VALUE_SETTINGS.rfm, windowMonths },
            productProspects: { 阀门: 4, 管道: 2 },
            industryGrowth: { 化工: 12.5 },
          };
          const slug = `v${runs++}`;
          await withBulkSession(db, async (s) => {
            const { workspaceId: ws, userId, customerIds } = await seedWorkspace(s, slug, 6);
            if (anchor)
              await s.query('select kehu_anchor_customer_windows($1::bigint, $2::date, $3::int)', [
                ws,
                monthStart(asOf, anchor.monthsAfter),
                anchor.sameWindow > 0 ? windowMonths : windowMonths + 1,
              ]);
            for (const [i, id] of customerIds.entries()) {
              await s.query(
                `update customers set credit_rating = $2, employees = $3, industry = $4,
                        deleted_at = case when $5 then now() end where workspace_id = $6 and id = $1`,
                [id, i % 2 ? 'AA' : null, i * 10, i % 2 ? '化工' : '机械', deleted[i], ws],
              );
              if (budgets[i] !== null) {
                await s.query(
                  `insert into customer_budgets (workspace_id, customer_id, category, amount)
                   values ($1, $2, 'a', $3 / 100.0), ($1, $2, 'b', 0)`,
                  [ws, id, budgets[i]],
                );
              }
            }
            const products = await s.query<{ id: string }>(
              `insert into products (workspace_id, code, name, unit, category)
               select $1, 'P' || i, 'p', '个', (array['阀门', '管道', null])[i + 1] from generate_series(0, 2) i
               returning id::text`,
              [ws],
            );
            for (const [i, o] of orders.entries()) {
              const [row] = await s.query<{ id: string }>(
                `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost, deleted_at)
                 values ($1, $2, $3, $4, $5, $6 / 100.0, $7 / 100.0, case when $8 then now() end) returning id::text`,
                [ws, `${slug}-${i}`, customerIds[o.c], o.day, o.status, o.cents, o.costCents, o.deleted],
              );
              for (const [n, l] of o.lines.entries()) {
                await s.query(
                  `insert into order_lines (workspace_id, order_id, line_no, product_id, quantity, unit_price, amount)
                   values ($1, $2, $3, $4, 1, $5 / 100.0, $5 / 100.0)`,
                  [ws, row!.id, n + 1, products[l.cat]!.id, l.cents],
                );
              }
            }
            for (const a of acts) {
              await s.query(
                `insert into activities (workspace_id, customer_id, type, subject, occurred_at, author_id, deleted_at)
                 values ($1, $2, $3, 's', $4, $5, case when $6 then now() end)`,
                [
                  ws,
                  customerIds[a.c],
                  a.type,
                  new Date(Date.UTC(2023, 11, 1) + a.hours * 3_600_000 + 1_800_000),
                  userId,
                  a.deleted,
                ],
              );
            }
            const got = (await readValueInputs(s, { workspaceId: ws, asOf, settings, batchSize })).sort(
              (a, b) => a.customerId - b.customerId,
            );
            const want = reference(
              customerIds,
              customerIds.map((_, i) => `${slug}-${i + 1}`),
              deleted,
              orders as O[],
              acts as A[],
              budgets.map((b) => (b === null ? null : b)),
              asOf,
              settings,
            );
            const score = (xs: CustomerValueInput[]) =>
              xs.map((x) => x.factors.product_prospects as number | null);
            for (const [i, v] of score(got).entries()) {
              const w = score(want)[i];
              if (w === null || w === undefined) expect(v).toBeNull();
              else expect(v).toBeCloseTo(w, 9);
            }
            const noScore = (xs: CustomerValueInput[]) =>
              plain(xs.map((x) => ({ ...x, factors: { ...x.factors, product_prospects: 0 } })));
            expect(noScore(got)).toEqual(noScore(want));
          });
        },
      ),
      { numRuns: kind === 'pglite' ? 40 : 25 },
    );
  }, 300_000);
  it('leaves the caller’s planner settings as they were, and reads an empty workspace as none', async () => {
    await withBulkSession(db, async (s) => {
      const { workspaceId } = await seedWorkspace(s, 'settings', 0);
      await s.query("set local work_mem = '7MB'");
      await s.query('set local enable_hashagg = on');
      const inputs = await readValueInputs(s, {
        workspaceId,
        asOf: '2026-01-31',
        settings: DEFAULT_VALUE_SETTINGS,
      });
      expect(inputs).toEqual([]);
      const [row] = await s.query<{ w: string; h: string }>(
        `select current_setting('work_mem') as w, current_setting('enable_hashagg') as h`,
      );
      expect(row).toEqual({ w: '7MB', h: 'on' });
    });
  });
});
