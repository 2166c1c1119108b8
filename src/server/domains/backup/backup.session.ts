import { pipeline } from 'node:stream/promises';
import type { Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DbHandle, DbKind } from '../../../db/client';
import { ident, identList } from './backup.tables';

/**
 * One transaction on either driver, with raw SQL and COPY in CSV. PGlite copies through its
 * `/dev/blob` device (one blob per statement); PostgreSQL through COPY … TO STDOUT / FROM STDIN streams.
 */
export type CopySession = {
  kind: DbKind;
  rows<T>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  /** `COPY (query) TO … (FORMAT csv)`, the whole result in memory: keep the query bounded. */
  copyOut(query: string): Promise<Buffer>;
  /**
   * `COPY table (columns) FROM … (FORMAT csv)` with the CSV given in pieces that each end on a row
   * boundary. PGlite runs one COPY per piece; PostgreSQL one COPY for all of them.
   */
  copyIn(table: string, columns: readonly string[], pieces: AsyncIterable<Buffer>): Promise<void>;
};

const csv = 'WITH (FORMAT csv)';

function pgliteSession(tx: Transaction): CopySession {
  return {
    kind: 'pglite',
    rows: async <T>(sql: string) => (await tx.query<T>(sql)).rows,
    exec: async (sql) => {
      await tx.exec(sql);
    },
    copyOut: async (query) => {
      const res = await tx.query(`COPY (${query}) TO '/dev/blob' ${csv}`, [], {});
      return res.blob ? Buffer.from(await res.blob.arrayBuffer()) : Buffer.alloc(0);
    },
    copyIn: async (table, columns, pieces) => {
      const statement = `COPY ${ident(table)} (${identList(columns)}) FROM '/dev/blob' ${csv}`;
      for await (const piece of pieces) {
        if (piece.length > 0)
          await tx.query(statement, [], { blob: new Blob([piece as Uint8Array<ArrayBuffer>]) });
      }
    },
  };
}

function postgresSession(client: pg.PoolClient): CopySession {
  return {
    kind: 'postgres',
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    exec: async (sql) => {
      await client.query(sql);
    },
    copyOut: async (query) => {
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT ${csv}`))) {
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks);
    },
    copyIn: async (table, columns, pieces) => {
      const sink = client.query(copyFrom(`COPY ${ident(table)} (${identList(columns)}) FROM STDIN ${csv}`));
      await pipeline(pieces, sink);
    },
  };
}

/**
 * Runs `fn` in one transaction: a repeatable-read snapshot when reading (PostgreSQL; PGlite is one
 * connection, so nothing else runs meanwhile). Date output is pinned to ISO so the CSV reads back anywhere.
 */
export async function inCopyTransaction<T>(
  handle: DbHandle,
  mode: 'read' | 'write',
  fn: (session: CopySession) => Promise<T>,
): Promise<T> {
  const settings = `SET LOCAL datestyle = 'ISO, YMD'; SET LOCAL timezone = 'UTC'; SET LOCAL intervalstyle = 'postgres'; SET LOCAL extra_float_digits = 3;`;
  if (handle.kind === 'pglite') {
    if (!handle.pglite) throw new Error('The embedded database handle has no PGlite instance');
    return handle.pglite.transaction(async (tx) => {
      await tx.exec(settings);
      return fn(pgliteSession(tx));
    });
  }
  if (!handle.pool) throw new Error('The PostgreSQL handle has no pool');
  const client = await handle.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(mode === 'read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    await client.query(settings);
    const result = await fn(postgresSession(client));
    await client.query('COMMIT');
    return result;
  } catch (err) {
    // A COPY cut short can leave the connection unusable: drop it from the pool rather than reuse it.
    await client.query('ROLLBACK').catch((e: Error) => {
      broken = e;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
