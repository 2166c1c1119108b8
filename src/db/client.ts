import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { startPgliteWorker } from './pglite-worker/client';
import { enablePlanCache } from './plan-cache';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type DbHandle = {
  db: Db;
  kind: DbKind;
  /** The PGlite instance in embedded mode on this thread (for dumps). */
  pglite?: PGlite;
  /** Embedded mode, on this thread or the worker: transactions whose queries may COPY from a blob. */
  bulk?: Pick<PGlite, 'transaction'>;
  /** The pool in server mode. */
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type DbOptions = {
  /** PostgreSQL server URL; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Data folder of the embedded database; in-memory when absent. */
  dataDir?: string;
  /** A database image (from dumpDataDir) to start the embedded database from. */
  loadDataDir?: Blob;
  poolSize?: number;
  /**
   * Embedded only: run the database on a worker thread, so that it works while the event loop handles HTTP
   * (for `kehu start`). Bulk work (COPY, dumps) needs PGlite on this thread and is not offered then.
   */
  worker?: boolean;
  /**
   * Embedded, on this thread: PostgreSQL's shared_buffers (default 128MB, all of it resident once used).
   * A short bulk process such as `kehu import` gains little from a big cache and keeps its memory down.
   */
  sharedBuffers?: string;
};

// Numeric and bigint values come back as strings from pg; money stays exact that way.
export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    pool.on('error', () => {}); // an idle client dropped by the server must not crash the process
    const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
    enablePlanCache(db, { pool });
    return { db, kind: 'postgres', pool, close: () => pool.end() };
  }
  let lock: DataDirLock | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDataDirLock(options.dataDir);
  }
  try {
    if (options.worker && options.dataDir) {
      const client = await startPgliteWorker(`${options.dataDir}/pgdata`);
      const db = drizzlePglite({ client: client as unknown as PGlite, schema }) as unknown as Db;
      enablePlanCache(db, { pglite: client });
      return {
        db,
        kind: 'pglite',
        bulk: client,
        close: async () => {
          await client.close();
          lock?.release();
        },
      };
    }
    const pglite = await PGlite.create({
      dataDir: options.dataDir ? `${options.dataDir}/pgdata` : undefined,
      loadDataDir: options.loadDataDir,
      extensions: { pg_trgm },
      ...(options.sharedBuffers
        ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${options.sharedBuffers}`] }
        : {}),
    });
    const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
    enablePlanCache(db, { pglite });
    return {
      db,
      kind: 'pglite',
      pglite,
      bulk: pglite,
      close: async () => {
        await pglite.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}
