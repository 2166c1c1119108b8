import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, hasChromium, openSignedIn, shot, unlabelledControls, warnIfNoChromium } from './harness';
import { chartDrawn as drawn, kehuAndBrowser } from './kehu-suite';

warnIfNoChromium();

// On a busy machine a page can take seconds to settle; expect.poll alone gives up after one.
const WAIT = { timeout: 20_000 };
const WIDE = { width: 1400, height: 1000 };

/** Whether Chinese text draws in a font that has the glyphs (not tofu boxes). */
const drawsChinese = (page: Page) =>
  page.evaluate(() => document.fonts.check('16px sans-serif', '客户终身价值与流失预警'));

describe.skipIf(!hasChromium)('the lifetime value and churn pages in Chromium', { timeout: 240_000 }, () => {
  const suite = kehuAndBrowser(300);

  it('runs a classification, then shows its models, CLV per tier and the churn lists; the admin opens their tasks', async () => {
    const { context, page, problems } = await openSignedIn(
      suite.browser,
      suite.kehu.url,
      '/value',
      'admin@kehu.demo',
      WIDE,
    );
    await page.getByRole('heading', { name: '客户价值分析' }).waitFor();
    await page.getByRole('button', { name: /立即分类/ }).click();
    await page.getByText(/分类完成：300 位客户/).waitFor(WAIT);
    await page.getByRole('button', { name: '终身价值与流失预警' }).click();
    await page.getByRole('heading', { name: '客户终身价值与流失预警' }).waitFor(WAIT);
    // The demo's run was #1; this one is #2.
    await expect.poll(() => page.getByTestId('clv-as-of').innerText(), WAIT).toContain('#2');
    expect(await page.getByRole('menuitem', { name: '终身价值与流失' }).getAttribute('class')).toContain(
      'selected',
    );

    // The model panel: BG/NBD r, α, a, b and Gamma-Gamma p, q, γ, each with a standard error.
    const model = page.getByTestId('clv-model');
    expect(await model.innerText()).toMatch(/BG\/NBD 模型根据每位客户的购买次数/);
    expect(await model.innerText()).toMatch(/拟合样本[:：]?\s*\d+ \/ \d+ 位有订单的客户/);
    const bgnbd = page.getByTestId('bgnbd-params');
    expect(await bgnbd.locator('.ant-table-row').count()).toBe(4);
    const estimates = await bgnbd.locator('.ant-table-row').allInnerTexts();
    for (const [i, symbol] of ['r', 'α', 'a', 'b'].entries())
      expect(estimates[i]).toMatch(new RegExp(`^${symbol}\\s[\\s\\S]*\\d[\\s\\S]*\\d`));
    expect(await bgnbd.innerText()).toMatch(/对数似然: -[\d,]+/);
    expect(await page.getByTestId('gamma-gamma-params').locator('.ant-table-row').count()).toBe(3);

    // CLV per tier (box plots and the sums) and the churn-risk bands.
    await expect.poll(() => drawn(page, '各价值层级的客户终身价值（CLV）分布'), WAIT).toBe(true);
    await expect.poll(() => drawn(page, '各价值层级的流失风险分布'), WAIT).toBe(true);
    expect(await page.getByTestId('clv-sums').innerText()).toMatch(
      /最有价值客户 MVC：\d+ 位客户，CLV 合计 ¥/,
    );

    // The at-risk list: MVCs first, each row with its reasons and a link to the customer.
    const atRisk = page.getByTestId('churn-at_risk');
    const rows = atRisk.locator('.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
    const tiers = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent?.match(/MVC|STC|BZ/)?.[0] ?? ''),
    );
    const firstOther = tiers.findIndex((x) => x !== 'MVC');
    if (firstOther >= 0) expect(tiers.slice(firstOther)).not.toContain('MVC');
    expect(await rows.first().locator('li').count()).toBeGreaterThan(0);
    expect(await rows.first().innerText()).toMatch(/最近一次下单在 \d+ 天前|仍为活跃客户的概率/);
    expect(await drawsChinese(page)).toBe(true);
    // The run's toast gone first: it would sit over the page in the screenshots.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', ...WAIT });
    await shot(page, 'clv-page-zh');
    await page.screenshot({ path: 'test-results/clv-page-full-zh.png', fullPage: true });

    // Follow-up tasks for the at-risk list: the counts, then each row shows its open task.
    await atRisk.getByRole('button', { name: /创建跟进待办/ }).click();
    const opened = atRisk.getByRole('status').filter({ hasText: /名单共 \d+ 位客户：新建 \d+ 条跟进待办/ });
    await opened.waitFor(WAIT);
    const [, listed, created] = (await opened.innerText()).match(/名单共 (\d+) 位客户：新建 (\d+) 条/)!;
    expect(Number(created)).toBeGreaterThan(0);
    expect(Number(created)).toBeLessThanOrEqual(Number(listed));
    await expect.poll(() => rows.first().getByTestId('churn-task-open').count(), WAIT).toBe(1);
    // Asking again opens none: every listed customer has one.
    await atRisk.getByRole('button', { name: /创建跟进待办/ }).click();
    await atRisk
      .getByRole('status')
      .filter({ hasText: `名单共 ${listed} 位客户：新建 0 条跟进待办，${listed} 条已有待办。` })
      .waitFor(WAIT);
    await atRisk.scrollIntoViewIfNeeded();
    await shot(page, 'clv-at-risk-tasks-zh');

    // The win-back list says what to do.
    const winBack = page.getByTestId('churn-win_back').locator('.ant-table-row');
    await expect.poll(() => winBack.count(), WAIT).toBeGreaterThan(0);
    expect(await winBack.first().innerText()).toMatch(/拜访|优惠|联系|回访/);
    await page.getByTestId('churn-win_back').scrollIntoViewIfNeeded();
    await shot(page, 'clv-win-back-zh');
    expect(await unlabelledControls(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('narrows the list to one owner for a manager, and shows a rep why the tasks button is off', async () => {
    const manager = await openSignedIn(
      suite.browser,
      suite.kehu.url,
      '/value/clv',
      'manager@kehu.demo',
      WIDE,
    );
    const atRisk = manager.page.getByTestId('churn-at_risk');
    const rows = atRisk.locator('.ant-table-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(0);
    const owner = (await rows.first().locator('td').nth(1).innerText()).trim();
    await atRisk.getByLabel('负责人').click();
    await manager.page.locator('.ant-select-item-option', { hasText: owner }).first().click();
    await expect
      .poll(
        async () => (await rows.locator('td:nth-child(2)').allInnerTexts()).every((o) => o.trim() === owner),
        WAIT,
      )
      .toBe(true);
    expect(manager.problems).toEqual([]);
    await manager.context.close();

    const rep = await openSignedIn(suite.browser, suite.kehu.url, '/value/clv', 'sales@kehu.demo', WIDE);
    const button = rep.page.getByTestId('churn-at_risk').getByRole('button', { name: /创建跟进待办/ });
    // The list loaded first: it moves the button as it fills the page.
    await rep.page.getByTestId('churn-at_risk').locator('.ant-table-row').first().waitFor(WAIT);
    expect(await button.isDisabled()).toBe(true);
    await button.scrollIntoViewIfNeeded();
    // The tooltip hangs on the span around the button (a disabled button gets no mouse events).
    await button.locator('xpath=..').hover();
    const tooltip = rep.page.locator('.ant-tooltip', { hasText: '只有管理员和经理可以创建跟进待办。' });
    // Faded in (Playwright counts an element at opacity 0 as visible).
    await expect.poll(() => tooltip.evaluate((e) => getComputedStyle(e).opacity), WAIT).toBe('1');
    await shot(rep.page, 'clv-sales-rep-zh');
    // A rep sees only their own customers: no owner filter.
    expect(await rep.page.getByLabel('负责人').count()).toBe(0);
    expect(rep.problems).toEqual([]);
    await rep.context.close();
  });

  it('shows the prediction on the 360 page, and says so plainly where there is too little history', async () => {
    const { context, page, problems } = await openSignedIn(
      suite.browser,
      suite.kehu.url,
      '/value/clv',
      'admin@kehu.demo',
      WIDE,
    );
    const link = page.getByTestId('churn-at_risk').locator('.ant-table-row').first().getByRole('link');
    await link.waitFor(WAIT);
    const name = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { name }).waitFor(WAIT);
    const card = page.getByTestId('prediction-card');
    await card.getByTestId('prediction-figures').waitFor(WAIT);
    await expect.poll(() => drawn(page, /^仍为活跃客户的概率 P\(alive\) /), WAIT).toBe(true);
    const figures = await card.getByTestId('prediction-figures').innerText();
    expect(figures).toMatch(/仍为活跃客户的概率 P\(alive\)[:：]?\s*(< )?[\d.]+%/);
    expect(figures).toMatch(/未来 52 周预计购买次数[:：]?\s*[\d.]+/);
    expect(figures).toMatch(/客户终身价值（CLV，未来 52 周）[:：]?\s*-?¥/);
    // An at-risk customer: a high churn risk, in red, with its reasons.
    expect(await card.getByTestId('prediction-risk').innerText()).toMatch(/流失风险\s*高风险\s*\d+/);
    expect(await card.getByTestId('prediction-reasons').locator('li').count()).toBeGreaterThan(0);
    // Two runs: the history chart draws with its CLV series, and the churn risk below it.
    await expect
      .poll(() => page.getByTestId('value-history-chart').locator('canvas').count(), WAIT)
      .toBeGreaterThan(0);
    await expect.poll(() => drawn(page, '各次分类的流失风险'), WAIT).toBe(true);
    await page.getByTestId('value-history-chart').scrollIntoViewIfNeeded();
    await shot(page, 'clv-360-history-zh');
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'clv-360-card-zh');

    // A customer the models could not score (no orders): no figure at all, least of all a zero.
    const cookie = await apiLogin(suite.kehu.url, 'admin@kehu.demo');
    let unscored: number | null = null;
    for (let id = 2; id < 120 && unscored === null; id++) {
      const res = await fetch(`${suite.kehu.url}/api/v1/customers/${id}/value`, { headers: { cookie } });
      if (!res.ok) continue;
      const p = (await res.json()).latest?.prediction;
      if (p && p.pAlive === null && p.clv === null && p.churnRisk === null) unscored = id;
    }
    expect(unscored).not.toBeNull();
    await page.goto(`${suite.kehu.url}/customers/${unscored}`);
    await card.getByTestId('prediction-none').waitFor(WAIT);
    expect(await card.innerText()).toContain('购买记录不足，暂不预测。');
    expect(await card.innerText()).not.toMatch(/¥0\.00|0%/);
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'clv-360-unscored-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits the lifetime value and churn settings in percent', async () => {
    const { context, page, problems } = await openSignedIn(
      suite.browser,
      suite.kehu.url,
      '/value/settings',
      'admin@kehu.demo',
      WIDE,
    );
    const discount = page.getByLabel('年贴现率', { exact: true });
    await discount.waitFor(WAIT);
    expect(await discount.inputValue()).toBe('10');
    expect(await page.getByLabel('P(alive) 低于', { exact: true }).inputValue()).toBe('50');
    await discount.fill('12.5');
    await page.getByLabel('赢回：历史价值居前', { exact: true }).fill('15');
    await page.getByRole('button', { name: /保存规则/ }).click();
    await page.getByText('价值分析规则已保存，下次分类起生效。').waitFor(WAIT);
    const cookie = await apiLogin(suite.kehu.url, 'admin@kehu.demo');
    const saved = await (
      await fetch(`${suite.kehu.url}/api/v1/value/settings`, { headers: { cookie } })
    ).json();
    expect(saved.settings.clv.annualDiscountRate).toBe(0.125);
    expect(saved.settings.churn).toMatchObject({ winBackTopShare: 0.15, pAliveBelow: 0.5 });
    await page.getByText('流失预警', { exact: true }).scrollIntoViewIfNeeded();
    await shot(page, 'clv-settings-zh');
    expect(await unlabelledControls(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English', async () => {
    const { context, page, problems } = await openSignedIn(
      suite.browser,
      suite.kehu.url,
      '/value/clv',
      'analyst@kehu.demo',
      WIDE,
    );
    await page.getByRole('heading', { name: '客户终身价值与流失预警' }).waitFor(WAIT);
    await page.getByLabel('语言').click();
    await page.locator('.ant-select-item-option', { hasText: 'English' }).click();
    await page.getByRole('heading', { name: 'Lifetime value & churn' }).waitFor(WAIT);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden', ...WAIT });
    await page.getByText('BG/NBD: purchases and P(alive)').waitFor(WAIT);
    await expect.poll(() => drawn(page, 'Churn risk by tier'), WAIT).toBe(true);
    await expect
      .poll(() => page.getByTestId('churn-at_risk').locator('.ant-table-row').first().innerText(), WAIT)
      .toMatch(/Last order \d+ days ago|Probability of still being an active customer/);
    await shot(page, 'clv-page-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
