import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, type KehuServer, launchBrowser, openSignedIn, shot, startKehu } from './harness';

type Row = Record<string, string | null>;

/** Every row of a list URL the signed-in page may see, paged through the API. */
function listAll(page: Page, path: string): Promise<Row[]> {
  return page.evaluate(async (p) => {
    const rows: Row[] = [];
    let cursor = '';
    do {
      const res = await fetch(`/api/v1${p}${p.includes('?') ? '&' : '?'}limit=200${cursor}`);
      const body = (await res.json()) as { items: Row[]; nextCursor: string | null };
      rows.push(...body.items);
      cursor = body.nextCursor ? `&cursor=${body.nextCursor}` : '';
    } while (cursor);
    return rows;
  }, path);
}

const download = async (page: Page, link: RegExp) => {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: link }).click(),
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
};

describe.skipIf(!hasChromium)('exports from the list pages in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(300), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it("downloads the filtered orders as XLSX and the filtered products as CSV, each the list's rows", async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/orders', 'sales@kehu.demo', {
      width: 1280,
      height: 800,
    });
    await page.locator('.ant-table-row').first().waitFor();

    // Orders, filtered in the page to shipped ones: the workbook holds exactly the list's rows.
    await page.getByLabel('状态').first().click();
    await page.getByTitle('已发货').click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'shipped');
    const orders = await listAll(page, '/orders?status=shipped');
    expect(orders.length).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
    await shot(page, 'exports-orders');
    const xlsx = await download(page, /导出 Excel/);
    expect(xlsx.name).toMatch(/^orders-\d{8}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('订单');
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual([
      '订单号',
      '下单日期',
      '客户编码',
      '客户名称',
      '状态',
      '币种',
      '金额',
    ]);
    expect(sheet.rowCount).toBe(orders.length + 1);
    orders.forEach((o, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(o.orderNo);
      expect(row.getCell(2).value).toEqual(new Date(`${o.orderedAt}T00:00:00Z`));
      expect(row.getCell(5).value).toBe('已发货');
      expect((row.getCell(7).value as number).toFixed(2)).toBe(o.totalAmount);
    });

    // The same orders line by line: each line names its order, the orders in the list's order.
    const byLine = await download(page, /导出订单明细/);
    expect(byLine.name).toMatch(/^order-lines-\d{8}\.xlsx$/);
    const lineBook = new ExcelJS.Workbook();
    await lineBook.xlsx.load(byLine.bytes as unknown as ArrayBuffer);
    expect(lineBook.worksheets[0]!.name).toBe('订单明细');
    const lineOrders: unknown[] = [];
    lineBook.worksheets[0]!.eachRow((row, n) => {
      if (n > 1) lineOrders.push(row.getCell(1).value);
    });
    expect([...new Set(lineOrders)]).toEqual(orders.map((o) => o.orderNo));

    // Products, filtered in the page: CSV with a BOM, the Chinese header, the list's codes in order.
    await page.getByRole('menuitem', { name: '产品' }).click();
    await page.waitForURL((url) => url.pathname === '/products');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('启用').first().click();
    await page.getByTitle('是').click();
    await page.waitForURL((url) => url.searchParams.get('active') === 'true');
    const products = await listAll(page, '/products?active=true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
    await shot(page, 'exports-products');
    const csv = await download(page, /导出 CSV/);
    expect(csv.name).toMatch(/^products-\d{8}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('产品编码,产品名称,类别,单位,标准价,标准成本,启用,创建时间,更新时间');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(products.map((p) => p.code));
    expect(lines.slice(1).every((l) => l.includes(',是,'))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
