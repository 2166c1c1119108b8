import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('auth over HTTP on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('logs in with a password into an httpOnly SameSite cookie, and out again', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'Sales@test.kehu', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: 'sales@test.kehu', role: 'sales' });
    const cookie = res.cookies.find((c) => c.name === 'kehu_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { kehu_session: cookie.value },
    });
    expect(me.json()).toMatchObject({ email: 'sales@test.kehu' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { kehu_session: cookie.value },
    });
    expect(session.json()).toMatchObject({ user: { email: 'sales@test.kehu', role: 'sales' } });

    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      cookies: { kehu_session: cookie.value },
    });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { kehu_session: cookie.value },
    });
    expect(after.statusCode).toBe(401);
    expect(after.headers['content-type']).toContain('application/problem+json');
    // The web app's first question: answered 200 whether or not anybody is signed in.
    const nobody = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/session',
      cookies: { kehu_session: cookie.value },
    });
    expect(nobody.statusCode).toBe(200);
    expect(nobody.json()).toEqual({ user: null });
  });

  it('refuses a wrong password alike for unknown users, and throttles repeated failures', async () => {
    const wrong = { email: 'analyst@test.kehu', password: 'nope' };
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ghost@test.kehu', password: 'nope' },
    });
    expect(unknown.statusCode).toBe(401);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: wrong });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('invalid_credentials');
    }
    const throttled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { ...wrong, password: TEST_PASSWORD },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().detail).toContain('登录失败次数过多');
  });

  it('creates an API token shown once, uses it as Bearer, and revokes it', async () => {
    const created = await t.as(t.fx.users.analyst, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'reporting' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^kehu_/);
    const list = await t.as(t.fx.users.analyst, { method: 'GET', url: '/api/v1/auth/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().email).toBe('analyst@test.kehu');
    await t.as(t.fx.users.analyst, { method: 'DELETE', url: `/api/v1/auth/tokens/${id}` });
    const audit = await t.as(t.fx.users.admin, { method: 'GET', url: `/api/v1/audit/api_token/${id}` });
    expect(audit.json().items.map((a: { action: string }) => a.action)).toEqual(['delete', 'create']);
    expect(JSON.stringify(audit.json())).not.toContain('tokenHash');
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('will not revoke another user’s token', async () => {
    const created = await t.as(t.fx.users.sales, {
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'x' },
    });
    const res = await t.as(t.fx.users.admin, {
      method: 'DELETE',
      url: `/api/v1/auth/tokens/${created.json().id}`,
    });
    expect(res.statusCode).toBe(404);
  });

  it('logs logins and refused accesses', async () => {
    const rows = await t.db.db.query.securityEvents.findMany();
    const kinds = new Set(rows.map((r) => r.kind));
    expect(kinds).toContain('login_ok');
    expect(kinds).toContain('login_failed');
    expect(kinds).toContain('access_denied');
  });
});
