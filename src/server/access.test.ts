import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from './testing';

/**
 * Every endpoint, called by users who must not see the object: a rep of another branch, the manager of
 * another branch, and an admin of another workspace. Object routes must answer 404 (never 403 with
 * details), lists must not leak, and nothing may change. A route missing from the table fails the suite.
 */
const drivers = await testDrivers();
const SECRET = 'SECRET-7f3a';

type Ids = {
  user: number;
  customer: number;
  contact: number;
  activity: number;
  order: number;
  product: number;
  field: number;
  token: number;
  view: number;
  /** A second customer of the rep's (sharing the hidden customer's contact e-mail: a duplicate pair). */
  twin: number;
  merge: number;
  upload: string;
  template: number;
};
type Case = {
  /**
   * customer: hangs off the hidden customer; owner: belongs to the user who made it (a saved view), so
   * anyone else must get 404; workspace: any user of another workspace must get 404; named: 查重, which
   * by design tells the same workspace a look-alike's code, name and owner (never its id or anything
   * else) and another workspace nothing.
   */
  scope: 'customer' | 'owner' | 'workspace' | 'list' | 'self' | 'named';
  path: (ids: Ids) => string;
  body?: (ids: Ids) => object;
};

const v1 = { version: 1 };
const CASES: Record<string, Case> = {
  'GET /api/v1/customers': { scope: 'list', path: () => `/api/v1/customers?q=${SECRET}` },
  'GET /api/v1/contacts': { scope: 'list', path: () => '/api/v1/contacts' },
  'GET /api/v1/activities': { scope: 'list', path: () => '/api/v1/activities' },
  'GET /api/v1/orders': { scope: 'list', path: () => '/api/v1/orders' },
  'GET /api/v1/customers/export.csv': {
    scope: 'list',
    path: () => `/api/v1/customers/export.csv?q=${SECRET}`,
  },
  'GET /api/v1/customers/export': {
    scope: 'list',
    path: () => `/api/v1/customers/export?format=csv&q=${SECRET}`,
  },
  'GET /api/v1/contacts/export': { scope: 'list', path: () => '/api/v1/contacts/export' },
  'GET /api/v1/activities/export': { scope: 'list', path: () => '/api/v1/activities/export' },
  'GET /api/v1/orders/export': { scope: 'list', path: () => '/api/v1/orders/export' },
  'GET /api/v1/products/export': { scope: 'list', path: () => '/api/v1/products/export' },
  'GET /api/v1/customers/export?view': {
    scope: 'owner',
    path: (i) => `/api/v1/customers/export?view=${i.view}`,
  },
  'GET /api/v1/customers/similar': {
    scope: 'named',
    path: () => `/api/v1/customers/similar?name=${SECRET}%20秘密客户有限公司`,
  },
  'GET /api/v1/saved-views': { scope: 'list', path: () => '/api/v1/saved-views?list=customers' },
  'GET /api/v1/duplicates': { scope: 'list', path: () => '/api/v1/duplicates?minScore=0' },
  'GET /api/v1/duplicates/merges': { scope: 'list', path: () => '/api/v1/duplicates/merges' },
  'POST /api/v1/duplicates/dismiss': {
    scope: 'customer',
    path: () => '/api/v1/duplicates/dismiss',
    body: (i) => ({ customerA: i.customer, customerB: i.twin }),
  },
  'POST /api/v1/duplicates/merge': {
    scope: 'customer',
    path: () => '/api/v1/duplicates/merge',
    body: (i) => ({ survivorId: i.twin, mergedId: i.customer, versions: { survivor: 2, merged: 1 } }),
  },
  'POST /api/v1/duplicates/merges/:id/undo': {
    scope: 'customer',
    path: (i) => `/api/v1/duplicates/merges/${i.merge}/undo`,
  },
  'PATCH /api/v1/saved-views/:id': {
    scope: 'owner',
    path: (i) => `/api/v1/saved-views/${i.view}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'DELETE /api/v1/saved-views/:id': { scope: 'owner', path: (i) => `/api/v1/saved-views/${i.view}` },
  'GET /api/v1/customers/:id': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}` },
  'PATCH /api/v1/customers/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}`,
    body: () => ({ ...v1, city: 'x' }),
  },
  'DELETE /api/v1/customers/:id': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}` },
  'POST /api/v1/customers/:id/restore': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/restore`,
  },
  'GET /api/v1/customers/:id/contacts': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/contacts`,
  },
  'GET /api/v1/customers/:id/activities': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/activities`,
  },
  'GET /api/v1/customers/:id/orders': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/orders`,
  },
  'GET /api/v1/customers/:id/revenue-by-month': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/revenue-by-month`,
  },
  'GET /api/v1/customers/:id/timeline': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/timeline`,
  },
  'GET /api/v1/customers/:id/360': { scope: 'customer', path: (i) => `/api/v1/customers/${i.customer}/360` },
  'GET /api/v1/customers/:id/quality': {
    scope: 'customer',
    path: (i) => `/api/v1/customers/${i.customer}/quality`,
  },
  'GET /api/v1/quality/summary': { scope: 'list', path: () => '/api/v1/quality/summary?groupBy=owner' },
  'GET /api/v1/quality/issues': { scope: 'list', path: () => '/api/v1/quality/issues' },
  'POST /api/v1/contacts': {
    scope: 'customer',
    path: () => '/api/v1/contacts',
    body: (i) => ({ customerId: i.customer, name: '张三' }),
  },
  'GET /api/v1/contacts/:id': { scope: 'customer', path: (i) => `/api/v1/contacts/${i.contact}` },
  'PATCH /api/v1/contacts/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/contacts/${i.contact}`,
    body: () => ({ ...v1, title: 'x' }),
  },
  'DELETE /api/v1/contacts/:id': { scope: 'customer', path: (i) => `/api/v1/contacts/${i.contact}` },
  'POST /api/v1/contacts/:id/restore': {
    scope: 'customer',
    path: (i) => `/api/v1/contacts/${i.contact}/restore`,
  },
  'POST /api/v1/activities': {
    scope: 'customer',
    path: () => '/api/v1/activities',
    body: (i) => ({ customerId: i.customer, type: 'call', subject: 'x' }),
  },
  'GET /api/v1/activities/:id': { scope: 'customer', path: (i) => `/api/v1/activities/${i.activity}` },
  'PATCH /api/v1/activities/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/activities/${i.activity}`,
    body: () => ({ ...v1, subject: 'x' }),
  },
  'DELETE /api/v1/activities/:id': { scope: 'customer', path: (i) => `/api/v1/activities/${i.activity}` },
  'POST /api/v1/orders': {
    scope: 'customer',
    path: () => '/api/v1/orders',
    body: (i) => ({
      customerId: i.customer,
      orderedAt: '2026-01-05',
      lines: [{ description: 'x', quantity: '1', unitPrice: '1' }],
    }),
  },
  'GET /api/v1/orders/:id': { scope: 'customer', path: (i) => `/api/v1/orders/${i.order}` },
  'PATCH /api/v1/orders/:id': {
    scope: 'customer',
    path: (i) => `/api/v1/orders/${i.order}`,
    body: () => ({ ...v1, notes: 'x' }),
  },
  'DELETE /api/v1/orders/:id': { scope: 'customer', path: (i) => `/api/v1/orders/${i.order}` },
  'GET /api/v1/audit/:entity/:id': { scope: 'customer', path: (i) => `/api/v1/audit/customer/${i.customer}` },
  'GET /api/v1/products': { scope: 'list', path: () => '/api/v1/products' },
  'GET /api/v1/products/:id': { scope: 'workspace', path: (i) => `/api/v1/products/${i.product}` },
  'PATCH /api/v1/products/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/products/${i.product}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'GET /api/v1/custom-fields': { scope: 'list', path: () => '/api/v1/custom-fields' },
  'PATCH /api/v1/custom-fields/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/custom-fields/${i.field}`,
    body: () => ({ ...v1, labelEn: 'x' }),
  },
  'GET /api/v1/users': { scope: 'list', path: () => '/api/v1/users' },
  'GET /api/v1/branches': { scope: 'list', path: () => '/api/v1/branches' },
  'GET /api/v1/teams': { scope: 'list', path: () => '/api/v1/teams' },
  'PATCH /api/v1/users/:id': {
    scope: 'workspace',
    path: (i) => `/api/v1/users/${i.user}`,
    body: () => ({ ...v1, name: 'x' }),
  },
  'POST /api/v1/users/:id/password': {
    scope: 'workspace',
    path: (i) => `/api/v1/users/${i.user}/password`,
    body: () => ({ password: `${SECRET} new password` }),
  },
  'GET /api/v1/auth/tokens': { scope: 'list', path: () => '/api/v1/auth/tokens' },
  'DELETE /api/v1/auth/tokens/:id': { scope: 'workspace', path: (i) => `/api/v1/auth/tokens/${i.token}` },
  // Acting on oneself or creating in one's own workspace: there is no one else's object to reach.
  'POST /api/v1/auth/login': { scope: 'self', path: () => '' },
  'POST /api/v1/auth/logout': { scope: 'self', path: () => '' },
  'GET /api/v1/auth/me': { scope: 'self', path: () => '' },
  'GET /api/v1/auth/session': { scope: 'self', path: () => '' },
  'PATCH /api/v1/auth/me': { scope: 'self', path: () => '' },
  'POST /api/v1/auth/tokens': { scope: 'self', path: () => '' },
  'POST /api/v1/users': { scope: 'self', path: () => '' },
  'POST /api/v1/branches': { scope: 'self', path: () => '' },
  'POST /api/v1/teams': { scope: 'self', path: () => '' },
  'POST /api/v1/customers': { scope: 'self', path: () => '' },
  'POST /api/v1/products': { scope: 'self', path: () => '' },
  'POST /api/v1/custom-fields': { scope: 'self', path: () => '' },
  // The caller's own workspace: there is no other one to reach (workspace.test.ts checks who may change it).
  'GET /api/v1/workspace': { scope: 'self', path: () => '' },
  'PATCH /api/v1/workspace': { scope: 'self', path: () => '' },
  'POST /api/v1/saved-views': { scope: 'self', path: () => '' },
  // The workspace's own data-quality rules (quality.test.ts checks who may change them).
  'GET /api/v1/quality/settings': { scope: 'self', path: () => '' },
  'PATCH /api/v1/quality/settings': { scope: 'self', path: () => '' },
  'POST /api/v1/imports': { scope: 'self', path: () => '' },
  'GET /api/v1/imports/:id': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}` },
  'GET /api/v1/imports/:id/preview': {
    scope: 'owner',
    path: (i) => `/api/v1/imports/${i.upload}/preview?entity=customers`,
  },
  'POST /api/v1/imports/:id/run': {
    scope: 'owner',
    path: (i) => `/api/v1/imports/${i.upload}/run`,
    body: () => ({
      entity: 'customers',
      mode: 'all-or-nothing',
      mapping: { customer_code: 'code', name: 'name' },
    }),
  },
  'GET /api/v1/imports/:id/issues': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}/issues` },
  'GET /api/v1/imports/:id/report': { scope: 'owner', path: (i) => `/api/v1/imports/${i.upload}/report` },
  'GET /api/v1/import-templates': { scope: 'list', path: () => '/api/v1/import-templates?entity=customers' },
  'POST /api/v1/import-templates': { scope: 'self', path: () => '' },
  'DELETE /api/v1/import-templates/:id': {
    scope: 'owner',
    path: (i) => `/api/v1/import-templates/${i.template}?version=1`,
  },
};

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
    };
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
    const views = await t.as(sales, { method: 'GET', url: '/api/v1/saved-views?list=customers' });
    expect(views.json().items).toMatchObject([{ id: ids.view, name: SECRET, version: 1 }]);
    const users = await t.as(t.fx.users.otherAdmin, { method: 'GET', url: '/api/v1/users' });
    expect(
      users.json().items.every((u: { workspaceId: number }) => u.workspaceId === t.fx.otherWorkspaceId),
    ).toBe(true);
  });
});
