import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS = join(ROOT, 'test-results');

/** Debian's Chromium (never a downloaded one); KEHU_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.KEHU_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export type KehuServer = { url: string; stop(): Promise<void> };

/** `kehu start --demo` on a fresh embedded database in a temporary folder, on a free port. */
export async function startKehu(demoCustomers: number): Promise<KehuServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehu-e2e-'));
  const { DATABASE_URL: _url, KEHU_DATA_DIR: _dir, KEHU_WEB: _web, ...env } = process.env;
  const child: ChildProcess = spawn(
    process.execPath,
    [
      'bin/kehu.js',
      'start',
      '--demo',
      '--demo-customers',
      String(demoCustomers),
      '--data-dir',
      dataDir,
      '--port',
      '0',
    ],
    { cwd: ROOT, env },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = output.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`kehu start exited with ${child.exitCode}:\n${output}`));
      }
    }, 100);
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container, without the network calls Chromium makes on its own.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Everything the page says on its console that is an error or a warning, and uncaught exceptions. A
 * failed load the test expects (a 404 it provokes) is passed as `expected` (the end of its URL's path).
 */
export function watchConsole(page: Page, expected: () => string[] = () => []): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const where = m.location().url;
    if (
      m.text().startsWith('Failed to load resource') &&
      expected().some((path) => where.split('?')[0]!.endsWith(path))
    )
      return;
    problems.push(`${m.type()}: ${m.text()} (${where})`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

export const shot = (page: Page, name: string) => page.screenshot({ path: join(RESULTS, `${name}.png`) });

/**
 * The form controls on the page that a screen reader could not name: no aria-label, no aria-labelledby
 * pointing at text, no <label for> and no wrapping <label>. Answers a short description of each.
 * (A string, not a function: the test transform would add helpers the page does not have.)
 */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(`(() => {
    const named = (el) => {
      if (el.getAttribute('aria-label')?.trim()) return true;
      const by = el.getAttribute('aria-labelledby');
      if (by && by.split(/\\s+/).some((id) => document.getElementById(id)?.textContent?.trim())) return true;
      if (el.id && document.querySelector('label[for="' + CSS.escape(el.id) + '"]')?.textContent?.trim()) return true;
      if (el.closest('label')?.textContent?.trim()) return true;
      return Boolean(el.getAttribute('title')?.trim());
    };
    const controls = document.querySelectorAll(
      'input:not([type=hidden]), textarea, select, [role=combobox], [role=switch], [role=checkbox], [role=radio]',
    );
    return [...controls]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden=true]') && !named(el))
      .map((el) => (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + el.className).slice(0, 120));
  })()`);
}

/**
 * Shows or hides a list column with the column chooser (the "列"/"Columns" button), then closes it.
 * Opening and toggling are retried: a list that re-renders as its data arrives may swallow the first
 * click or close the chooser while it is still opening.
 */
export async function chooseColumn(page: Page, button: RegExp, column: string, shown: boolean) {
  const box = page.getByRole('checkbox', { name: column, exact: true });
  const chooser = page.getByRole('button', { name: button });
  for (let tries = 0; ; tries++) {
    if (tries === 10) throw new Error(`the column chooser did not toggle ${column}`);
    if (!(await box.isVisible())) {
      await chooser.click();
      await box.waitFor({ timeout: 2_000 }).catch(() => {});
      continue;
    }
    const done = await box
      .setChecked(shown, { timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (done) break;
  }
  if (await box.isVisible()) await chooser.click();
  await box.waitFor({ state: 'hidden' });
}

/** Signs in through the login form on the page (in Chinese or English), as a demo user by default. */
export async function signIn(page: Page, email: string, password = 'kehu-demo') {
  await page.getByLabel(/邮箱|E-mail/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}

/** A new context (zh-CN) at `path`, signed in as `email` through the form, its console watched. */
export async function openSignedIn(
  browser: Browser,
  url: string,
  path: string,
  email: string,
  viewport = { width: 1280, height: 900 },
) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport });
  const page = await context.newPage();
  const problems = watchConsole(page);
  await page.goto(`${url}${path}`);
  await signIn(page, email);
  return { context, page, problems };
}

/** Signs in over the API: the session cookie, or null when the login is refused. */
export async function tryApiLogin(
  url: string,
  email: string,
  password = 'kehu-demo',
): Promise<string | null> {
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

/** Signs in a demo user over the API and answers the session cookie; a refused login fails the test. */
export async function apiLogin(url: string, email: string): Promise<string> {
  const cookie = await tryApiLogin(url, email);
  if (cookie === null) throw new Error(`the login of ${email} was refused`);
  return cookie;
}

/** Said once per browser test file when there is no Chromium to run it. */
export function warnIfNoChromium() {
  if (!hasChromium)
    console.warn(
      'SKIPPED the browser tests: no Chromium at /usr/bin/chromium (apt-get install -y chromium).',
    );
}
