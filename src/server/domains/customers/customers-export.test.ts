import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import type { CustomerListQuery } from '../../../shared/customers/customer.schema';
import { CSV_BOM } from '../../export/csv';
import { parseCsv } from '../../export/export.test-support';
import { compactDayInZone, isoInZone } from '../../export/zoned-time';
import { createTestApp, type TestApp } from '../../testing';
import { CUSTOMER_EXPORT_COLUMNS } from './customers.export';

const drivers = await testDrivers();
type UserKey = keyof TestApp['fx']['users'];

describe.each(drivers)('customer export as CSV on %s', (kind) => {
  let t: TestApp;
  const mark = `EXP${Date.now() % 100000}`;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const make = async (user: UserKey, payload: Record<string, unknown>) => {
      const res = await t.as(t.fx.users[user], { method: 'POST', url: '/api/v1/customers', payload });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json();
    };
    const dealer = { type: 'dealer', status: 'dormant', province: '浙江省', city: '杭州市' };
    const first = await make('sales', {
      ...dealer,
      name: `${mark} 杭州西湖精细化工有限公司`,
      shortName: '西湖化工',
      tags: ['重点', 'a,b'],
      creditRating: 'AA',
      taxId: '91350100M000100Y43',
    });
    await t.as(t.fx.users.sales, {
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { customerId: first.id, name: '王建国', phones: ['13800138000'], isPrimary: true },
    });
    await make('sales', { ...dealer, name: `=HYPERLINK("http://evil","${mark}")` });
    await make('sales', { ...dealer, name: `${mark} Say "hi", Ltd.` });
    for (let i = 0; i < 4; i++) await make('sales', { ...dealer, name: `${mark} 宁波经销商 ${i}` });
    await make('sales', { type: 'enterprise', status: 'dormant', name: `${mark} 不是经销商` });
    await make('sales', { type: 'dealer', status: 'active', name: `${mark} 活跃经销商` });
    // Another rep's dormant dealer: the same filter, and still not for `sales` to see.
    await make('sales2', { ...dealer, name: `${mark} 别人的经销商` });
  });
  afterAll(() => t.close());

  const get = (user: UserKey, url: string, lang = 'en') =>
    t.as(t.fx.users[user], { method: 'GET', url, headers: { 'accept-language': lang } });
  const exportOf = async (user: UserKey, query: string, lang = 'en') => {
    const res = await get(user, `/api/v1/customers/export.csv?${query}`, lang);
    expect(res.statusCode, res.body).toBe(200);
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return { res, rows: parseCsv(text.slice(1)) };
  };
  const listCodes = async (user: UserKey, query: string) => {
    const codes: string[] = [];
    let cursor = '';
    do {
      const page = (await get(user, `/api/v1/customers?${query}&limit=3${cursor}`)).json();
      codes.push(...page.items.map((c: { code: string }) => c.code));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    } while (cursor);
    return codes;
  };

  it("answers the list's rows for its filter as a CSV attachment: BOM, CRLF, header, every row", async () => {
    const query = 'status=dormant&type=dealer&sort=name';
    const { res, rows } = await exportOf('sales', query);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="customers-${compactDayInZone(new Date(), 'Asia/Shanghai')}.csv"`,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.rawPayload.toString('utf8').split('\r\n').length).toBe(rows.length + 1);
    const [header, ...body] = rows;
    expect(header).toEqual(CUSTOMER_EXPORT_COLUMNS.map((c) => c.en));
    expect(header!.slice(0, 3)).toEqual(['Code', 'Name', 'Short name']);
    expect(body.map((r) => r[0])).toEqual(await listCodes('sales', query));
    expect(body).toHaveLength(7);
    expect(body.every((r) => r.length === header!.length)).toBe(true);
    expect(body.some((r) => r[1]!.includes('别人的'))).toBe(false);
  });

  it('writes each column: labels in the language, names for ids, the primary phone, zoned times', async () => {
    const { rows } = await exportOf('sales', `q=${encodeURIComponent('西湖精细')}&status=dormant`, 'zh-CN');
    expect(rows[0]!.slice(0, 5)).toEqual(['客户编码', '客户名称', '简称', '类型', '状态']);
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(CUSTOMER_EXPORT_COLUMNS.map((c, i) => [c.en, rows[1]![i]]));
    const customer = (await get('sales', `/api/v1/customers?q=${encodeURIComponent('西湖精细')}`)).json()
      .items[0];
    expect(row).toEqual({
      Code: customer.code,
      Name: `${mark} 杭州西湖精细化工有限公司`,
      'Short name': '西湖化工',
      Type: '经销商',
      Status: '休眠',
      Province: '浙江省',
      City: '杭州市',
      Owner: 'sales',
      Branch: '华东分公司',
      'Credit rating': 'AA',
      Tags: '重点；a,b',
      'Tax ID': '91350100M000100Y43',
      Phone: '13800138000',
      Created: isoInZone(new Date(customer.createdAt), 'Asia/Shanghai'),
      Updated: isoInZone(new Date(customer.updatedAt), 'Asia/Shanghai'),
    });
    expect(row.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // A download link cannot set Accept-Language: `lang` names the header's language.
    const en = await exportOf('sales', 'q=x&lang=en', 'zh-CN');
    expect(en.rows).toEqual([CUSTOMER_EXPORT_COLUMNS.map((c) => c.en)]);
  });

  it('quotes commas and quotes, and keeps a formula as text', async () => {
    const { res, rows } = await exportOf('sales', `q=${mark}&type=dealer&status=dormant`);
    const raw = res.rawPayload.toString('utf8');
    expect(raw).toContain(`,"'=HYPERLINK(""http://evil"",""${mark}"")",`);
    expect(raw).toContain(`,"${mark} Say ""hi"", Ltd.",`);
    const names = rows.slice(1).map((r) => r[1]);
    expect(names).toContain(`'=HYPERLINK("http://evil","${mark}")`);
    expect(names).toContain(`${mark} Say "hi", Ltd.`);
  });

  it("leaves out what the caller may not see, and gives a manager the branch's", async () => {
    const query = 'status=dormant&type=dealer';
    const rep = (await exportOf('sales', query)).rows.slice(1).map((r) => r[1]);
    const manager = (await exportOf('manager', query)).rows.slice(1).map((r) => r[1]);
    expect(rep).not.toContain(`${mark} 别人的经销商`);
    expect(manager).toContain(`${mark} 别人的经销商`);
    expect(manager).toHaveLength(rep.length + 1);
    expect((await exportOf('salesNorth', query)).rows).toHaveLength(1);
    expect((await exportOf('otherAdmin', query)).rows).toHaveLength(1);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/customers/export.csv' })).statusCode).toBe(401);
  });

  it('reads the list page by page, in its order, whatever the sort or search', async () => {
    const sales = t.fx.users.sales;
    const queries: Omit<CustomerListQuery, 'limit' | 'cursor'>[] = [
      { deleted: 'exclude', sort: '-name' },
      { deleted: 'exclude', sort: 'createdAt', type: ['dealer'] },
      { deleted: 'exclude', q: '经销商' },
      { deleted: 'exclude', owner: 'me', status: ['dormant', 'active'], sort: 'code' },
    ];
    for (const query of queries) {
      const file = await t.app.services.customerExport.csv(sales, query, 'en', 2);
      let text = '';
      for await (const chunk of file.chunks) text += chunk;
      const codes = parseCsv(text.slice(1))
        .slice(1)
        .map((r) => r[0]);
      const all = await t.app.services.customers.list(sales, { ...query, limit: 200 });
      expect(codes, JSON.stringify(query)).toEqual(all.items.map((c) => c.code));
      expect(codes.length).toBeGreaterThan(2);
    }
  });

  it('refuses a bad filter with a problem naming it', async () => {
    const res = await get('sales', '/api/v1/customers/export.csv?status=sleepy&limit=5');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'limit',
      'status.0',
    ]);
  });
});
