import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb, isTestServerReachable } from '../../db/testing';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'kehu-cli-'));
const children: ChildProcess[] = [];
const serverReachable = await isTestServerReachable();

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Run = { child: ChildProcess; output: () => string; exit: Promise<number | null> };

function kehu(args: string[], env: Record<string, string> = {}): Run {
  const { DATABASE_URL: _url, KEHU_DATA_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, ['bin/kehu.js', ...args], {
    cwd: root,
    env: { ...inherited, ...env },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitFor(run: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  for (;;) {
    const m = run.output().match(pattern);
    if (m) return m;
    if (run.child.exitCode !== null)
      throw new Error(`kehu exited with ${run.child.exitCode}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('kehu CLI', { timeout: 120_000 }, () => {
  it('serves, refuses a second process on the same data folder, and stops cleanly on SIGTERM', async () => {
    const first = kehu(['start', '--no-web', '--data-dir', dataDir, '--port', '0']);
    const [, url] = await waitFor(first, /listening on (http:\/\/\S+)/);
    expect(first.output()).toContain(`${url}/api/docs`);
    expect(existsSync(join(dataDir, 'kehu.lock'))).toBe(true);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toEqual({ ok: true, database: 'pglite' });

    const second = kehu(['start', '--no-web', '--port', '0'], { KEHU_DATA_DIR: dataDir });
    expect(await second.exit).toBe(1);
    expect(second.output()).toContain('is in use by another Kehu process');
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace

    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.output()).toContain('Kehu stopped.');
    expect(existsSync(join(dataDir, 'kehu.lock'))).toBe(false);
  });

  it('adds a user, printing a generated password once, and explains invalid input', async () => {
    const bad = kehu([
      'user',
      'add',
      '--email',
      'nope',
      '--name',
      ' ',
      '--role',
      'sales',
      '--data-dir',
      dataDir,
    ]);
    expect(await bad.exit).toBe(1);
    expect(bad.output()).toContain('--email: Invalid email address');
    expect(bad.output()).toContain('--name: Must not be empty.');

    const add = kehu([
      'user',
      'add',
      '--email',
      'Li@Example.com',
      '--name',
      '李雷',
      '--role',
      'admin',
      '--data-dir',
      dataDir,
    ]);
    expect(await add.exit).toBe(0);
    expect(add.output()).toMatch(/Created user #\d+ li@example\.com \(admin\)/);
    expect(add.output()).toMatch(/Password: [\w-]{24}\n/);
  });

  it.runIf(serverReachable)('backs up the embedded database and restores it into PostgreSQL', async () => {
    const file = join(dataDir, 'backup.kehu.gz');
    const backup = kehu(['backup', file, '--data-dir', dataDir]);
    expect(await backup.exit).toBe(0);
    expect(backup.output()).toMatch(/Backup written to .* rows in \d+ tables/);

    const target = await createTestDb('postgres');
    try {
      const restore = kehu(['restore', file], { DATABASE_URL: target.url! });
      expect(await restore.exit, restore.output()).toBe(0);
      expect(restore.output()).toContain('Restored');
    } finally {
      await target.close();
    }
  });
});
