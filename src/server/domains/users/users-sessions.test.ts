import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, sessions } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser } from '../../testing';
import { userCalls } from './users.test-support';

const drivers = await testDrivers();

describe.each(drivers)('a user’s password, deactivation and sessions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const { login, cookieOf, meWith } = userCalls(() => t);

  it('lets an admin set a new password: the old session and password stop at once, the new one works', async () => {
    const { admin, sales2, manager, otherAdmin } = t.fx.users;
    const old = cookieOf(await login('sales2@test.kehu', TEST_PASSWORD));
    expect((await meWith({ cookie: old })).statusCode).toBe(200); // now remembered by the auth cache
    const reset = (user: TestUser, id: number, password: string, lang = 'en') =>
      t.as(user, {
        method: 'POST',
        url: `/api/v1/users/${id}/password`,
        payload: { password },
        headers: { 'accept-language': lang },
      });

    const weak = await reset(admin, sales2.userId, 'short', 'zh-CN');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().errors).toHaveLength(1);
    expect(weak.json().errors[0].field).toBe('password');
    expect(weak.json().errors[0].message).toMatch(/8/);
    expect(weak.json().errors[0].message).toMatch(/\p{Script=Han}/u);
    expect((await reset(manager, sales2.userId, 'a fine new password')).statusCode).toBe(403);
    expect((await reset(otherAdmin, sales2.userId, 'a fine new password')).statusCode).toBe(404);
    expect((await reset(admin, 999_999, 'a fine new password')).statusCode).toBe(404);
    expect((await meWith({ cookie: old })).statusCode).toBe(200); // refused resets changed nothing

    const ok = await reset(admin, sales2.userId, 'a fine new password');
    expect(ok.statusCode).toBe(204);
    expect((await meWith({ cookie: old })).statusCode).toBe(401);
    expect((await login('sales2@test.kehu', TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await login('sales2@test.kehu', 'a fine new password');
    expect(fresh.statusCode).toBe(200);
    expect((await meWith({ cookie: cookieOf(fresh) })).statusCode).toBe(200);
    // An API token is the user's own credential and outlives a password reset.
    expect((await meWith({ token: sales2.token })).statusCode).toBe(200);

    const audit = await t.as(admin, { method: 'GET', url: `/api/v1/audit/user/${sales2.userId}` });
    const [entry] = audit.json().items;
    expect(entry).toMatchObject({ action: 'update', actorId: admin.userId });
    expect(entry.after).toMatchObject({ passwordReset: true, sessionsEnded: 1 });
    expect(JSON.stringify(audit.json())).not.toMatch(/a fine new password|argon2|passwordHash/);
  });

  it('ends the sessions and revokes the API tokens of a deactivated user, for good', async () => {
    const { admin, service } = t.fx.users;
    const cookie = cookieOf(await login('service@test.kehu', TEST_PASSWORD));
    expect((await meWith({ cookie })).statusCode).toBe(200);
    expect((await meWith({ token: service.token })).statusCode).toBe(200);
    const patch = (version: number, active: boolean) =>
      t.as(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${service.userId}`,
        payload: { version, active },
      });
    const off = await patch(1, false);
    expect(off.json()).toMatchObject({ active: false });
    expect((await meWith({ cookie })).statusCode).toBe(401);
    expect((await meWith({ token: service.token })).statusCode).toBe(401);
    expect((await login('service@test.kehu', TEST_PASSWORD)).statusCode).toBe(401);

    const on = await patch(off.json().version, true);
    expect(on.json()).toMatchObject({ active: true });
    // Reactivation lets the password in again, but brings back neither the old session nor the token.
    expect((await meWith({ cookie })).statusCode).toBe(401);
    expect((await meWith({ token: service.token })).statusCode).toBe(401);
    expect((await login('service@test.kehu', TEST_PASSWORD)).statusCode).toBe(200);
    const tokens = await t.db.db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.workspaceId, t.fx.workspaceId), eq(apiTokens.userId, service.userId)));
    expect(tokens.every((x) => x.revokedAt !== null)).toBe(true);
    const audit = await t.as(admin, { method: 'GET', url: `/api/v1/audit/api_token/${tokens[0]!.id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'delete', actorId: admin.userId });
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
