import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';
import { apiOf, TAX_ID } from './duplicates.test-support';

const drivers = await testDrivers();

type Customer = Record<string, unknown> & { id: number; code: string; version: number };

describe.each(drivers)('merging duplicates on %s', (kind) => {
  let t: TestApp;
  let api: ReturnType<typeof apiOf>;
  let S: number;
  let M: number;
  let child: number;
  const children: Record<string, number[]> = {};

  const get = async (id: number, user: TestUser = t.fx.users.admin) =>
    (await api.call(user, 'GET', `/api/v1/customers/${id}`)) as Customer;
  const idsUnder = async (id: number, what: 'contacts' | 'activities' | 'orders') =>
    (
      (await api.call(t.fx.users.admin, 'GET', `/api/v1/customers/${id}/${what}?limit=100`)).items as {
        id: number;
      }[]
    )
      .map((x) => x.id)
      .sort((a, b) => a - b);
  const merge = (user: TestUser, payload: object) =>
    t.as(user, { method: 'POST', url: '/api/v1/duplicates/merge', payload });
  const undo = (user: TestUser, id: number) =>
    t.as(user, { method: 'POST', url: `/api/v1/duplicates/merges/${id}/undo` });

  beforeAll(async () => {
    t = await createTestApp(kind);
    api = apiOf(t);
    const { sales, sales2, admin } = t.fx.users;
    await api.call(admin, 'POST', '/api/v1/custom-fields', {
      key: 'tier',
      labelZh: '等级',
      labelEn: 'Tier',
      type: 'text',
    });
    S = await api.customer(sales, {
      name: '厦门鹭岛精密机械有限公司',
      code: 'S-1',
      tags: ['vip'],
      industry: null,
      customFields: { tier: 'B' },
      budgets: [{ category: '轴承', amount: '1000.00' }],
      primaryContact: { name: '陈静', phones: ['0592-5551234'] },
    });
    M = await api.customer(sales, {
      name: '厦门鹭岛精密机械股份有限公司',
      code: 'M-1',
      taxId: TAX_ID,
      industry: '机械',
      tags: ['export', 'vip'],
      customFields: { tier: 'A' },
      team: [{ userId: sales2.userId, role: '售后' }],
      budgets: [
        { category: '轴承', amount: '2000.00' },
        { category: '刀具', amount: '300.50' },
      ],
      primaryContact: { name: '林海', phones: ['13950001234'], email: 'lin@ld.cn' },
    });
    await api.contact(sales, { customerId: M, name: '王芳' });
    await api.call(sales, 'POST', '/api/v1/activities', { customerId: M, type: 'visit', subject: '拜访' });
    await api.call(sales, 'POST', '/api/v1/orders', {
      customerId: M,
      orderNo: 'SO-M-1',
      orderedAt: '2026-01-05',
      lines: [{ description: '轴承', quantity: '2', unitPrice: '10.00' }],
    });
    child = await api.customer(sales, { name: '福州办事处', code: 'CH-1', parentId: M });
    for (const what of ['contacts', 'activities', 'orders'] as const)
      children[what] = await idsUnder(M, what);
  });
  afterAll(() => t.close());

  it('refuses callers who may not change both, stale versions and unknown fields', async () => {
    const { sales, salesNorth, service } = t.fx.users;
    const [s, m] = [await get(S), await get(M)];
    const body = { survivorId: S, mergedId: M, versions: { survivor: s.version, merged: m.version } };
    expect((await merge(salesNorth, body)).statusCode).toBe(404);
    expect((await merge(service, body)).statusCode).toBe(403);
    const stale = await merge(sales, { ...body, versions: { survivor: s.version, merged: m.version + 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    const bad = await merge(sales, { ...body, fields: { code: 'merged', industry: 'union' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'fields.code',
      'fields.industry',
    ]);
    const self = await merge(sales, { ...body, mergedId: S });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors).toEqual([
      { field: 'mergedId', message: 'A customer cannot be merged into itself.' },
    ]);
    expect((await get(M)).version).toBe(m.version); // nothing changed
  });

  it('moves everything to the survivor, takes the chosen values, audits, and undoes exactly', async () => {
    const { sales } = t.fx.users;
    const [sBefore, mBefore] = [await get(S), await get(M)];
    const sContacts = await idsUnder(S, 'contacts');
    const res = await merge(sales, {
      survivorId: S,
      mergedId: M,
      fields: {
        name: 'merged',
        taxId: 'merged',
        industry: 'merged',
        tags: 'union',
        'customFields.tier': 'merged',
      },
      versions: { survivor: sBefore.version, merged: mBefore.version },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { merge: done, survivor } = res.json();
    expect(done).toMatchObject({
      survivorId: S,
      mergedId: M,
      mergedCode: 'M-1',
      moved: { contacts: 2, activities: 1, orders: 1 },
    });
    expect(survivor).toMatchObject({
      code: 'S-1',
      name: '厦门鹭岛精密机械股份有限公司',
      taxId: TAX_ID,
      industry: '机械',
      tags: ['vip', 'export'],
      customFields: { tier: 'A' },
      budgets: [
        { category: '刀具', amount: '300.50' },
        { category: '轴承', amount: '1000.00' },
      ],
      team: [{ userId: t.fx.users.sales2.userId, role: '售后' }],
      version: sBefore.version + 1,
    });
    expect((await t.as(sales, { method: 'GET', url: `/api/v1/customers/${M}` })).statusCode).toBe(404);
    expect(await idsUnder(S, 'contacts')).toEqual(
      [...sContacts, ...children.contacts!].sort((a, b) => a - b),
    );
    expect(await idsUnder(S, 'activities')).toEqual(children.activities);
    expect(await idsUnder(S, 'orders')).toEqual(children.orders);
    const contacts = (await api.call(sales, 'GET', `/api/v1/customers/${S}/contacts`)).items as {
      name: string;
      isPrimary: boolean;
    }[];
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['陈静']); // one primary
    expect((await get(child)).parentId).toBe(S);
    const list = await api.call(sales, 'GET', '/api/v1/customers?q=鹭岛精密机械');
    expect(list.items.map((c: { code: string }) => c.code)).toEqual(['S-1']);
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'customer'), eq(auditLog.entityId, M), eq(auditLog.action, 'delete')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: sales.userId,
      before: { merged: { id: M, code: 'M-1', tax_id: TAX_ID } },
      after: { mergedInto: S, mergeId: done.id },
    });
    const merges = await api.call(sales, 'GET', '/api/v1/duplicates/merges');
    expect(merges.items).toMatchObject([
      { id: done.id, mergedName: '厦门鹭岛精密机械股份有限公司', undoneAt: null },
    ]);
    expect((await api.call(t.fx.users.salesNorth, 'GET', '/api/v1/duplicates/merges')).items).toEqual([]);

    // A contact added to the survivor after the merge stays there on undo.
    const later = await api.contact(sales, { customerId: S, name: '后来的' });
    const sNow = await get(S);
    expect((await undo(t.fx.users.salesNorth, done.id)).statusCode).toBe(404);
    // Adding a contact does not change the customer's version, so the undo may go ahead.
    expect(sNow.version).toBe(sBefore.version + 1);
    const undone = await undo(sales, done.id);
    expect(undone.statusCode, undone.body).toBe(200);
    const { updatedAt: _u, version: sv, ...sRestored } = await get(S);
    const { updatedAt: _b, version: _v, ...sExpected } = sBefore;
    expect(sRestored).toEqual(sExpected);
    expect(sv).toBe(sBefore.version + 2);
    expect(await get(M)).toEqual(mBefore); // same id, code, values, version and times
    expect(await idsUnder(S, 'contacts')).toEqual([...sContacts, later].sort((a, b) => a - b));
    for (const what of ['contacts', 'activities', 'orders'] as const)
      expect(await idsUnder(M, what), what).toEqual(children[what]);
    expect((await get(child)).parentId).toBe(M);
    const again = await undo(sales, done.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('merge_undone');
  });

  it('refuses to undo once the survivor has changed, or its code has been taken', async () => {
    const { sales } = t.fx.users;
    const [s, m] = [await get(S), await get(M)];
    const versions = { survivor: s.version, merged: m.version };
    const first = (await merge(sales, { survivorId: S, mergedId: M, versions })).json().merge;
    const s2 = await get(S);
    await api.call(sales, 'PATCH', `/api/v1/customers/${S}`, { version: s2.version, city: '厦门' });
    const refused = await undo(sales, first.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('survivor_changed');

    const other = await api.customer(sales, { name: '另一个客户', code: 'O-1' });
    const [o, s3] = [await get(other), await get(S)];
    const second = (
      await merge(sales, {
        survivorId: S,
        mergedId: other,
        versions: { survivor: s3.version, merged: o.version },
      })
    ).json().merge;
    await api.customer(sales, { name: '占用编码', code: 'O-1' });
    const taken = await undo(sales, second.id);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('code_taken');
  });
});
