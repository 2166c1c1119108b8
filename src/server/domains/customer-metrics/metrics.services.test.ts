import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withBulkSession } from '../../../db/bulk';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { apiOf } from '../duplicates/duplicates.test-support';
import { importRows } from '../imports/engine/engine.test-support';
import { rebuildCustomerMetrics } from './metrics.rebuild';
import { metricsSnapshot } from './metrics.test-support';

const drivers = await testDrivers();

const day = fc
  .integer({ min: 0, max: 60 })
  .map((d) => new Date(Date.UTC(2025, 0, 20 + d)).toISOString().slice(0, 10));
const price = fc.integer({ min: -2_000, max: 90_000 }).map((c) => (c / 100).toFixed(2));
const status = fc.constantFrom('confirmed', 'completed', 'cancelled', 'draft');
const instant = fc
  .integer({ min: 0, max: 24 * 60 })
  .map((h) => new Date(Date.UTC(2025, 0, 20) + h * 3_600_000).toISOString());
const op = fc.oneof(
  fc.record({ k: fc.constant('create' as const), c: fc.nat(), day, price, status }),
  fc.record({
    k: fc.constant('edit' as const),
    o: fc.nat(),
    day: fc.option(day),
    price: fc.option(price),
    status: fc.option(status),
  }),
  fc.record({ k: fc.constant('remove' as const), o: fc.nat() }),
  fc.record({
    k: fc.constant('activity' as const),
    c: fc.nat(),
    at: instant,
    type: fc.constantFrom('visit', 'call'),
  }),
  fc.record({
    k: fc.constant('activityEdit' as const),
    a: fc.nat(),
    at: instant,
    type: fc.constantFrom('visit', 'email'),
  }),
  fc.record({ k: fc.constant('activityRemove' as const), a: fc.nat() }),
);

describe.each(drivers)('customer metrics through the services on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiOf>;
  let ws: number;
  const customers: number[] = [];
  const orderIds: number[] = [];
  const activityIds: number[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = apiOf(t);
    ws = t.fx.workspaceId;
    for (const code of ['MA', 'MB', 'MC'])
      customers.push(await api.customer(t.fx.users.sales, { name: `客户${code}`, code }));
  });
  afterAll(() => t.close());

  /** The incremental tables must equal what a full recomputation gives (which then stays). */
  async function expectConsistent() {
    await withBulkSession(t.db, async (s) => {
      const incremental = await metricsSnapshot(s, ws);
      await rebuildCustomerMetrics(s, ws);
      expect(incremental).toEqual(await metricsSnapshot(s, ws));
    });
  }
  const sales = () => t.fx.users.sales;
  const lines = (unitPrice: string) => [{ description: 'x', quantity: '1', unitPrice, unitCost: '1.25' }];

  it('follow orders and activities written through the API', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        for (const o of ops) {
          if (o.k === 'create') {
            const body = {
              customerId: customers[o.c % 3],
              orderedAt: o.day,
              status: o.status,
              lines: lines(o.price),
            };
            orderIds.push((await api.call(sales(), 'POST', '/api/v1/orders', body)).id);
          } else if (o.k === 'edit' || o.k === 'remove') {
            if (!orderIds.length) continue;
            const id = orderIds[o.o % orderIds.length]!;
            const cur = await t.as(sales(), { method: 'GET', url: `/api/v1/orders/${id}` });
            if (cur.json().deletedAt) continue;
            const { version } = cur.json();
            if (o.k === 'remove')
              await api.call(sales(), 'DELETE', `/api/v1/orders/${id}?version=${version}`);
            else
              await api.call(sales(), 'PATCH', `/api/v1/orders/${id}`, {
                version,
                ...(o.day ? { orderedAt: o.day } : {}),
                ...(o.status ? { status: o.status } : {}),
                ...(o.price ? { lines: lines(o.price) } : {}),
              });
          } else if (o.k === 'activity') {
            const body = { customerId: customers[o.c % 3], type: o.type, subject: 's', occurredAt: o.at };
            activityIds.push((await api.call(sales(), 'POST', '/api/v1/activities', body)).id);
          } else {
            if (!activityIds.length) continue;
            const id = activityIds[o.a % activityIds.length]!;
            const cur = await t.as(sales(), { method: 'GET', url: `/api/v1/activities/${id}` });
            if (cur.statusCode !== 200 || cur.json().deletedAt) continue;
            const { version } = cur.json();
            if (o.k === 'activityRemove')
              await api.call(sales(), 'DELETE', `/api/v1/activities/${id}?version=${version}`);
            else
              await api.call(sales(), 'PATCH', `/api/v1/activities/${id}`, {
                version,
                occurredAt: o.at,
                type: o.type,
              });
          }
        }
        await expectConsistent();
      }),
      { numRuns: 12 },
    );
    const [row] = await withBulkSession(t.db, (s) =>
      s.query<{ n: number }>('select count(*)::int as n from customer_order_days where workspace_id = $1', [
        ws,
      ]),
    );
    expect(row!.n).toBeGreaterThan(0);
  }, 240_000);

  it('follow a customer merge and its undo', async () => {
    const [S, M] = [customers[0]!, customers[1]!];
    const get = async (id: number) =>
      (await api.call(t.fx.users.admin, 'GET', `/api/v1/customers/${id}`)).version;
    await api.call(sales(), 'POST', '/api/v1/orders', {
      customerId: M,
      orderedAt: '2025-02-03',
      lines: lines('70.00'),
    });
    const res = await api.call(sales(), 'POST', '/api/v1/duplicates/merge', {
      survivorId: S,
      mergedId: M,
      versions: { survivor: await get(S), merged: await get(M) },
    });
    await expectConsistent();
    const [moved] = await withBulkSession(t.db, (s) =>
      s.query<{ n: number }>(
        'select count(*)::int as n from customer_metrics where workspace_id = $1 and customer_id = $2',
        [ws, M],
      ),
    );
    expect(moved!.n).toBe(0); // everything of M now counts for S
    await api.call(sales(), 'POST', `/api/v1/duplicates/merges/${res.merge.id}/undo`);
    await expectConsistent();
  }, 60_000);

  it('follow orders imported by the import engine (inserted, then changed)', async () => {
    const who = { workspaceId: ws, userId: t.fx.users.admin.userId };
    const row = (no: string, code: string, orderedAt: string, amount: string, cost: string | null) => ({
      customer_code: code,
      order_no: no,
      ordered_at: orderedAt,
      amount,
      cost,
    });
    const first = await importRows(t.db, who, 'orders', [
      row('IMP-1', 'MA', '2025-01-31', '100.00', '40.00'),
      row('IMP-1', 'MA', '2025-01-31', '20.00', null),
      row('IMP-2', 'MC', '2025-02-01', '55.55', '5.00'),
      row('IMP-3', 'MC', '2025-02-01', '-10.00', null),
    ]);
    expect(first.issues).toEqual([]);
    await expectConsistent();
    const second = await importRows(t.db, who, 'orders', [
      row('IMP-1', 'MC', '2025-03-01', '99.00', '1.00'),
      row('IMP-2', 'MC', '2025-02-01', '55.55', '5.00'),
      row('IMP-4', 'MA', '2025-01-31', '1.00', null),
    ]);
    expect(second.issues).toEqual([]);
    await expectConsistent();
  }, 60_000);
});
