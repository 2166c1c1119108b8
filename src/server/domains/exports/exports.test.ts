import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { CSV_BOM } from '../../export/csv';
import { parseCsv, readXlsx, sheetRows } from '../../export/export.test-support';
import { XLSX_CONTENT_TYPE } from '../../export/xlsx';
import { compactDayInZone } from '../../export/zoned-time';
import { createTestApp, type TestApp } from '../../testing';
import {
  ACTIVITY_EXPORT_COLUMNS,
  ORDER_EXPORT_COLUMNS,
  ORDER_LINE_EXPORT_COLUMNS,
  PRODUCT_EXPORT_COLUMNS,
} from './exports.columns';

const drivers = await testDrivers();
type UserKey = keyof TestApp['fx']['users'];
const TZ = 'America/New_York';
const HAN = encodeURIComponent('甲乙丙');

describe.each(drivers)('exports of every list on %s', (kind) => {
  let t: TestApp;
  const mark = `XP${Date.now() % 100000}`;
  const ids = { mine: 0, theirs: 0, active: 0 };
  const call = async (user: UserKey, method: 'POST' | 'GET' | 'PATCH', url: string, payload?: object) => {
    const res = await t.as(t.fx.users[user], { method, url: `/api/v1${url}`, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const ws = await call('admin', 'GET', '/workspace');
    await call('admin', 'PATCH', '/workspace', { timeZone: TZ, version: ws.version });
    const customer = async (user: UserKey, name: string, extra = {}) =>
      (await call(user, 'POST', '/customers', { type: 'dealer', name: `${mark} ${name}`, ...extra })).id;
    ids.mine = await customer('sales', '甲乙丙甲方公司', { status: 'dormant' });
    ids.theirs = await customer('sales2', '甲乙丙别人的公司', { status: 'dormant' });
    ids.active = await customer('sales', '甲乙丙活跃公司', { status: 'active' });
    const order = (user: UserKey, customerId: number, no: string, lines: object[], status = 'confirmed') =>
      call(user, 'POST', '/orders', {
        orderNo: `${mark}-${no}`,
        customerId,
        orderedAt: '2024-02-29',
        status,
        lines,
      });
    // 3 × 0.10 + 0.20 = 0.50 exactly, which floats would make 0.5000000000000001.
    await order('sales', ids.mine, 'A', [
      { description: 'x', quantity: '3', unitPrice: '0.10', unitCost: '0.05' },
      { description: 'y', quantity: '1', unitPrice: '0.20' },
    ]);
    await order(
      'sales',
      ids.mine,
      'B',
      [{ description: 'x', quantity: '1', unitPrice: '99999999.99' }],
      'draft',
    );
    await order('sales', ids.mine, 'C', [{ description: 'x', quantity: '-2', unitPrice: '1234.55' }]);
    await order('sales2', ids.theirs, 'D', [{ description: 'x', quantity: '1', unitPrice: '7.00' }]);
    for (const [name, role] of [
      ['王建国', 'decision_maker'],
      ['=cmd|calc', 'user'],
    ] as const)
      await call('sales', 'POST', '/contacts', {
        customerId: ids.mine,
        name,
        decisionRole: role,
        phones: ['13800138000'],
      });
    await call('sales2', 'POST', '/contacts', {
      customerId: ids.theirs,
      name: '李四',
      decisionRole: 'decision_maker',
    });
    await call('sales', 'POST', '/activities', {
      customerId: ids.mine,
      type: 'visit',
      subject: `${mark} 上门拜访`,
      occurredAt: '2026-01-05T23:30:00+08:00',
      durationMinutes: 45,
      nextFollowUpOn: '2026-01-20',
    });
    await call('sales2', 'POST', '/activities', {
      customerId: ids.theirs,
      type: 'call',
      subject: `${mark} 电话`,
    });
    await call('admin', 'POST', '/products', {
      code: `${mark}-P1`,
      name: '甲苯',
      unit: 't',
      listPrice: '1280.50',
      standardCost: '999.99',
    });
    await call('admin', 'POST', '/products', { code: `${mark}-P2`, name: '乙醇', unit: 't', active: false });
  });
  afterAll(() => t.close());

  const download = async (user: UserKey, url: string, lang = 'en') => {
    const res = await t.as(t.fx.users[user], {
      method: 'GET',
      url: `/api/v1${url}`,
      headers: { 'accept-language': lang },
    });
    return res;
  };
  const xlsx = async (user: UserKey, url: string, lang = 'en') => {
    const res = await download(user, url, lang);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    return { res, rows: sheetRows(await readXlsx(res.rawPayload)) };
  };
  const csv = async (user: UserKey, url: string, lang = 'en') => {
    const res = await download(user, url, lang);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith(CSV_BOM)).toBe(true);
    return { res, rows: parseCsv(text.slice(1)) };
  };

  it('writes orders as XLSX: one row per order, exact money as numbers, the day as a date cell', async () => {
    const { res, rows } = await xlsx('sales', `/orders/export?format=xlsx&q=${mark}`);
    const day = compactDayInZone(new Date(), TZ);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="orders-${day}.xlsx"`);
    expect(rows[0]).toEqual(ORDER_EXPORT_COLUMNS.map((c) => c.en));
    const byNo = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byNo.keys()].sort()).toEqual([`${mark}-A`, `${mark}-B`, `${mark}-C`]);
    const a = byNo.get(`${mark}-A`)!;
    expect(a[1]).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(a.slice(2, 8)).toEqual([
      expect.any(String),
      `${mark} 甲乙丙甲方公司`,
      'Confirmed',
      'CNY',
      0.5,
      null,
    ]);
    expect(byNo.get(`${mark}-B`)![6]).toBe(99999999.99);
    expect((byNo.get(`${mark}-B`)![6] as number).toFixed(2)).toBe('99999999.99');
    expect(byNo.get(`${mark}-C`)![6]).toBe(-2469.1);
    const book = await readXlsx(res.rawPayload);
    expect(book.worksheets[0]!.name).toBe('Orders');
    expect(book.worksheets[0]!.getCell('G2').numFmt).toBe('#,##0.00');
    expect(book.worksheets[0]!.getCell('B2').numFmt).toBe('yyyy-mm-dd');
  });

  it('writes one row per order line on request, each naming its order, quantities and money exact', async () => {
    const { res, rows } = await xlsx('sales', `/orders/export?format=xlsx&q=${mark}-A&lines=true`);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="order-lines-\d{8}\.xlsx"$/);
    expect(rows[0]).toEqual(ORDER_LINE_EXPORT_COLUMNS.map((c) => c.en));
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(6)])).toEqual([
      [`${mark}-A`, 1, null, null, 'x', 3, null, 0.1, 0.05, 0.3, 0.15],
      [`${mark}-A`, 2, null, null, 'y', 1, null, 0.2, null, 0.2, null],
    ]);
    const text = (await csv('sales', `/orders/export?q=${mark}-A&lines=true`)).rows.slice(1);
    expect(text.map((r) => r.slice(10))).toEqual([
      ['3.000', '', '0.10', '0.05', '0.30', '0.15'],
      ['1.000', '', '0.20', '', '0.20', ''],
    ]);
    expect((await csv('sales2', `/orders/export?q=${mark}-A&lines=true`)).rows).toHaveLength(1);
  });

  it("honours the list's filters and the caller's visibility, and gives a manager the branch's", async () => {
    const nos = async (user: UserKey, query: string) =>
      (await csv(user, `/orders/export?${query}`)).rows
        .slice(1)
        .map((r) => r[0])
        .sort();
    expect(await nos('sales', `q=${mark}&status=draft`)).toEqual([`${mark}-B`]);
    expect(await nos('sales', `q=${mark}&status=confirmed`)).toEqual([`${mark}-A`, `${mark}-C`]);
    expect(await nos('manager', `q=${mark}&status=confirmed`)).toEqual([
      `${mark}-A`,
      `${mark}-C`,
      `${mark}-D`,
    ]);
    expect(await nos('salesNorth', `q=${mark}`)).toEqual([]);
    expect(await nos('otherAdmin', `q=${mark}`)).toEqual([]);
    const money = (await csv('sales', `/orders/export?q=${mark}-C`)).rows[1]!;
    expect(money[6]).toBe('-2469.10');
    const contacts = (
      await csv('sales', `/contacts/export?customerId=${ids.mine}&decisionRole=decision_maker`, 'zh-CN')
    ).rows;
    expect(contacts[0]!.slice(0, 3)).toEqual(['姓名', '客户编码', '客户名称']);
    expect(contacts.slice(1).map((r) => [r[0], r[8]])).toEqual([['王建国', '决策者']]);
    const all = (await csv('sales', `/contacts/export?q=${encodeURIComponent('13800138000')}`)).rows.slice(1);
    expect(all.map((r) => r[0]).sort()).toEqual(["'=cmd|calc", '王建国']);
    expect((await csv('manager', `/contacts/export?customerId=${ids.theirs}`)).rows).toHaveLength(2);
    expect((await csv('sales', `/contacts/export?customerId=${ids.theirs}`)).rows).toHaveLength(1);
  });

  it("writes times at the workspace's wall clock: a date-time cell in XLSX, ISO with the offset in CSV", async () => {
    const { rows } = await xlsx('sales', `/activities/export?format=xlsx&type=visit`);
    expect(rows[0]).toEqual(ACTIVITY_EXPORT_COLUMNS.map((c) => c.en));
    const visits = rows.slice(1).filter((r) => String(r[3]).startsWith(mark));
    expect(visits).toHaveLength(1);
    // 2026-01-05 23:30 in Shanghai is 10:30 the same day in New York.
    expect(visits[0]!.slice(0, 4)).toEqual([
      new Date('2026-01-05T10:30:00Z'),
      'Visit',
      null,
      `${mark} 上门拜访`,
    ]);
    expect(visits[0]!.slice(6, 10)).toEqual(['sales', 45, null, new Date('2026-01-20T00:00:00Z')]);
    const text = (await csv('sales', `/activities/export?type=visit`, 'zh-CN')).rows.find((r) =>
      r[3]?.startsWith(mark),
    )!;
    expect(text.slice(0, 2)).toEqual(['2026-01-05T10:30:00-05:00', '拜访']);
    const theirs = (await csv('sales', `/activities/export?type=call`)).rows.slice(1);
    expect(theirs.some((r) => r[3]?.startsWith(mark))).toBe(false);
  });

  it('exports products for everyone with exact prices, filtered', async () => {
    const { rows } = await csv('sales', `/products/export?q=${mark}&lang=zh-CN`);
    expect(rows[0]).toEqual(PRODUCT_EXPORT_COLUMNS.map((c) => c.zh));
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      [`${mark}-P1`, '甲苯', '', 't', '1280.50', '999.99', '是'],
      [`${mark}-P2`, '乙醇', '', 't', '', '', '否'],
    ]);
    expect((await csv('sales', `/products/export?q=${mark}&active=false`)).rows).toHaveLength(2);
    const book = await xlsx('sales', `/products/export?q=${mark}&format=xlsx`);
    expect(book.rows[1]!.slice(4, 6)).toEqual([1280.5, 999.99]);
  });

  it("exports a saved view by its stored query, filters on top override it, another user's view is 404", async () => {
    const view = await call('sales', 'POST', '/saved-views', {
      list: 'customers',
      name: `${mark} dormant`,
      query: { q: '甲乙丙', status: 'dormant', sort: 'name' },
    });
    const names = (rows: unknown[][]) => rows.slice(1).map((r) => r[1]);
    expect(names((await xlsx('sales', `/customers/export?format=xlsx&view=${view.id}`)).rows)).toEqual([
      `${mark} 甲乙丙甲方公司`,
    ]);
    expect(names((await csv('sales', `/customers/export?view=${view.id}&status=active`)).rows)).toEqual([
      `${mark} 甲乙丙活跃公司`,
    ]);
    expect(names((await csv('manager', `/customers/export?q=${HAN}&status=dormant`)).rows)).toHaveLength(2);
    for (const user of ['sales2', 'manager', 'otherAdmin'] as const)
      expect((await download(user, `/customers/export?view=${view.id}`)).statusCode, user).toBe(404);
    expect((await download('sales', `/orders/export?view=${view.id}`)).statusCode).toBe(404);
    expect((await download('sales', '/customers/export?view=999999')).statusCode).toBe(404);
  });

  it('keeps the old CSV address, and refuses a bad format or filter naming it', async () => {
    const old = await csv('sales', `/customers/export.csv?q=${HAN}`);
    const now = await csv('sales', `/customers/export?q=${HAN}`);
    expect(old.rows).toEqual(now.rows);
    expect(old.rows).toHaveLength(3);
    const bad = await download('sales', '/orders/export?format=pdf&status=sleepy');
    expect(bad.statusCode).toBe(422);
    expect((bad.json().errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'format',
      'status.0',
    ]);
    expect((await t.as(null, { method: 'GET', url: '/api/v1/orders/export' })).statusCode).toBe(401);
  });

  it('reads a list page by page and counts the rows it wrote', async () => {
    const pages: number[] = [];
    const file = await t.app.services.exports.file(
      t.fx.users.manager,
      'orders',
      { format: 'xlsx', filters: { q: mark }, pageSize: 1, onProgress: (n) => pages.push(n) },
      'en',
    );
    const book = new ExcelJS.Workbook();
    const parts: Buffer[] = [];
    for await (const c of file.chunks) parts.push(Buffer.from(c));
    await book.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(5);
    expect(file.rows()).toBe(4);
    expect(pages).toEqual([1, 2, 3, 4]);
  });
});
