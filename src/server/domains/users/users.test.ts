import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('organisation and users on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

  it('lets an admin build branches and teams and add, change and deactivate users', async () => {
    const { admin, manager } = t.fx.users;
    const branch = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/branches',
      payload: { code: 'SOUTH', name: '华南分公司' },
    });
    expect(branch.statusCode).toBe(201);
    const dup = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/branches',
      payload: { code: 'SOUTH', name: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    const team = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { branchId: branch.json().id, name: '广州一组' },
    });
    expect(team.json()).toMatchObject({ branchId: branch.json().id, name: '广州一组' });
    expect(
      (await t.as(manager, { method: 'POST', url: '/api/v1/teams', payload: { branchId: 1, name: 'x' } }))
        .statusCode,
    ).toBe(403);

    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'New.Rep@Test.Kehu',
        name: '新销售',
        role: 'sales',
        branchId: branch.json().id,
        password: 'long enough pw',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('new.rep@test.kehu');
    expect((await login('new.rep@test.kehu', 'long enough pw')).statusCode).toBe(200);
    const again = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'new.rep@test.kehu', name: 'x', role: 'sales', password: 'long enough pw' },
    });
    expect(again.statusCode).toBe(409);

    const off = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${created.json().id}`,
      payload: { version: 1, active: false },
    });
    expect(off.json()).toMatchObject({ active: false, version: 2 });
    expect((await login('new.rep@test.kehu', 'long enough pw')).statusCode).toBe(401);
    const audit = await t.as(admin, { method: 'GET', url: `/api/v1/audit/user/${created.json().id}` });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['update', 'create']);
  });

  it('refuses a manager without a branch and leaving the workspace without an admin', async () => {
    const { admin } = t.fx.users;
    const noBranch = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${t.fx.users.analyst.userId}`,
      payload: { version: 1, role: 'manager' },
    });
    expect(noBranch.json().code).toBe('branch_required');
    const demote = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${admin.userId}`,
      payload: { version: 1, role: 'sales' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
  });

  it('ends sessions idle too long or past their absolute lifetime', async () => {
    const res = await login('sales@test.kehu', 'correct horse battery');
    const cookie = res.cookies.find((c) => c.name === 'kehu_session')!.value;
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { kehu_session: cookie } });
    expect((await me()).statusCode).toBe(200);
    const userId = t.fx.users.sales.userId;
    const mine = and(eq(sessions.userId, userId), eq(sessions.workspaceId, t.fx.workspaceId));
    // idle for 9 hours (the default idle limit is 8)
    await t.db.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 9 * 3_600_000) })
      .where(mine);
    // The clock was moved in the database behind the server's back: drop what it remembers of the user.
    t.app.services.auth.forgetUser(userId);
    expect((await me()).statusCode).toBe(401);

    const fresh = (await login('sales@test.kehu', 'correct horse battery')).cookies.find(
      (c) => c.name === 'kehu_session',
    )!;
    await t.db.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(mine);
    t.app.services.auth.forgetUser(userId);
    const expired = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { kehu_session: fresh.value },
    });
    expect(expired.statusCode).toBe(401);
  });
});
