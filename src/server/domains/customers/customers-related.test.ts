import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerBudgets, customers, customerTeamMembers } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('customers with contacts and orders on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const sales = t.fx.users.sales;
    customerId = (
      await t.as(sales, {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { name: '苏州恒通建材有限公司' },
      })
    ).json().id;
    await t.as(sales, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { customerId, name: '赵敏', phones: ['138 1234 5678'], email: 'zhao.min@hengtong.cn' },
    });
    await t.as(sales, {
      method: 'POST',
      url: '/api/v1/orders',
      payload: {
        customerId,
        orderNo: 'HT-1',
        orderedAt: '2026-02-01',
        lines: [{ description: '水泥', quantity: '5', unitPrice: '300' }],
      },
    });
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (
      await t.as(t.fx.users.sales, { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` })
    ).json().items as { id: number }[];

  it.each([['赵敏'], ['13812345678'], ['138-1234-5678'], ['Zhao.Min@hengtong.cn']])(
    'finds the customer by its contact %s',
    async (q) => {
      expect((await search(q)).map((c) => c.id)).toEqual([customerId]);
    },
  );

  it('never mixes in the account team or budgets of a same-id customer of another workspace', async () => {
    // Ids are unique per workspace only (primary key (workspace_id, id)); a restore can reuse one.
    const ws2 = t.fx.otherWorkspaceId;
    await t.db.db.insert(customers).values({
      workspaceId: ws2,
      id: customerId,
      code: 'W2-SAME-ID',
      name: 'Other',
      type: 'enterprise',
      status: 'active',
    });
    await t.db.db
      .insert(customerTeamMembers)
      .values({ workspaceId: ws2, customerId, userId: t.fx.users.otherSales.userId, role: 'x' });
    await t.db.db
      .insert(customerBudgets)
      .values({ workspaceId: ws2, customerId, category: 'other', amount: '1.00' });
    const res = (
      await t.as(t.fx.users.sales, { method: 'GET', url: `/api/v1/customers/${customerId}` })
    ).json();
    expect(res.team).toEqual([]);
    expect(res.budgets).toEqual([]);
    const other = await t.as(t.fx.users.otherSales, {
      method: 'GET',
      url: `/api/v1/customers/${customerId}`,
    });
    expect(other.json().name).toBe('Other');
  });

  it('only soft-deletes a customer that has orders; its orders stay', async () => {
    const del = await t.as(t.fx.users.sales, {
      method: 'DELETE',
      url: `/api/v1/customers/${customerId}?version=1`,
    });
    expect(del.statusCode).toBe(204);
    const orders = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: `/api/v1/customers/${customerId}/orders`,
    });
    expect(orders.json().items.map((o: { orderNo: string }) => o.orderNo)).toEqual(['HT-1']);
    const profile = await t.as(t.fx.users.admin, { method: 'GET', url: `/api/v1/customers/${customerId}` });
    expect(profile.json().deletedAt).not.toBeNull();
    const stale = await t.as(t.fx.users.sales, {
      method: 'POST',
      url: `/api/v1/customers/${customerId}/restore`,
    });
    expect(stale.statusCode).toBe(200);
  });
});
