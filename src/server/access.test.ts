import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing';
import { CASES, type Ids, SECRET } from './access.cases';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './testing';

/**
 * Every endpoint, called by users who must not see the object: a rep of another branch, the manager of
 * another branch, and an admin of another workspace. Object routes must answer 404 (never 403 with
 * details), lists must not leak, and nothing may change. A route missing from the table fails the suite.
 */
const drivers = await testDrivers();

describe.each(drivers)('access control on every endpoint on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  const ok = async (user: TestUser, method: 'POST', url: string, payload: object) => {
    const res = await t.as(user, { method, url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json().id as number;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { sales, admin } = t.fx.users;
    const customer = await ok(sales, 'POST', '/api/v1/customers', {
      name: `${SECRET} 秘密客户`,
      code: SECRET,
    });
    ids = {
      user: sales.userId,
      customer,
      contact: await ok(sales, 'POST', '/api/v1/contacts', {
        customerId: customer,
        name: `${SECRET} 联系人`,
        email: 'secret@x.cn',
      }),
      activity: await ok(sales, 'POST', '/api/v1/activities', {
        customerId: customer,
        type: 'visit',
        subject: `${SECRET} 拜访`,
      }),
      order: await ok(sales, 'POST', '/api/v1/orders', {
        customerId: customer,
        orderNo: SECRET,
        orderedAt: '2026-01-05',
        lines: [{ description: SECRET, quantity: '2', unitPrice: '10.00' }],
      }),
      product: await ok(admin, 'POST', '/api/v1/products', { code: SECRET, name: SECRET, unit: 't' }),
      field: await ok(admin, 'POST', '/api/v1/custom-fields', {
        key: 'secret_f',
        labelZh: SECRET,
        labelEn: SECRET,
        type: 'text',
      }),
      token: await ok(sales, 'POST', '/api/v1/auth/tokens', { name: SECRET }),
      view: await ok(sales, 'POST', '/api/v1/saved-views', {
        list: 'customers',
        name: SECRET,
        query: { q: SECRET },
      }),
      twin: 0,
      merge: 0,
      upload: (
        await t.as(sales, {
          method: 'POST',
          url: '/api/v1/imports?fileName=secret.csv',
          headers: { 'content-type': 'application/octet-stream' },
          payload: Buffer.from(`code,name\r\n${SECRET}-2,${SECRET} 导入\r\n`),
        })
      ).json().id,
      template: await ok(sales, 'POST', '/api/v1/import-templates', {
        entity: 'customers',
        name: SECRET,
        mapping: { customer_code: 'code' },
      }),
      task: 0,
      matrix: 0,
      policy: 0,
      run: 0,
    };
    ids.task = await ok(sales, 'POST', '/api/v1/tasks', {
      title: `${SECRET} 回访`,
      dueOn: '2030-01-01',
      customerId: customer,
    });
    // 查重: a twin sharing the contact's e-mail (a pair with the hidden customer), into which another
    // customer coded SECRET was merged.
    ids.twin = await ok(sales, 'POST', '/api/v1/customers', {
      name: '保密甲方',
      primaryContact: { name: '联系人', email: 'secret@x.cn' },
    });
    const gone = await ok(sales, 'POST', '/api/v1/customers', { name: '保密乙方', code: `${SECRET}-M` });
    const merged = await t.as(sales, {
      method: 'POST',
      url: '/api/v1/duplicates/merge',
      payload: { survivorId: ids.twin, mergedId: gone, versions: { survivor: 1, merged: 1 } },
    });
    ids.merge = merged.json().merge.id;
    // 价值分析: a run whose breach (STC not visited for a day) names the hidden customer.
    ids.policy = await ok(admin, 'POST', '/api/v1/value/policies', {
      targetKind: 'tier',
      targetKey: 'STC',
      visitIntervalDays: 1,
    });
    ids.matrix = (await t.as(admin, { method: 'GET', url: '/api/v1/value/matrices' })).json().items[0].id;
    ids.run = await ok(admin, 'POST', '/api/v1/value/runs', { asOf: '2031-01-01' });
    const breaches = await t.as(sales, { method: 'GET', url: '/api/v1/value/breaches' });
    expect(breaches.body).toContain(SECRET);
    const pairs = await t.as(sales, { method: 'GET', url: '/api/v1/duplicates?minScore=0' });
    expect(pairs.body).toContain(SECRET);
    const merges = await t.as(sales, { method: 'GET', url: '/api/v1/duplicates/merges' });
    expect(merges.body).toContain(SECRET);
  });
  afterAll(() => t.close());

  it('covers every API route', () => {
    const routes = t.app.kehuRoutes
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.filter((r) => !(r in CASES))).toEqual([]);
  });

  for (const intruder of ['salesNorth', 'managerNorth', 'otherAdmin', 'otherSales'] as const) {
    it(`shows ${intruder} nothing it must not see, and lets it change nothing`, async () => {
      const user = t.fx.users[intruder];
      const foreignWorkspace = user.workspaceId !== t.fx.workspaceId;
      for (const [route, c] of Object.entries(CASES)) {
        if (c.scope === 'self' || (c.scope === 'workspace' && !foreignWorkspace)) continue;
        const method = route.split(' ')[0] as 'GET';
        const res = await t.as(user, { method, url: c.path(ids), payload: c.body?.(ids) });
        if (c.scope === 'named') {
          expect(res.statusCode, route).toBe(200);
          if (foreignWorkspace) expect(res.body, route).not.toContain(SECRET);
          else
            expect(res.json(), route).toEqual([
              {
                id: null,
                code: SECRET,
                name: `${SECRET} 秘密客户`,
                ownerName: t.fx.users.sales.name,
                branchName: expect.any(String),
                visible: false,
                reasons: ['name'],
                score: expect.any(Number),
                nameSimilarity: expect.any(Number),
              },
            ]);
          continue;
        }
        if (c.scope === 'list') {
          if (
            !foreignWorkspace &&
            ['/api/v1/products', '/api/v1/products/export', '/api/v1/custom-fields'].some((p) =>
              route.endsWith(p),
            )
          )
            continue;
          expect(res.statusCode, route).toBe(200);
          expect(res.body, route).not.toContain(SECRET);
          if (foreignWorkspace) expect(res.body, route).not.toContain('"sales@test.kehu"');
          continue;
        }
        expect(res.statusCode, `${intruder} ${route}`).toBe(404);
        expect(res.body, route).not.toContain(SECRET);
      }
    });
  }

  it('left every hidden object as it was', async () => {
    const { sales, admin } = t.fx.users;
    for (const path of [
      `customers/${ids.customer}`,
      `contacts/${ids.contact}`,
      `activities/${ids.activity}`,
      `orders/${ids.order}`,
    ]) {
      const res = await t.as(sales, { method: 'GET', url: `/api/v1/${path}` });
      expect(res.json(), path).toMatchObject({ version: 1, deletedAt: null });
    }
    const product = await t.as(admin, { method: 'GET', url: `/api/v1/products/${ids.product}` });
    expect(product.json()).toMatchObject({ version: 1, name: SECRET });
    const contacts = await t.as(sales, { method: 'GET', url: `/api/v1/customers/${ids.customer}/contacts` });
    expect(contacts.json().items).toHaveLength(1);
    const tokens = await t.as(sales, { method: 'GET', url: '/api/v1/auth/tokens' });
    expect(tokens.json().items.find((x: { id: number }) => x.id === ids.token).revokedAt).toBeNull();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: sales.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200); // no intruder set the rep a new password
    const run = await t.as(sales, { method: 'GET', url: `/api/v1/imports/${ids.upload}` });
    expect(run.json()).toMatchObject({ status: 'uploaded', fileName: 'secret.csv' });
    const templates = await t.as(sales, { method: 'GET', url: '/api/v1/import-templates?entity=customers' });
    expect(templates.json().items).toMatchObject([{ id: ids.template, name: SECRET, version: 1 }]);
    const task = await t.as(sales, { method: 'GET', url: `/api/v1/tasks/${ids.task}` });
    expect(task.json()).toMatchObject({ version: 1, done: false, title: `${SECRET} 回访` });
    const views = await t.as(sales, { method: 'GET', url: '/api/v1/saved-views?list=customers' });
    expect(views.json().items).toMatchObject([{ id: ids.view, name: SECRET, version: 1 }]);
    const users = await t.as(t.fx.users.otherAdmin, { method: 'GET', url: '/api/v1/users' });
    expect(
      users.json().items.every((u: { workspaceId: number }) => u.workspaceId === t.fx.otherWorkspaceId),
    ).toBe(true);
  });
});
