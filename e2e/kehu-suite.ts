import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type KehuServer, launchBrowser, startKehu } from './harness';

/**
 * A Kehu with that many demo customers and a Chromium for the tests of a describe block: started before
 * them, stopped after. Read `kehu` and `browser` inside the tests (they are set by the time those run).
 */
export function kehuAndBrowser(demoCustomers: number): {
  readonly kehu: KehuServer;
  readonly browser: Browser;
} {
  const suite = {} as { kehu: KehuServer; browser: Browser };
  beforeAll(async () => {
    [suite.kehu, suite.browser] = await Promise.all([startKehu(demoCustomers), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.kehu?.stop();
  });
  return suite;
}

/** Whether the chart of that name has drawn (ECharts may use more than one canvas layer). */
export const chartDrawn = async (page: Page, name: string | RegExp) =>
  (await page
    .getByRole('img', { name, exact: typeof name === 'string' })
    .locator('canvas')
    .count()) > 0;
