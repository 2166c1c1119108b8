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
const WAIT = { timeout: 20_000 };

/** Whether the chart of that name has drawn (ECharts may use more than one canvas layer). */
const drawn = async (page: Page, name: string) =>
  (await page.getByRole('img', { name, exact: true }).locator('canvas').count()) > 0;

/** Whether any of `texts` is on the page in a Chinese font that drew it (not tofu boxes). */
const drawsChinese = (page: Page) =>
  page.evaluate(() => document.fonts.check('16px sans-serif', '客户价值分析'));

describe.skipIf(!hasChromium)('the customer value pages in Chromium', { timeout: 240_000 }, () => {
  let kehu: KehuServer;
  let browser: Browser;
  beforeAll(async () => {
    [kehu, browser] = await Promise.all([startKehu(300), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await kehu?.stop();
  });

  it('runs the classification from the dashboard and draws its charts, matrices and lists', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/value', 'admin@kehu.demo', {
      width: 1400,
      height: 1000,
    });
    await page.getByRole('heading', { name: '客户价值分析' }).waitFor();
    // `kehu start --demo` classified the demo customers once already.
    await expect.poll(() => page.getByTestId('value-tile').count(), WAIT).toBe(7);
    await shot(page, 'value-demo-run-zh');

    await page.getByRole('button', { name: /立即分类/ }).click();
    await page.getByText(/分类完成：300 位客户/).waitFor(WAIT);
    await expect.poll(() => page.getByTestId('value-tile').count(), WAIT).toBe(7);
    const explain = page.getByTestId('value-explain');
    await expect
      .poll(() => explain.innerText(), WAIT)
      .toMatch(/A 类：\d+ 位客户（占客户数 [\d.]+%）贡献正毛利的 [\d.]+%/);
    // The A class reaches the 80% cut: its value share is at least 80%.
    const aShare = Number((await explain.innerText()).match(/A 类：.*?贡献正毛利的 ([\d.]+)%/)![1]);
    expect(aShare).toBeGreaterThanOrEqual(80);

    for (const name of [
      '帕累托曲线（ABC）',
      'RFM 热力图（R × F，颜色为平均 M 分）',
      '各次分类的价值层级分布',
    ])
      await expect.poll(() => drawn(page, name), WAIT).toBe(true);
    // Two runs (the demo's and this one): the transition matrix between them.
    await expect.poll(() => drawn(page, '层级迁移（马尔可夫转移矩阵）'), WAIT).toBe(true);
    // The outlook: each tier's share now and 4 runs ahead, and its expected value (Pfeifer & Carraway).
    const outlook = page.getByTestId('value-outlook');
    await expect.poll(() => outlook.locator('.ant-table-row').count(), WAIT).toBe(3);
    expect(await outlook.innerText()).toMatch(/最有价值客户 MVC[\s\S]*¥/);
    await page.getByText('ABC', { exact: true }).first().click();
    await expect.poll(() => drawn(page, '层级迁移（马尔可夫转移矩阵）'), WAIT).toBe(true);

    // Both built-in matrices as grids of named cells with counts.
    await expect.poll(() => page.getByTestId('value-matrix').count(), WAIT).toBe(2);
    expect(await page.getByTestId('value-matrix-cell').count()).toBe(18);
    await page.getByText('核心大客户').waitFor();

    // The high-potential STCs, each a link to its customer.
    await page.getByText('高潜力 STC', { exact: true }).click();
    const row = page.locator('.ant-table-row').filter({ hasText: '高潜力' }).first();
    await row.waitFor(WAIT);
    expect(await drawsChinese(page)).toBe(true);
    await shot(page, 'value-dashboard-zh');
    await page.screenshot({ path: 'test-results/value-dashboard-full-zh.png', fullPage: true });
    expect(await unlabelledControls(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the verdict on the 360 page with its explanation and history', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/value', 'admin@kehu.demo', {
      width: 1400,
      height: 1000,
    });
    await page.getByText('高潜力 STC', { exact: true }).click();
    const link = page.locator('.ant-table-row').filter({ hasText: '高潜力' }).first().getByRole('link');
    const name = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { name }).waitFor();
    const card = page.getByTestId('value-card');
    await card.getByTestId('value-verdict').waitFor(WAIT);
    expect(await card.getByTestId('value-verdict').innerText()).toMatch(/次级客户 STC[\s\S]*高潜力/);
    const sentences = await card.getByTestId('value-explanation').locator('li').allInnerTexts();
    expect(sentences.length).toBeGreaterThanOrEqual(3);
    expect(sentences.join('\n')).toMatch(/^[ABC]( 类)?：/m);
    expect(sentences.join('\n')).toMatch(/STC/);
    // Two runs: the history chart draws.
    await expect
      .poll(() => card.getByTestId('value-history-chart').locator('canvas').count(), WAIT)
      .toBeGreaterThan(0);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'value-360-card-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses cut-offs that do not increase with the server’s message, and adds a custom matrix', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      kehu.url,
      '/value/settings',
      'admin@kehu.demo',
      { width: 1400, height: 1000 },
    );
    await page.getByRole('heading', { name: '价值分析规则' }).waitFor();
    await page.getByLabel('A 类累计阈值', { exact: true }).waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    const aCut = page.getByLabel('A 类累计阈值', { exact: true });
    await aCut.fill('97');
    await page.getByRole('button', { name: /保存规则/ }).click();
    const message = 'ABC 分界点必须递增：A 类分界点须小于 B 类分界点。';
    await page.getByRole('alert').filter({ hasText: message }).first().waitFor(WAIT);
    // The message sits on the B cut-off, the field the server names.
    await page
      .locator('.ant-form-item', { has: page.getByLabel('B 类累计阈值', { exact: true }) })
      .getByText(message)
      .waitFor();
    await page.getByLabel('B 类累计阈值', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, 'value-settings-refused-zh');
    const cookie = await apiLogin(kehu.url, 'admin@kehu.demo');
    const saved = await (await fetch(`${kehu.url}/api/v1/value/settings`, { headers: { cookie } })).json();
    expect(saved.settings.abc).toMatchObject({ aCut: 0.8, bCut: 0.95 });

    // 85% saves.
    await aCut.fill('85');
    await page.getByRole('button', { name: /保存规则/ }).click();
    await page.getByText('价值分析规则已保存，下次分类起生效。').waitFor(WAIT);

    // A matrix of our own over two numeric factors.
    await page.getByRole('tab', { name: '因素矩阵' }).click();
    await page.getByRole('button', { name: /新建矩阵/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('键', { exact: true }).fill('revenue_profit');
    await dialog.getByLabel('中文名称', { exact: true }).first().fill('收入 × 毛利');
    await dialog.getByLabel('英文名称', { exact: true }).first().fill('Revenue × profit');
    await dialog.getByLabel('横轴 · 分割点').fill('100000, 500000');
    await dialog.getByLabel('纵轴 · 分割点').fill('20000, 100000');
    await shot(page, 'value-matrix-editor-zh');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByText('收入 × 毛利').first().waitFor();
    // The next run counts customers in its cells on the dashboard.
    await page.getByRole('menuitem', { name: '价值分析' }).click();
    await page.getByRole('button', { name: /立即分类/ }).click();
    await page
      .getByText(/分类完成/)
      .first()
      .waitFor(WAIT);
    const custom = page.getByRole('table', { name: '收入 × 毛利' });
    await expect.poll(() => custom.getByText(/^[1-9]\d* 位$/).count(), WAIT).toBeGreaterThan(0);
    await custom.scrollIntoViewIfNeeded();
    await shot(page, 'value-custom-matrix-zh');
    expect(problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    await context.close();
  });

  it('opens a follow-up task for a breach, which the owner sees on the home page and marks done', async () => {
    const { context, page, problems } = await openSignedIn(
      browser,
      kehu.url,
      '/value/settings',
      'admin@kehu.demo',
      {
        width: 1400,
        height: 1000,
      },
    );
    // The demo's policies (MVCs visited every 30 days …; its first run opened their breaches' tasks), and
    // one more: customers at risk are visited every week.
    await page.getByRole('tab', { name: '层级策略' }).click();
    await page.getByText('每 30 天拜访').first().waitFor();
    await page.getByRole('button', { name: /新建策略/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('适用于', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: 'RFM 分群' }).click();
    await dialog.getByLabel('对象', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '流失风险' }).click();
    await dialog.getByLabel('拜访间隔（天）').fill('7');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'detached', ...WAIT });
    await page.getByText('每 7 天拜访').waitFor();

    await page.getByRole('menuitem', { name: '价值分析' }).click();
    const breaches = page.getByTestId('value-breaches');
    const first = breaches.locator('.ant-table-row').first();
    await first.waitFor(WAIT);
    expect(await first.innerText()).toMatch(/客户已 \d+ 天未拜访；策略要求每 \d+ 天拜访|从未拜访/);
    await page.getByRole('button', { name: /创建跟进待办/ }).click();
    await page.getByText(/新建 \d+ 条跟进待办/).waitFor(WAIT);
    await expect.poll(() => first.innerText(), WAIT).toContain('已有待办');
    await breaches.scrollIntoViewIfNeeded();
    await shot(page, 'value-breaches-zh');
    expect(problems).toEqual([]);
    await context.close();

    // The rep who owns some of those MVCs.
    const sales = await apiLogin(kehu.url, 'sales@kehu.demo');
    const mine = await (await fetch(`${kehu.url}/api/v1/tasks/mine`, { headers: { cookie: sales } })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    const rep = await openSignedIn(browser, kehu.url, '/', 'sales@kehu.demo', { width: 1280, height: 900 });
    const rows = rep.page.getByTestId('task-row');
    await expect.poll(() => rows.count(), WAIT).toBe(mine.items.length);
    const title = (await rows.first().locator('.ant-typography strong').first().innerText()).trim();
    expect(await rows.first().innerText()).toContain('策略提醒');
    await shot(rep.page, 'home-tasks-zh');
    // A click, not check(): the box shows ticked only while saving, then the done task leaves the list.
    await rows.first().getByRole('checkbox').click();
    await rep.page.getByText(`已完成：${title}`).waitFor(WAIT);
    await expect.poll(() => rows.count(), WAIT).toBe(mine.items.length - 1);
    // The next task is not ticked in its place.
    expect(await rows.first().getByRole('checkbox').isChecked()).toBe(false);
    await shot(rep.page, 'home-task-done-zh');
    // A task of my own, due today, comes first.
    await rep.page.getByRole('button', { name: /新建待办/ }).click();
    const form = rep.page.getByRole('dialog');
    await form.getByLabel('事项').fill('给重点客户回电确认报价');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.waitFor({ state: 'detached', ...WAIT });
    await expect.poll(() => rows.first().innerText(), WAIT).toContain('给重点客户回电确认报价');
    expect(await rows.first().innerText()).toContain('今天到期');
    await shot(rep.page, 'home-task-added-zh');
    // A breach's task links its customer: the 360 page lists it with the value card.
    const policyRow = rows.filter({ hasText: '策略提醒' }).first();
    const taskTitle = (await policyRow.locator('strong').first().innerText()).trim();
    await policyRow.getByRole('link', { name: '打开客户' }).click();
    await rep.page.getByTestId('value-card').waitFor(WAIT);
    await rep.page.getByTestId('customer-tasks').getByText(taskTitle).waitFor(WAIT);
    expect(rep.problems).toEqual([]);
    await rep.context.close();
  });

  it('fits a phone screen (360 px) on the dashboard and the home page', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/value', 'manager@kehu.demo', {
      width: 360,
      height: 740,
    });
    await expect.poll(() => drawn(page, '帕累托曲线（ABC）'), WAIT).toBe(true);
    const fits = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= 360);
    expect(await fits()).toBe(true);
    await shot(page, 'value-phone-zh');
    await page.goto(`${kehu.url}/`);
    await page.getByTestId('home-value').waitFor(WAIT);
    expect(await fits()).toBe(true);
    await shot(page, 'home-phone-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English for an analyst, who may look but not run or change the rules', async () => {
    const { context, page, problems } = await openSignedIn(browser, kehu.url, '/value', 'analyst@kehu.demo', {
      width: 1400,
      height: 1000,
    });
    await page.getByRole('heading', { name: '客户价值分析' }).waitFor();
    await page.getByLabel('语言').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    await page.getByRole('heading', { name: 'Customer value' }).waitFor(WAIT);
    await expect.poll(() => drawn(page, 'Pareto curve (ABC)'), WAIT).toBe(true);
    expect(await page.getByTestId('value-explain').innerText()).toMatch(
      /Class A: \d+ customers \([\d.]+% of customers\) bring [\d.]+% of positive gross profit/,
    );
    expect(await page.getByRole('button', { name: /Classify now/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Rules/ }).count()).toBe(0);
    await page.getByText('Policy breaches', { exact: true }).waitFor();
    await shot(page, 'value-dashboard-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
