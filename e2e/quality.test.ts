import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiLogin,
  hasChromium,
  type KehuServer,
  launchBrowser,
  openSignedIn,
  shot,
  startKehu,
  unlabelledControls,
  warnIfNoChromium,
} from './harness';

warnIfNoChromium();

// On a busy machine a page can take seconds to settle; expect.poll alone gives up after one.
const WAIT = { timeout: 15_000 };

/** The value of a KPI tile, by its title. */
const tile = async (page: Page, title: string) =>
  (
    await page
      .getByTestId('quality-tile')
      .filter({ hasText: title })
      .locator('.ant-statistic-content')
      .innerText()
  ).trim();

describe.skipIf(!hasChromium)('the data quality page in Chromium', { timeout: 180_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(80), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('draws the charts per rep, team and branch, and lists records to fix that open their 360 page', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/quality', 'admin@kehu.demo', {
      width: 1400,
      height: 900,
    });
    await page.getByRole('heading', { name: '数据质量' }).waitFor();
    await page.getByTestId('quality-tile').first().waitFor();
    expect(await page.getByTestId('quality-tile').count()).toBe(5);
    expect(Number(await tile(page, '客户数'))).toBeGreaterThan(0);
    // Three bar charts, each drawn on a canvas.
    await expect.poll(() => page.getByTestId('quality-chart').locator('canvas').count(), WAIT).toBe(3);
    for (const name of ['完整度', '陈旧率', '疑似重复率'])
      await page.getByRole('img', { name, exact: true }).waitFor();
    await shot(page, 'quality-owner-zh');

    // By branch: the demo's branches, one bar each.
    await page.getByText('分公司', { exact: true }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('by'), WAIT).toBe('branch');
    await expect.poll(() => page.getByTestId('quality-chart').locator('canvas').count(), WAIT).toBe(3);
    await shot(page, 'quality-branch-zh');
    expect(await unlabelledControls(page)).toEqual([]);

    // Only stale records, then the first record to fix opens its 360 page with the quality card.
    await page.getByText('陈旧', { exact: true }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('kind'), WAIT).toBe('stale');
    const first = page.locator('.ant-table-row').first();
    await first.waitFor();
    await expect.poll(() => first.locator('.ant-tag').filter({ hasText: '陈旧' }).count(), WAIT).toBe(1);
    const name = (await first.getByRole('link').first().innerText()).trim();
    await first.getByRole('link').first().click();
    await page.getByRole('heading', { name }).waitFor();
    expect(page.url()).toMatch(/\/customers\/\d+$/);
    const card = page.getByTestId('quality-card');
    await card.waitFor();
    expect(await card.innerText()).toContain('陈旧');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'quality-360-card-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone screen (360 px)', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/quality', 'sales@kehu.demo', {
      width: 360,
      height: 740,
    });
    await expect.poll(() => page.getByTestId('quality-chart').locator('canvas').count(), WAIT).toBe(3);
    await page.locator('.ant-table').first().waitFor();
    const fits = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= 360);
    expect(await fits()).toBe(true);
    await shot(page, 'quality-phone-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the admin change the required fields, and the numbers follow', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/quality', 'admin@kehu.demo', {
      width: 1400,
      height: 900,
    });
    await page.getByTestId('quality-tile').first().waitFor();
    const before = await tile(page, '完整度');

    await page.getByRole('menuitem', { name: '工作区设置' }).click();
    const select = page.getByLabel('客户必填字段', { exact: true });
    await select.waitFor();
    // Only one required field: a short name, which the demo gives to some customers only.
    const remove = page
      .locator('.ant-form-item', { has: select })
      .locator('.ant-select-selection-item-remove');
    while ((await remove.count()) > 0) await remove.first().click();
    await select.click();
    await select.fill('简称');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' });
    await page.getByLabel('陈旧天数', { exact: true }).fill('3650');
    await shot(page, 'quality-settings-zh');
    await page.getByRole('button', { name: /保存规则/ }).click();
    await page.getByText('数据质量规则已保存。').waitFor();

    const cookie = await apiLogin(kehu.url, 'admin@kehu.demo');
    const settings = await (
      await fetch(`${kehu.url}/api/v1/quality/settings`, { headers: { cookie } })
    ).json();
    expect(settings).toMatchObject({ requiredFields: ['shortName'], staleDays: 3650, version: 2 });
    const summary = await (await fetch(`${kehu.url}/api/v1/quality/summary`, { headers: { cookie } })).json();

    await page.getByRole('menuitem', { name: '数据质量' }).click();
    await page.getByTestId('quality-tile').first().waitFor();
    await expect.poll(() => tile(page, '完整度'), WAIT).not.toBe(before);
    expect(Number.parseFloat(await tile(page, '完整度'))).toBe(summary.total.completeness);
    expect(await tile(page, '陈旧率')).toMatch(/^0\s*%$/);
    await page.getByText(/1 个必填字段/).waitFor();
    await shot(page, 'quality-after-rules-zh');
    expect(problems).toEqual([]);
    await context.close();
  });
});
