import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/rows';
import { customers, orders, products } from '../../../db/schema';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import { nameWindows } from '../../../shared/customers/name-windows';
import { verifyPassword } from '../auth/password';
import { copyTable, loadGroup, withBulkSession } from './demo.loader';
import { DEMO_PASSWORD, ensureDemoOrg } from './demo.org';
import { type SeedDemoResult, seedDemo } from './demo.service';
import { DEMO_TABLES } from './demo.tables';

const drivers = await testDrivers();
const NOW = new Date('2025-06-30T04:00:00Z');

describe.each(drivers)('seedDemo on %s', (kind) => {
  let db: TestDb;
  let result: SeedDemoResult;
  const progress = new Map<string, { done: number; total: number }>();

  beforeAll(async () => {
    db = await createTestDb(kind);
    result = await seedDemo(db, {
      customers: 300,
      seed: 5,
      now: NOW,
      chunkRows: 1000, // several chunks per table
      onProgress: (p) => progress.set(p.table, p),
    });
  });
  afterAll(() => db?.close());

  const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(db.db, query))[0] as T;

  it('loads every table with the reported counts, and reports progress to the end', async () => {
    expect(result.counts).toMatchObject({
      products: 61,
      customers: 300,
      contacts: 900,
      orders: 3000,
      activities: 3000,
    });
    for (const table of DEMO_TABLES) {
      const { n } = await one<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
      expect(n, table).toBe(result.counts[table]);
      expect(progress.get(table), table).toEqual({ table, done: n, total: n });
    }
    expect(progress.get('indexes')?.done).toBeGreaterThan(10); // a fresh database: built after the load
    expect(result.counts.order_lines).toBeGreaterThan(3000);
    expect(result.counts.activity_contacts).toBeGreaterThan(1000);
  });

  it('keeps every foreign key intact', async () => {
    const orphans = await one<Record<string, number>>(sql`
      select
        (select count(*)::int from orders o where not exists
           (select 1 from customers c where c.workspace_id = o.workspace_id and c.id = o.customer_id)) as orders,
        (select count(*)::int from order_lines l where not exists
           (select 1 from orders o where o.workspace_id = l.workspace_id and o.id = l.order_id)) as lines,
        (select count(*)::int from order_lines l where l.product_id is not null and not exists
           (select 1 from products p where p.workspace_id = l.workspace_id and p.id = l.product_id)) as products,
        (select count(*)::int from contacts k where not exists
           (select 1 from customers c where c.workspace_id = k.workspace_id and c.id = k.customer_id)) as contacts,
        (select count(*)::int from activity_contacts x where not exists
           (select 1 from contacts k where k.workspace_id = x.workspace_id and k.id = x.contact_id)) as links,
        (select count(*)::int from customers c where not exists
           (select 1 from users u where u.workspace_id = c.workspace_id and u.id = c.owner_id)) as owners,
        (select count(*)::int from activities a where not exists
           (select 1 from users u where u.workspace_id = a.workspace_id and u.id = a.author_id)) as authors`);
    expect(orphans).toEqual({
      orders: 0,
      lines: 0,
      products: 0,
      contacts: 0,
      links: 0,
      owners: 0,
      authors: 0,
    });
  });

  it('rebuilds every secondary index it dropped', async () => {
    const { names } = await one<{ names: string[] }>(sql`
      select array_agg(indexname::text order by indexname) as names from pg_indexes
       where schemaname = 'public' and indexname in ('customers_code_prefix_idx', 'customers_name_trgm_idx',
             'contacts_phones_idx', 'orders_date_idx', 'activities_follow_up_idx', 'order_lines_product_idx')`);
    expect(names).toHaveLength(6);
    const { def } = await one<{ def: string }>(
      sql`select indexdef as def from pg_indexes where indexname = 'activities_follow_up_idx'`,
    );
    expect(def).toMatch(/WHERE \(?next_follow_up_on IS NOT NULL/);
  });

  it('fills the name windows (as the search computes them) and stores exact money', async () => {
    const rows = await queryRows<{ name: string; short_name: string | null; windows: string[] | null }>(
      db.db,
      sql`
      select c.name, c.short_name,
             (select array_agg(w.win order by w.win) from customer_name_windows w
               where w.workspace_id = c.workspace_id and w.customer_id = c.id) as windows
        from customers c order by c.id limit 300`,
    );
    expect(rows).toHaveLength(300);
    for (const r of rows) expect(r.windows ?? []).toEqual(nameWindows(r.name, r.short_name));
    const { without } = await one<{ without: number }>(sql`
      select count(*)::int as without from customers c where not exists
        (select 1 from customer_name_windows w where w.workspace_id = c.workspace_id and w.customer_id = c.id)`);
    expect(without).toBe(0);
    const money = await one<{ bad: number }>(sql`
      select count(*)::int as bad from orders o
       where o.total_amount <> (select sum(l.amount) from order_lines l
                                 where l.workspace_id = o.workspace_id and l.order_id = o.id)`);
    expect(money.bad).toBe(0);
  });

  it('moves identities and code counters past the loaded rows', async () => {
    const workspaceId = result.workspaceId;
    const [c] = await db.db
      .insert(customers)
      .values({
        workspaceId,
        code: 'C-NEW-1',
        name: '新客户有限公司',
        type: 'enterprise',
        status: 'prospect',
      })
      .returning({ id: customers.id });
    expect(c?.id).toBeGreaterThan(300);
    const [o] = await db.db
      .insert(orders)
      .values({
        workspaceId,
        orderNo: 'SO-NEW-1',
        customerId: c!.id,
        orderedAt: '2025-06-30',
        status: 'draft',
        totalAmount: '1.00',
      })
      .returning({ id: orders.id });
    expect(o?.id).toBeGreaterThan(3000);
    const [p] = await db.db
      .insert(products)
      .values({ workspaceId, code: 'NEW-1', name: '新产品', unit: '台' })
      .returning({ id: products.id });
    expect(p?.id).toBeGreaterThan(61);
    const seq = await one<{ customer: number; order: number }>(sql`
      select (select sum(value)::int from code_sequences where scope = 'customer') as customer,
             (select sum(value)::int from code_sequences where scope = 'order') as order`);
    expect(seq).toEqual({ customer: 300, order: 3000 });
  });

  it('refuses a workspace that has data, and reuses the organisation', async () => {
    await expect(seedDemo(db, { customers: 10, now: NOW })).rejects.toMatchObject({
      code: 'workspace_not_empty',
    });
    const again = await ensureDemoOrg(db.db, result.workspaceId, { salesPerBranch: 3 });
    expect(again.users.map((u) => u.id)).toEqual(result.logins.map((u) => u.id));
    const admin = result.logins.find((u) => u.email === 'admin@kehu.demo');
    expect(admin?.role).toBe('admin');
    const [hash] = await queryRows<{ h: string }>(
      db.db,
      sql`select password_hash as h from users where id = ${admin!.id}`,
    );
    expect(await verifyPassword(hash!.h, DEMO_PASSWORD)).toBe(true);
  });

  it('rolls a failed bulk load back completely', async () => {
    const table = copyTable<{ workspaceId: number; id: number; code: string; name: string; unit: string }>(
      products,
      ['workspaceId', 'id', 'code', 'name', 'unit'],
    );
    const rows = [1, 2, 3].map((i) => ({
      workspaceId: result.workspaceId,
      id: 90_000 + i,
      code: `RB-${i}`,
      name: '回滚',
      unit: '台',
    }));
    await expect(
      withBulkSession(db, async (session) => {
        await loadGroup(session, { tables: [table], totals: [3], items: rows, split: (r, out) => out(0, r) });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { n } = await one<{ n: number }>(
      sql`select count(*)::int as n from products where code like 'RB-%'`,
    );
    expect(n).toBe(0);
  });
});
