import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDefaultWorkspace } from '../../db/bootstrap';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';

const KEHU = fileURLToPath(new URL('../../../bin/kehu.js', import.meta.url));

describe('kehu import killed with SIGKILL mid-import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-import-kill-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const count = async (text: string) => {
    const handle = await createDb({ dataDir });
    try {
      const { rows } = (await handle.db.execute(text)) as unknown as { rows: { n: number }[] };
      return rows[0]!.n;
    } finally {
      await handle.close();
    }
  };

  it('leaves nothing of the import in the embedded database', async () => {
    const handle = await createDb({ dataDir });
    await migrate(handle);
    const ws = await ensureDefaultWorkspace(handle.db);
    await handle.db.execute(
      `insert into users (workspace_id, email, name, role) values (${ws}, 'admin@kill.test', 'admin', 'admin')`,
    );
    await handle.db.execute(
      `insert into customers (workspace_id, code, name, type, status) values (${ws}, 'C1', '甲', 'enterprise', 'active')`,
    );
    await handle.close();
    const lines = ['订单号,客户编码,下单日期,金额'];
    for (let i = 0; i < 400_000; i++) lines.push(`K-${i >> 1},C1,2024-01-02,${i % 500}.50`);
    const file = join(dir, 'orders.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const child = spawn(
      process.execPath,
      [KEHU, 'import', 'orders', file, '--data-dir', dataDir, '--lang', 'en'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, KEHU_DATA_DIR: '', DATABASE_URL: '' },
      },
    );
    let err = '';
    let killedAt: string | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /Reading ([\d,]+)/.exec(err);
      if (!killedAt && m && m[1] !== '0') {
        killedAt = m[1];
        child.kill('SIGKILL');
      }
    });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    expect(killedAt, err).toBeDefined();
    expect(exit.signal).toBe('SIGKILL');
    expect(await count('select count(*)::int as n from orders')).toBe(0);
    expect(await count('select count(*)::int as n from order_lines')).toBe(0);
    expect(await count(`select count(*)::int as n from audit_log where entity = 'import'`)).toBe(0);
    expect(await count('select count(*)::int as n from customers')).toBe(1);
  }, 180_000);
});
