import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('timeline and 360 view on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  const post = async (user: TestUser, url: string, payload: object) => {
    const res = await t.as(user, { method: 'POST', url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const sales = t.fx.users.sales;
    customerId = (await post(sales, '/api/v1/customers', { name: '上海浦江化学有限公司', status: 'active' }))
      .id;
    await post(sales, '/api/v1/contacts', {
      customerId,
      name: '王伟',
      isPrimary: true,
      decisionRole: 'decision_maker',
    });
    await post(sales, '/api/v1/contacts', { customerId, name: '李娜' });
    // Shanghai is UTC+8: an order dated 2026-03-02 sits at 2026-03-01T16:00Z on the timeline.
    for (const [subject, occurredAt] of [
      ['拜访采购部', '2026-03-01T09:00:00+08:00'],
      ['电话跟进报价', '2026-03-02T10:00:00+08:00'],
      ['寄送样品', '2026-03-03T15:30:00+08:00'],
    ] as const) {
      await post(sales, '/api/v1/activities', {
        customerId,
        type: 'call',
        subject,
        occurredAt,
        nextFollowUpOn: '2099-01-01',
      });
    }
    await post(sales, '/api/v1/orders', {
      customerId,
      orderNo: 'SO-1',
      orderedAt: '2026-03-02',
      status: 'completed',
      lines: [{ description: '硫酸 98%', quantity: '10', unitPrice: '1234.50', unitCost: '1000.00' }],
    });
    await post(sales, '/api/v1/orders', {
      customerId,
      orderNo: 'SO-2',
      orderedAt: '2026-03-04',
      status: 'confirmed',
      lines: [{ description: '烧碱', quantity: '1', unitPrice: '0.10' }],
    });
    await post(sales, '/api/v1/orders', {
      customerId,
      orderNo: 'SO-X',
      orderedAt: '2026-03-05',
      status: 'cancelled',
      lines: [{ description: '退货', quantity: '1', unitPrice: '99.00' }],
    });
  });
  afterAll(() => t.close());

  it('merges touches and orders newest first and pages through them', async () => {
    const titles: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers/${customerId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = (await t.as(t.fx.users.sales, { method: 'GET', url })).json();
      titles.push(...res.items.map((e: { title: string }) => e.title));
      cursor = res.nextCursor;
    } while (cursor);
    expect(titles).toEqual(['SO-X', 'SO-2', '寄送样品', '电话跟进报价', 'SO-1', '拜访采购部']);
    const orders = (
      await t.as(t.fx.users.sales, {
        method: 'GET',
        url: `/api/v1/customers/${customerId}/timeline?kind=order`,
      })
    ).json();
    expect(orders.items.map((e: { title: string }) => e.title)).toEqual(['SO-X', 'SO-2', 'SO-1']);
    expect(orders.items[2]).toMatchObject({ amount: '12345.00', currency: 'CNY', subtype: 'completed' });
  });

  it('refuses a doctored timeline cursor as a 422', async () => {
    const doctored = Buffer.from(JSON.stringify(['yesterday', 'order', 1])).toString('base64url');
    const res = await t.as(t.fx.users.sales, {
      method: 'GET',
      url: `/api/v1/customers/${customerId}/timeline?cursor=${doctored}`,
    });
    expect(res.statusCode).toBe(422);
  });

  it('answers the 360 view: profile, contacts, latest timeline, exact totals, open items', async () => {
    const res = await t.as(t.fx.users.service, { method: 'GET', url: `/api/v1/customers/${customerId}/360` });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.profile.name).toBe('上海浦江化学有限公司');
    expect(v.contacts.map((c: { name: string }) => c.name)).toEqual(['王伟', '李娜']);
    expect(v.timeline).toHaveLength(6);
    expect(v.orderTotals).toMatchObject({ lifetime: '12345.10', lastOrderDate: '2026-03-04', orderCount: 2 });
    expect(v.openItems).toEqual({ openOrders: 1, followUps: 3, overdueFollowUps: 0 });
  });

  it('answers the revenue per month, exact, with empty months as 0 and cancelled orders left out', async () => {
    const get = (query: string) =>
      t.as(t.fx.users.sales, {
        method: 'GET',
        url: `/api/v1/customers/${customerId}/revenue-by-month${query}`,
      });
    const recent = (await get('')).json().months as { month: string; amount: string; orders: number }[];
    expect(recent).toHaveLength(24);
    // The last month is this one in the workspace's time zone (Asia/Shanghai).
    const thisMonth = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .slice(0, 7);
    expect(recent.at(-1)?.month).toBe(thisMonth);
    const all = (await get('?months=60')).json().months as typeof recent;
    expect(all.find((m) => m.month === '2026-03')).toEqual({
      month: '2026-03',
      amount: '12345.10',
      orders: 2,
    });
    expect(all.find((m) => m.month === '2026-02')).toEqual({ month: '2026-02', amount: '0.00', orders: 0 });
    expect((await get('?months=0')).statusCode).toBe(422);
    const hidden = await t.as(t.fx.users.salesNorth, {
      method: 'GET',
      url: `/api/v1/customers/${customerId}/revenue-by-month`,
    });
    expect(hidden.statusCode).toBe(404);
  });

  it('answers in the 360 view exactly what the profile, contacts and timeline endpoints answer', async () => {
    const sales = t.fx.users.sales;
    // A profile with everything a JSON hand-over could get wrong: team, budgets, custom values, dates.
    const patch = await t.as(sales, {
      method: 'PATCH',
      url: `/api/v1/customers/${customerId}`,
      payload: {
        version: (await t.as(sales, { method: 'GET', url: `/api/v1/customers/${customerId}` })).json()
          .version,
        tags: ['重点', 'vip'],
        budgets: [{ category: 'visits', amount: '12000.50' }],
        team: [{ userId: t.fx.users.sales2.userId, role: 'support' }],
      },
    });
    expect(patch.statusCode).toBe(200);
    const get = async (url: string) => (await t.as(sales, { method: 'GET', url })).json();
    const v = await get(`/api/v1/customers/${customerId}/360`);
    expect(v.profile).toEqual(await get(`/api/v1/customers/${customerId}`));
    expect(v.profile.budgets).toEqual([{ category: 'visits', amount: '12000.50' }]);
    const contacts = (await get(`/api/v1/customers/${customerId}/contacts`)).items;
    expect(v.contacts).toEqual(
      contacts.map(
        ({ customerName: _n, customerCode: _c, ...c }: { customerName: string; customerCode: string }) => c,
      ),
    );
    expect(v.timeline).toEqual((await get(`/api/v1/customers/${customerId}/timeline?limit=20`)).items);
  });

  it('hides another rep’s customer and other workspaces’ as 404', async () => {
    for (const user of [t.fx.users.salesNorth, t.fx.users.otherAdmin]) {
      for (const path of ['360', 'timeline']) {
        const res = await t.as(user, { method: 'GET', url: `/api/v1/customers/${customerId}/${path}` });
        expect(res.statusCode).toBe(404);
      }
    }
  });
});
