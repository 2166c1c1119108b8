import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  type KehuServer,
  launchBrowser,
  RESULTS,
  shot,
  startKehu,
  warnIfNoChromium,
  watchConsole,
} from './harness';

warnIfNoChromium();

const get = async <T>(url: string, cookie: string): Promise<T> =>
  (await fetch(url, { headers: { cookie } })).json() as Promise<T>;

/** The first record of a list the admin sees and the rep does not (404 to the rep). */
async function hiddenFromRep(url: string, list: 'orders' | 'contacts'): Promise<number> {
  const [admin, sales] = await Promise.all([
    apiLogin(url, 'admin@kehu.demo'),
    apiLogin(url, 'sales@kehu.demo'),
  ]);
  const { items } = await get<{ items: { id: number }[] }>(`${url}/api/v1/${list}?limit=100`, admin);
  for (const { id } of items) {
    const seen = await fetch(`${url}/api/v1/${list}/${id}`, { headers: { cookie: sales } });
    if (seen.status === 404) return id;
  }
  throw new Error(`every one of the ${list} is visible to sales@kehu.demo`);
}

/** Pages load slowly on a busy machine (the default is one second). */
const SLOW = { timeout: 15_000 };

/** "¥12,345.60" or "-¥5.00" → cents, exactly (every amount shows two decimals). */
const cents = (text: string) => BigInt(text.replace(/[^\d-]/g, ''));

/** No horizontal scrolling: the page fits the phone's width. */
const fitsWidth = (page: Page, width: number) =>
  page.evaluate((w) => document.scrollingElement!.scrollWidth <= w, width);

async function signIn(page: Page, url: string, path: string, email: string) {
  await page.goto(`${url}${path}`);
  await page.getByLabel(/邮箱|E-mail/).fill(email);
  await page.getByLabel(/密码|Password/).fill('kehu-demo');
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

describe.skipIf(!hasChromium)('detail pages in Chromium', { timeout: 240_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(300), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('lets a rep open and change a contact, a touch and an order, read a product, and not see another rep’s', async () => {
    const [hiddenOrder, hiddenContact] = [
      await hiddenFromRep(kehu.url, 'orders'),
      await hiddenFromRep(kehu.url, 'contacts'),
    ];
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let conflictOn = '';
    const problems = watchConsole(page, () => [
      `/api/v1/orders/${hiddenOrder}`,
      `/api/v1/contacts/${hiddenContact}`,
      conflictOn, // the 409 the test provokes
    ]);
    await signIn(page, kehu.url, '/contacts', 'sales@kehu.demo');
    const sales = await apiLogin(kehu.url, 'sales@kehu.demo');

    // A contact from the list: its page, with the customer it belongs to and its touches.
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    const name = (await row.locator('td').first().innerText()).trim().split(/\s/)[0]!;
    await row.locator('td').first().click();
    await page.waitForURL(/\/contacts\/\d+$/);
    const contactId = Number(page.url().split('/').pop());
    await expect.poll(() => page.getByTestId('detail-title').innerText(), SLOW).toBe(name);
    const contact = await get<{ customerId: number }>(`${kehu.url}/api/v1/contacts/${contactId}`, sales);
    const touches = await get<{ items: unknown[] }>(
      `${kehu.url}/api/v1/activities?contactId=${contactId}&limit=10`,
      sales,
    );
    await page.getByTestId('customer-link').first().waitFor();
    expect(await page.getByTestId('customer-link').first().getAttribute('href')).toBe(
      `/customers/${contact.customerId}`,
    );
    if (touches.items.length)
      await expect.poll(() => page.getByTestId('contact-touch').count(), SLOW).toBe(touches.items.length);
    else await page.getByText('还没有与此联系人的接触记录').waitFor();
    await shot(page, 'details-contact-zh');

    // Its title edited in the contact form; someone else saves first, so the form says so, keeps what
    // was typed, and saves after reloading, without undoing the other change.
    const title = `采购总监 ${Date.now() % 10000}`;
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('职务').fill(title);
    conflictOn = `/api/v1/contacts/${contactId}`;
    const current = await get<{ version: number }>(`${kehu.url}${conflictOn}`, sales);
    const other = await fetch(`${kehu.url}${conflictOn}`, {
      method: 'PATCH',
      headers: { cookie: sales, 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, wechat: 'wx-other-7788' }),
    });
    expect(other.status).toBe(200);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(/该联系人已被他人修改/).waitFor();
    expect(await dialog.getByLabel('职务').inputValue()).toBe(title);
    await shot(page, 'details-contact-conflict-zh');
    await dialog.getByRole('button', { name: /重新加载/ }).click();
    await dialog.getByText(/该联系人已被他人修改/).waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ant-descriptions-item', { hasText: '职务' }).getByText(title).waitFor();
    await page.getByText('wx-other-7788').waitFor();
    const saved = await get<{ title: string; wechat: string }>(`${kehu.url}${conflictOn}`, sales);
    expect(saved).toMatchObject({ title, wechat: 'wx-other-7788' });

    // Deleted after a confirmation, and back with "undo".
    await page.getByRole('button', { name: /删\s*除/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await page.getByText('已删除', { exact: true }).waitFor();
    await shot(page, 'details-contact-deleted-zh');
    await page.getByRole('button', { name: /撤\s*销/ }).click();
    await page.getByText('已恢复。').waitFor();
    await page.getByText('已删除', { exact: true }).waitFor({ state: 'detached' });
    expect(
      (await get<{ deletedAt: string | null }>(`${kehu.url}/api/v1/contacts/${contactId}`, sales)).deletedAt,
    ).toBeNull();

    // A touch with this contact shows among its touches, and opens its page, which names the contact.
    const logged = await fetch(`${kehu.url}/api/v1/activities`, {
      method: 'POST',
      headers: { cookie: sales, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId: contact.customerId,
        type: 'visit',
        subject: '现场演示新型号',
        contactIds: [contactId],
      }),
    });
    expect(logged.status).toBe(201);
    await page.reload();
    await page.getByTestId('contact-touch').first().getByRole('link', { name: '现场演示新型号' }).click();
    await page.waitForURL(/\/activities\/\d+$/);
    await page.locator('.ant-descriptions-item', { hasText: '联系人' }).getByRole('link', { name }).waitFor();
    expect(
      await page
        .locator('.ant-descriptions-item', { hasText: '联系人' })
        .getByRole('link')
        .getAttribute('href'),
    ).toBe(`/contacts/${contactId}`);

    // One of the rep's own touches: its summary edited.
    await page.goto(`${kehu.url}/activities?authorId=me`);
    await page.locator('.ant-table-row').first().locator('td').nth(2).click();
    await page.waitForURL(/\/activities\/\d+$/);
    await page.getByRole('button', { name: /编\s*辑/ }).waitFor();
    await shot(page, 'details-activity-zh');
    const summary = `电话确认交货期 ${Date.now() % 10000}`;
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await dialog.getByLabel('摘要').fill(summary);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('detail-title').innerText(), SLOW).toContain(summary);
    const activityId = page.url().split('/').pop();
    expect(
      (await get<{ subject: string }>(`${kehu.url}/api/v1/activities/${activityId}`, sales)).subject,
    ).toBe(summary);

    // The order list names each order's customer, linking to it, as the API has it.
    await page.goto(`${kehu.url}/orders`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'details-order-list-zh');
    const listed = await get<{
      items: { orderNo: string; customerId: number; customerName: string; customerCode: string }[];
    }>(`${kehu.url}/api/v1/orders?limit=20`, sales);
    const rows = page.locator('.ant-table-row');
    expect(await rows.count()).toBeGreaterThan(0);
    for (let i = 0; i < Math.min(5, await rows.count()); i++) {
      const orderNo = (await rows.nth(i).locator('td').first().innerText()).trim();
      const api = listed.items.find((o) => o.orderNo === orderNo)!;
      expect(api, orderNo).toBeDefined();
      const cell = rows.nth(i).getByTestId('customer-cell');
      expect(await cell.getByRole('link').innerText()).toBe(api.customerName);
      expect(await cell.getByRole('link').getAttribute('href')).toBe(`/customers/${api.customerId}`);
      expect(await cell.innerText()).toContain(api.customerCode);
    }

    // An order: its lines, each naming its product without a request per product, and a total that is
    // the exact sum of the lines' amounts.
    const productReads: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/products\/\d+/.test(r.url())) productReads.push(r.url());
    });
    await page.locator('.ant-table-row').first().locator('td').first().click();
    await page.waitForURL(/\/orders\/\d+$/);
    const orderId = page.url().split('/').pop();
    const order = await get<{
      totalAmount: string;
      lines: { productId: number | null; productCode: string | null; productName: string | null }[];
      orderNo: string;
      status: string;
    }>(`${kehu.url}/api/v1/orders/${orderId}`, sales);
    await expect.poll(() => page.getByTestId('detail-title').innerText(), SLOW).toBe(order.orderNo);
    await expect.poll(() => page.getByTestId('line-amount').count(), SLOW).toBe(order.lines.length);
    const named = order.lines.filter((l) => l.productId !== null);
    expect(named.length).toBeGreaterThan(0); // the demo's orders are of catalogue products
    expect(await page.getByTestId('line-product').allInnerTexts()).toEqual(
      named.map((l) => `${l.productCode} ${l.productName}`),
    );
    expect(productReads).toEqual([]);
    const amounts = (await page.getByTestId('line-amount').allInnerTexts()).map(cents);
    const total = cents(await page.getByTestId('order-total').innerText());
    expect(total).toBe(amounts.reduce((a, b) => a + b, 0n));
    expect(total).toBe(BigInt(order.totalAmount.replace('.', '')));
    await shot(page, 'details-order-zh');

    // Its status moved on.
    const target =
      order.status === 'completed' ? (['shipped', '已发货'] as const) : (['completed', '已完成'] as const);
    await page.getByRole('button', { name: /修改状态/ }).click();
    await dialog.getByLabel('状态').click();
    await page.locator('.ant-select-item-option', { hasText: target[1] }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ant-descriptions-item', { hasText: '状态' }).getByText(target[1]).waitFor();
    expect((await get<{ status: string }>(`${kehu.url}/api/v1/orders/${orderId}`, sales)).status).toBe(
      target[0],
    );

    // A product: read only for a rep.
    await page.goto(`${kehu.url}/products`);
    const productName = (
      await page.locator('.ant-table-row').first().locator('td').nth(1).innerText()
    ).trim();
    await page.locator('.ant-table-row').first().locator('td').nth(1).click();
    await page.waitForURL(/\/products\/\d+$/);
    await expect.poll(() => page.getByTestId('detail-title').innerText(), SLOW).toBe(productName);
    expect(await page.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    await shot(page, 'details-product-zh');

    // Another rep's order and contact, by their addresses: not found, as if they did not exist.
    await page.goto(`${kehu.url}/orders/${hiddenOrder}`);
    await page.getByText('找不到该页面或记录').waitFor();
    await shot(page, 'details-not-found-zh');
    await page.goto(`${kehu.url}/contacts/${hiddenContact}`);
    await page.getByText('找不到该页面或记录').waitFor();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone screen (360 px), with buttons that work', async () => {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 360, height: 740 },
      isMobile: true,
    });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, kehu.url, '/orders', 'sales2@kehu.demo');
    await page.locator('.ant-table-row').first().locator('td').first().click();
    await page.waitForURL(/\/orders\/\d+$/);
    await page.getByTestId('order-total').waitFor();
    expect(await fitsWidth(page, 360)).toBe(true);
    await shot(page, 'details-order-360px-zh');
    await page.screenshot({ path: join(RESULTS, 'details-order-360px-full-zh.png'), fullPage: true });
    await page.getByRole('button', { name: /修改状态/ }).click();
    await page.getByRole('dialog').getByLabel('状态').waitFor();
    await shot(page, 'details-order-status-360px-zh');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.goto(`${kehu.url}/contacts`);
    await page.locator('.ant-table-row').first().locator('td').first().click();
    await page.waitForURL(/\/contacts\/\d+$/);
    await page.getByRole('button', { name: /编\s*辑/ }).waitFor();
    expect(await fitsWidth(page, 360)).toBe(true);
    await shot(page, 'details-contact-360px-zh');
    await page.getByRole('button', { name: /编\s*辑/ }).click();
    await page.getByRole('dialog').getByLabel('职务').waitFor();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an admin change a product, in English', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await signIn(page, kehu.url, '/products', 'admin@kehu.demo');
    await page.locator('.ant-table-row').first().waitFor();
    await page.getByLabel('语言').click();
    await page.getByTitle('English').click();
    await page.getByText('Products', { exact: true }).first().waitFor();
    await page.locator('.ant-table-row').first().locator('td').nth(1).click();
    await page.waitForURL(/\/products\/\d+$/);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    // Money is checked as typed, before anything is sent: two decimals at most.
    await dialog.getByLabel('List price').fill('12.345');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Enter an amount with at most two decimals, e.g. 1280.50.').waitFor();
    await dialog.getByLabel('List price').fill('1280.50');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.ant-descriptions-item', { hasText: 'List price' }).getByText('¥1,280.50').waitFor();
    // The page's own words are English (product names stay as the catalogue has them).
    expect(await page.locator('.ant-descriptions').innerText()).not.toMatch(/标准价|单位|类别|启用|最后修改/);
    await shot(page, 'details-product-en');

    // An order in English too, with its lines.
    await page.goto(`${kehu.url}/orders`);
    await page.locator('.ant-table-row').first().locator('td').first().click();
    await page.getByTestId('order-total').waitFor();
    await page.getByText('Order lines', { exact: true }).waitFor();
    await shot(page, 'details-order-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
