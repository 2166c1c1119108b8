import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('tasks on %s', (kind) => {
  let t: TestApp;
  let customer: number;
  let northCustomer: number;
  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.as(user, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const made = async (user: TestUser, name: string) =>
      (await call(user, 'POST', '/api/v1/customers', { name })).json().id as number;
    customer = await made(t.fx.users.sales, '甲公司');
    northCustomer = await made(t.fx.users.salesNorth, '北方公司');
  });
  afterAll(() => t.close());

  it('lets a rep keep their own tasks, seen by their manager and admins only', async () => {
    const { sales, sales2, manager, managerNorth, admin } = t.fx.users;
    const res = await call(sales, 'POST', '/api/v1/tasks', {
      title: '回访甲公司',
      dueOn: '2020-01-02',
      customerId: customer,
    });
    expect(res.statusCode).toBe(201);
    const task = res.json();
    expect(task).toMatchObject({
      assigneeId: sales.userId,
      assigneeName: 'sales',
      customerName: '甲公司',
      source: 'manual',
      done: false,
      overdue: true,
      version: 1,
    });
    for (const user of [sales, manager, admin])
      expect((await call(user, 'GET', `/api/v1/tasks/${task.id}`)).statusCode, user.name).toBe(200);
    for (const user of [sales2, managerNorth, t.fx.users.otherAdmin])
      expect((await call(user, 'GET', `/api/v1/tasks/${task.id}`)).statusCode, user.name).toBe(404);
    const mine = (await call(sales, 'GET', '/api/v1/tasks/mine')).json();
    expect(mine.items.map((x: { id: number }) => x.id)).toEqual([task.id]);
    expect((await call(sales2, 'GET', '/api/v1/tasks')).json().items).toEqual([]);
    expect((await call(manager, 'GET', '/api/v1/tasks')).json().items).toHaveLength(1);
    expect((await call(managerNorth, 'GET', '/api/v1/tasks')).json().items).toHaveLength(0);

    const done = await call(sales, 'PATCH', `/api/v1/tasks/${task.id}`, { done: true, version: 1 });
    expect(done.json()).toMatchObject({ done: true, doneBy: sales.userId, overdue: false, version: 2 });
    const stale = await call(sales, 'PATCH', `/api/v1/tasks/${task.id}`, { title: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await call(sales, 'GET', '/api/v1/tasks/mine')).json().items).toEqual([]);
    expect((await call(sales, 'GET', '/api/v1/tasks?status=done')).json().items).toHaveLength(1);

    const audit = await t.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'task'), eq(auditLog.entityId, task.id)))
      .orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect((await call(sales, 'DELETE', `/api/v1/tasks/${task.id}?version=2`)).statusCode).toBe(204);
    expect((await call(sales, 'GET', `/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
  });

  it('assigns within the rules and links only customers the caller may see', async () => {
    const { sales, sales2, manager, salesNorth } = t.fx.users;
    const byRep = await call(sales, 'POST', '/api/v1/tasks', {
      title: 'x',
      dueOn: '2030-01-01',
      assigneeId: sales2.userId,
    });
    expect(byRep.statusCode).toBe(403);
    const byManager = await call(manager, 'POST', '/api/v1/tasks', {
      title: '拜访',
      dueOn: '2030-01-01',
      assigneeId: sales2.userId,
    });
    expect(byManager.statusCode).toBe(201);
    expect(byManager.json()).toMatchObject({ assigneeId: sales2.userId, overdue: false });
    const outside = await call(manager, 'POST', '/api/v1/tasks', {
      title: 'x',
      dueOn: '2030-01-01',
      assigneeId: salesNorth.userId,
    });
    expect(outside.statusCode).toBe(403);
    const hidden = await call(sales, 'POST', '/api/v1/tasks', {
      title: 'x',
      dueOn: '2030-01-01',
      customerId: northCustomer,
    });
    expect(hidden.statusCode).toBe(404);
    const unknown = await call(manager, 'POST', '/api/v1/tasks', {
      title: 'x',
      dueOn: '2030-01-01',
      assigneeId: 999_999,
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].field).toBe('assigneeId');
  });

  it('pages by due day with a cursor', async () => {
    const { sales } = t.fx.users;
    for (const day of ['2031-01-03', '2031-01-01', '2031-01-02'])
      await call(sales, 'POST', '/api/v1/tasks', { title: day, dueOn: day });
    const first = (await call(sales, 'GET', '/api/v1/tasks/mine?limit=2')).json();
    expect(first.items.map((x: { title: string }) => x.title)).toEqual(['2031-01-01', '2031-01-02']);
    const second = (await call(sales, 'GET', `/api/v1/tasks/mine?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((x: { title: string }) => x.title)).toEqual(['2031-01-03']);
    expect(second.nextCursor).toBeNull();
  });
});
