import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../../db/testing';
import { createTestApp, type TestApp } from '../../../testing';
import { importRows, issueSummary, rowsOf, type Values } from './engine.test-support';
import { runImport } from './run-import';

const drivers = await testDrivers();

describe.each(drivers)('order import engine on %s', (kind) => {
  let t: TestApp;
  let admin: { workspaceId: number; userId: number };
  const q = async <T>(text: string) => (await t.db.db.execute(text)) as unknown as { rows: T[] } | T[];
  const rows = async <T>(text: string): Promise<T[]> => {
    const r = await q<T>(text);
    return Array.isArray(r) ? r : r.rows;
  };
  const orderCount = async () => (await rows<{ n: number }>('select count(*)::int as n from orders'))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { fx } = t;
    admin = { workspaceId: fx.workspaceId, userId: fx.users.admin.userId };
    const ws = fx.workspaceId;
    await t.db.db.execute(
      `insert into customers (workspace_id, code, name, type, status, owner_id, branch_id) values
       (${ws}, 'C1', '杭州一号', 'enterprise', 'active', ${fx.users.sales.userId}, ${fx.branches.east}),
       (${ws}, 'C2', '宁波二号', 'enterprise', 'active', ${fx.users.sales2.userId}, ${fx.branches.east}),
       (${ws}, 'C3', '北京三号', 'dealer', 'active', ${fx.users.salesNorth.userId}, ${fx.branches.north})`,
    );
    await t.db.db.execute(
      `insert into products (workspace_id, code, name, unit, list_price) values
       (${ws}, 'P1', '阀门', '个', 50.00), (${ws}, 'P2', '管道', '米', 10.00)`,
    );
  });
  afterAll(() => t.close());

  const base: Values[] = [
    {
      customer_code: 'C1',
      order_no: 'SO-1',
      ordered_at: '2024-03-05',
      amount: '100.00',
      cost: '60.00',
      product_code: 'P1',
      quantity: '2',
      unit_price: '50.00',
    },
    {
      customer_code: 'C1',
      order_no: 'SO-1',
      ordered_at: '2024-03-05',
      amount: '50.50',
      cost: null,
      product_code: 'P2',
      quantity: null,
      unit_price: null,
    },
    {
      customer_code: 'C2',
      order_no: 'SO-2',
      ordered_at: '2024-03-06',
      amount: '-20.00',
      currency: 'usd',
      status: 'cancelled',
      notes: '退货',
    },
  ];

  it('writes orders with their lines, and a second import of the same rows changes nothing', async () => {
    const first = await importRows(t.db, admin, 'orders', base);
    expect(first).toMatchObject({
      rows: 3,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      invalid: 0,
      written: true,
    });
    expect(first.issues).toEqual([]);
    const orders = await rows<Record<string, unknown>>(
      `select order_no, total_amount::text, total_cost::text, currency, status, source, notes, version
         from orders order by order_no`,
    );
    expect(orders).toEqual([
      {
        order_no: 'SO-1',
        total_amount: '150.50',
        total_cost: '60.00',
        currency: 'CNY',
        status: 'completed',
        source: 'import',
        notes: null,
        version: 1,
      },
      {
        order_no: 'SO-2',
        total_amount: '-20.00',
        total_cost: null,
        currency: 'USD',
        status: 'cancelled',
        source: 'import',
        notes: '退货',
        version: 1,
      },
    ]);
    const lines = await rows<Record<string, unknown>>(
      `select o.order_no, l.line_no, p.code, l.description, l.quantity::text, l.unit_price::text,
              l.unit_cost::text, l.amount::text
         from order_lines l join orders o on o.id = l.order_id left join products p on p.id = l.product_id
        order by o.order_no, l.line_no`,
    );
    expect(lines).toEqual([
      {
        order_no: 'SO-1',
        line_no: 1,
        code: 'P1',
        description: null,
        quantity: '2.000',
        unit_price: '50.00',
        unit_cost: '30.00',
        amount: '100.00',
      },
      {
        order_no: 'SO-1',
        line_no: 2,
        code: 'P2',
        description: null,
        quantity: '1.000',
        unit_price: '50.50',
        unit_cost: null,
        amount: '50.50',
      },
      {
        order_no: 'SO-2',
        line_no: 1,
        code: null,
        description: '退货',
        quantity: '1.000',
        unit_price: '-20.00',
        unit_cost: null,
        amount: '-20.00',
      },
    ]);
    const audit = await rows<{ after: Record<string, unknown>; actor_id: string }>(
      `select after, actor_id::text from audit_log where entity = 'import'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ entity: 'orders', fileName: 'orders.csv', inserted: 2, rows: 3 });
    const [entry] = await rows<{ id: string }>(
      `select entity_id::text as id from audit_log where entity = 'import'`,
    );
    const history = await t.as(t.fx.users.admin, { method: 'GET', url: `/api/v1/audit/import/${entry!.id}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toMatchObject([
      { action: 'create', after: { entity: 'orders', inserted: 2 } },
    ]);
    const denied = await t.as(t.fx.users.manager, {
      method: 'GET',
      url: `/api/v1/audit/import/${entry!.id}`,
    });
    expect(denied.statusCode).toBe(403);

    const stamps = await rows('select id, version, updated_at from orders order by id');
    const again = await importRows(t.db, admin, 'orders', base);
    expect(again).toMatchObject({ rows: 3, inserted: 0, updated: 0, unchanged: 2, written: true });
    expect(await rows('select id, version, updated_at from orders order by id')).toEqual(stamps);
    expect(await rows(`select 1 from audit_log where entity = 'import'`)).toHaveLength(1);

    // One changed line: the order is updated once and its lines replaced.
    const changed = base.map((r, i) => (i === 1 ? { ...r, amount: '60.00' } : r));
    const third = await importRows(t.db, admin, 'orders', changed);
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(
      await rows(`select total_amount::text as total, version from orders where order_no = 'SO-1'`),
    ).toEqual([{ total: '160.00', version: 2 }]);
  });

  it('rejects unknown customers and products, and one order number with two customers', async () => {
    const before = await orderCount();
    const bad: Values[] = [
      { customer_code: 'NOPE', order_no: 'SO-10', ordered_at: '2024-01-01', amount: '1.00' },
      {
        customer_code: 'C1',
        order_no: 'SO-11',
        ordered_at: '2024-01-01',
        amount: '1.00',
        product_code: 'PX',
      },
      { customer_code: 'C1', order_no: 'SO-12', ordered_at: '2024-01-01', amount: '1.00' },
      { customer_code: 'C2', order_no: 'SO-12', ordered_at: '2024-01-01', amount: '2.00' },
      { customer_code: 'C1', order_no: 'SO-13', ordered_at: '2024-01-01', amount: '2.00', currency: 'R1B' },
    ];
    const result = await importRows(t.db, admin, 'orders', bad);
    expect(result).toMatchObject({ rows: 5, invalid: 5, inserted: 0, written: false });
    expect(issueSummary(result.issues)).toEqual(
      [
        '2:customer_code:unknown_customer',
        '3:product_code:unknown_product',
        '5:order_no:order_conflict',
        '4:-:order_has_invalid_lines',
        '6:currency:currency_invalid',
      ].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0])),
    );
    expect(result.issues.find((i) => i.code === 'order_conflict')).toMatchObject({
      value: 'SO-12',
      params: { value: 'SO-12', other: 4 },
    });
    expect(await orderCount()).toBe(before);
  });

  it('checks quantities, totals and currencies per order, issues of a line in a fixed order', async () => {
    const line = { customer_code: 'C1', ordered_at: '2024-01-01' };
    const big = '600000000000.00';
    const result = await importRows(t.db, admin, 'orders', [
      { ...line, order_no: 'SO-30', amount: big },
      { ...line, order_no: 'SO-30', amount: big },
      { ...line, order_no: 'SO-31', amount: '1.00', currency: 'cny' },
      { ...line, order_no: 'SO-31', amount: '1.00', currency: 'CNY' },
      { ...line, order_no: 'SO-32', amount: '1.00', product_code: 'PX', quantity: '0', currency: 'C1' },
    ]);
    expect(issueSummary(result.issues)).toEqual([
      '2:amount:out_of_range',
      '3:amount:out_of_range',
      '6:product_code:unknown_product',
      '6:currency:currency_invalid',
      '6:quantity:quantity_zero',
    ]);
    expect(result).toMatchObject({ rows: 5, invalid: 3, written: false });
  });

  it('skip-invalid writes the good orders and skips an order with a bad line whole', async () => {
    const before = await orderCount();
    const mixed: Values[] = [
      { customer_code: 'C1', order_no: 'SO-20', ordered_at: '2024-02-01', amount: '10.00' },
      {
        customer_code: 'C1',
        order_no: 'SO-21',
        ordered_at: '2024-02-01',
        amount: '10.00',
        product_code: 'P1',
      },
      {
        customer_code: 'C1',
        order_no: 'SO-21',
        ordered_at: '2024-02-01',
        amount: '10.00',
        product_code: 'BAD',
      },
    ];
    // Orders have no 查重: merging duplicates is accepted and changes nothing.
    const merging = await runImport(
      t.db,
      {
        workspaceId: admin.workspaceId,
        actorId: admin.userId,
        entity: 'orders',
        mode: 'dry-run',
        locale: 'en',
        mergeDuplicates: true,
      },
      rowsOf(mixed),
      { onIssue: () => {} },
    );
    expect(merging).toMatchObject({ rows: 3, invalid: 2, inserted: 1, duplicates: 0, merged: 0 });
    const dry = await importRows(t.db, admin, 'orders', mixed, 'dry-run');
    expect(dry).toMatchObject({ rows: 3, invalid: 2, inserted: 1, written: false });
    expect(await orderCount()).toBe(before);
    const result = await importRows(t.db, admin, 'orders', mixed, 'skip-invalid');
    expect(result).toMatchObject({ rows: 3, invalid: 2, inserted: 1, written: true });
    expect(issueSummary(result.issues)).toEqual([
      '3:-:order_has_invalid_lines',
      '4:product_code:unknown_product',
    ]);
    expect(await rows(`select order_no from orders where order_no like 'SO-2_'`)).toEqual([
      { order_no: 'SO-20' },
    ]);
  });

  it('writes nothing when row N is bad or the stream fails at row N', async () => {
    const before = await orderCount();
    const many = (n: number): Values[] =>
      Array.from({ length: n }, (_, i) => ({
        customer_code: 'C3',
        order_no: `N-${i}`,
        ordered_at: '2024-05-01',
        amount: '1.00',
      }));
    const issues = new Map([
      [1502, [{ line: 1502, column: '下单日期', value: '2024-02-30', code: 'invalid_date' }]],
    ]);
    const result = await importRows(t.db, admin, 'orders', rowsOf(many(3000), issues));
    expect(result).toMatchObject({ rows: 3000, invalid: 1, inserted: 0, written: false });
    expect(result.issues).toEqual([
      { line: 1502, column: '下单日期', value: '2024-02-30', code: 'invalid_date' },
    ]);
    expect(await orderCount()).toBe(before);

    async function* failing() {
      let n = 0;
      for await (const row of rowsOf(many(3000))) {
        if (++n === 2500) throw new Error('file truncated');
        yield row;
      }
    }
    await expect(importRows(t.db, admin, 'orders', failing())).rejects.toThrow('file truncated');
    expect(await orderCount()).toBe(before);
    // The staging tables went with the transaction: the next import works.
    expect((await importRows(t.db, admin, 'orders', many(2), 'dry-run')).inserted).toBe(2);
  });

  it('lets a sales rep import only orders of their own customers', async () => {
    const sales = { workspaceId: t.fx.workspaceId, userId: t.fx.users.sales.userId };
    const result = await importRows(
      t.db,
      sales,
      'orders',
      [
        { customer_code: 'C1', order_no: 'SO-30', ordered_at: '2024-02-01', amount: '10.00' },
        { customer_code: 'C2', order_no: 'SO-31', ordered_at: '2024-02-01', amount: '10.00' },
      ],
      'skip-invalid',
    );
    expect(result).toMatchObject({ inserted: 1, invalid: 1 });
    expect(result.issues).toEqual([
      { line: 3, column: 'customer_code', value: 'C2', code: 'customer_forbidden', params: { value: 'C2' } },
    ]);
  });

  it('imports 20,000 order lines in chunks', async () => {
    const n = 20_000;
    function* lines(): Generator<Values> {
      for (let i = 0; i < n; i++) {
        yield {
          customer_code: `C${(Math.floor(i / 4) % 3) + 1}`,
          order_no: `BIG-${Math.floor(i / 4)}`,
          ordered_at: '2024-06-01',
          amount: `${(i % 997) + 0.25}`,
          cost: `${(i % 97) + 0.5}`,
          product_code: i % 2 === 0 ? 'P1' : null,
          quantity: `${(i % 5) + 1}`,
          unit_price: null,
        };
      }
    }
    const result = await importRows(t.db, admin, 'orders', lines());
    expect(result).toMatchObject({ rows: n, inserted: n / 4, invalid: 0, written: true });
    const [sum] = await rows<{ lines: number; total: string }>(
      `select count(*)::int as lines, sum(l.amount)::text as total from order_lines l
         join orders o on o.id = l.order_id where o.order_no like 'BIG-%'`,
    );
    let expected = 0n;
    for (let i = 0; i < n; i++) expected += BigInt((i % 997) * 100 + 25);
    expect(sum).toEqual({
      lines: n,
      total: `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`,
    });
  }, 120_000);
});
