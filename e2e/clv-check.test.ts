import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, hasChromium, openSignedIn, RESULTS, shot, warnIfNoChromium } from './harness';
import { chartDrawn as drawn, kehuAndBrowser } from './kehu-suite';

warnIfNoChromium();

// On a busy machine a page can take seconds to settle; expect.poll alone gives up after one.
const WAIT = { timeout: 20_000 };

/**
 * The tooltip of a chart when the mouse rests at a share of its width, low in its plot: both series name
 * a value there when both are drawn (ECharts writes its tooltip as HTML inside the chart's element).
 */
async function tooltipAt(chart: Locator, share: number): Promise<string> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  await chart.page().mouse.move(box.x + box.width * share, box.y + box.height * 0.7);
  await expect.poll(() => chart.innerText(), WAIT).toMatch(/\n/);
  return chart.innerText();
}

describe.skipIf(!hasChromium)('the model check on the CLV page in Chromium', { timeout: 240_000 }, () => {
  const suite = kehuAndBrowser(300);
  const openClv = (email: string) =>
    openSignedIn(suite.browser, suite.kehu.url, '/value/clv', email, { width: 1400, height: 1000 });

  it('shows a rep what the check is, with the button off and why, before anyone has run it', async () => {
    const { context, page, problems } = await openClv('sales@kehu.demo');
    const section = page.getByTestId('clv-check');
    await section.waitFor(WAIT);
    // The demo's settings: a churn horizon of 6 months.
    expect(await section.innerText()).toMatch(/运行日前 6 个月（流失预警的预测期）为止的历史重新拟合模型/);
    const button = section.getByRole('button', { name: /运行模型检验/ });
    expect(await button.isDisabled()).toBe(true);
    await button.scrollIntoViewIfNeeded();
    // The tooltip hangs on the span around the button (a disabled button gets no mouse events).
    await button.locator('xpath=..').hover();
    const tooltip = page.locator('.ant-tooltip', { hasText: '只有管理员和经理可以运行模型检验。' });
    // Faded in (Playwright counts an element at opacity 0 as visible).
    await expect.poll(() => tooltip.evaluate((e) => getComputedStyle(e).opacity), WAIT).toBe('1');
    await shot(page, 'clv-check-rep-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the admin run the check, then shows its dates, the churn AUC and both charts', async () => {
    const { context, page, problems } = await openClv('admin@kehu.demo');
    const section = page.getByTestId('clv-check');
    // The check held back a moment, so that its loading state shows (on big data it takes seconds).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(
      '**/api/v1/value/model-check',
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    await section.getByRole('button', { name: /运行模型检验/ }).click();
    await section.getByRole('status').filter({ hasText: '正在检验' }).waitFor(WAIT);
    expect(await section.getByRole('button', { name: /运行模型检验/ }).getAttribute('class')).toContain(
      'ant-btn-loading',
    );
    await section.screenshot({ path: `${RESULTS}/clv-check-running-zh.png` });
    release();

    // The dates: the calibration end 6 months before the run's day, which ends the holdout.
    const dates = section.getByTestId('clv-check-dates');
    await dates.waitFor(WAIT);
    const [, calibrationEnd, holdoutEnd] = (await dates.innerText()).match(
      /^校准期截至 (\d{4}-\d{2}-\d{2}) → 验证期截至 (\d{4}-\d{2}-\d{2})（[\d.]+ 周），检验于 .+$/,
    )!;
    expect(await page.getByTestId('clv-as-of').innerText()).toContain(holdoutEnd);
    const month = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
    expect(month(holdoutEnd!) - month(calibrationEnd!)).toBe(6);
    expect(await section.getByRole('status').count()).toBe(0);

    // The AUC in big figures with what it means, and the counts it rests on.
    const auc = section.getByTestId('clv-check-auc');
    const [, value, again, share] = (await auc.innerText()).match(
      /流失风险的 AUC\s*(\d\.\d\d)\s*(\d\.\d\d)：在 (\d+)% 的客户对中，此后停止购买的客户比继续购买的客户流失风险更高/,
    )!;
    expect(again).toBe(value);
    expect(Number(share)).toBe(Math.round(Number(value) * 100));
    // The churn risk ranks better than a coin toss on the demo's customers.
    expect(Number(value)).toBeGreaterThan(0.5);
    const figure = auc.locator('.ant-statistic-content');
    expect(await figure.evaluate((e) => getComputedStyle(e).fontSize)).toBe('40px');
    const counts = await section.innerText();
    expect(counts).toMatch(/校准期末评分的客户\s*[\d,]+/);
    expect(counts).toMatch(/其中验证期内未再购买\s*[\d,]+\s*· [\d.]+%/);

    // The stored check, as the server has it: the page shows its figures.
    const cookie = await apiLogin(suite.kehu.url, 'admin@kehu.demo');
    const storedCheck = async () =>
      (await (await fetch(`${suite.kehu.url}/api/v1/value/model`, { headers: { cookie } })).json()).check;
    const check = await storedCheck();
    expect(check).toMatchObject({ calibrationEnd, holdoutEnd });
    expect(check.churnAuc.toFixed(2)).toBe(value);
    const labels = check.calibrationVsHoldout.map((g: { label: string }) => g.label);
    expect(labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);

    // Both charts drawn, each with its actual and forecast series.
    await expect.poll(() => drawn(page, '验证期购买次数：预测与实际'), WAIT).toBe(true);
    await expect.poll(() => drawn(page, '累计重复购买次数：预测与实际'), WAIT).toBe(true);
    const holdout = await tooltipAt(page.getByTestId('check-holdout'), 0.2);
    expect(holdout).toMatch(/此前重复购买 \d\+? 次（\d+ 位客户）/);
    expect(holdout).toMatch(/实际：[\d.]+/);
    expect(holdout).toMatch(/模型预测：[\d.]+/);
    const tracking = await tooltipAt(page.getByTestId('check-tracking'), 0.8);
    expect(tracking).toMatch(/截至 \d{4}-\d{2}-\d{2}/);
    expect(tracking).toMatch(/实际：[\d,]+/);
    expect(tracking).toMatch(/模型预测：[\d,.]+/);
    await page.mouse.move(0, 0);

    // Run again: the check is made anew and the page shows it.
    await section.getByRole('button', { name: /重新检验/ }).click();
    await expect.poll(async () => (await storedCheck()).checkedAt, WAIT).not.toBe(check.checkedAt);
    await expect.poll(() => section.getByRole('button', { name: /重新检验/ }).isEnabled(), WAIT).toBe(true);
    await expect.poll(() => drawn(page, '累计重复购买次数：预测与实际'), WAIT).toBe(true);

    expect(await page.evaluate(() => document.fonts.check('16px sans-serif', '模型检验'))).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${RESULTS}/clv-check-zh.png` });
    await shot(page, 'clv-check-page-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English', async () => {
    const { context, page, problems } = await openClv('manager@kehu.demo');
    await page.getByTestId('clv-check-auc').waitFor(WAIT);
    await page.getByLabel('语言').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    const section = page.getByTestId('clv-check');
    await section.getByText('Model check', { exact: true }).waitFor(WAIT);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden', ...WAIT });
    expect(await section.getByTestId('clv-check-auc').innerText()).toMatch(
      /Churn risk AUC\s*\d\.\d\d\s*\d\.\d\d: a customer who stopped buying had a higher risk than one who kept buying in \d+% of pairs/,
    );
    expect(await section.getByTestId('clv-check-dates').innerText()).toMatch(
      /^Calibration up to \d{4}-\d{2}-\d{2} → holdout up to \d{4}-\d{2}-\d{2} \([\d.]+ weeks\), checked .+$/,
    );
    // A manager may run it again.
    expect(await section.getByRole('button', { name: /Run again/ }).isEnabled()).toBe(true);
    for (const chart of ['Purchases in the holdout', 'Cumulative repeat purchases'])
      await expect.poll(() => drawn(page, `${chart}: forecast vs actual`), WAIT).toBe(true);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${RESULTS}/clv-check-en.png` });
    expect(problems).toEqual([]);
    await context.close();
  });
});
