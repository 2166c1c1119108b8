import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityEvents } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(drivers)('contacts over HTTP on %s', (kind) => {
  let t: TestApp;
  let customerId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    customerId = (
      await call('sales', 'POST', '/api/v1/customers', { name: '杭州西湖精细化工有限公司' })
    ).json().id;
  });
  afterAll(() => t.close());

  const call = (user: UserKey, method: Method, url: string, payload?: unknown, lang = 'en') =>
    t.as(t.fx.users[user], {
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      headers: { 'accept-language': lang },
    });
  const create = (payload: Record<string, unknown>, user: UserKey = 'sales', lang = 'en') =>
    call(user, 'POST', '/api/v1/contacts', { customerId, ...payload }, lang);
  const auditOf = async (id: number) =>
    (await call('admin', 'GET', `/api/v1/audit/contact/${id}`)).json().items as { action: string }[];

  it('creates, reads and changes a contact, normalising phones and e-mail, and audits each write', async () => {
    const res = await create({
      name: '王建国',
      title: '采购经理',
      phones: ['138 0013 8000', '0571-8888 6666'],
      email: 'Wang.JG@Example.com',
      decisionRole: 'decision_maker',
      attitude: 'supporter',
      birthday: '1978-05-04',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      customerId,
      phones: ['13800138000', '057188886666'],
      email: 'wang.jg@example.com',
      birthday: '1978-05-04',
      isPrimary: false,
      version: 1,
      createdBy: t.fx.users.sales.userId,
      deletedAt: null,
    });
    const got = await call('sales', 'GET', `/api/v1/contacts/${c.id}`);
    expect(got.json()).toEqual(c);
    const upd = await call('sales', 'PATCH', `/api/v1/contacts/${c.id}`, { version: 1, title: '总经理' });
    expect(upd.json()).toMatchObject({ title: '总经理', version: 2, name: '王建国' });
    const stale = await call('manager', 'PATCH', `/api/v1/contacts/${c.id}`, { version: 1, notes: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['update', 'create']);
  });

  it('keeps one primary contact per customer', async () => {
    const a = (await create({ name: 'Primary A', isPrimary: true })).json();
    const b = (await create({ name: 'Primary B', isPrimary: true })).json();
    const get = async (id: number) => (await call('sales', 'GET', `/api/v1/contacts/${id}`)).json();
    expect(await get(a.id)).toMatchObject({ isPrimary: false, version: 2 });
    expect((await auditOf(a.id)).map((x) => x.action)).toEqual(['update', 'create']);
    await call('sales', 'PATCH', `/api/v1/contacts/${a.id}`, { version: 2, isPrimary: true });
    expect(await get(b.id)).toMatchObject({ isPrimary: false });
    expect(await get(a.id)).toMatchObject({ isPrimary: true, version: 3 });
  });

  it('ends with one primary contact when two are made primary at once', async () => {
    const cust = (await call('sales', 'POST', '/api/v1/customers', { name: 'Race Co' })).json().id;
    const ids: number[] = [];
    for (const name of ['R1', 'R2', 'R3'])
      ids.push((await call('sales', 'POST', '/api/v1/contacts', { customerId: cust, name })).json().id);
    const results = await Promise.all(
      ids.map((id) => call('sales', 'PATCH', `/api/v1/contacts/${id}`, { version: 1, isPrimary: true })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const items = (await call('sales', 'GET', `/api/v1/customers/${cust}/contacts`)).json().items;
    expect(items.filter((c: { isPrimary: boolean }) => c.isPrimary)).toHaveLength(1);
  });

  it('names each bad field in the request language', async () => {
    const zh = await create(
      { name: 'X', phones: ['12345'], email: 'not-an-email', bogus: 1 },
      'sales',
      'zh-CN',
    );
    expect(zh.statusCode).toBe(422);
    const errors = zh.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field).sort()).toEqual(['bogus', 'email', 'phones.0']);
    expect(errors.find((e) => e.field === 'phones.0')!.message).toContain('电话号码');
    expect(errors.find((e) => e.field === 'email')!.message).toMatch(/邮/);
    const en = await create({ name: ' ', phones: ['13800138000', 'call me'], email: 'a@b' });
    const enErrors = en.json().errors as { field: string; message: string }[];
    expect(enErrors.map((e) => e.field).sort()).toEqual(['email', 'name', 'phones.1']);
    expect(enErrors.find((e) => e.field === 'phones.1')!.message).toBe('Not a valid phone number.');
    expect(enErrors.find((e) => e.field === 'email')!.message).toMatch(/email/i);
    const role = await create({ name: 'X', decisionRole: 'boss' });
    expect(role.json().errors[0].field).toBe('decisionRole');
  });

  it('lists and searches contacts of visible customers with a keyset cursor', async () => {
    const other = (await call('sales', 'POST', '/api/v1/customers', { name: 'Search Co' })).json().id;
    await call('sales', 'POST', '/api/v1/contacts', {
      customerId: other,
      name: '李四',
      phones: ['+86 139 1234 5678'],
      email: 'lisi@search.co',
      decisionRole: 'influencer',
    });
    for (let i = 0; i < 3; i++)
      await call('sales', 'POST', '/api/v1/contacts', { customerId: other, name: `P${i}` });
    const list = async (user: UserKey, query: string) =>
      (await call(user, 'GET', `/api/v1/contacts?${query}`)).json() as {
        items: { name: string; customerName: string }[];
        nextCursor: string | null;
      };
    expect((await list('sales', 'q=李四')).items).toMatchObject([
      { name: '李四', customerName: 'Search Co' },
    ]);
    expect((await list('sales', `q=${encodeURIComponent('+86-139-1234-5678')}`)).items[0]?.name).toBe('李四');
    expect((await list('sales', 'q=LISI@search')).items[0]?.name).toBe('李四');
    expect((await list('sales', 'decisionRole=influencer')).items.map((c) => c.name)).toEqual(['李四']);
    expect((await list('salesNorth', 'q=李四')).items).toEqual([]);
    expect((await list('otherAdmin', 'q=李四')).items).toEqual([]);

    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list('manager', `customerId=${other}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      names.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['李四', 'P0', 'P1', 'P2']);
    const ofCustomer = await call('service', 'GET', `/api/v1/customers/${other}/contacts?limit=10`);
    expect(ofCustomer.json().items.map((c: { name: string }) => c.name)).toEqual(names);
    expect((await call('sales', 'GET', '/api/v1/contacts?cursor=zzz')).statusCode).toBe(422);
  });

  it('names each row’s customer, and nothing of a customer the caller may not see', async () => {
    const mine = (await call('sales', 'POST', '/api/v1/customers', { name: '苏州名称测试有限公司' })).json();
    const theirs = (await call('salesNorth', 'POST', '/api/v1/customers', { name: '北方保密客户' })).json();
    await call('sales', 'POST', '/api/v1/contacts', { customerId: mine.id, name: '名称甲' });
    await call('salesNorth', 'POST', '/api/v1/contacts', { customerId: theirs.id, name: '名称乙' });
    type Row = { name: string; customerId: number; customerName: string; customerCode: string };
    const rows = async (user: UserKey, query = '') =>
      (await call(user, 'GET', `/api/v1/contacts?limit=100${query}`)).json().items as Row[];
    const customerOf = new Map<number, { name: string; code: string }>();
    const check = async (items: Row[]) => {
      for (const r of items) {
        if (!customerOf.has(r.customerId))
          customerOf.set(
            r.customerId,
            (await call('admin', 'GET', `/api/v1/customers/${r.customerId}`)).json(),
          );
        const c = customerOf.get(r.customerId)!;
        expect([r.name, r.customerName, r.customerCode]).toEqual([r.name, c.name, c.code]);
      }
    };
    const sales = await rows('sales');
    await check(sales);
    expect(sales.find((r) => r.name === '名称甲')).toMatchObject({
      customerName: '苏州名称测试有限公司',
      customerCode: mine.code,
    });
    expect(JSON.stringify(sales)).not.toContain('北方保密客户');
    expect(JSON.stringify(sales)).not.toContain(theirs.code);
    const north = await rows('salesNorth');
    expect(north.map((r) => [r.name, r.customerName, r.customerCode])).toEqual([
      ['名称乙', '北方保密客户', theirs.code],
    ]);
    expect(await rows('salesNorth', `&customerId=${mine.id}`)).toEqual([]);
    expect(await rows('otherAdmin')).toEqual([]);
    const all = await rows('admin');
    await check(all);
    expect(all.map((r) => r.name)).toEqual(expect.arrayContaining(['名称甲', '名称乙']));
    const ofCustomer = await call('service', 'GET', `/api/v1/customers/${theirs.id}/contacts`);
    expect(ofCustomer.json().items).toMatchObject([{ name: '名称乙', customerCode: theirs.code }]);
    // A list row is the contact as read alone, plus its customer's name and code.
    const { customerName: _n, customerCode: _c, ...contactOnly } = ofCustomer.json().items[0];
    expect((await call('salesNorth', 'GET', `/api/v1/contacts/${contactOnly.id}`)).json()).toEqual(
      contactOnly,
    );
  });

  it('soft-deletes and restores a contact', async () => {
    const c = (await create({ name: 'Gone Contact' })).json();
    const stale = await call('sales', 'DELETE', `/api/v1/contacts/${c.id}?version=9`);
    expect(stale.statusCode).toBe(409);
    expect((await call('sales', 'DELETE', `/api/v1/contacts/${c.id}?version=1`)).statusCode).toBe(204);
    const live = await call('sales', 'GET', `/api/v1/customers/${customerId}/contacts?q=Gone`);
    expect(live.json().items).toEqual([]);
    const trash = await call('sales', 'GET', `/api/v1/contacts?deleted=only&q=Gone`);
    expect(trash.json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
    const upd = await call('sales', 'PATCH', `/api/v1/contacts/${c.id}`, { version: 2, notes: 'x' });
    expect(upd.json().code).toBe('contact_deleted');
    expect((await call('sales', 'DELETE', `/api/v1/contacts/${c.id}`)).json().code).toBe('contact_deleted');
    const back = await call('sales', 'POST', `/api/v1/contacts/${c.id}/restore`);
    expect(back.json()).toMatchObject({ deletedAt: null, version: 3 });
    const again = await call('sales', 'POST', `/api/v1/contacts/${c.id}/restore`);
    expect(again.json().code).toBe('contact_not_deleted');
    expect((await auditOf(c.id)).map((a) => a.action)).toEqual(['restore', 'delete', 'create']);
  });

  it('refuses contact writes on a deleted customer with 409', async () => {
    const cust = (await call('sales', 'POST', '/api/v1/customers', { name: 'Closing Co' })).json().id;
    const c = (await call('sales', 'POST', '/api/v1/contacts', { customerId: cust, name: 'Left' })).json();
    expect((await call('sales', 'DELETE', `/api/v1/customers/${cust}`)).statusCode).toBe(204);
    const add = await call('sales', 'POST', '/api/v1/contacts', { customerId: cust, name: 'New' }, 'zh-CN');
    expect(add.statusCode).toBe(409);
    expect(add.json()).toMatchObject({ code: 'contact_customer_deleted' });
    expect(add.json().detail).toContain('客户已删除');
    const upd = await call('sales', 'PATCH', `/api/v1/contacts/${c.id}`, { version: 1, notes: 'x' });
    expect(upd.json().code).toBe('contact_customer_deleted');
    expect((await call('sales', 'DELETE', `/api/v1/contacts/${c.id}`)).statusCode).toBe(409);
    const list = await call('sales', 'GET', '/api/v1/contacts?q=Left');
    expect(list.json().items).toEqual([]);
    const ofCustomer = await call('sales', 'GET', `/api/v1/customers/${cust}/contacts`);
    expect(ofCustomer.json().items.map((x: { id: number }) => x.id)).toEqual([c.id]);
  });

  it('answers 404 to users who may not see the customer, 403 to those who may not write', async () => {
    const c = (await create({ name: 'Secret Person', phones: ['13900001111'] })).json();
    const calls: [Method, string, unknown?][] = [
      ['GET', `/api/v1/contacts/${c.id}`],
      ['PATCH', `/api/v1/contacts/${c.id}`, { version: 1, notes: 'x' }],
      ['DELETE', `/api/v1/contacts/${c.id}`],
      ['POST', `/api/v1/contacts/${c.id}/restore`],
      ['GET', `/api/v1/customers/${customerId}/contacts`],
      ['POST', '/api/v1/contacts', { customerId, name: 'Sneaky' }],
    ];
    for (const user of ['salesNorth', 'managerNorth', 'sales2', 'otherAdmin', 'otherSales'] as const) {
      for (const [method, url, payload] of calls) {
        const res = await call(user, method, url, payload);
        expect(res.statusCode, `${user} ${method} ${url}`).toBe(404);
        expect(res.body).not.toContain('Secret');
      }
      for (const q of ['q=Secret', 'q=13900001111', `customerId=${customerId}`]) {
        const list = await call(user, 'GET', `/api/v1/contacts?${q}`);
        expect(list.json().items, `${user} ${q}`).toEqual([]);
      }
    }
    // The gate logs refused looks without waiting for the write.
    const denials = () =>
      t.db.db
        .select()
        .from(securityEvents)
        .where(
          and(
            eq(securityEvents.kind, 'access_denied'),
            eq(securityEvents.userId, t.fx.users.salesNorth.userId),
          ),
        );
    await expect.poll(async () => (await denials()).length).toBeGreaterThanOrEqual(calls.length);
    for (const user of ['service', 'analyst'] as const) {
      expect((await call(user, 'GET', `/api/v1/contacts/${c.id}`)).statusCode).toBe(200);
      expect((await call(user, 'GET', '/api/v1/contacts?q=Secret')).json().items).toHaveLength(1);
      expect((await create({ name: 'Nope' }, user)).statusCode, user).toBe(403);
      const upd = await call(user, 'PATCH', `/api/v1/contacts/${c.id}`, { version: 1, notes: 'x' });
      expect(upd.statusCode, user).toBe(403);
      expect((await call(user, 'DELETE', `/api/v1/contacts/${c.id}`)).statusCode, user).toBe(403);
    }
    expect((await call('manager', 'PATCH', `/api/v1/contacts/${c.id}`, { version: 1 })).statusCode).toBe(200);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/contacts' })).statusCode).toBe(401);
  });

  it('publishes its schemas in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Contact', 'ContactListItem', 'CreateContact', 'UpdateContact']),
    );
    expect(doc.paths['/api/v1/customers/{id}/contacts']).toBeDefined();
  });
});
