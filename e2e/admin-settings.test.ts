import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  tryApiLogin as apiLogin,
  hasChromium,
  type KehuServer,
  launchBrowser,
  shot,
  signIn,
  startKehu,
  unlabelledControls,
  watchConsole,
} from './harness';

const DEMO_PASSWORD = 'kehu-demo';

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
const dropdownsClosed = (page: Page) =>
  expect.poll(() => openDropdown(page).count(), { timeout: 10_000 }).toBe(0);

/** The text a select of the dialog shows: its chosen option's label, '' when none. */
const chosen = async (page: Page, label: string) =>
  (
    await page
      .getByRole('dialog')
      .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
      .locator('.ant-select')
      .innerText()
  ).trim();

/** Opens the dialog's select labelled `label` once no other dropdown is still on screen (closing). */
async function openSelect(page: Page, label: string) {
  await dropdownsClosed(page);
  await page.getByRole('dialog').getByLabel(label, { exact: true }).click();
  return openDropdown(page).locator('.ant-select-item-option');
}

/**
 * Picks `option` in the dialog's select labelled `label`, until the select shows it: on a loaded
 * machine a click can land while a dropdown is still moving in.
 */
async function choose(page: Page, label: string, option: string) {
  for (let tries = 0; (await chosen(page, label)) !== option; tries++) {
    if (tries === 5) throw new Error(`could not choose ${option} in ${label}`);
    const options = await openSelect(page, label);
    await options
      .filter({ hasText: new RegExp(`^${option}$`) })
      .click({ timeout: 5_000 })
      .catch(() => page.keyboard.press('Escape'));
    await dropdownsClosed(page);
  }
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
    // Waited for by its answer: the 3-second notice can come and go while a busy machine looks away.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/workspace') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: /保存设置/ }).click();
    expect((await saved).status()).toBe(200);
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
    const resaved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/workspace') && r.request().method() === 'PATCH',
    );
    await page.getByRole('button', { name: /保存设置/ }).click();
    expect((await resaved).status()).toBe(200);
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
  it('edits a rep’s role, branch and team: their open session gets a manager’s rights at once', async () => {
    const admin = (await apiLogin(kehu.url, 'admin@kehu.demo'))!;
    const get = async (path: string, cookie = admin) =>
      fetch(`${kehu.url}/api/v1${path}`, { headers: { cookie } });
    const product = (await (await get('/products?limit=1')).json()).items[0];
    // The rep is signed in before the change, in a browser of their own, and is no manager yet.
    const repContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const repPage = await repContext.newPage();
    const repProblems = watchConsole(repPage);
    await repPage.goto(`${kehu.url}/products/${product.id}`);
    await signIn(repPage, 'sales3@kehu.demo', DEMO_PASSWORD);
    await repPage.getByRole('heading', { name: product.name }).waitFor();
    expect(await repPage.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    const repCookie = (await apiLogin(kehu.url, 'sales3@kehu.demo'))!;
    expect((await get(`/audit/product/${product.id}`, repCookie)).status).toBe(403);

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const problems = watchConsole(page);
    await page.goto(`${kehu.url}/admin/users`);
    await signIn(page, 'admin@kehu.demo', DEMO_PASSWORD);
    const row = page.getByRole('row', { name: /sales3@kehu\.demo/ });
    await row.getByText('华东销售部').waitFor();
    await row.getByRole('button', { name: /^编辑/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    expect(await chosen(page, '团队')).toBe('华东销售部');
    await choose(page, '角色', '经理');
    // Another branch drops the old branch's team and offers only the new branch's teams.
    await choose(page, '分公司', '华北分公司');
    expect(await chosen(page, '团队')).toBe('');
    const options = await openSelect(page, '团队');
    await expect.poll(() => options.allInnerTexts()).toEqual(['华北销售部']);
    await options.first().click();
    await expect.poll(() => chosen(page, '团队')).toBe('华北销售部');
    await dropdownsClosed(page);
    await shot(page, 'admin-user-edit-form');
    await save(page);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/已保存对 .+ 的修改/).waitFor();
    await row.getByText('华北销售部').waitFor();
    expect(await row.innerText()).toMatch(/经理[\s\S]*华北分公司[\s\S]*华北销售部/);
    await shot(page, 'admin-user-edit-saved');

    // The rep's sessions, open since before the change, have a manager's rights now.
    const me = await (await get('/auth/me', repCookie)).json();
    const north = (await (await get('/branches')).json()).items.find(
      (b: { code: string }) => b.code === 'NORTH',
    );
    expect(me).toMatchObject({ role: 'manager', branchId: north.id });
    expect((await get(`/audit/product/${product.id}`, repCookie)).status).toBe(200);
    await repPage.reload();
    await repPage.getByRole('button', { name: /编\s*辑/ }).waitFor();
    await shot(repPage, 'admin-user-edit-manager-sees-edit');
    expect(repProblems).toEqual([]);
    await repContext.close();

    // Someone else changes the user while the form is open: a notice, what was typed stays, and it
    // saves after reloading, keeping the other change.
    const rep = (await (await get('/users')).json()).items.find(
      (u: { email: string }) => u.email === 'sales3@kehu.demo',
    );
    await row.getByRole('button', { name: /^编辑/ }).click();
    await dialog.getByLabel('姓名').fill('改名后的经理');
    expect(await chosen(page, '团队')).toBe('华北销售部');
    const meanwhile = await fetch(`${kehu.url}/api/v1/users/${rep.id}`, {
      method: 'PATCH',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ version: rep.version, teamId: null }),
    });
    expect(meanwhile.status).toBe(200);
    await save(page);
    await dialog.getByText(/该用户已被他人修改/).waitFor();
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('改名后的经理');
    await shot(page, 'admin-user-edit-conflict');
    await dialog.getByRole('button', { name: /重新加载/ }).click();
    await expect.poll(() => chosen(page, '团队')).toBe('');
    expect(await dialog.getByLabel('姓名').inputValue()).toBe('改名后的经理');
    await save(page);
    await dialog.waitFor({ state: 'detached' });
    const after = (await (await get('/users')).json()).items.find((u: { id: number }) => u.id === rep.id);
    expect(after).toMatchObject({ name: '改名后的经理', role: 'manager', branchId: north.id, teamId: null });

    // The only admin cannot make themselves something else: the refusal sits at the role field.
    const self = page.getByRole('row', { name: /admin@kehu\.demo/ });
    await self.getByRole('button', { name: /^编辑/ }).click();
    await dialog.getByLabel('姓名').waitFor();
    await choose(page, '角色', '分析员');
    await save(page);
    await dialog.locator('.ant-form-item-explain-error', { hasText: '最后一位启用的管理员' }).waitFor();
    expect(await dialog.getByLabel('角色', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'admin-user-edit-last-admin');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'detached' });
    // Nor switch themselves off: the switch says why.
    await self.getByRole('switch').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByRole('alert').filter({ hasText: '最后一位启用的管理员' }).waitFor();
    await shot(page, 'admin-user-edit-last-admin-switch');
    expect((await (await get('/auth/me')).json()).role).toBe('admin');
    // The three 409s it provoked (a stale version, the last admin twice), and nothing else.
    expect(problems.filter((p) => !/status of 409/.test(p))).toEqual([]);
    expect(problems).toHaveLength(3);
    await context.close();
  });
});
