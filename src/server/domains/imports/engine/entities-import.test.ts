import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../../db/testing';
import { createTestApp, type TestApp } from '../../../testing';
import { importMessage } from './engine.messages';
import { importRows, issueSummary } from './engine.test-support';

const drivers = await testDrivers();

describe.each(drivers)('customer, contact, product and activity imports on %s', (kind) => {
  let t: TestApp;
  const as = (key: keyof TestApp['fx']['users']) => ({
    workspaceId: t.fx.workspaceId,
    userId: t.fx.users[key].userId,
  });
  const rows = async <T>(text: string): Promise<T[]> => {
    const r = (await t.db.db.execute(text)) as unknown as { rows: T[] };
    return r.rows;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('imports customers: defaults, owners by e-mail or name, branches, then updates only what changed', async () => {
    const file = [
      { customer_code: 'K1', name: '上海甲公司', owner: null, tags: ['重点', '华东'] },
      {
        customer_code: 'K2',
        name: '上海乙公司',
        owner: 'sales2@test.kehu',
        status: 'active',
        employees: '120',
      },
      { customer_code: 'K3', name: 'North Ltd', owner: 'salesNorth', branch: 'NORTH', type: 'dealer' },
    ];
    const first = await importRows(t.db, as('admin'), 'customers', file);
    expect(first).toMatchObject({ rows: 3, inserted: 3, invalid: 0, written: true });
    const got = await rows<Record<string, unknown>>(
      `select c.code, c.type, c.status, u.name as owner, b.code as branch, c.tags, c.employees, c.created_by::int
         from customers c left join users u on u.id = c.owner_id left join branches b on b.id = c.branch_id
        order by c.code`,
    );
    expect(got).toEqual([
      {
        code: 'K1',
        type: 'enterprise',
        status: 'prospect',
        owner: 'admin',
        branch: null,
        tags: ['重点', '华东'],
        employees: null,
        created_by: t.fx.users.admin.userId,
      },
      {
        code: 'K2',
        type: 'enterprise',
        status: 'active',
        owner: 'sales2',
        branch: 'EAST',
        tags: [],
        employees: 120,
        created_by: t.fx.users.admin.userId,
      },
      {
        code: 'K3',
        type: 'dealer',
        status: 'prospect',
        owner: 'salesNorth',
        branch: 'NORTH',
        tags: [],
        employees: null,
        created_by: t.fx.users.admin.userId,
      },
    ]);
    // The name search windows come with the rows (triggers).
    expect((await rows(`select 1 from customer_name_windows where win = '上海甲公'`)).length).toBe(1);

    const stamps = await rows('select code, version, updated_at from customers order by code');
    const again = await importRows(t.db, as('admin'), 'customers', file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await rows('select code, version, updated_at from customers order by code')).toEqual(stamps);

    // An empty cell keeps the stored value; a new value updates.
    const edited = [{ customer_code: 'K2', name: '上海乙公司', owner: null, status: 'dormant' }];
    expect(await importRows(t.db, as('admin'), 'customers', edited)).toMatchObject({ updated: 1 });
    expect(await rows(`select status, version, employees from customers where code = 'K2'`)).toEqual([
      { status: 'dormant', version: 2, employees: 120 },
    ]);
  });

  it('reports duplicate codes with different contents, unknown owners and forbidden customers', async () => {
    const result = await importRows(
      t.db,
      as('sales'),
      'customers',
      [
        { customer_code: 'K9', name: '甲', owner: null },
        { customer_code: 'K9', name: '乙', owner: null },
        { customer_code: 'K10', name: '丙', owner: 'nobody@x.cn' },
        { customer_code: 'K11', name: '丁', owner: 'sales2@test.kehu' },
        { customer_code: 'K2', name: '上海乙公司' },
        { customer_code: 'K12', name: '戊' },
        { customer_code: 'K12', name: '戊' },
      ],
      'skip-invalid',
    );
    expect(issueSummary(result.issues)).toEqual([
      '2:customer_code:duplicate_key',
      '3:customer_code:duplicate_key',
      '4:owner:unknown_user',
      '5:owner:owner_forbidden',
      '6:customer_code:customer_forbidden',
    ]);
    expect(result).toMatchObject({ rows: 7, invalid: 5, inserted: 1, written: true });
    expect(importMessage(result.issues[1]!, 'en')).toBe('K9 appears again on row 2 with different contents.');
    expect(importMessage(result.issues[4]!, 'zh-CN')).toBe('您无权修改客户 K2。');
    expect(
      await rows(`select u.email from customers c join users u on u.id = c.owner_id where c.code = 'K12'`),
    ).toEqual([{ email: 'sales@test.kehu' }]);
  });

  it('imports products only for those who keep the price list', async () => {
    const file = [
      { product_code: 'V-1', name: '球阀', unit: '个', list_price: '12.50', active: 't' },
      { product_code: 'V-2', name: '闸阀', unit: '个', standard_cost: '8.00' },
    ];
    const denied = await importRows(t.db, as('sales'), 'products', file);
    expect(issueSummary(denied.issues)).toEqual(['2:-:products_forbidden', '3:-:products_forbidden']);
    expect(denied.written).toBe(false);
    expect(await importRows(t.db, as('manager'), 'products', file)).toMatchObject({ inserted: 2 });
    expect(await importRows(t.db, as('manager'), 'products', file)).toMatchObject({ unchanged: 2 });
    expect(await rows(`select code, list_price::text, active from products order by code`)).toEqual([
      { code: 'V-1', list_price: '12.50', active: true },
      { code: 'V-2', list_price: null, active: true },
    ]);
  });

  it('imports contacts by customer, name and first phone', async () => {
    const file = [
      {
        customer_code: 'K1',
        name: '王伟',
        phones: ['13800000001', '021-5555'],
        decision_role: 'decision_maker',
      },
      { customer_code: 'K1', name: '王伟', phones: ['13900000009'], email: 'ww@x.cn' },
      { customer_code: 'K3', name: 'Li Na', email: 'LI@north.cn', is_primary: 't' },
    ];
    expect(await importRows(t.db, as('admin'), 'contacts', file)).toMatchObject({ inserted: 3 });
    const renamed = file.map((r, i) => (i === 2 ? { ...r, email: 'li@north.cn', title: 'CFO' } : r));
    expect(await importRows(t.db, as('admin'), 'contacts', renamed)).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
    expect(await rows(`select name, phones, email, title, is_primary from contacts order by id`)).toEqual([
      { name: '王伟', phones: ['13800000001', '021-5555'], email: null, title: null, is_primary: false },
      { name: '王伟', phones: ['13900000009'], email: 'ww@x.cn', title: null, is_primary: false },
      { name: 'Li Na', phones: [], email: 'li@north.cn', title: 'CFO', is_primary: true },
    ]);
    // A sales rep of EAST cannot add contacts to NORTH's customer.
    const denied = await importRows(t.db, as('sales'), 'contacts', [{ customer_code: 'K3', name: 'X' }]);
    expect(issueSummary(denied.issues)).toEqual(['2:customer_code:customer_forbidden']);
  });

  it('imports activities with their author and contact', async () => {
    const file = [
      {
        customer_code: 'K1',
        type: 'visit',
        subject: '上门拜访',
        occurred_at: '2024-03-05T10:00:00+08:00',
        author: 'sales2',
        contact_name: '王伟',
        duration_minutes: '45',
      },
      { customer_code: 'K3', type: 'call', subject: 'Follow-up', occurred_at: '2024-03-06T09:30:00+08:00' },
      {
        customer_code: 'K3',
        type: 'call',
        subject: 'Missing',
        occurred_at: '2024-03-06T09:30:00+08:00',
        contact_name: 'Nobody',
      },
    ];
    const bad = await importRows(t.db, as('service'), 'activities', file);
    expect(issueSummary(bad.issues)).toEqual(['4:contact_name:unknown_contact']);
    expect(bad.written).toBe(false);
    const good = file.slice(0, 2);
    expect(await importRows(t.db, as('service'), 'activities', good)).toMatchObject({
      inserted: 2,
      written: true,
    });
    expect(await importRows(t.db, as('service'), 'activities', good)).toMatchObject({ unchanged: 2 });
    expect(
      await rows(`select a.subject, u.name as author, a.duration_minutes,
          (select count(*)::int from activity_contacts ac where ac.activity_id = a.id) as contacts
        from activities a join users u on u.id = a.author_id order by a.id`),
    ).toEqual([
      { subject: '上门拜访', author: 'sales2', duration_minutes: 45, contacts: 1 },
      { subject: 'Follow-up', author: 'service', duration_minutes: null, contacts: 0 },
    ]);
  });
});
