import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chooseColumn,
  hasChromium,
  type KehuServer,
  launchBrowser,
  shot,
  startKehu,
  watchConsole,
} from './harness';

const VIEW = '休眠的企业客户';
const RENAMED = '休眠企业（按名称倒序）';
const FILTER = 'status=dormant&type=enterprise'; // four of sales@'s customers in the 300-customer demo

/** Every customer of a list URL's filters the signed-in page may see, paged through the API. */
function listCodes(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (q) => {
    const codes: string[] = [];
    let cursor = '';
    do {
      const res = await fetch(`/api/v1/customers?${q}&limit=200${cursor}`);
      const body = (await res.json()) as { items: { code: string }[]; nextCursor: string | null };
      codes.push(...body.items.map((c) => c.code));
      cursor = body.nextCursor ? `&cursor=${body.nextCursor}` : '';
    } while (cursor);
    return codes;
  }, query);
}

/** Waits for a value (a request on a busy machine can take seconds). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

const selectedView = (page: Page) => page.locator('.ant-segmented-item-selected').innerText();
const menu = async (page: Page, item: RegExp) => {
  await page.getByRole('button', { name: '视图' }).click();
  await page.getByRole('menuitem', { name: item }).click();
};

describe.skipIf(!hasChromium)('saved views and CSV export in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(300), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('lets a rep save a filtered view, come back to it, export it as CSV, and delete it', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let provoked = '';
    const problems = watchConsole(page, () => [provoked]);

    await page.goto(`${kehu.url}/customers`);
    await page.getByLabel('邮箱').fill('sales@kehu.demo');
    await page.getByLabel('密码').fill('kehu-demo');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.locator('.ant-table-row').first().waitFor();
    expect(await selectedView(page)).toBe('全部客户');

    // Filter: dormant enterprises, sorted by name; and hide the tags column.
    const expected = await listCodes(page, `${FILTER}&sort=name`);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThanOrEqual(20); // one page: the table shows them all
    await page.getByLabel('状态').first().click();
    await page.getByTitle('休眠').click();
    await page.getByLabel('类型').first().click();
    await page.getByTitle('企业').click();
    await page.waitForURL((url) => url.searchParams.get('type') === 'enterprise');
    await page.locator('th', { hasText: '名称' }).click(); // sort by name, ascending
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
    expect(new URL(page.url()).searchParams.get('type')).toBe('enterprise');
    await chooseColumn(page, /列/, '标签', false);
    await poll(() => page.locator('.ant-table-row').count()).toBe(expected.length);
    const shown = async () =>
      (await page.locator('.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim());
    await poll(shown).toEqual(expected);

    // Save it as a view: it shows selected.
    await menu(page, /另存为新视图/);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('视图名称').fill(VIEW);
    await shot(page, 'views-save-dialog');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => selectedView(page)).toBe(VIEW);

    // The same name again: the server's answer at the name field, the dialog keeps what was typed.
    provoked = '/api/v1/saved-views';
    await menu(page, /另存为新视图/);
    await dialog.getByLabel('视图名称').fill(VIEW);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: '此列表中您已有同名的视图。' }).waitFor();
    expect(await dialog.getByLabel('视图名称').inputValue()).toBe(VIEW);
    await shot(page, 'views-duplicate-name');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });

    // Reload: the URL still matches the view.
    await page.reload();
    await page.locator('.ant-table-row').first().waitFor();
    await poll(() => selectedView(page)).toBe(VIEW);

    // Elsewhere and back, with the tags column shown again: picking the view brings its filters, sort and columns.
    await page
      .getByRole('menuitem', { name: /联系人/ })
      .first()
      .click();
    await page.locator('.ant-card-head-title', { hasText: '联系人' }).waitFor();
    await page.getByRole('menuitem', { name: /客户/ }).first().click();
    await page.locator('.ant-table-row').first().waitFor();
    await chooseColumn(page, /列/, '标签', true);
    await poll(() => page.locator('th', { hasText: '标签' }).count()).toBe(1);
    expect(await selectedView(page)).toBe('全部客户');
    await page.locator('.ant-segmented-item', { hasText: VIEW }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'dormant');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      status: 'dormant',
      type: 'enterprise',
      sort: 'name',
    });
    await poll(shown).toEqual(expected);
    expect(await page.locator('th', { hasText: '标签' }).count()).toBe(0);
    expect(await page.locator('.ant-select', { hasText: '休眠' }).count()).toBe(1);
    await shot(page, 'views-picked');

    // Export the view: the file has the header in Chinese and the list's rows, in its order.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /导出 CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{8}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^客户编码,客户名称,简称,类型,状态,省份,城市,负责人,分公司,/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected);
    expect(lines.slice(1).every((l) => l.includes(',企业,休眠,'))).toBe(true);

    // Sorted the other way the view shows modified; updating it stores the new sort. Then a new name.
    await page.locator('th', { hasText: '名称' }).click();
    await page.waitForURL((u) => u.searchParams.get('sort') === '-name');
    await page.getByText(`当前筛选与「${VIEW}」不同`).waitFor();
    expect(await page.locator('.ant-segmented-item-selected').count()).toBe(0);
    await shot(page, 'views-modified');
    await menu(page, new RegExp(`用当前筛选更新「${VIEW}」`));
    await page.getByText(`已更新视图「${VIEW}」`).waitFor();
    await poll(() => selectedView(page)).toBe(VIEW);
    await menu(page, /重命名/);
    expect(await dialog.getByLabel('视图名称').inputValue()).toBe(VIEW);
    await dialog.getByLabel('视图名称').fill(RENAMED);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => selectedView(page)).toBe(RENAMED);
    const stored = await page.evaluate(async () =>
      (await fetch('/api/v1/saved-views?list=customers')).json(),
    );
    expect(stored.items).toMatchObject([
      {
        name: RENAMED,
        query: { status: 'dormant', type: 'enterprise', sort: '-name' },
        hiddenColumns: ['tags'],
      },
    ]);

    // The built-in "My customers" is the owner filter.
    await page.locator('.ant-segmented-item', { hasText: '我的客户' }).click();
    await page.waitForURL((u) => u.searchParams.get('owner') === 'me' && !u.searchParams.has('status'));
    await poll(() => selectedView(page)).toBe('我的客户');

    // Delete the view, after confirming.
    await page.locator('.ant-segmented-item', { hasText: RENAMED }).click();
    await poll(() => selectedView(page)).toBe(RENAMED);
    await menu(page, new RegExp(`删除「${RENAMED}」`));
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    await shot(page, 'views-delete-confirm');
    await confirm.getByRole('button', { name: /删\s*除/ }).click();
    await poll(() => page.locator('.ant-segmented-item', { hasText: RENAMED }).count()).toBe(0);
    // Its filters stay in the URL; no view matches them now.
    expect(await page.locator('.ant-segmented-item-selected').count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('status')).toBe('dormant');
    await shot(page, 'views-deleted');

    expect(problems).toEqual([]);
    await context.close();
  });
});
