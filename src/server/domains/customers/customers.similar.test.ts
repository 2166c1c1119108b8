import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';

const drivers = await testDrivers();
const TAX_ID = '91350100M000100Y43';

describe.each(drivers)('查重 before a customer is created on %s', (kind) => {
  let t: TestApp;
  let mine: number;
  let theirs: number;
  const create = async (user: TestUser, payload: object) => {
    const res = await t.as(user, { method: 'POST', url: '/api/v1/customers', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  const similar = async (user: TestUser, query: Record<string, string>) => {
    const res = await t.as(user, {
      method: 'GET',
      url: `/api/v1/customers/similar?${new URLSearchParams(query)}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      id: number | null;
      code: string;
      name: string;
      visible: boolean;
      reasons: string[];
      score: number;
      nameSimilarity: number | null;
    }[];
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const { sales, salesNorth } = t.fx.users;
    mine = await create(sales, { name: '福州闽江化工股份有限公司', code: 'MJ-1' });
    theirs = await create(salesNorth, { name: '厦门鹭岛精密机械有限公司', code: 'LD-1', taxId: TAX_ID });
    await t.as(salesNorth, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { customerId: theirs, name: '陈静', phones: ['0592-5551234'] },
    });
    const gone = await create(sales, { name: '厦门鹭岛精密机械(旧)有限公司', code: 'LD-OLD' });
    await t.as(sales, { method: 'DELETE', url: `/api/v1/customers/${gone}` });
  });
  afterAll(() => t.close());

  it('finds another rep’s customer by tax ID, phone and name, naming it without an id', async () => {
    const { sales } = t.fx.users;
    const found = await similar(sales, {
      name: '厦门鹭岛精密机械股份有限公司', // another legal form of the same company
      taxId: TAX_ID.toLowerCase(),
      phone: '0592 555 1234',
    });
    expect(found).toEqual([
      {
        id: null,
        code: 'LD-1',
        name: '厦门鹭岛精密机械有限公司',
        ownerName: 'salesNorth',
        branchName: '华北分公司',
        visible: false,
        reasons: ['taxId', 'phone', 'name'],
        score: 1, // 1 − 0.05 × 0.3 × (1 − 1): the keys are the same
        nameSimilarity: 1,
      },
    ]); // the deleted look-alike is left out
    // Its owner sees the same customer with its id.
    const own = await similar(t.fx.users.salesNorth, { taxId: TAX_ID });
    expect(own).toMatchObject([{ id: theirs, visible: true, reasons: ['taxId'] }]);
  });

  it('gives the id of a customer the caller may see, and finds names by their distinctive part', async () => {
    const found = await similar(t.fx.users.sales, { name: '闽江化工有限公司' });
    expect(found).toMatchObject([{ id: mine, code: 'MJ-1', visible: true, reasons: ['name'] }]);
    // 闽江化工 against 福州闽江化工: 3 trigrams shared of 9.
    expect(found[0]).toMatchObject({ nameSimilarity: 0.333, score: 0.333 });
  });

  it('finds names written with other widths, spaces and legal forms, and ranks by score', async () => {
    const found = await similar(t.fx.users.salesNorth, {
      name: '厦门 鹭岛精密机械 Co., Ltd.',
      taxId: TAX_ID,
    });
    expect(found.map((f) => [f.code, f.reasons, f.score])).toEqual([['LD-1', ['taxId', 'name'], 1]]);
    const wide = await similar(t.fx.users.salesNorth, { name: '厦门鹭岛精密（机械）' });
    expect(wide).toMatchObject([{ code: 'LD-1', reasons: ['name'], nameSimilarity: 1, score: 1 }]);
  });

  it('finds nothing for a legal form alone, a bad tax ID, a short phone, or another workspace', async () => {
    const { sales, otherSales } = t.fx.users;
    expect(await similar(sales, { name: '有限公司' })).toEqual([]);
    expect(await similar(sales, { taxId: '91350100M000100Y44' })).toEqual([]); // check digit wrong
    expect(await similar(sales, { phone: '1234' })).toEqual([]);
    expect(await similar(otherSales, { name: '厦门鹭岛精密机械有限公司', taxId: TAX_ID })).toEqual([]);
  });
  it('creates a customer with its first contact in one go; a bad phone writes neither', async () => {
    const { sales, salesNorth } = t.fx.users;
    const bad = await t.as(sales, {
      method: 'POST',
      url: '/api/v1/customers',
      headers: { 'accept-language': 'zh-CN' },
      payload: { name: '泉州刺桐纺织有限公司', primaryContact: { name: '林海', phones: ['不是电话'] } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'primaryContact.phones.0', message: '电话号码格式不正确。' },
    ]);
    expect(await similar(sales, { name: '泉州刺桐纺织有限公司' })).toEqual([]);

    const id = await create(sales, {
      name: '泉州刺桐纺织有限公司',
      primaryContact: { name: '林海', title: '采购经理', phones: ['139-5000-1234'] },
    });
    const contacts = await t.as(sales, { method: 'GET', url: `/api/v1/customers/${id}/contacts` });
    expect(contacts.json().items).toMatchObject([
      { name: '林海', title: '采购经理', phones: ['13950001234'], isPrimary: true, customerId: id },
    ]);
    const contactId = contacts.json().items[0].id;
    const audit = await t.as(t.fx.users.admin, { method: 'GET', url: `/api/v1/audit/contact/${contactId}` });
    expect(audit.json().items).toMatchObject([{ action: 'create', actorId: sales.userId }]);
    // Another rep typing that phone for a new customer learns of it.
    expect(await similar(salesNorth, { phone: '13950001234' })).toMatchObject([
      { id: null, name: '泉州刺桐纺织有限公司', visible: false, reasons: ['phone'] },
    ]);
  });
});
