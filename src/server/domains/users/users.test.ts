import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { userCalls } from './users.test-support';

const drivers = await testDrivers();

describe.each(drivers)('organisation and users on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const { userRow, login, cookieOf, meWith } = userCalls(() => t);

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

  it('refuses the last active admin’s demotion or deactivation at the field, in both languages', async () => {
    const { admin } = t.fx.users;
    const current = await userRow(admin.userId);
    expect(current.role).toBe('admin');
    const patch = (payload: object, lang: string) =>
      t.as(admin, {
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        payload: { version: current.version, ...payload },
        headers: { 'accept-language': lang },
      });
    const demote = await patch({ role: 'manager', branchId: t.fx.branches.east }, 'zh-CN');
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
    expect(demote.json().errors).toHaveLength(1);
    expect(demote.json().errors[0].field).toBe('role');
    expect(demote.json().errors[0].message).toMatch(/管理员/);
    const off = await patch({ active: false }, 'en');
    expect(off.statusCode).toBe(409);
    expect(off.json().errors).toEqual([
      { field: 'active', message: expect.stringMatching(/last active admin/) },
    ]);
    // Nothing changed: still the admin, same version, and admin rights intact.
    expect(await userRow(admin.userId)).toMatchObject({
      role: 'admin',
      active: true,
      version: current.version,
    });
  });

  it('places a user in a team of their branch, and takes them out of it when they change branch', async () => {
    const { admin, salesNorth } = t.fx.users;
    const team = async (branchId: number, name: string) =>
      (await t.as(admin, { method: 'POST', url: '/api/v1/teams', payload: { branchId, name } })).json();
    const eastTeam = await team(t.fx.branches.east, '华东二组');
    const northTeam = await team(t.fx.branches.north, '华北二组');
    const rep = await userRow(salesNorth.userId);
    expect(rep.teamId).toBeNull();
    const patch = (payload: object) =>
      t.as(admin, { method: 'PATCH', url: `/api/v1/users/${salesNorth.userId}`, payload });

    const wrong = await patch({ version: rep.version, teamId: eastTeam.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { field: 'teamId', message: expect.stringMatching(/another branch/) },
    ]);
    const unknown = await patch({ version: rep.version, teamId: 999_999 });
    expect(unknown.json().errors[0].field).toBe('teamId');
    const noBranch = await patch({ version: rep.version, branchId: 999_999 });
    expect(noBranch.json()).toMatchObject({ code: 'unknown_branch', errors: [{ field: 'branchId' }] });

    const inTeam = await patch({ version: rep.version, teamId: northTeam.id });
    expect(inTeam.json()).toMatchObject({ branchId: t.fx.branches.north, teamId: northTeam.id });
    // A move to EAST without a team leaves the NORTH team; a move with a team lands in it.
    const moved = await patch({ version: inTeam.json().version, branchId: t.fx.branches.east });
    expect(moved.json()).toMatchObject({ branchId: t.fx.branches.east, teamId: null });
    const back = await patch({
      version: moved.json().version,
      branchId: t.fx.branches.north,
      teamId: northTeam.id,
    });
    expect(back.json()).toMatchObject({ branchId: t.fx.branches.north, teamId: northTeam.id });
    // A rename keeps branch and team.
    const renamed = await patch({ version: back.json().version, name: '北方销售' });
    expect(renamed.json()).toMatchObject({ name: '北方销售', teamId: northTeam.id });
    const audit = await t.as(admin, { method: 'GET', url: `/api/v1/audit/user/${salesNorth.userId}` });
    expect(audit.json().items[2]).toMatchObject({
      before: { teamId: northTeam.id, branchId: t.fx.branches.north },
      after: { teamId: null, branchId: t.fx.branches.east },
    });
  });

  it('takes a demoted admin’s rights away from their existing session and token on the next request', async () => {
    const { admin, sales } = t.fx.users;
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'deputy@test.kehu', name: '副管理员', role: 'admin', password: 'deputy password' },
    });
    expect(created.statusCode).toBe(201);
    const deputy = created.json();
    const cookie = cookieOf(await login('deputy@test.kehu', 'deputy password'));
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        cookies: { kehu_session: cookie },
        payload: { name: 'deputy' },
      })
    ).json().token as string;
    const newTeam = (auth: { cookie?: string; token?: string }, name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/teams',
        payload: { branchId: t.fx.branches.east, name },
        ...(auth.cookie ? { cookies: { kehu_session: auth.cookie } } : {}),
        ...(auth.token ? { headers: { authorization: `Bearer ${auth.token}` } } : {}),
      });
    // Both credentials are now remembered by the auth cache as an admin's.
    expect((await newTeam({ cookie }, 'a')).statusCode).toBe(201);
    expect((await newTeam({ token }, 'b')).statusCode).toBe(201);

    const demoted = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${deputy.id}`,
      payload: { version: deputy.version, role: 'manager', branchId: t.fx.branches.east },
    });
    expect(demoted.statusCode).toBe(200);
    expect((await newTeam({ cookie }, 'c')).statusCode).toBe(403);
    expect((await newTeam({ token }, 'd')).statusCode).toBe(403);
    expect((await meWith({ cookie })).json()).toMatchObject({
      role: 'manager',
      branchId: t.fx.branches.east,
    });

    // The branch too: a customer of an EAST rep is theirs to see as EAST's manager, and not from NORTH.
    const customer = await t.as(sales, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: '华东测试客户' },
    });
    expect(customer.statusCode).toBe(201);
    const see = () =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/customers/${customer.json().id}`,
        cookies: { kehu_session: cookie },
      });
    expect((await see()).statusCode).toBe(200);
    const movedNorth = await t.as(admin, {
      method: 'PATCH',
      url: `/api/v1/users/${deputy.id}`,
      payload: { version: demoted.json().version, branchId: t.fx.branches.north },
    });
    expect(movedNorth.statusCode).toBe(200);
    expect((await see()).statusCode).toBe(404);
  });

  it('lets only one of two admins demoting each other at once go through', async () => {
    const { admin } = t.fx.users;
    const created = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'second@test.kehu', name: '第二管理员', role: 'admin', password: 'second password' },
    });
    const second = created.json();
    const secondToken = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/tokens',
        cookies: { kehu_session: cookieOf(await login('second@test.kehu', 'second password')) },
        payload: { name: 'second' },
      })
    ).json().token as string;
    const mine = await userRow(admin.userId);
    const demoteSelf = (auth: Record<string, string>, id: number, version: number) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${id}`,
        headers: auth,
        payload: { version, role: 'analyst' },
      });
    // On PostgreSQL both requests are made to wait on their user rows (held by another connection), so
    // that both check for another admin before either commits; PGlite runs one transaction at a time.
    const blocker = t.db.url ? new pg.Client({ connectionString: t.db.url }) : null;
    if (blocker) {
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select id from users where id = any($1) for update', [[admin.userId, second.id]]);
    }
    const both = Promise.all([
      demoteSelf({ authorization: `Bearer ${admin.token}` }, admin.userId, mine.version),
      demoteSelf({ authorization: `Bearer ${secondToken}` }, second.id, second.version),
    ]);
    if (blocker) {
      const waiting = async () => {
        await blocker.query('select pg_stat_clear_snapshot()'); // a transaction sees one snapshot otherwise
        const { rows } = await blocker.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        return rows[0].n as number;
      };
      try {
        await expect.poll(waiting, { timeout: 10_000 }).toBe(2);
      } finally {
        await blocker.query('commit');
        await blocker.end();
      }
    }
    const [a, b] = await both;
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('last_admin');
    const admins = (await t.as(t.fx.users.analyst, { method: 'GET', url: '/api/v1/users' }))
      .json()
      .items.filter((u: { role: string; active: boolean }) => u.role === 'admin' && u.active);
    expect(admins).toHaveLength(1);
    // Put the fixture's admin back for the tests after this one.
    if (a.statusCode === 200) {
      const back = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${admin.userId}`,
        headers: { authorization: `Bearer ${secondToken}` },
        payload: { version: (await userRow(admin.userId)).version, role: 'admin' },
      });
      expect(back.statusCode).toBe(200);
    }
  });
});
