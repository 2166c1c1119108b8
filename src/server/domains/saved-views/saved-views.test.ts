import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { MAX_VIEWS_PER_LIST } from '../../../shared/saved-views/saved-view.schema';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

type UserKey = keyof TestApp['fx']['users'];
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(drivers)('saved views over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
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
    call(user, 'POST', '/api/v1/saved-views', { list: 'customers', ...payload }, lang);
  const mine = async (user: UserKey = 'sales') =>
    (await call(user, 'GET', '/api/v1/saved-views?list=customers')).json();
  const auditOf = async (id: number) =>
    t.db.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, before: auditLog.before })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'saved_view'), eq(auditLog.entityId, id)))
      .orderBy(asc(auditLog.id));

  it('saves, lists, renames, updates and deletes a view, auditing each write', async () => {
    const res = await create({
      name: '浙江休眠经销商',
      query: { status: 'dormant', type: 'dealer', province: '浙江省', sort: '-updatedAt', q: '' },
      hiddenColumns: ['tags', 'region'],
    });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      list: 'customers',
      name: '浙江休眠经销商',
      // Empty values are dropped, as the list's URL drops them.
      query: { status: 'dormant', type: 'dealer', province: '浙江省', sort: '-updatedAt' },
      hiddenColumns: ['tags', 'region'],
      version: 1,
    });
    expect(view).not.toHaveProperty('ownerId');
    await create({ name: 'A first', query: { owner: 'me' } });
    expect((await mine()).items.map((v: { name: string }) => v.name)).toEqual(['A first', '浙江休眠经销商']);
    expect((await mine()).nextCursor).toBeNull();

    const renamed = await call('sales', 'PATCH', `/api/v1/saved-views/${view.id}`, {
      version: 1,
      name: 'Dormant dealers in Zhejiang',
    });
    expect(renamed.json()).toMatchObject({ name: 'Dormant dealers in Zhejiang', version: 2 });
    const updated = await call('sales', 'PATCH', `/api/v1/saved-views/${view.id}`, {
      version: 2,
      query: { status: 'dormant,lost', q: '化工' },
      hiddenColumns: [],
    });
    expect(updated.json()).toMatchObject({
      name: 'Dormant dealers in Zhejiang',
      query: { status: 'dormant,lost', q: '化工' },
      hiddenColumns: [],
      version: 3,
    });
    const stale = await call('sales', 'PATCH', `/api/v1/saved-views/${view.id}`, { version: 2, name: 'x' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 3 });
    expect((await call('sales', 'DELETE', `/api/v1/saved-views/${view.id}?version=2`)).statusCode).toBe(409);
    expect((await call('sales', 'DELETE', `/api/v1/saved-views/${view.id}?version=3`)).statusCode).toBe(204);
    expect((await call('sales', 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
    expect((await mine()).items.map((v: { name: string }) => v.name)).toEqual(['A first']);

    const audit = await auditOf(view.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect(audit.every((a) => a.actorId === t.fx.users.sales.userId)).toBe(true);
    expect(audit[3]!.before).toMatchObject({ name: 'Dormant dealers in Zhejiang', version: 3 });
  });

  it("shows a user only their own views: another's is a 404 and stays as it was", async () => {
    const view = (await create({ name: 'Private', query: { type: 'dealer' } }, 'sales2')).json();
    for (const user of ['sales', 'manager', 'admin', 'otherAdmin'] as const) {
      expect((await mine(user)).items.some((v: { id: number }) => v.id === view.id)).toBe(false);
      const patch = await call(user, 'PATCH', `/api/v1/saved-views/${view.id}`, { version: 1, name: 'x' });
      expect(patch.statusCode, user).toBe(404);
      expect((await call(user, 'DELETE', `/api/v1/saved-views/${view.id}`)).statusCode, user).toBe(404);
    }
    expect((await mine('sales2')).items).toEqual([view]);
    // Names are per user: another user may use the same one.
    expect((await create({ name: 'Private' }, 'sales')).statusCode).toBe(201);
  });

  it('refuses a second view of the same name, whatever its case, on the name field', async () => {
    await create({ name: 'Key accounts' });
    const dup = await create({ name: '  KEY ACCOUNTS ' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors).toEqual([
      { field: 'name', message: 'You already have a view of this list with this name.' },
    ]);
    const other = (await create({ name: 'Other name' })).json();
    const zh = await call(
      'sales',
      'PATCH',
      `/api/v1/saved-views/${other.id}`,
      { version: 1, name: 'key accounts' },
      'zh-CN',
    );
    expect(zh.statusCode).toBe(422);
    expect(zh.json().errors).toEqual([{ field: 'name', message: '此列表中您已有同名的视图。' }]);
    const unchanged = (await mine()).items.find((v: { id: number }) => v.id === other.id);
    expect(unchanged).toMatchObject({ name: 'Other name', version: 1 });
  });

  it("checks the stored query against the list's own query schema, naming each bad filter", async () => {
    const bad = await create({
      name: 'Bad',
      query: { status: 'sleepy', sort: 'revenue', limit: '10', bogus: 'x', createdFrom: 'yesterday' },
    });
    expect(bad.statusCode).toBe(422);
    const fields = (bad.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['query.bogus', 'query.createdFrom', 'query.limit', 'query.sort', 'query.status']);
    expect(bad.json().errors[0].message).toBe('Not a filter, search or sort this list accepts.');
    const ok = (await create({ name: 'Good', query: { status: 'active' } })).json();
    const patch = await call('sales', 'PATCH', `/api/v1/saved-views/${ok.id}`, {
      version: 1,
      query: { owner: 'someone' },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().errors).toEqual([
      { field: 'query.owner', message: 'Not a filter, search or sort this list accepts.' },
    ]);
    const shape = await create({ name: 'Shape', query: { status: 1 }, hiddenColumns: 'tags' });
    expect((shape.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'hiddenColumns',
      'query.status',
    ]);
    expect((await create({ list: 'orders', name: 'x' })).json().errors[0].field).toBe('list');
    expect((await call('sales', 'GET', '/api/v1/saved-views')).statusCode).toBe(422);
  });

  it(`keeps at most ${MAX_VIEWS_PER_LIST} views of a list per user`, async () => {
    const before = (await mine('service')).items.length;
    for (let i = before; i < MAX_VIEWS_PER_LIST; i++)
      expect((await create({ name: `View ${i}` }, 'service')).statusCode).toBe(201);
    const over = await create({ name: 'One too many' }, 'service');
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('too_many_views');
  });
});
