import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];
type Json = Record<string, unknown>;

describe.each(drivers)('orders over HTTP on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  let valve: { id: number };
  beforeAll(async () => {
    t = await createTestApp(kind);
    customerId = (
      await call('sales', 'POST', '/api/v1/customers', { name: '杭州西湖精细化工有限公司' })
    ).json().id;
    valve = (
      await call('admin', 'POST', '/api/v1/products', {
        code: 'VALVE-50',
        name: '球阀 DN50',
        unit: '个',
        listPrice: '40.00',
        standardCost: '20.00',
      })
    ).json();
  });
  afterAll(() => t.close());

  function call(
    user: UserKey,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: Json,
    lang = 'en',
  ) {
    return t.as(t.fx.users[user], { method, url, payload, headers: { 'accept-language': lang } });
  }
  const order = (extra: Json = {}): Json => ({
    customerId,
    orderedAt: '2026-03-07',
    lines: [{ description: 'Service fee', quantity: '1', unitPrice: '100.00' }],
    ...extra,
  });

  it('computes exact line amounts and totals, defaulting costs from the product, and audits', async () => {
    const res = await call(
      'sales',
      'POST',
      '/api/v1/orders',
      order({
        lines: [
          { productId: valve.id, quantity: 3, unitPrice: '33.33' },
          { description: '调试服务', quantity: '0.333', unitPrice: '10.01', unitCost: '5.55' },
          { productId: valve.id, quantity: '-1', unitPrice: '33.33', unitCost: '19.50' },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const o = res.json();
    expect(o).toMatchObject({
      customerId,
      orderedAt: '2026-03-07',
      status: 'confirmed',
      currency: 'CNY',
      source: 'manual',
      totalAmount: '69.99', // 99.99 + 3.33 − 33.33
      totalCost: '42.35', // 60.00 + 1.85 (1.84815) − 19.50
      version: 1,
      deletedAt: null,
    });
    expect(o.orderNo).toMatch(/^SO20260307\d{4}$/);
    expect(o.lines).toEqual([
      {
        lineNo: 1,
        productId: valve.id,
        description: null,
        quantity: '3.000',
        unitPrice: '33.33',
        unitCost: '20.00',
        amount: '99.99',
        cost: '60.00',
        productCode: 'VALVE-50',
        productName: '球阀 DN50',
        productUnit: '个',
      },
      expect.objectContaining({
        lineNo: 2,
        quantity: '0.333',
        amount: '3.33',
        cost: '1.85',
        productCode: null,
        productName: null,
        productUnit: null,
      }),
      expect.objectContaining({ lineNo: 3, quantity: '-1.000', amount: '-33.33', cost: '-19.50' }),
    ]);
    const read = await call('sales', 'GET', `/api/v1/orders/${o.id}`);
    expect(read.json()).toEqual(o);
    const audit = (await call('manager', 'GET', `/api/v1/audit/order/${o.id}`)).json();
    expect(audit.items).toMatchObject([
      { action: 'create', actorId: t.fx.users.sales.userId, after: { totalAmount: '69.99' } },
    ]);
    // The audit log keeps what the order stores; the product's name belongs to the product.
    expect(Object.keys(audit.items[0].after.lines[0]).sort()).toEqual(
      ['amount', 'cost', 'description', 'lineNo', 'productId', 'quantity', 'unitCost', 'unitPrice'].sort(),
    );
  });

  it('names each line’s product as the product is now, in one read of the order', async () => {
    const pump = (
      await call('admin', 'POST', '/api/v1/products', { code: 'PUMP-1', name: '离心泵', unit: '台' })
    ).json();
    const o = (
      await call(
        'sales',
        'POST',
        '/api/v1/orders',
        order({
          lines: [
            { productId: pump.id, quantity: '2', unitPrice: '900.00', description: '含安装' },
            { description: '运费', quantity: '1', unitPrice: '50.00' },
            { productId: valve.id, quantity: '4', unitPrice: '40.00' },
          ],
        }),
      )
    ).json();
    const labels = (body: { lines: Json[] }) =>
      body.lines.map((l) => [l.productId, l.productCode, l.productName, l.productUnit, l.description]);
    expect(labels(o)).toEqual([
      [pump.id, 'PUMP-1', '离心泵', '台', '含安装'],
      [null, null, null, null, '运费'],
      [valve.id, 'VALVE-50', '球阀 DN50', '个', null],
    ]);
    await call('admin', 'PATCH', `/api/v1/products/${pump.id}`, {
      version: pump.version,
      code: 'PUMP-1A',
      name: '离心泵（新款）',
      active: false,
    });
    // service staff read orders too; an inactive product is still named
    const read = (await call('service', 'GET', `/api/v1/orders/${o.id}`)).json();
    expect(labels(read)[0]).toEqual([pump.id, 'PUMP-1A', '离心泵（新款）', '台', '含安装']);
    expect(read.version).toBe(1); // renaming the product did not change the order
    for (const user of ['salesNorth', 'otherAdmin'] as const) {
      const hidden = await call(user, 'GET', `/api/v1/orders/${o.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body).not.toContain('离心泵');
    }
  });

  it('generates consecutive numbers per order date and keeps ERP numbers as given', async () => {
    const a = (await call('sales', 'POST', '/api/v1/orders', order({ orderedAt: '2026-04-01' }))).json();
    const b = (await call('manager', 'POST', '/api/v1/orders', order({ orderedAt: '2026-04-01' }))).json();
    expect(a.orderNo).toBe('SO202604010001');
    expect(b.orderNo).toBe('SO202604010002');
    // an ERP number in the generated shape is skipped by the counter
    await call('admin', 'POST', '/api/v1/orders', order({ orderNo: 'SO202604010003', source: 'erp' }));
    const c = (await call('sales', 'POST', '/api/v1/orders', order({ orderedAt: '2026-04-01' }))).json();
    expect(c.orderNo).toBe('SO202604010004');
    const erp = await call(
      'sales',
      'POST',
      '/api/v1/orders',
      order({ orderNo: 'ERP-2026-0001', source: 'erp' }),
    );
    expect(erp.json()).toMatchObject({ orderNo: 'ERP-2026-0001', source: 'erp' });
  });

  it('answers a duplicate order number with 409 in both languages', async () => {
    const first = (await call('sales', 'POST', '/api/v1/orders', order({ orderNo: 'DUP-9' }))).json();
    const zh = await call('manager', 'POST', '/api/v1/orders', order({ orderNo: 'DUP-9' }), 'zh-CN');
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'duplicate_order_no', existing: { id: first.id } });
    expect(zh.json().detail).toBe('订单号 DUP-9 已被使用。');
    const other = (await call('sales', 'POST', '/api/v1/orders', order())).json();
    const rename = await call('sales', 'PATCH', `/api/v1/orders/${other.id}`, {
      version: 1,
      orderNo: 'DUP-9',
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().detail).toBe('Order number DUP-9 is already used.');
  });

  it('replaces lines and recomputes totals on update; a stale version answers 409', async () => {
    const o = (await call('sales', 'POST', '/api/v1/orders', order())).json();
    const upd = await call('sales', 'PATCH', `/api/v1/orders/${o.id}`, {
      version: 1,
      status: 'shipped',
      notes: '分两批发货',
      lines: [
        { productId: valve.id, quantity: '0.125', unitPrice: '1.00' },
        { productId: valve.id, quantity: '2.5', unitPrice: '0.01', unitCost: null },
      ],
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({
      status: 'shipped',
      notes: '分两批发货',
      totalAmount: '0.16', // 0.13 (0.125 rounds half-up) + 0.03 (0.025)
      totalCost: '52.50', // 2.50 + 50.00
      version: 2,
    });
    expect(upd.json().lines.map((l: Json) => l.amount)).toEqual(['0.13', '0.03']);
    const keep = await call('sales', 'PATCH', `/api/v1/orders/${o.id}`, { version: 2, currency: 'usd' });
    expect(keep.json()).toMatchObject({ currency: 'USD', totalAmount: '0.16', version: 3 });
    expect(keep.json().lines).toHaveLength(2);
    const stale = await call('manager', 'PATCH', `/api/v1/orders/${o.id}`, { version: 2, notes: 'late' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 3 });
    const audit = (await call('admin', 'GET', `/api/v1/audit/order/${o.id}`)).json();
    expect(audit.items.map((a: Json) => a.action)).toEqual(['update', 'update', 'create']);
    expect(audit.items[1]).toMatchObject({
      before: { totalAmount: '100.00' },
      after: { totalAmount: '0.16' },
    });
  });

  it('names an unknown product as lines.N.productId, including another workspace’s product', async () => {
    const theirs = (
      await call('otherAdmin', 'POST', '/api/v1/products', { code: 'THEIRS', name: 'Theirs', unit: 'pcs' })
    ).json();
    const res = await call(
      'sales',
      'POST',
      '/api/v1/orders',
      order({
        lines: [
          { productId: valve.id, quantity: '1', unitPrice: '1' },
          { productId: 987654, quantity: '1', unitPrice: '1' },
          { productId: theirs.id, quantity: '1', unitPrice: '1' },
        ],
      }),
      'zh-CN',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'lines.1.productId', message: '没有这个产品。' },
      { field: 'lines.2.productId', message: '没有这个产品。' },
    ]);
  });

  it('names each invalid field in the request language', async () => {
    const bad = order({
      customerId: 'x',
      orderedAt: '2026-13-01',
      status: 'lost',
      currency: 'RMBX',
      bogus: true,
      lines: [{ quantity: '1.2345', unitPrice: 'abc' }],
    });
    const zh = await call('sales', 'POST', '/api/v1/orders', bad, 'zh-CN');
    expect(zh.statusCode).toBe(422);
    const byField = Object.fromEntries(zh.json().errors.map((e: Json) => [e.field, e.message]));
    expect(Object.keys(byField).sort()).toEqual([
      'bogus',
      'currency',
      'customerId',
      'lines.0.quantity',
      'lines.0.unitPrice',
      'orderedAt',
      'status',
    ]);
    expect(byField['lines.0.quantity']).toBe('数量格式不正确（最多 11 位整数、3 位小数）。');
    expect(byField['lines.0.unitPrice']).toContain('金额格式不正确');
    const en = await call(
      'sales',
      'POST',
      '/api/v1/orders',
      order({ lines: [{ quantity: '1', unitPrice: '1' }] }),
    );
    expect(en.json().errors).toEqual([
      { field: 'lines.0.description', message: 'Give a product or a description.' },
    ]);
    const empty = await call('sales', 'POST', '/api/v1/orders', order({ lines: [] }));
    expect(empty.json().errors.map((e: Json) => e.field)).toEqual(['lines']);
    const huge = await call(
      'sales',
      'POST',
      '/api/v1/orders',
      order({ lines: [{ description: 'x', quantity: '10', unitPrice: '999999999999.99' }] }),
    );
    expect(huge.statusCode).toBe(422);
    expect(huge.json().errors).toEqual([
      { field: 'lines.0.quantity', message: 'The amount is too large (at most 999,999,999,999.99).' },
    ]);
  });

  it('refuses orders for a deleted customer with 409 order_customer_deleted', async () => {
    const c = (await call('sales', 'POST', '/api/v1/customers', { name: 'Gone Co' })).json();
    const o = (await call('sales', 'POST', '/api/v1/orders', order({ customerId: c.id }))).json();
    expect((await call('sales', 'DELETE', `/api/v1/customers/${c.id}`)).statusCode).toBe(204);
    const res = await call('sales', 'POST', '/api/v1/orders', order({ customerId: c.id }), 'zh-CN');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'order_customer_deleted' });
    expect(res.json().detail).toContain('请先恢复客户');
    const upd = await call('sales', 'PATCH', `/api/v1/orders/${o.id}`, { version: 1, notes: 'x' });
    expect(upd.json().code).toBe('order_customer_deleted');
    // reading it stays possible
    expect((await call('sales', 'GET', `/api/v1/orders/${o.id}`)).statusCode).toBe(200);
  });

  it('soft-deletes: the order leaves lists, stays readable, refuses changes, and is audited', async () => {
    const o = (await call('sales', 'POST', '/api/v1/orders', order({ orderNo: 'DEL-1' }))).json();
    const stale = await call('sales', 'DELETE', `/api/v1/orders/${o.id}?version=7`);
    expect(stale.statusCode).toBe(409);
    expect((await call('sales', 'DELETE', `/api/v1/orders/${o.id}?version=1`)).statusCode).toBe(204);
    const list = (await call('sales', 'GET', '/api/v1/orders?q=DEL-1')).json();
    expect(list.items).toEqual([]);
    const got = (await call('sales', 'GET', `/api/v1/orders/${o.id}`)).json();
    expect(got.deletedAt).not.toBeNull();
    expect(got.version).toBe(2);
    const again = await call('sales', 'DELETE', `/api/v1/orders/${o.id}`);
    expect(again.json().code).toBe('order_deleted');
    const upd = await call('sales', 'PATCH', `/api/v1/orders/${o.id}`, { version: 2, notes: 'x' });
    expect(upd.json().code).toBe('order_deleted');
    const audit = (await call('admin', 'GET', `/api/v1/audit/order/${o.id}`)).json();
    expect(audit.items.map((a: Json) => a.action)).toEqual(['delete', 'create']);
  });

  it('publishes the order and product schemas in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const name of ['Order', 'OrderListItem', 'OrderLine', 'CreateOrder', 'Product', 'CreateProduct']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    const { schemas } = doc.components;
    expect(Object.keys(schemas.OrderListItem.properties)).toEqual(
      expect.arrayContaining(['customerId', 'customerName', 'customerCode', 'totalAmount']),
    );
    expect(Object.keys(schemas.OrderLine.properties)).toEqual(
      expect.arrayContaining(['productId', 'productCode', 'productName', 'productUnit']),
    );
    for (const list of ['/api/v1/orders', '/api/v1/customers/{id}/orders']) {
      const ok = doc.paths[list].get.responses['200'].content['application/json'].schema;
      expect(JSON.stringify(ok), list).toContain('OrderListItem');
    }
    expect(doc.paths['/api/v1/customers/{id}/orders']).toBeDefined();
  });
});
