import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { orderTotalsOfCustomer, recentOrdersOfCustomer } from './index';

const drivers = await testDrivers();

type Json = Record<string, unknown>;

describe.each(drivers)('order lists and customer totals on %s', (kind) => {
  let t: TestApp;
  let ws: number;
  let a: number; // the customer with a history
  let b: number; // a neighbour whose orders must not count
  let c: number; // another rep's customer, out of sight of sales
  const ids: Record<string, number> = {};

  const post = (path: string, payload: Json) =>
    t.as(t.fx.users.admin, { method: 'POST', url: `/api/v1${path}`, payload });
  const get = (url: string, user: keyof TestApp['fx']['users'] = 'sales') =>
    t.as(t.fx.users[user], { method: 'GET', url: `/api/v1${url}` });
  const addOrder = async (
    name: string,
    customerId: number,
    orderedAt: string,
    amount: string,
    status = 'confirmed',
  ) => {
    const res = await post('/orders', {
      orderNo: name,
      customerId,
      orderedAt,
      status,
      lines: [{ description: name, quantity: '1', unitPrice: amount }],
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    ws = t.fx.workspaceId;
    const customer = async (name: string) =>
      (await post('/customers', { name, ownerId: t.fx.users.sales.userId })).json().id as number;
    a = await customer('客户甲');
    b = await customer('客户乙');
    await addOrder('A-TODAY', a, '2026-06-30', '100.00');
    await addOrder('A-EDGE-IN', a, '2025-07-01', '0.10', 'completed');
    await addOrder('A-EDGE-OUT', a, '2025-06-30', '0.20', 'shipped');
    await addOrder('A-OLD', a, '2024-01-01', '1000.00', 'draft');
    await addOrder('A-CANCELLED', a, '2026-06-01', '500.00', 'cancelled');
    await addOrder('A-DELETED', a, '2026-06-02', '700.00');
    await t.as(t.fx.users.admin, { method: 'DELETE', url: `/api/v1/orders/${ids['A-DELETED']}` });
    await addOrder('B-1', b, '2026-06-30', '999999999999.99');
    await addOrder('B-2', b, '2026-06-30', '999999999999.99');
    await addOrder('B-3', b, '2026-06-29', '0.01');
    c = (await post('/customers', { name: '客户丙（保密）', ownerId: t.fx.users.sales2.userId })).json().id;
    await addOrder('C-HIDDEN', c, '2026-06-30', '5.00');
  });
  afterAll(() => t.close());

  it('sums a customer’s live orders exactly: last 12 months, lifetime, last date and count', async () => {
    expect(await orderTotalsOfCustomer(t.db.db, ws, a, '2026-06-30')).toEqual({
      last12Months: '100.10', // today and 2025-07-01; 2025-06-30 is 12 months ago, outside
      lifetime: '1100.30', // cancelled and deleted orders excluded
      lastOrderDate: '2026-06-30',
      orderCount: 4,
    });
    expect(await orderTotalsOfCustomer(t.db.db, ws, b, '2026-06-30')).toEqual({
      last12Months: '1999999999999.99',
      lifetime: '1999999999999.99',
      lastOrderDate: '2026-06-30',
      orderCount: 3,
    });
    const empty = (await post('/customers', { name: '新客户' })).json().id;
    expect(await orderTotalsOfCustomer(t.db.db, ws, empty, '2026-06-30')).toEqual({
      last12Months: '0.00',
      lifetime: '0.00',
      lastOrderDate: null,
      orderCount: 0,
    });
    // another workspace sees nothing of it
    const other = await orderTotalsOfCustomer(t.db.db, t.fx.otherWorkspaceId, a, '2026-06-30');
    expect(other.orderCount).toBe(0);
  });

  it('lists a customer’s recent orders, cancelled included, deleted not', async () => {
    const recent = await recentOrdersOfCustomer(t.db.db, ws, a, 3);
    expect(recent.map((o) => o.orderNo)).toEqual(['A-TODAY', 'A-CANCELLED', 'A-EDGE-IN']);
    expect(recent[0]).toMatchObject({ orderedAt: '2026-06-30', totalAmount: '100.00', customerId: a });
  });

  it('pages newest first with a keyset cursor, ties broken by id', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = (await get(`/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...(page.items as Json[]).map((o) => o.orderNo as string));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    expect(seen).toEqual(['B-2', 'B-1', 'A-TODAY', 'B-3', 'A-CANCELLED', 'A-EDGE-IN', 'A-EDGE-OUT', 'A-OLD']);
    expect((await get('/orders?cursor=e30')).statusCode).toBe(422);
  });

  it('names each row’s customer, and only customers the caller may see', async () => {
    const code = async (id: number) => (await get(`/customers/${id}`, 'admin')).json().code as string;
    const [codeA, codeB, codeC] = [await code(a), await code(b), await code(c)];
    expect(new Set([codeA, codeB, codeC]).size).toBe(3);
    const rows = async (user: keyof TestApp['fx']['users'], url = '/orders?limit=100') =>
      ((await get(url, user)).json().items as Json[]).map((o) => [
        o.orderNo,
        o.customerId,
        o.customerName,
        o.customerCode,
      ]);
    const sales = await rows('sales');
    expect(sales.slice(0, 3)).toEqual([
      ['B-2', b, '客户乙', codeB],
      ['B-1', b, '客户乙', codeB],
      ['A-TODAY', a, '客户甲', codeA],
    ]);
    expect(sales).toHaveLength(8);
    for (const [, customerId, name, code] of sales) {
      expect([customerId, name, code]).toEqual(
        customerId === a ? [a, '客户甲', codeA] : [b, '客户乙', codeB],
      );
    }
    // the rep who owns 客户丙 sees its order and its name, nothing of the others
    expect(await rows('sales2')).toEqual([['C-HIDDEN', c, '客户丙（保密）', codeC]]);
    const hiddenFromSales = JSON.stringify((await get('/orders?limit=100')).json());
    expect(hiddenFromSales).not.toContain('客户丙');
    expect(hiddenFromSales).not.toContain(codeC);
    expect(await rows('sales', `/orders?customerId=${c}`)).toEqual([]);
    expect(await rows('salesNorth')).toEqual([]);
    expect(await rows('otherAdmin')).toEqual([]);
    // the branch manager sees all three; the customer's own list names it too
    expect((await rows('manager')).filter((r) => r[0] === 'C-HIDDEN')).toEqual([
      ['C-HIDDEN', c, '客户丙（保密）', codeC],
    ]);
    expect(await rows('sales', `/customers/${a}/orders?limit=1`)).toEqual([['A-TODAY', a, '客户甲', codeA]]);
    // the totals stay exact decimal strings on the page
    const b2 = ((await get('/orders?limit=1')).json().items as Json[])[0];
    expect(b2).toMatchObject({ totalAmount: '999999999999.99', totalCost: null, status: 'confirmed' });
    // A list row is the order as read alone, without its lines, plus its customer's name and code.
    const { customerName: _n, customerCode: _c, ...orderOnly } = b2!;
    const { lines: _l, ...read } = (await get(`/orders/${b2!.id}`)).json();
    expect(orderOnly).toEqual(read);
  });

  it('filters by customer, status, date range and order number', async () => {
    const nos = async (url: string) =>
      ((await get(url)).json().items as Json[]).map((o) => o.orderNo as string);
    expect(await nos(`/orders?customerId=${b}`)).toEqual(['B-2', 'B-1', 'B-3']);
    expect(await nos(`/customers/${a}/orders?status=draft,shipped`)).toEqual(['A-EDGE-OUT', 'A-OLD']);
    expect(await nos('/orders?status=cancelled&status=completed')).toEqual(['A-CANCELLED', 'A-EDGE-IN']);
    expect(await nos('/orders?orderedFrom=2025-06-30&orderedTo=2025-07-01')).toEqual([
      'A-EDGE-IN',
      'A-EDGE-OUT',
    ]);
    expect(await nos('/orders?q=edge')).toEqual(['A-EDGE-IN', 'A-EDGE-OUT']);
    expect(await nos('/orders?q=_')).toEqual([]); // LIKE wildcards match literally
    expect(await nos(`/customers/${a}/orders?limit=1`)).toEqual(['A-TODAY']);
    const bad = await get('/orders?status=lost&orderedFrom=yesterday');
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: Json) => e.field)
        .sort(),
    ).toEqual(['orderedFrom', 'status.0']);
  });
});
