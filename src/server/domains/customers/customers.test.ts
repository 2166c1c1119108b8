import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('customers over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const create = (user: keyof TestApp['fx']['users'], payload: Record<string, unknown>, lang = 'en') =>
    t.as(t.fx.users[user], {
      method: 'POST',
      url: '/api/v1/customers',
      payload,
      headers: { 'accept-language': lang },
    });

  it('creates a customer with a generated code, owned by its creator, and audits it', async () => {
    const res = await create('sales', {
      name: '杭州西湖精细化工有限公司',
      shortName: '西湖化工',
      taxId: '91350100M000100Y43',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.code).toMatch(/^C\d{4}\d{6}$/);
    expect(c).toMatchObject({
      ownerId: t.fx.users.sales.userId,
      branchId: t.fx.branches.east,
      status: 'prospect',
      version: 1,
    });
    const next = await create('sales', { name: 'Second Co' });
    expect(Number(next.json().code.slice(-6))).toBe(Number(c.code.slice(-6)) + 1);

    const audit = await t.as(t.fx.users.admin, { method: 'GET', url: `/api/v1/audit/customer/${c.id}` });
    expect(audit.json().items).toMatchObject([{ action: 'create', actorId: t.fx.users.sales.userId }]);
  });

  it('keeps ERP codes and answers a duplicate with 409 naming the existing customer', async () => {
    const first = await create('sales', { code: 'ERP-0001', name: '宁波港口电力设备有限公司' });
    expect(first.json().code).toBe('ERP-0001');
    const dup = await create('admin', { code: 'ERP-0001', name: 'Other' }, 'zh-CN');
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'duplicate_customer_code', existing: { id: first.json().id } });
    expect(dup.json().detail).toContain('宁波港口电力设备有限公司');
    // someone who may not see the holder learns only that the code is taken
    const hidden = await create('salesNorth', { code: 'ERP-0001', name: 'Other' });
    expect(hidden.statusCode).toBe(409);
    expect(hidden.json().existing).toBeUndefined();
    expect(hidden.json().detail).not.toContain('宁波');
  });

  it('names each bad field in the request language', async () => {
    const res = await create(
      'sales',
      { name: '', taxId: '91350100M000100Y44', type: 'alien', bogus: 1 },
      'zh-CN',
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['bogus', 'name', 'taxId', 'type']);
    expect(body.errors.find((e: { field: string }) => e.field === 'taxId').message).toContain(
      '统一社会信用代码',
    );
    const en = await create('sales', { name: 'X', taxId: 'nope' }, 'en');
    expect(en.json().errors[0].message).toContain('unified social credit code');
    // A value of the wrong type: the message names the type that was sent, not "undefined".
    const wrongType = await create('sales', { name: 'X', tags: '重点客户', employees: '多' }, 'zh-CN');
    expect(wrongType.json().errors).toEqual([
      { field: 'employees', message: expect.stringMatching(/期望 数字，实际接收 string/) },
      { field: 'tags', message: expect.stringMatching(/期望 数组，实际接收 string/) },
    ]);
    const wrongEn = await create('sales', { name: 'X', tags: 'key' }, 'en');
    expect(wrongEn.json().errors[0].message).toBe('Invalid input: expected array, received string');
  });

  it('refuses malformed JSON, a 1 MB string and stores SQL or script text as text', async () => {
    const bad = await t.as(t.fx.users.sales, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: '{"name": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_request');
    const huge = await create('sales', { name: 'x'.repeat(1_000_000) });
    expect([413, 422]).toContain(huge.statusCode);
    expect(huge.body).not.toContain('xxxxxxxxxx');
    const evil = "Robert'); DROP TABLE customers;-- <script>alert(1)</script>";
    const ok = await create('sales', { name: evil });
    expect(ok.statusCode).toBe(201);
    const got = await t.as(t.fx.users.sales, { method: 'GET', url: `/api/v1/customers/${ok.json().id}` });
    expect(got.json().name).toBe(evil);
    const search = await t.as(t.fx.users.sales, {
      method: 'GET',
      url: `/api/v1/customers?q=${encodeURIComponent("'; drop table x; --")}`,
    });
    expect(search.statusCode).toBe(200);
  });

  it('finds Chinese names by any 2-character fragment, codes by prefix, ranked', async () => {
    await create('admin', {
      code: 'HZ-7788',
      name: '杭州东方冶金材料有限公司',
      ownerId: t.fx.users.sales.userId,
    });
    const search = async (q: string, user: keyof TestApp['fx']['users'] = 'sales') =>
      (
        await t.as(t.fx.users[user], { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` })
      ).json().items as { name: string; code: string }[];
    expect((await search('西湖')).map((c) => c.name)).toEqual(['杭州西湖精细化工有限公司']);
    expect((await search('精细化工'))[0]?.name).toBe('杭州西湖精细化工有限公司');
    expect((await search('杭州')).length).toBe(2);
    expect((await search('hz-77'))[0]?.code).toBe('HZ-7788');
    expect((await search('Secnd Co'))[0]?.name).toBe('Second Co'); // fuzzy
    expect(await search('西湖', 'salesNorth')).toEqual([]); // not theirs
  });

  it('finds a renamed customer by its new name only, and a fragment only where it is contiguous', async () => {
    const c = (await create('sales', { name: '宁波甬江轴承有限公司', shortName: '甬江轴承' })).json();
    const names = async (q: string) =>
      (await t.as(t.fx.users.sales, { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((x: { name: string }) => x.name) as string[];
    expect(await names('甬江轴')).toEqual(['宁波甬江轴承有限公司']);
    // 江 … 承 both occur, but not as 江承: not a match
    expect(await names('江承')).toEqual([]);
    const res = await t.as(t.fx.users.sales, {
      method: 'PATCH',
      url: `/api/v1/customers/${c.id}`,
      payload: { version: c.version, name: '宁波北仑密封件有限公司', shortName: null },
    });
    expect(res.statusCode).toBe(200);
    expect(await names('甬江')).toEqual([]);
    expect(await names('北仑密封')).toEqual(['宁波北仑密封件有限公司']);
    // An update that does not rename keeps the windows.
    const again = await t.as(t.fx.users.sales, {
      method: 'PATCH',
      url: `/api/v1/customers/${c.id}`,
      payload: { version: c.version + 1, city: '宁波' },
    });
    expect(again.statusCode).toBe(200);
    expect(await names('北仑')).toEqual(['宁波北仑密封件有限公司']);
  });

  it('filters, sorts and pages with a keyset cursor', async () => {
    for (let i = 0; i < 5; i++)
      await create('sales2', { name: `Page ${i}`, tags: ['paging'], type: 'dealer' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?tag=paging&sort=name&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.as(t.fx.users.manager, { method: 'GET', url })).json();
      seen.push(...page.items.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Page 0', 'Page 1', 'Page 2', 'Page 3', 'Page 4']);
    const dealers = (
      await t.as(t.fx.users.admin, {
        method: 'GET',
        url: `/api/v1/customers?type=dealer&owner=${t.fx.users.sales2.userId}`,
      })
    ).json();
    expect(dealers.items).toHaveLength(5);
    const badCursor = await t.as(t.fx.users.admin, { method: 'GET', url: '/api/v1/customers?cursor=zzz' });
    expect(badCursor.statusCode).toBe(422);
    // A well-formed cursor whose key is not a timestamp must not reach the SQL cast (a 500 before).
    const doctored = Buffer.from(JSON.stringify(['garbage', 1])).toString('base64url');
    const forged = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: `/api/v1/customers?cursor=${doctored}`,
    });
    expect(forged.statusCode).toBe(422);
    expect(forged.json().errors).toEqual([{ field: 'cursor', message: 'Not a cursor this list gave out.' }]);
  });

  it('pages through ranked search results, best first, each customer once', async () => {
    // Shorter names score higher on the same fragment; the two ties are broken by id.
    const names = [
      '宁波港湾',
      '宁波港湾物流',
      '宁波港湾物流仓储',
      '宁波港湾物流仓储服务',
      '宁波港湾物流仓储服务',
    ];
    const ids: number[] = [];
    for (const name of names) ids.push((await create('admin', { name })).json().id);
    const seen: { id: number; name: string }[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/customers?q=${encodeURIComponent('港湾')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.as(t.fx.users.admin, { method: 'GET', url })).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((c) => c.name)).toEqual(names);
    expect(seen.map((c) => c.id).slice(3)).toEqual([ids[4], ids[3]]);
    const forged = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: `/api/v1/customers?q=x&cursor=${Buffer.from(JSON.stringify(['1; drop', 1])).toString('base64url')}`,
    });
    expect(forged.statusCode).toBe(422);
  });

  it('lets one of two concurrent updates win and answers the other 409', async () => {
    const c = (await create('sales', { name: 'Race Co' })).json();
    const [a, b] = await Promise.all([
      t.as(t.fx.users.sales, {
        method: 'PATCH',
        url: `/api/v1/customers/${c.id}`,
        payload: { version: 1, city: 'A' },
      }),
      t.as(t.fx.users.manager, {
        method: 'PATCH',
        url: `/api/v1/customers/${c.id}`,
        payload: { version: 1, city: 'B' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const now = (await t.as(t.fx.users.sales, { method: 'GET', url: `/api/v1/customers/${c.id}` })).json();
    expect(now.version).toBe(2);
    expect(now.city).toBe(a.statusCode === 200 ? 'A' : 'B');
  });

  it('soft-deletes, refuses to update the deleted record, and restores', async () => {
    const c = (await create('sales', { name: 'Gone Co', customFields: {} })).json();
    const del = await t.as(t.fx.users.sales, { method: 'DELETE', url: `/api/v1/customers/${c.id}` });
    expect(del.statusCode).toBe(204);
    const list = (await t.as(t.fx.users.sales, { method: 'GET', url: '/api/v1/customers?q=Gone' })).json();
    expect(list.items).toEqual([]);
    const trash = (
      await t.as(t.fx.users.sales, { method: 'GET', url: '/api/v1/customers?deleted=only' })
    ).json();
    expect(trash.items.map((x: { id: number }) => x.id)).toContain(c.id);
    const upd = await t.as(t.fx.users.sales, {
      method: 'PATCH',
      url: `/api/v1/customers/${c.id}`,
      payload: { version: 2, city: 'X' },
    });
    expect(upd.statusCode).toBe(409);
    expect(upd.json().code).toBe('customer_deleted');
    const res = await t.as(t.fx.users.sales, { method: 'POST', url: `/api/v1/customers/${c.id}/restore` });
    expect(res.json()).toMatchObject({ deletedAt: null, version: 3 });
    const audit = (
      await t.as(t.fx.users.manager, { method: 'GET', url: `/api/v1/audit/customer/${c.id}` })
    ).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['restore', 'delete', 'create']);
  });

  it('hides customers the user may not see as 404, across branches and workspaces', async () => {
    const c = (await create('sales', { name: 'Private Co' })).json();
    for (const user of ['salesNorth', 'managerNorth', 'otherAdmin', 'otherSales', 'sales2'] as const) {
      const res = await t.as(t.fx.users[user], { method: 'GET', url: `/api/v1/customers/${c.id}` });
      expect(res.statusCode, user).toBe(404);
    }
    for (const user of ['admin', 'manager', 'service', 'analyst'] as const) {
      const res = await t.as(t.fx.users[user], { method: 'GET', url: `/api/v1/customers/${c.id}` });
      expect(res.statusCode, user).toBe(200);
    }
    // an account team member sees and edits it
    const withTeam = await t.as(t.fx.users.sales, {
      method: 'PATCH',
      url: `/api/v1/customers/${c.id}`,
      payload: { version: 1, team: [{ userId: t.fx.users.sales2.userId, role: 'technical' }] },
    });
    expect(withTeam.json().team).toEqual([{ userId: t.fx.users.sales2.userId, role: 'technical' }]);
    const seen = await t.as(t.fx.users.sales2, { method: 'GET', url: `/api/v1/customers/${c.id}` });
    expect(seen.statusCode).toBe(200);
    for (const user of ['service', 'analyst'] as const) {
      const res = await t.as(t.fx.users[user], {
        method: 'PATCH',
        url: `/api/v1/customers/${c.id}`,
        payload: { version: 2, city: 'X' },
      });
      expect(res.statusCode, user).toBe(403);
    }
    const analystCreate = await create('analyst', { name: 'Nope' });
    expect(analystCreate.statusCode).toBe(403);
    const salesAssign = await create('sales', { name: 'Nope', ownerId: t.fx.users.sales2.userId });
    expect(salesAssign.statusCode).toBe(403);
  });
});
