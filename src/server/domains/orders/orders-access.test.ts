import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityEvents } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];
type Json = Record<string, unknown>;

describe.each(drivers)('order access on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  let orderId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    customerId = (await call('sales', 'POST', '/api/v1/customers', { name: '宁波私有客户' })).json().id;
    orderId = (await call('sales', 'POST', '/api/v1/orders', order({ orderNo: 'PRIV-1' }))).json().id;
  });
  afterAll(() => t.close());

  function call(user: UserKey, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Json) {
    return t.as(t.fx.users[user], { method, url, payload });
  }
  const order = (extra: Json = {}): Json => ({
    customerId,
    orderedAt: '2026-05-20',
    lines: [{ description: '咨询', quantity: '2', unitPrice: '50.00' }],
    ...extra,
  });

  it.each(['salesNorth', 'managerNorth', 'sales2', 'otherAdmin', 'otherSales'] as const)(
    '%s, who may not see the customer, gets 404 from every order endpoint',
    async (user) => {
      const answers = await Promise.all([
        call(user, 'GET', `/api/v1/orders/${orderId}`),
        call(user, 'PATCH', `/api/v1/orders/${orderId}`, { version: 1, notes: 'x' }),
        call(user, 'DELETE', `/api/v1/orders/${orderId}`),
        call(user, 'GET', `/api/v1/customers/${customerId}/orders`),
        call(user, 'POST', '/api/v1/orders', order()),
      ]);
      expect(answers.map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404]);
      for (const r of answers) expect(r.json().code).toBe('not_found');
      const list = (await call(user, 'GET', '/api/v1/orders')).json();
      expect(list.items).toEqual([]);
      const filtered = (await call(user, 'GET', `/api/v1/orders?customerId=${customerId}&q=PRIV`)).json();
      expect(filtered.items).toEqual([]);
      // the number is taken, but who holds it is not revealed
      const dup = await call('admin', 'POST', '/api/v1/orders', order({ orderNo: 'PRIV-1' }));
      expect(dup.json().existing).toBeDefined();
      if (user === 'salesNorth') {
        const own = (await call(user, 'POST', '/api/v1/customers', { name: 'North Co' })).json();
        const hidden = await call(
          user,
          'POST',
          '/api/v1/orders',
          order({ customerId: own.id, orderNo: 'PRIV-1' }),
        );
        expect(hidden.statusCode).toBe(409);
        expect(hidden.json().existing).toBeUndefined();
      }
      // nothing changed
      const still = (await call('sales', 'GET', `/api/v1/orders/${orderId}`)).json();
      expect(still).toMatchObject({ version: 1, deletedAt: null, notes: null });
    },
  );

  it.each(['analyst', 'service'] as const)(
    '%s reads orders but may not create, change or delete',
    async (user) => {
      expect((await call(user, 'GET', `/api/v1/orders/${orderId}`)).statusCode).toBe(200);
      const list = (await call(user, 'GET', `/api/v1/customers/${customerId}/orders`)).json();
      expect(list.items.map((o: Json) => o.id)).toContain(orderId);
      expect((await call(user, 'POST', '/api/v1/orders', order())).statusCode).toBe(403);
      expect(
        (await call(user, 'PATCH', `/api/v1/orders/${orderId}`, { version: 1, notes: 'x' })).statusCode,
      ).toBe(403);
      expect((await call(user, 'DELETE', `/api/v1/orders/${orderId}`)).statusCode).toBe(403);
    },
  );

  it('lets the branch manager and an account-team member write', async () => {
    const m = await call('manager', 'POST', '/api/v1/orders', order());
    expect(m.statusCode).toBe(201);
    const c = (await call('sales', 'GET', `/api/v1/customers/${customerId}`)).json();
    await call('sales', 'PATCH', `/api/v1/customers/${customerId}`, {
      version: c.version,
      team: [{ userId: t.fx.users.sales2.userId, role: 'support' }],
    });
    const s2 = await call('sales2', 'PATCH', `/api/v1/orders/${m.json().id}`, { version: 1, notes: 'team' });
    expect(s2.statusCode).toBe(200);
    expect(
      (await call('sales2', 'GET', `/api/v1/orders?customerId=${customerId}`)).json().items,
    ).toHaveLength(2);
  });

  it('logs a refused look at a hidden order', async () => {
    const denied = () =>
      t.db.db
        .select({ n: sql<number>`count(*)::int` })
        .from(securityEvents)
        .where(
          and(
            eq(securityEvents.kind, 'access_denied'),
            eq(securityEvents.userId, t.fx.users.managerNorth.userId),
          ),
        );
    const [before] = await denied();
    await call('managerNorth', 'GET', `/api/v1/orders/${orderId}`);
    // The denial is logged after the response, without holding up the request.
    await expect.poll(async () => Number((await denied())[0]!.n)).toBe(Number(before!.n) + 1);
  });
});
