import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb, webBuildIsStale } from '../src/server/web/web-build';
import { hasChromium, type KehuServer, launchBrowser, shot, startKehu, watchConsole } from './harness';

const DEMO_PASSWORD = 'kehu-demo';

/** Signs in over the API: the session cookie, or null when the login is refused. */
async function apiLogin(url: string, email: string, password = DEMO_PASSWORD): Promise<string | null> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) return null;
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

const save = (page: Page) =>
  page
    .getByRole('dialog')
    .getByRole('button', { name: /保\s*存/ })
    .click();

describe.skipIf(!hasChromium)('the admin pages in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    if (webBuildIsStale()) await buildWeb();
    [kehu, browser] = await Promise.all([startKehu(60), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('resets a rep’s password (the old one and the old session stop) and deactivates a user', async () => {
    const repSession = await apiLogin(kehu.url, 'sales@kehu.demo');
    expect(repSession).not.toBeNull();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // The 422s and 401s it provokes: a weak password, sign-ins with a refused password.
    const problems = watchConsole(page, () => ['/api/v1/users/', '/password', '/api/v1/auth/login']);
    await page.goto(`${kehu.url}/admin/users`);
    await signIn(page, 'admin@kehu.demo', DEMO_PASSWORD);
    const rep = page.getByRole('row', { name: /sales@kehu\.demo/ });
    await rep.getByRole('button', { name: /重置密码/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新密码').fill('short');
    await save(page);
    // The API's own message, at the field, in the admin's language.
    const help = dialog.locator('.ant-form-item-explain-error');
    await help.first().waitFor();
    expect(await help.first().innerText()).toMatch(/8/);
    expect(await help.first().innerText()).toMatch(/\p{Script=Han}/u);
    await shot(page, 'admin-reset-password-error');
    await dialog.getByLabel('新密码').fill('rep-new-password-2026');
    await save(page);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/已为 .+ 设置新密码/).waitFor();
    await shot(page, 'admin-reset-password-done');

    // The rep's session ended at once; the old password fails and the new one signs in.
    const me = await fetch(`${kehu.url}/api/v1/auth/me`, { headers: { cookie: repSession! } });
    expect(me.status).toBe(401);
    const repContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const repPage = await repContext.newPage();
    const repProblems = watchConsole(repPage, () => ['/api/v1/auth/login']);
    await repPage.goto(`${kehu.url}/login`);
    await signIn(repPage, 'sales@kehu.demo', DEMO_PASSWORD);
    await repPage.getByText('邮箱或密码不正确。').waitFor();
    await shot(repPage, 'admin-rep-old-password-refused');
    await repPage.getByLabel('密码').fill('rep-new-password-2026');
    await repPage.getByRole('button', { name: /登\s*录/ }).click();
    await repPage.locator('.ant-table-row').first().waitFor();
    await shot(repPage, 'admin-rep-new-password');
    expect(repProblems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    await repContext.close();

    // Deactivating asks first, then the user can no longer sign in.
    const before = await apiLogin(kehu.url, 'sales2@kehu.demo');
    expect(before).not.toBeNull();
    const other = page.getByRole('row', { name: /sales2@kehu\.demo/ });
    await other.getByRole('switch').click();
    await page
      .locator('.ant-popconfirm')
      .getByText(/停用 .+？/)
      .waitFor();
    await shot(page, 'admin-deactivate-confirm');
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await expect.poll(() => other.getByRole('switch').getAttribute('aria-checked')).toBe('false');
    expect(await apiLogin(kehu.url, 'sales2@kehu.demo')).toBeNull();
    expect((await fetch(`${kehu.url}/api/v1/auth/me`, { headers: { cookie: before! } })).status).toBe(401);
    await shot(page, 'admin-deactivated');
    const offContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const offPage = await offContext.newPage();
    const offProblems = watchConsole(offPage, () => ['/api/v1/auth/login']);
    await offPage.goto(`${kehu.url}/login`);
    await signIn(offPage, 'sales2@kehu.demo', DEMO_PASSWORD);
    await offPage.getByText('邮箱或密码不正确。').waitFor();
    await shot(offPage, 'admin-deactivated-login-refused');
    expect(offProblems.filter((p) => !p.includes('status of 401'))).toEqual([]);
    await offContext.close();
    expect(problems.filter((p) => !/status of (401|422)/.test(p))).toEqual([]);
    await context.close();
  });

  it('changes the customer code rule with a live preview, and the next customer gets that code', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page, () => ['/api/v1/workspace']); // the 422 and 409 it provokes
    await page.goto(`${kehu.url}/login`);
    await signIn(page, 'admin@kehu.demo', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /工作区设置/ }).click();
    const preview = page.getByTestId('code-preview');
    await expect.poll(() => preview.innerText()).toMatch(/^C\d{4}\d{6}$/);
    const rule = page.getByLabel('客户编码规则');
    await rule.fill('KH-{yy}{mm}-{seq:4}');
    await expect.poll(() => preview.innerText()).toMatch(/^KH-\d{4}-0001$/);
    await rule.fill('KH-{yy}{mm}');
    await expect.poll(() => preview.innerText()).toBe('规则无效，无法预览');
    // Sent anyway: the server's parser refuses it, at the field, in Chinese.
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.locator('.ant-form-item-explain-error', { hasText: '编码规则无效' }).waitFor();
    await shot(page, 'admin-settings-invalid-rule');
    await rule.fill('KH-{yy}{mm}-{seq:4}');
    await expect.poll(() => preview.innerText()).toMatch(/^KH-\d{4}-0001$/);
    const shown = await preview.innerText();
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('设置已保存。').waitFor();
    await shot(page, 'admin-settings');

    const admin = (await apiLogin(kehu.url, 'admin@kehu.demo'))!;
    const created = await fetch(`${kehu.url}/api/v1/customers`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: '新规则测试客户有限公司' }),
    });
    expect(created.status).toBe(201);
    expect((await created.json()).code).toBe(shown);

    // Someone else renames the workspace meanwhile: the save is refused, the rule typed is kept, and it
    // goes through after reloading, keeping the other change.
    const current = await (
      await fetch(`${kehu.url}/api/v1/workspace`, { headers: { cookie: admin } })
    ).json();
    const renamed = await fetch(`${kehu.url}/api/v1/workspace`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version: current.version, name: '演示公司（已改名）' }),
    });
    expect(renamed.status).toBe(200);
    await rule.fill('KH{yyyy}-{seq:5}');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText(/设置已被他人修改/).waitFor();
    expect(await rule.inputValue()).toBe('KH{yyyy}-{seq:5}');
    await shot(page, 'admin-settings-conflict');
    await page.getByRole('button', { name: /重新加载/ }).click();
    await expect.poll(() => page.getByLabel('工作区名称').inputValue()).toBe('演示公司（已改名）');
    expect(await rule.inputValue()).toBe('KH{yyyy}-{seq:5}');
    await page.getByRole('button', { name: /保存设置/ }).click();
    await page.getByText('设置已保存。').first().waitFor();
    const after = await (await fetch(`${kehu.url}/api/v1/workspace`, { headers: { cookie: admin } })).json();
    expect(after).toMatchObject({ name: '演示公司（已改名）', customerCodeRule: 'KH{yyyy}-{seq:5}' });
    expect(problems.filter((p) => !/status of (409|422)/.test(p))).toEqual([]);
    await context.close();
  });

  it('defines a custom field that shows on a customer’s 360 page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page, () => ['/api/v1/custom-fields']); // the 409 and 422 it provokes
    await page.goto(`${kehu.url}/login`);
    await signIn(page, 'admin@kehu.demo', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: /自定义字段/ }).click();
    await page.getByRole('button', { name: /新建字段/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('键').fill('grade');
    await dialog.getByLabel('中文名称').fill('客户等级');
    await dialog.getByLabel('英文名称').fill('Grade');
    await dialog.getByLabel('类型').click();
    await page.locator('.ant-select-item-option', { hasText: '下拉选择' }).click();
    await save(page);
    // The server's refusal of a select without options, at the options field.
    await dialog.locator('.ant-form-item-explain-error', { hasText: '下拉字段至少需要一个选项' }).waitFor();
    await dialog.getByLabel('选项').fill('A 级');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('选项').fill('B 级');
    await page.keyboard.press('Enter');
    await shot(page, 'admin-custom-field-form');
    await save(page);
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: '客户等级' }).waitFor();

    // A second field with the same key: the 409 lands at the key field.
    await page.getByRole('button', { name: /新建字段/ }).click();
    await dialog.getByLabel('键').fill('grade');
    await dialog.getByLabel('中文名称').fill('重复');
    await dialog.getByLabel('英文名称').fill('Duplicate');
    await save(page);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '已有自定义字段使用这个键' }).waitFor();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await shot(page, 'admin-custom-fields');

    // A customer with a value for it: the 360 page's custom fields card shows the label and the value.
    const admin = (await apiLogin(kehu.url, 'admin@kehu.demo'))!;
    const list = await (
      await fetch(`${kehu.url}/api/v1/customers?limit=1`, { headers: { cookie: admin } })
    ).json();
    const customer = list.items[0];
    const patched = await fetch(`${kehu.url}/api/v1/customers/${customer.id}`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version: customer.version, customFields: { grade: 'A 级' } }),
    });
    expect(patched.status).toBe(200);
    await page.goto(`${kehu.url}/customers/${customer.id}`);
    const card = page.locator('.ant-card', { hasText: '客户等级' });
    await card.getByText('A 级').waitFor();
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'admin-custom-field-360');
    expect(problems.filter((p) => !/status of (409|422)/.test(p))).toEqual([]);
    await context.close();
  });
});
