import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle, type DbKind } from './client';
import { migrate } from './migrate';

/** The admin URL of the PostgreSQL server used by tests; each test database is created beside it. */
export const testServerUrl = process.env.KEHU_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let serverReachable: Promise<boolean> | undefined;

export function isTestServerReachable(): Promise<boolean> {
  serverReachable ??= (async () => {
    const client = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      if (process.env.KEHU_REQUIRE_PG === '1') {
        throw new Error(`KEHU_REQUIRE_PG=1 but the PostgreSQL server at ${testServerUrl} is not reachable`);
      }
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return serverReachable;
}

/** The drivers a suite should run on: PGlite always, the server when it answers (always in CI). */
export async function testDrivers(): Promise<DbKind[]> {
  return (await isTestServerReachable()) ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteImage: Promise<Blob> | undefined;

// Migrating a fresh PGlite takes seconds; every test database is a copy of one migrated image.
async function migratedPgliteImage(): Promise<Blob> {
  pgliteImage ??= (async () => {
    const handle = await createDb({});
    await migrate(handle);
    const blob = await handle.pglite!.dumpDataDir('none');
    await handle.close();
    return blob;
  })();
  return pgliteImage;
}

export type TestDb = DbHandle & { url?: string };

/** A fresh, migrated database of its own: PGlite in memory, or a new database on the server. */
export async function createTestDb(kind: DbKind = 'pglite'): Promise<TestDb> {
  if (kind === 'pglite') {
    return createDb({ loadDataDir: await migratedPgliteImage() });
  }
  const name = `kehu_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testServerUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(handle);
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: testServerUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
