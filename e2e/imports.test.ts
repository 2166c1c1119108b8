import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  type KehuServer,
  launchBrowser,
  openSignedIn,
  shot,
  startKehu,
  unlabelledControls,
} from './harness';

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

/** A workbook with a notes sheet first and the orders on a second sheet, one row with a bad date. */
async function ordersWorkbook(customerCode: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['本工作簿由 ERP 导出']);
  const sheet = book.addWorksheet('订单');
  sheet.addRow(['客户编码', '订单号', '下单日期', '金额']);
  sheet.addRow([customerCode, 'E2E-X-1', new Date(Date.UTC(2024, 2, 5)), 880.5]);
  sheet.addRow([customerCode, 'E2E-X-2', '2024-02-30', 100]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.skipIf(!hasChromium)('import in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(60), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('imports a GB18030 order file after a dry run, then reports the bad row of a workbook', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/import', 'admin@kehu.demo');
    await page.getByText('点击或拖入 CSV、XLSX 文件').waitFor();

    const code = await page.evaluate(async () => {
      const res = await fetch('/api/v1/customers?limit=1');
      return ((await res.json()) as { items: { code: string }[] }).items[0]!.code;
    });
    await page.getByLabel('导入内容').click();
    await page.getByTitle('订单').click();

    // As Excel in China saves it: GB18030, Chinese headers, money and dates as people write them.
    const csv = [
      '客户编码,订单号,下单日期,金额,成本',
      `${code},E2E-0001,2024年3月5日,"¥1,234.50",800`,
      `${code},E2E-0002,2024/3/6,-120.00,`,
    ].join('\r\n');
    await page.locator('input[type=file]').setInputFiles({
      name: '订单导出.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'gb18030'),
    });
    await page.getByText('CSV 文件，编码 gb18030，共 5 列').waitFor();
    await expect.poll(() => page.locator('#map-order_no').locator('..').innerText()).toContain('订单号');
    await page.getByText('前 2 行预览').waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await shot(page, 'import-mapping');

    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('所有行均有效，可以导入。').waitFor();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成。').waitFor();
    const counts = page.locator('.ant-descriptions');
    await poll(() => counts.innerText()).toMatch(/新增\s*2/);
    await shot(page, 'import-done');
    const imported = await page.evaluate(async () => {
      const res = await fetch('/api/v1/orders?q=E2E-000&limit=10');
      return ((await res.json()) as { items: { orderNo: string; totalAmount: string }[] }).items;
    });
    expect(imported.map((o) => [o.orderNo, o.totalAmount]).sort()).toEqual([
      ['E2E-0001', '1234.50'],
      ['E2E-0002', '-120.00'],
    ]);

    // A workbook with two sheets: pick the orders sheet; the bad date is reported at its row and column.
    await page.locator('input[type=file]').setInputFiles({
      name: '订单.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ordersWorkbook(code),
    });
    await page.getByLabel('工作表').click();
    await page.getByTitle('订单', { exact: true }).last().click();
    await page.getByText('前 2 行预览').waitFor();
    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('有 1 行存在问题').waitFor();
    const issue = page.locator('.ant-table-row', { hasText: '2024-02-30' }).filter({ hasText: '下单日期' });
    await issue.waitFor();
    expect(await issue.innerText()).toMatch(/^3\s+下单日期/);
    expect(await page.getByRole('link', { name: /下载问题报告（Excel）/ }).getAttribute('href')).toContain(
      'format=xlsx',
    );
    await page.getByText('Excel 工作表“订单”，共 4 列').waitFor();
    await issue.scrollIntoViewIfNeeded();
    await shot(page, 'import-issues');
    expect(problems).toEqual([]);
    await context.close();
  });
});
