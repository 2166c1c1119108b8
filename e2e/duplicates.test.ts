import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  type KehuServer,
  launchBrowser,
  shot,
  signIn,
  startKehu,
  warnIfNoChromium,
  watchConsole,
} from './harness';

warnIfNoChromium();

const TAX_ID = '91350100M000100Y43';
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe.skipIf(!hasChromium)('查重 in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  let cookie: string;
  const call = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${kehu.url}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: res.status === 204 ? null : await res.json() };
  };

  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(300), launchBrowser()]);
    cookie = await apiLogin(kehu.url, 'sales@kehu.demo');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('lists a duplicate pair, merges it field by field, undoes the merge, and dismisses the pair', async () => {
    // Two records of one company, the second with a contact and another legal form.
    const a = await call('POST', '/customers', {
      name: '莆田湄洲湾精工机械有限公司',
      code: 'DUP-A',
      taxId: TAX_ID,
    });
    const b = await call('POST', '/customers', {
      name: '莆田 湄洲湾精工机械 股份有限公司',
      code: 'DUP-B',
      taxId: TAX_ID,
      industry: '机械',
      primaryContact: { name: '郑伟', phones: ['13906001234'] },
    });
    expect([a.status, b.status]).toEqual([201, 201]);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${kehu.url}/customers`);
    await signIn(page, 'sales@kehu.demo');
    await page.locator('.ant-table-row').first().waitFor();

    await page.getByRole('menuitem', { name: '查重' }).click();
    await page.waitForURL((u) => u.pathname === '/duplicates');
    await page.getByRole('heading', { name: '查重：疑似重复客户' }).waitFor();
    await page.getByLabel('最低相似度').click();
    await page.getByTitle('90%').click();
    const row = page.locator('.ant-table-row', { hasText: 'DUP-A' });
    await row.waitFor();
    await expect.soft(row.innerText()).resolves.toContain('DUP-B');
    expect(await row.innerText()).toContain('100%');
    expect(await row.innerText()).toContain(`税号相同 ${TAX_ID}`);
    await shot(page, 'duplicates-list');

    // Compare: keep DUP-A, take DUP-B's name (DUP-A has no industry: DUP-B's is preselected).
    await row.getByRole('button', { name: /对比合并/ }).click();
    const modal = page.locator('.ant-modal');
    await modal.getByTestId('pick-name-b').waitFor();
    expect(await modal.getByTestId('pick-industry-b').isChecked()).toBe(true);
    await modal.getByTestId('pick-name-b').click();
    await shot(page, 'duplicates-compare');
    await modal.getByRole('button', { name: /合\s*并/ }).click();
    const done = page.getByTestId('merge-done');
    await done.waitFor();
    expect(await done.innerText()).toContain('已将“莆田 湄洲湾精工机械 股份有限公司”合并到');
    await page.getByTestId('recent-merges').getByText('DUP-B', { exact: false }).waitFor();
    await shot(page, 'duplicates-merged');

    const survivor = await call('GET', `/customers/${a.json.id}`);
    expect(survivor.json).toMatchObject({
      code: 'DUP-A',
      name: '莆田 湄洲湾精工机械 股份有限公司',
      industry: '机械',
    });
    expect((await call('GET', `/customers/${b.json.id}`)).status).toBe(404);
    const moved = await call('GET', `/customers/${a.json.id}/contacts`);
    expect(moved.json.items.map((c: { name: string }) => c.name)).toEqual(['郑伟']);

    // Undo from the message: DUP-B is back with its id, code and contact.
    await done.getByRole('button', { name: /撤\s*销/ }).click();
    await done.waitFor({ state: 'detached' });
    await page.getByTestId('recent-merges').getByText('已撤销').waitFor();
    const back = await call('GET', `/customers/${b.json.id}`);
    expect(back.json).toMatchObject({ code: 'DUP-B', name: '莆田 湄洲湾精工机械 股份有限公司' });
    const contacts = await call('GET', `/customers/${b.json.id}/contacts`);
    expect(contacts.json.items.map((c: { name: string }) => c.name)).toEqual(['郑伟']);
    expect((await call('GET', `/customers/${a.json.id}`)).json.name).toBe('莆田湄洲湾精工机械有限公司');

    // The pair is listed again; "not a duplicate" takes it off the list.
    await row.waitFor();
    await row.getByRole('button', { name: /不是重复/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.waitFor({ state: 'detached' });
    const pairs = await call('GET', '/duplicates?minScore=0.9&limit=100');
    expect(JSON.stringify(pairs.json)).not.toContain('DUP-A');
    await shot(page, 'duplicates-dismissed');

    // The new-customer form shows look-alikes with their score.
    await page.getByRole('menuitem', { name: '客户' }).first().click();
    await page.getByRole('button', { name: /新建客户/ }).click();
    await page
      .locator('.ant-modal')
      .getByLabel('名称', { exact: true })
      .fill('莆田湄洲湾精工机械（集团）有限公司');
    const similar = page.getByTestId('similar-customers');
    await poll(async () => (await similar.count()) > 0 && (await similar.innerText())).toContain('相似度');
    await shot(page, 'duplicates-on-create');
    expect(problems).toEqual([]);
    await context.close();
  });
});
