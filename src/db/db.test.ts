import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { DataDirLockedError } from './lock';
import { migrate } from './migrate';
import { queryRows } from './rows';
import { createTestDb, testDrivers } from './testing';

const drivers = await testDrivers();

describe.each(drivers)('migrations on %s', (kind) => {
  it('create every table from an empty database and are idempotent', async () => {
    const db = await createTestDb(kind);
    try {
      await migrate(db); // a second run must be a no-op
      const res = await queryRows<{ n: number }>(
        db.db,
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      expect(res[0]?.n).toBeGreaterThanOrEqual(18);
      const trgm = await queryRows<{ s: number }>(db.db, sql`select similarity('kehu', 'kehu crm') as s`);
      expect(Number(trgm[0]?.s)).toBeGreaterThan(0.3);
    } finally {
      await db.close();
    }
  });
});

describe('embedded data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opener while the first holds it, and reopens after close', async () => {
    const first = await createDb({ dataDir: dir });
    await migrate(first);
    await expect(createDb({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const again = await createDb({ dataDir: dir });
    const res = await queryRows<{ n: number }>(again.db, sql`select count(*)::int as n from workspaces`);
    expect(res[0]?.n).toBe(0);
    await again.close();
  });
});
