import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTable, csvLine, skipForeignKeyTriggers, withBulkSession } from '../../../db/bulk';
import { orders } from '../../../db/schema';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import { rebuildCustomerMetrics } from './metrics.rebuild';
import { metricsSnapshot, seedWorkspace } from './metrics.test-support';

const drivers = await testDrivers();

const STATUSES = ['draft', 'confirmed', 'shipped', 'completed', 'cancelled'] as const;
const TYPES = ['visit', 'call', 'email', 'meeting'] as const;

// Days around a turn of the year (same-day collisions, month and year boundaries).
const day = fc
  .integer({ min: 0, max: 70 })
  .map((d) => new Date(Date.UTC(2024, 10, 25 + d)).toISOString().slice(0, 10));
const amount = fc.integer({ min: -50_000, max: 1_000_000 }).map((c) => (c / 100).toFixed(2));
const cost = fc.option(fc.integer({ min: 0, max: 500_000 }).map((c) => (c / 100).toFixed(2)));
// Instants around midnight UTC+8 at the turn of a month (Asia/Shanghai buckets them into the next month).
const instant = fc
  .integer({ min: 0, max: 24 * 70 })
  .map((h) => new Date(Date.UTC(2024, 10, 25) + h * 3_600_000 + 1_800_000).toISOString());
const pick = fc.nat();

const order = fc.record({ c: pick, day, amount, cost, status: fc.constantFrom(...STATUSES) });
const op = fc.oneof(
  fc.record({ k: fc.constant('insert' as const), rows: fc.array(order, { minLength: 1, maxLength: 6 }) }),
  fc.record({ k: fc.constant('amount' as const), o: pick, amount, cost }),
  fc.record({ k: fc.constant('date' as const), o: pick, day }),
  fc.record({ k: fc.constant('customer' as const), o: pick, c: pick }),
  fc.record({ k: fc.constant('status' as const), o: pick, status: fc.constantFrom(...STATUSES) }),
  fc.record({ k: fc.constant('softDelete' as const), o: pick }),
  fc.record({ k: fc.constant('undelete' as const), o: pick }),
  fc.record({ k: fc.constant('delete' as const), o: pick }),
  fc.record({ k: fc.constant('move' as const), from: pick, to: pick }),
  fc.record({ k: fc.constant('shift' as const), days: fc.integer({ min: -40, max: 40 }) }),
  fc.record({
    k: fc.constant('activity' as const),
    rows: fc.array(fc.record({ c: pick, at: instant, type: fc.constantFrom(...TYPES) }), {
      minLength: 1,
      maxLength: 4,
    }),
  }),
  fc.record({
    k: fc.constant('activityEdit' as const),
    a: pick,
    at: instant,
    type: fc.constantFrom(...TYPES),
    c: pick,
  }),
  fc.record({ k: fc.constant('activityDelete' as const), a: pick, soft: fc.boolean() }),
  fc.record({ k: fc.constant('activityUndelete' as const), a: pick }),
);
// The window rows' anchor (migration 0012): none, or a month around the orders' days with an RFM window.
const anchor = fc.option(
  fc.record({
    month: fc
      .integer({ min: 0, max: 5 })
      .map((m) => new Date(Date.UTC(2024, 9 + m, 1)).toISOString().slice(0, 10)),
    rfm: fc.integer({ min: 1, max: 14 }),
  }),
);
const anchorAt = (s: { query: (q: string, p: unknown[]) => Promise<unknown> }, ws: number, a: Anchor) =>
  a && s.query('select kehu_anchor_customer_windows($1::bigint, $2::date, $3::int)', [ws, a.month, a.rfm]);
type Anchor = typeof anchor extends fc.Arbitrary<infer T> ? T : never;
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe.each(drivers)('incremental customer metrics on %s', (kind) => {
  let db: TestDb;
  let runs = 0;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  it('equal a full recomputation after random inserts, updates and deletes (raw SQL)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), anchor, anchor, async (ops, a, b) => {
        const slug = `m${runs++}`;
        await withBulkSession(db, async (s) => {
          const { workspaceId: ws, userId, customerIds } = await seedWorkspace(s, slug, 4);
          const cust = (i: number) => customerIds[i % customerIds.length]!;
          await anchorAt(s, ws, a);
          const ids = async (table: string) =>
            (
              await s.query<{ id: string }>(
                `select id::text from ${table} where workspace_id = $1 order by id`,
                [ws],
              )
            ).map((r) => Number(r.id));
          const nth = async (table: string, i: number) => {
            const all = await ids(table);
            return all.length ? all[i % all.length]! : null;
          };
          let no = 0;
          for (const [i, o] of (ops as Op[]).entries()) {
            if (i === Math.floor(ops.length / 2)) await anchorAt(s, ws, b); // a re-anchor between writes
            switch (o.k) {
              case 'insert': {
                const values: unknown[] = [];
                const tuples = o.rows.map((r) => {
                  values.push(`${slug}-${no++}`, cust(r.c), r.day, r.status, r.amount, r.cost);
                  const b = values.length - 6;
                  return `(${ws}, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6})`;
                });
                await s.query(
                  `insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost)
                   values ${tuples.join(', ')}`,
                  values,
                );
                break;
              }
              case 'amount':
                await s.query(
                  'update orders set total_amount = $2, total_cost = $3 where workspace_id = $4 and id = $1',
                  [await nth('orders', o.o), o.amount, o.cost, ws],
                );
                break;
              case 'date':
                await s.query('update orders set ordered_at = $2 where workspace_id = $3 and id = $1', [
                  await nth('orders', o.o),
                  o.day,
                  ws,
                ]);
                break;
              case 'customer':
                await s.query('update orders set customer_id = $2 where workspace_id = $3 and id = $1', [
                  await nth('orders', o.o),
                  cust(o.c),
                  ws,
                ]);
                break;
              case 'status':
                await s.query('update orders set status = $2 where workspace_id = $3 and id = $1', [
                  await nth('orders', o.o),
                  o.status,
                  ws,
                ]);
                break;
              case 'softDelete':
                await s.query('update orders set deleted_at = now() where workspace_id = $2 and id = $1', [
                  await nth('orders', o.o),
                  ws,
                ]);
                break;
              case 'undelete':
                await s.query('update orders set deleted_at = null where workspace_id = $2 and id = $1', [
                  await nth('orders', o.o),
                  ws,
                ]);
                break;
              case 'delete':
                await s.query('delete from orders where workspace_id = $2 and id = $1', [
                  await nth('orders', o.o),
                  ws,
                ]);
                break;
              case 'move': // a customer merge: every order and activity of one customer to another
                await s.query(
                  'update orders set customer_id = $2 where workspace_id = $3 and customer_id = $1',
                  [cust(o.from), cust(o.to), ws],
                );
                await s.query(
                  'update activities set customer_id = $2 where workspace_id = $3 and customer_id = $1',
                  [cust(o.from), cust(o.to), ws],
                );
                break;
              case 'shift':
                await s.query('update orders set ordered_at = ordered_at + $1::int where workspace_id = $2', [
                  o.days,
                  ws,
                ]);
                break;
              case 'activity':
                for (const r of o.rows) {
                  await s.query(
                    `insert into activities (workspace_id, customer_id, type, subject, occurred_at, author_id)
                     values ($1, $2, $3, 's', $4, $5)`,
                    [ws, cust(r.c), r.type, r.at, userId],
                  );
                }
                break;
              case 'activityEdit':
                await s.query(
                  'update activities set occurred_at = $2, type = $3, customer_id = $4 where workspace_id = $5 and id = $1',
                  [await nth('activities', o.a), o.at, o.type, cust(o.c), ws],
                );
                break;
              case 'activityDelete':
                await s.query(
                  o.soft
                    ? 'update activities set deleted_at = now() where workspace_id = $2 and id = $1'
                    : 'delete from activities where workspace_id = $2 and id = $1',
                  [await nth('activities', o.a), ws],
                );
                break;
              case 'activityUndelete':
                await s.query('update activities set deleted_at = null where workspace_id = $2 and id = $1', [
                  await nth('activities', o.a),
                  ws,
                ]);
                break;
            }
          }
          const incremental = await metricsSnapshot(s, ws);
          await rebuildCustomerMetrics(s, ws);
          expect(incremental).toEqual(await metricsSnapshot(s, ws));
        });
      }),
      { numRuns: kind === 'pglite' ? 60 : 40 },
    );
  }, 240_000);
  it('fire under session_replication_role = replica, for a COPY as the importer does it', async () => {
    await withBulkSession(db, async (s) => {
      const { workspaceId, customerIds } = await seedWorkspace(s, 'replica', 50);
      await anchorAt(s, workspaceId, { month: '2025-06-01', rfm: 5 });
      expect(await skipForeignKeyTriggers(s)).toBe(true);
      const [role] = await s.query<{ r: string }>('select current_setting($1) as r', [
        'session_replication_role',
      ]);
      expect(role!.r).toBe('replica');
      const table = copyTable<typeof orders.$inferInsert>(orders, [
        'workspaceId',
        'orderNo',
        'customerId',
        'orderedAt',
        'status',
        'totalAmount',
        'totalCost',
      ]);
      const lines = Array.from({ length: 2000 }, (_, i) =>
        csvLine(table, {
          workspaceId,
          orderNo: `R-${i}`,
          customerId: customerIds[i % 50]!,
          orderedAt: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
          status: i % 7 === 0 ? 'cancelled' : 'completed',
          totalAmount: ((i * 37) % 10_000) / 100,
          totalCost: i % 3 === 0 ? null : ((i * 11) % 5_000) / 100,
        }),
      );
      await s.copy(table, lines);
      await s.query('set local session_replication_role = origin');
      const incremental = await metricsSnapshot(s, workspaceId);
      expect(incremental.customers).toHaveLength(50);
      expect(incremental.windows).toHaveLength(50);
      await rebuildCustomerMetrics(s, workspaceId);
      expect(incremental).toEqual(await metricsSnapshot(s, workspaceId));
    });
  });
});
