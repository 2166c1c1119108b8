import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultWorkspace } from '../../../db/bootstrap';
import type { DbKind } from '../../../db/client';
import { migrationsFolder } from '../../../db/migrate';
import { queryRows } from '../../../db/rows';
import { customers, workspaces } from '../../../db/schema';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import type { AppError } from '../../errors';
import { readAllTables, seedBackupFixture } from './backup.fixture';
import { backupDatabase, restoreDatabase } from './backup.service';
import { SKIPPED_TABLES } from './backup.tables';

// customer_metrics.updated_at is when the triggers last touched the row: the restore's time.
type Tables = Record<string, unknown[]>;
const stable = (tables: Tables): Tables => ({
  ...tables,
  customer_metrics: (tables.customer_metrics ?? []).map((row) => ({ ...(row as object), updatedAt: null })),
});

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
const LATEST_MIGRATION: string = journal.entries.at(-1).tag;

const drivers = await testDrivers();
const dir = mkdtempSync(join(tmpdir(), 'kehu-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pairs: [DbKind, DbKind][] = [['pglite', 'pglite']];
if (drivers.includes('postgres')) pairs.push(['pglite', 'postgres'], ['postgres', 'pglite']);

async function seeded(kind: DbKind): Promise<TestDb> {
  const db = await createTestDb(kind);
  await seedBackupFixture(db.db);
  return db;
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (err: AppError) => err.code,
  );

describe.each(pairs)('backup from %s, restore into %s', (from, to) => {
  let source: TestDb;
  let target: TestDb;
  const file = join(dir, `${from}-${to}.kehu.gz`);

  beforeAll(async () => {
    [source, target] = await Promise.all([seeded(from), createTestDb(to)]);
  });
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
  });

  it('restores every table with identical content', async () => {
    const progress: string[] = [];
    const { header, bytes } = await backupDatabase(source, file, {
      chunkRows: 2, // several chunks per table, and a parent customer in a later chunk than its child
      onProgress: (p) => progress.push(`${p.section.kind}:${p.section.table}:${p.done}`),
    });
    expect(bytes).toBeGreaterThan(0);
    expect(header).toMatchObject({
      source: from,
      skipped: SKIPPED_TABLES,
      migration: { tag: LATEST_MIGRATION },
    });
    expect(header.sections.find((s) => s.table === 'customers' && s.kind === 'rows')?.rows).toBe(4);
    expect(header.sections.find((s) => s.table === 'customers' && s.kind === 'links')?.rows).toBe(2);
    expect(progress).toContain('rows:customers:4');

    await ensureDefaultWorkspace(target.db); // what the CLI does on open: a lone default workspace is no data
    const restoredProgress: string[] = [];
    await restoreDatabase(target, file, {
      onProgress: (p) => restoredProgress.push(`${p.section.kind}:${p.section.table}:${p.done}`),
    });
    expect(restoredProgress).toEqual(progress);

    const [before, after] = (await Promise.all([readAllTables(source.db), readAllTables(target.db)])).map(
      stable,
    ) as [Tables, Tables];
    expect(after.sessions).toEqual([]);
    expect({ ...after, sessions: before.sessions }).toEqual(before);
    // Not in the file, yet the same: the triggers on customers rebuilt the derived name windows.
    expect(after.customer_name_windows?.length).toBeGreaterThan(0);
    expect(after.customer_order_days?.length).toBeGreaterThan(0); // and the metrics, by the triggers on orders
    for (const [table, rows] of Object.entries(before)) {
      const section = header.sections.find((s) => s.table === table && s.kind === 'rows');
      if (SKIPPED_TABLES.includes(table)) expect(section, table).toBeUndefined();
      else expect(section?.rows, table).toBe(rows.length);
    }
  });

  it('keeps exact values, read back as SQL text', async () => {
    const q = sql`select
      (select total_amount::text from orders where id = 1) as amount,
      (select name from customers where id = 1) as name,
      (select tags::text from customers where id = 1) as tags,
      (select custom_fields->>'级别' from customers where id = 3) as level,
      (select short_name from customers where id = 2) as short_name,
      (select city from customers where id = 2) as city,
      (select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') from activities where id = 1) as at`;
    const [row] = await queryRows(target.db, q);
    expect(row).toEqual({
      amount: '12345.67',
      name: '杭州西湖精细化工有限公司',
      tags: '{重点,"a,b","say \\"hi\\""}',
      level: 'A',
      short_name: '',
      city: null,
      at: '2024-03-01 08:30:15.123',
    });
  });

  it('moves every identity sequence past the restored ids', async () => {
    const [c] = await target.db
      .insert(customers)
      .values({ workspaceId: 1, code: 'NEW', name: '新客户', type: 'dealer', status: 'prospect' })
      .returning({ id: customers.id });
    expect(c!.id).toBe(8);
    const [w] = await target.db.insert(workspaces).values({ slug: 'w3', name: 'W3' }).returning();
    expect(w!.id).toBe(3);
  });

  it('refuses a database that holds data, unless forced', async () => {
    expect(await code(restoreDatabase(target, file))).toBe('target_not_empty');
    await restoreDatabase(target, file, { force: true });
    const rows = await queryRows<{ n: number }>(target.db, sql`select count(*)::int as n from customers`);
    expect(rows[0]!.n).toBe(4);
  });
});

describe('restore checks the file', () => {
  let db: TestDb;
  let good: Buffer;
  beforeAll(async () => {
    const source = await seeded('pglite');
    const file = join(dir, 'checks.kehu.gz');
    await backupDatabase(source, file);
    await source.close();
    good = readFileSync(file);
    db = await createTestDb('pglite');
  });
  afterAll(() => db?.close());

  const attempt = (name: string, content: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return code(restoreDatabase(db, file));
  };

  it('refuses files that are not Kehu backups, or truncated ones, and leaves the database as it was', async () => {
    expect(await attempt('plain.txt', Buffer.from('hello'))).toBe('unreadable');
    expect(await attempt('other.gz', gzipSync('{"format":"x"}\n'))).toBe('unreadable');
    const text = gunzipSync(good);
    expect(await attempt('cut.gz', gzipSync(text.subarray(0, text.length - 40)))).toBe('unreadable');
    expect(await attempt('cut-gzip.gz', good.subarray(0, good.length - 20))).toBe('unreadable');
    const rows = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from customers`);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a backup made by a newer Kehu', async () => {
    const text = gunzipSync(good).toString('utf8');
    const nl = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, nl));
    header.migration.createdAt += 1;
    header.migration.tag = '9999_future';
    const newer = gzipSync(`${JSON.stringify(header)}${text.slice(nl)}`);
    expect(await attempt('newer.gz', newer)).toBe('newer_backup');
  });
});
