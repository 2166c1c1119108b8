import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, customers, teams, users } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { dayMinus } from '../../../shared/quality/quality-score';
import { createTestApp, type TestApp, type TestUser } from '../../testing';
import { todayIn } from './quality.service';

const drivers = await testDrivers();

type Key = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G';
const B = '杭州乙丙化工有限公司';
const C = '杭州乙丙化工贸易有限公司';

/**
 * A small workspace scored by hand. Required: industry, taxId, contact, contactPhone; stale after 30
 * days without a touch. Owners: sales (A, B, G; F deleted), sales2 (C, E), salesNorth (D).
 * Duplicate suspicion is the duplicates engine's: it compares tax IDs and phones as stored (the API
 * stores tax IDs trimmed and upper case, phones without blanks and dashes but with any +86 prefix,
 * so `+86 138…` and `138…` are different phones to it), e-mails in lower case, and name keys by
 * pg_trgm similarity.
 *
 *   A  4/4  activity 10 days ago: fresh    tax ID shared with D: duplicate
 *   B  1/4  (contact without phone)        order 40 days ago: stale; name like C's: duplicate
 *   C  0/4  created today: fresh           (its industry is blanks only); name like B's: duplicate
 *   D  4/4  created 200 days ago, never touched: stale; tax ID of A, phone of E: duplicate
 *   E  3/4  created today: fresh            phone of D (written with dashes): duplicate
 *   G  1/4  (tax ID) created today          its tax ID is also the deleted F's: not a duplicate
 */
describe.each(drivers)('data quality on %s', (kind) => {
  let t: TestApp;
  const ids = {} as Record<Key, number>;
  const today = todayIn('Asia/Shanghai');

  const call = (user: TestUser, method: 'GET' | 'PATCH', url: string, payload?: object) =>
    t.as(user, { method, url, ...(payload ? { payload } : {}) });
  const made = async (user: TestUser, url: string, payload: object) => {
    const res = await t.as(user, { method: 'POST', url, payload });
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
    return res.json().id as number;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { admin, sales, sales2, salesNorth } = t.fx.users;
    const [team] = await t.db.db
      .insert(teams)
      .values({ workspaceId: t.fx.workspaceId, branchId: t.fx.branches.east, name: '华东一组' })
      .returning();
    await t.db.db
      .update(users)
      .set({ teamId: team!.id })
      .where(inArray(users.id, [sales.userId, sales2.userId]));
    const customer = (user: TestUser, name: string, extra: object = {}) =>
      made(user, '/api/v1/customers', { name, ...extra });
    ids.A = await customer(sales, '甲公司', { industry: '化工' });
    ids.B = await customer(sales, B);
    ids.C = await customer(sales2, C);
    ids.D = await customer(salesNorth, '丁公司', { industry: '机械' });
    ids.E = await customer(sales2, '戊公司', { industry: '纺织' });
    ids.F = await customer(sales, '己公司');
    ids.G = await customer(sales, '庚公司');
    const contact = (user: TestUser, customerId: number, extra: object) =>
      made(user, '/api/v1/contacts', { customerId, name: '联系人', ...extra });
    await contact(sales, ids.A, { phones: ['13800000001'] });
    await contact(sales, ids.B, { email: 'b@example.cn' });
    await contact(salesNorth, ids.D, { phones: ['138-0000-0002'] });
    await contact(sales2, ids.E, { phones: ['138 0000 0002'] });
    const taxIds: [Key, string][] = [
      ['A', '91330100MA27TEST01'],
      ['D', '91330100MA27TEST01'],
      ['F', '91110000TEST000002'],
      ['G', '91110000TEST000002'],
    ];
    // Blanks only (an ideographic space): not filled, by the pure rule and its SQL twin alike.
    await t.db.db.update(customers).set({ industry: ' \u3000' }).where(eq(customers.id, ids.C));
    for (const [k, tax] of taxIds)
      await t.db.db.update(customers).set({ taxId: tax }).where(eq(customers.id, ids[k]));
    const old = new Date(Date.now() - 200 * 86_400_000);
    await t.db.db
      .update(customers)
      .set({ createdAt: old })
      .where(inArray(customers.id, [ids.A, ids.B, ids.D]));
    await made(sales, '/api/v1/activities', {
      customerId: ids.A,
      type: 'call',
      subject: '回访',
      occurredAt: `${dayMinus(today, 10)}T10:00:00+08:00`,
    });
    await made(sales, '/api/v1/orders', {
      customerId: ids.B,
      orderedAt: dayMinus(today, 40),
      lines: [{ description: '硫酸', quantity: '1', unitPrice: '10.00' }],
    });
    expect((await t.as(sales, { method: 'DELETE', url: `/api/v1/customers/${ids.F}` })).statusCode).toBe(204);
    const set = await call(admin, 'PATCH', '/api/v1/quality/settings', {
      version: 1,
      requiredFields: ['industry', 'taxId', 'contact', 'contactPhone'],
      staleDays: 30,
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => t.close());

  it('keeps the settings per workspace, versioned and audited; only an admin changes them', async () => {
    const { admin, sales, otherAdmin } = t.fx.users;
    expect((await call(sales, 'GET', '/api/v1/quality/settings')).json()).toMatchObject({
      requiredFields: ['industry', 'taxId', 'contact', 'contactPhone'],
      staleDays: 30,
      version: 2,
    });
    // Another workspace still has the defaults.
    expect((await call(otherAdmin, 'GET', '/api/v1/quality/settings')).json()).toMatchObject({
      staleDays: 90,
      version: 1,
      updatedAt: null,
    });
    expect(
      (await call(sales, 'PATCH', '/api/v1/quality/settings', { version: 2, staleDays: 5 })).statusCode,
    ).toBe(403);
    const stale = await call(admin, 'PATCH', '/api/v1/quality/settings', { version: 1, staleDays: 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const audit = await t.db.db
      .select({ before: auditLog.before, after: auditLog.after, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'quality_settings'), eq(auditLog.entityId, t.fx.workspaceId)));
    expect(audit).toEqual([
      {
        actorId: admin.userId,
        before: { requiredFields: expect.arrayContaining(['address']), staleDays: 90 },
        after: { requiredFields: ['industry', 'taxId', 'contact', 'contactPhone'], staleDays: 30 },
      },
    ]);
  });

  it('names an unknown or repeated required field in the problem, in the user’s language', async () => {
    const { admin } = t.fx.users;
    const bad = await call(admin, 'PATCH', '/api/v1/quality/settings', {
      version: 2,
      requiredFields: ['industry', 'fax'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      { field: 'requiredFields.1', message: expect.stringContaining('Not a field that can be required') },
    ]);
    const custom = await t.as(admin, {
      method: 'PATCH',
      url: '/api/v1/quality/settings',
      payload: { version: 2, requiredFields: ['custom:nope'] },
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(custom.json().errors).toEqual([
      { field: 'requiredFields.0', message: expect.stringContaining('自定义字段') },
    ]);
    const twice = await call(admin, 'PATCH', '/api/v1/quality/settings', {
      version: 2,
      requiredFields: ['city', 'city'],
    });
    expect(twice.json().errors).toEqual([
      { field: 'requiredFields.1', message: 'This field is listed twice.' },
    ]);
    const days = await call(admin, 'PATCH', '/api/v1/quality/settings', { version: 2, staleDays: 0 });
    expect(days.json().errors?.[0]?.field).toBe('staleDays');
    expect((await call(admin, 'GET', '/api/v1/quality/settings')).json().version).toBe(2);
  });

  it('scores one customer: missing fields, staleness, duplicate reasons', async () => {
    const q = async (k: Key, user = t.fx.users.admin) =>
      (await call(user, 'GET', `/api/v1/customers/${ids[k]}/quality`)).json();
    expect(await q('A', t.fx.users.sales)).toMatchObject({
      customerId: ids.A,
      required: 4,
      filled: 4,
      completeness: 1,
      missing: [],
      stale: false,
      staleDays: 30,
      lastTouchDay: dayMinus(today, 10),
      daysSinceTouch: 10,
      duplicate: true,
      duplicateReasons: ['taxId'],
      problems: ['duplicate'],
    });
    expect(await q('B')).toMatchObject({
      completeness: 0.25,
      missing: ['industry', 'taxId', 'contactPhone'],
      stale: true,
      lastTouchDay: dayMinus(today, 40),
      duplicate: true,
      duplicateReasons: ['name'],
      problems: ['incomplete', 'stale', 'duplicate'],
    });
    expect(await q('C')).toMatchObject({ completeness: 0, stale: false, duplicateReasons: ['name'] });
    expect(await q('D')).toMatchObject({
      stale: true,
      lastTouchDay: null,
      daysSinceTouch: 200,
      duplicateReasons: ['taxId', 'phone'],
    });
    expect(await q('E')).toMatchObject({ missing: ['taxId'], stale: false, duplicateReasons: ['phone'] });
    expect(await q('G')).toMatchObject({
      duplicate: false,
      duplicateReasons: [],
      missing: ['industry', 'contact', 'contactPhone'],
    });
  });

  it('answers 404 for the score of a customer the caller may not see', async () => {
    const { salesNorth, managerNorth, otherAdmin, sales2 } = t.fx.users;
    for (const user of [salesNorth, managerNorth, otherAdmin, sales2]) {
      const res = await call(user, 'GET', `/api/v1/customers/${ids.A}/quality`);
      expect(res.statusCode, user.name).toBe(404);
    }
    expect((await call(t.fx.users.manager, 'GET', `/api/v1/customers/${ids.A}/quality`)).statusCode).toBe(
      200,
    );
  });

  it('sums up per owner, team and branch, by hand-computed figures', async () => {
    const { admin, sales, manager, managerNorth, otherAdmin } = t.fx.users;
    const summary = async (user: TestUser, groupBy: string) =>
      (await call(user, 'GET', `/api/v1/quality/summary?groupBy=${groupBy}`)).json();
    const byOwner = await summary(admin, 'owner');
    expect(byOwner.total).toEqual({
      customers: 6,
      completeness: 54.2, // (100 + 25 + 25 + 0 + 75 + 100) / 6
      complete: 2,
      duplicates: 5, // A, B, C, D, E
      stale: 2,
      duplicateRate: 83.3,
      staleRate: 33.3,
    });
    const row = (s: { groups: { id: number | null }[] }, id: number | null) =>
      s.groups.find((g) => g.id === id);
    expect(row(byOwner, t.fx.users.sales.userId)).toEqual({
      id: t.fx.users.sales.userId,
      name: 'sales',
      customers: 3,
      completeness: 50,
      complete: 1,
      duplicates: 2,
      stale: 1,
      duplicateRate: 66.7,
      staleRate: 33.3,
    });
    expect(row(byOwner, t.fx.users.sales2.userId)).toMatchObject({
      customers: 2,
      completeness: 37.5,
      duplicateRate: 100,
      staleRate: 0,
    });
    expect(row(byOwner, t.fx.users.salesNorth.userId)).toMatchObject({
      customers: 1,
      completeness: 100,
      duplicateRate: 100,
      staleRate: 100,
    });
    const byTeam = await summary(admin, 'team');
    expect(byTeam.groups).toEqual([
      expect.objectContaining({
        name: '华东一组',
        customers: 5,
        completeness: 45,
        duplicates: 4,
        stale: 1,
        staleRate: 20,
      }),
      expect.objectContaining({ id: null, name: null, customers: 1 }),
    ]);
    const byBranch = await summary(admin, 'branch');
    const branches = byBranch.groups.map((g: { name: string; customers: number }) => [g.name, g.customers]);
    expect(branches.sort()).toEqual([
      ['华东分公司', 5],
      ['华北分公司', 1],
    ]);
    // Each sees only their own scope.
    expect((await summary(sales, 'owner')).total).toMatchObject({ customers: 3, completeness: 50 });
    expect((await summary(sales, 'owner')).groups).toHaveLength(1);
    expect((await summary(manager, 'branch')).total).toMatchObject({ customers: 5, completeness: 45 });
    expect((await summary(managerNorth, 'owner')).total).toMatchObject({ customers: 1, duplicates: 1 });
    expect(await summary(otherAdmin, 'owner')).toMatchObject({ total: { customers: 0 }, groups: [] });
    expect((await call(admin, 'GET', '/api/v1/quality/summary?groupBy=region')).statusCode).toBe(422);
  });

  it('lists the records to fix worst first, by keyset pages, filtered by problem and owner', async () => {
    const { admin, sales, salesNorth } = t.fx.users;
    const page = async (user: TestUser, query: string) =>
      (await call(user, 'GET', `/api/v1/quality/issues?${query}`)).json();
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const p: { items: { name: string }[]; nextCursor: string | null } = await page(
        admin,
        `limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      names.push(...p.items.map((i) => i.name));
      cursor = p.nextCursor;
    } while (cursor);
    // (problems, missing): B (3,3), C (2,4), E (2,1), D (2,0), G (1,3), A (1,0)
    expect(names).toEqual([B, C, '戊公司', '丁公司', '庚公司', '甲公司']);
    const first = (await page(admin, 'limit=1')).items[0];
    expect(first).toEqual({
      customerId: ids.B,
      code: expect.any(String),
      name: B,
      ownerId: t.fx.users.sales.userId,
      ownerName: 'sales',
      completeness: 0.25,
      missing: ['industry', 'taxId', 'contactPhone'],
      stale: true,
      duplicate: true,
      problems: ['incomplete', 'stale', 'duplicate'],
    });
    const ofKind = async (q: string, user = admin) =>
      (await page(user, q)).items.map((i: { name: string }) => i.name);
    expect(await ofKind('kind=stale')).toEqual([B, '丁公司']);
    expect(await ofKind('kind=duplicate')).toEqual([B, C, '戊公司', '丁公司', '甲公司']);
    expect(await ofKind(`owner=${sales.userId}`)).toEqual([B, '庚公司', '甲公司']);
    expect(await ofKind('', sales)).toEqual([B, '庚公司', '甲公司']);
    expect(await ofKind('', salesNorth)).toEqual(['丁公司']);
    const bad = await call(admin, 'GET', '/api/v1/quality/issues?cursor=bm9wZQ');
    expect(bad.json().errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });

  it('moves the numbers when the admin changes the rules', async () => {
    const { admin } = t.fx.users;
    const res = await call(admin, 'PATCH', '/api/v1/quality/settings', {
      version: 2,
      requiredFields: ['industry'],
      staleDays: 365,
    });
    expect(res.json()).toMatchObject({ requiredFields: ['industry'], staleDays: 365, version: 3 });
    const total = (await call(admin, 'GET', '/api/v1/quality/summary')).json().total;
    // Industry: A, D, E filled; B, C, G not. Nobody untouched for a year.
    expect(total).toMatchObject({ customers: 6, completeness: 50, complete: 3, stale: 0 });
    const score = (await call(admin, 'GET', `/api/v1/customers/${ids.B}/quality`)).json();
    expect(score).toMatchObject({ required: 1, missing: ['industry'], stale: false });
  });

  it('follows the duplicates engine: dismissed pairs, later changes and deleted customers', async () => {
    const { admin, sales, sales2 } = t.fx.users;
    const reasons = async (k: Key) =>
      (await call(admin, 'GET', `/api/v1/customers/${ids[k]}/quality`)).json().duplicateReasons;
    const duplicates = async () =>
      (await call(admin, 'GET', '/api/v1/quality/summary')).json().total.duplicates;
    const dismissed = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/duplicates/dismiss',
      payload: { customerA: ids.C, customerB: ids.B },
    });
    expect(dismissed.statusCode, dismissed.body).toBeLessThan(300);
    expect(await reasons('B')).toEqual([]);
    expect(await reasons('C')).toEqual([]);
    expect(await duplicates()).toBe(3); // A, D, E
    // A contact added since the last scan: its customer is rescanned before the next read.
    await made(sales, '/api/v1/contacts', { customerId: ids.G, name: '联系人', phones: ['138 0000 0001'] });
    expect(await reasons('G')).toEqual(['phone']);
    expect(await reasons('A')).toEqual(['taxId', 'phone']);
    expect(await duplicates()).toBe(4); // A, D, E, G
    const issues = async () =>
      (await call(admin, 'GET', '/api/v1/quality/issues?kind=duplicate'))
        .json()
        .items.map((i: { customerId: number }) => i.customerId);
    expect((await issues()).sort()).toEqual([ids.A, ids.D, ids.E, ids.G].sort());
    // A deleted customer suspects no one: D keeps only the tax ID it shares with A.
    expect((await t.as(sales2, { method: 'DELETE', url: `/api/v1/customers/${ids.E}` })).statusCode).toBe(
      204,
    );
    expect(await reasons('D')).toEqual(['taxId']);
    expect(await duplicates()).toBe(3); // A, D, G
    expect((await issues()).sort()).toEqual([ids.A, ids.D, ids.G].sort());
  });
});
