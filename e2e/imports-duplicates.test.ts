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

describe.skipIf(!hasChromium)('import 查重 in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(60), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('reports a look-alike of an existing customer, then merges it with the checkbox', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/import', 'admin@kehu.demo');
    await page.getByText('点击或拖入 CSV、XLSX 文件').waitFor();
    const existing = await page.evaluate(async () => {
      const res = await fetch('/api/v1/customers?limit=1');
      return ((await res.json()) as { items: { code: string; name: string }[] }).items[0]!;
    });
    const csv = `\uFEFF客户编码,客户名称,城市\r\nE2E-DUP-1,${existing.name},杭州\r\n`;
    await page.locator('input[type=file]').setInputFiles({
      name: '客户.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByText('前 1 行预览').waitFor();
    expect(await unlabelledControls(page)).toEqual([]);

    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('所有行均有效，可以导入。').waitFor();
    const counts = page.locator('.ant-descriptions');
    await expect.poll(() => counts.innerText()).toMatch(/疑似重复\s*1/);
    const warning = page.locator('.ant-table-row', { hasText: `提示：疑似与已有客户 ${existing.code}` });
    await warning.waitFor();
    await warning.scrollIntoViewIfNeeded();
    await shot(page, 'import-duplicates-reported');

    await page.getByRole('checkbox', { name: '合并重复客户' }).check();
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成。').waitFor();
    await expect.poll(() => counts.innerText()).toMatch(/合并到已有客户\s*1/);
    await page.locator('.ant-table-row', { hasText: `已合并到已有客户 ${existing.code}` }).waitFor();
    await counts.scrollIntoViewIfNeeded();
    await shot(page, 'import-duplicates-merged');
    const found = await page.evaluate(async () => {
      const res = await fetch('/api/v1/customers?q=E2E-DUP&limit=5');
      return ((await res.json()) as { items: unknown[] }).items.length;
    });
    expect(found).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
