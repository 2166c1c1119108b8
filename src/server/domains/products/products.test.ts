import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];

describe.each(drivers)('products over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const create = (user: UserKey, payload: Record<string, unknown>, lang = 'en') =>
    t.as(t.fx.users[user], {
      method: 'POST',
      url: '/api/v1/products',
      payload,
      headers: { 'accept-language': lang },
    });
  const get = (user: UserKey, url: string) => t.as(t.fx.users[user], { method: 'GET', url });

  it('creates a product with exact money, reads it back and audits it', async () => {
    const res = await create('admin', {
      code: 'P-100',
      name: '不锈钢球阀 DN50',
      category: 'valves',
      unit: '个',
      listPrice: '1234567890.12',
      standardCost: 33.3,
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      code: 'P-100',
      listPrice: '1234567890.12',
      standardCost: '33.30',
      active: true,
      version: 1,
      createdBy: t.fx.users.admin.userId,
    });
    for (const user of ['sales', 'analyst', 'service', 'salesNorth'] as const) {
      const read = await get(user, `/api/v1/products/${p.id}`);
      expect(read.statusCode, user).toBe(200);
      expect(read.json().name).toBe('不锈钢球阀 DN50');
    }
    expect((await get('otherAdmin', `/api/v1/products/${p.id}`)).statusCode).toBe(404);
    const audit = (await get('admin', `/api/v1/audit/product/${p.id}`)).json();
    expect(audit.items).toMatchObject([{ action: 'create', after: { code: 'P-100' } }]);
  });

  it('answers a duplicate code with 409 naming the existing product, in both languages', async () => {
    const first = (await create('manager', { code: 'DUP-1', name: '铜管 15mm', unit: 'm' })).json();
    const zh = await create('admin', { code: 'DUP-1', name: 'Other', unit: 'm' }, 'zh-CN');
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toMatchObject({ code: 'duplicate_product_code', existing: { id: first.id } });
    expect(zh.json().detail).toBe('产品编码 DUP-1 已被「铜管 15mm」使用。');
    const en = await create('admin', { code: 'DUP-1', name: 'Other', unit: 'm' });
    expect(en.json().detail).toBe('Product code DUP-1 is already used by 铜管 15mm.');
    // the same code in another workspace is fine
    expect((await create('otherAdmin', { code: 'DUP-1', name: 'Theirs', unit: 'm' })).statusCode).toBe(201);
    // renaming another product onto the code is refused too
    const second = (await create('admin', { code: 'DUP-2', name: 'Second', unit: 'm' })).json();
    const rename = await t.as(t.fx.users.admin, {
      method: 'PATCH',
      url: `/api/v1/products/${second.id}`,
      payload: { version: 1, code: 'DUP-1' },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().code).toBe('duplicate_product_code');
  });

  it('lets only admins and managers write', async () => {
    for (const user of ['sales', 'service', 'analyst'] as const) {
      const res = await create(user, { code: `NO-${user}`, name: 'Nope', unit: 'pcs' });
      expect(res.statusCode, user).toBe(403);
    }
    const p = (await create('manager', { code: 'W-1', name: 'Widget', unit: 'pcs' })).json();
    const patch = await t.as(t.fx.users.sales, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      payload: { version: 1, name: 'Hacked' },
    });
    expect(patch.statusCode).toBe(403);
    const otherWs = await t.as(t.fx.users.otherAdmin, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      payload: { version: 1, name: 'Hacked' },
    });
    expect(otherWs.statusCode).toBe(404);
  });

  it('updates with optimistic locking and audits before and after', async () => {
    const p = (await create('admin', { code: 'V-1', name: 'Valve', unit: 'pcs', listPrice: '10' })).json();
    const ok = await t.as(t.fx.users.manager, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      payload: { version: 1, listPrice: '12.5', active: false, category: null },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ listPrice: '12.50', active: false, version: 2 });
    const stale = await t.as(t.fx.users.admin, {
      method: 'PATCH',
      url: `/api/v1/products/${p.id}`,
      payload: { version: 1, name: 'Late' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const audit = (await get('admin', `/api/v1/audit/product/${p.id}`)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'update',
      before: { listPrice: '10.00', active: true },
      after: { listPrice: '12.50', active: false },
    });
  });

  it('validates fields and names them in the request language', async () => {
    const zh = await create(
      'admin',
      { code: 'bad code!', name: '', unit: 'pcs', listPrice: '1.234' },
      'zh-CN',
    );
    expect(zh.statusCode).toBe(422);
    const fields = zh
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['code', 'listPrice', 'name']);
    const price = zh.json().errors.find((e: { field: string }) => e.field === 'listPrice');
    expect(price.message).toContain('金额格式不正确');
    const en = await create('admin', { code: 'X', name: 'X', unit: 'pcs', standardCost: 'abc' });
    expect(en.json().errors).toEqual([{ field: 'standardCost', message: expect.stringContaining('amount') }]);
  });

  it('lists by code with q, category and active filters and a keyset cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await create('admin', {
        code: `LST-${i}`,
        name: `列表产品 ${i}`,
        unit: 'pcs',
        category: 'list',
        active: i !== 3,
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/products?category=list&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await get('sales', url)).json();
      seen.push(...page.items.map((p: { code: string }) => p.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['LST-0', 'LST-1', 'LST-2', 'LST-3', 'LST-4']);
    const active = (await get('sales', '/api/v1/products?category=list&active=false')).json();
    expect(active.items.map((p: { code: string }) => p.code)).toEqual(['LST-3']);
    const byName = (await get('sales', `/api/v1/products?q=${encodeURIComponent('产品 4')}`)).json();
    expect(byName.items.map((p: { code: string }) => p.code)).toEqual(['LST-4']);
    const byCode = (await get('sales', '/api/v1/products?q=lst-')).json();
    expect(byCode.items).toHaveLength(5);
    const wild = (await get('sales', '/api/v1/products?q=%25')).json();
    expect(wild.items).toEqual([]);
    expect((await get('otherAdmin', '/api/v1/products?category=list')).json().items).toEqual([]);
    expect((await get('sales', '/api/v1/products?cursor=zzz')).statusCode).toBe(422);
  });
});
