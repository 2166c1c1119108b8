/**
 * COPY … FORMAT csv inside one transaction, on either database: PGlite reads each chunk from
 * '/dev/blob'; the PostgreSQL server gets it over COPY FROM STDIN. Shared by the demo loader, the
 * import engine and the benchmarks.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { DbHandle, DbKind } from './client';
import { copyOutLines } from './copy-out';

/** A table as COPY sees it: its SQL name and the row-object keys mapped to column names, in order. */
export type CopyTable = { name: string; keys: readonly string[]; columns: readonly string[] };

/** Describes a Drizzle table for COPY; `keys` are the row objects' property names (Drizzle's). */
export function copyTable<R extends object>(table: PgTable, keys: readonly (keyof R & string)[]): CopyTable {
  const all = getTableColumns(table) as Record<string, { name: string }>;
  const columns = keys.map((key) => {
    const column = all[key];
    if (!column) throw new Error(`${getTableName(table)} has no column for key ${key}`);
    return column.name;
  });
  return { name: getTableName(table), keys, columns };
}

export type BulkSession = {
  kind: DbKind;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY one chunk of CSV lines (each ending in a newline; text, or its UTF-8 bytes) into a table. */
  copy(table: CopyTable, lines: readonly (string | Uint8Array)[]): Promise<void>;
  /**
   * The server only: `copy (sql) to stdout` streamed, each line to `onLine` (see copy-out.ts). PGlite's
   * COPY TO writes one blob of the whole result; read it through a cursor instead.
   */
  copyOut?: (sql: string, onLine: (line: string) => void) => Promise<void>;
  /**
   * The server only: ONE COPY fed from `chunks`, pulled as the connection drains, so that the next chunk is
   * made while the server takes in the last. PGlite reads each COPY from one blob: use copy per chunk.
   */
  copyStream?: (table: CopyTable, chunks: Iterable<Uint8Array>) => Promise<void>;
};

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function copySql(table: CopyTable, source: string): string {
  return `copy ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) from ${source} with (format csv)`;
}

function pgliteSession(tx: Transaction): BulkSession {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
    copy: async (table, lines) => {
      await tx.query(copySql(table, `'/dev/blob'`), [], { blob: new Blob(lines as BlobPart[]) });
    },
  };
}

function postgresSession(client: pg.PoolClient): BulkSession {
  return {
    kind: 'postgres',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    copy: async (table, lines) => {
      const sink = client.query(copyStreams.from(copySql(table, 'stdin')));
      const text = lines.every((l) => typeof l === 'string');
      await pipeline(Readable.from(text ? [lines.join('')] : lines), sink);
    },
    copyOut: (sql, onLine) => copyOutLines(client, sql, onLine),
    copyStream: async (table, chunks) => {
      const source = Readable.from(chunks, { highWaterMark: 2 }); // two chunks made ahead at most
      await pipeline(source, client.query(copyStreams.from(copySql(table, 'stdin'))));
    },
  };
}

/**
 * Runs `work` in one transaction: either every COPY of the run lands, or none does.
 * On PGlite the transaction holds the single connection until it ends (other queries wait).
 */
export async function withBulkSession<T>(handle: DbHandle, work: (s: BulkSession) => Promise<T>): Promise<T> {
  if (handle.kind === 'pglite') {
    if (!handle.bulk) throw new Error('PGlite handle without bulk transactions');
    return handle.bulk.transaction((tx) => work(pgliteSession(tx)));
  }
  if (!handle.pool) throw new Error('PostgreSQL handle without its pool');
  const client = await handle.pool.connect();
  try {
    await client.query('begin');
    const result = await work(postgresSession(client));
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

// --- CSV -------------------------------------------------------------------------------------------

const quoteCsv = (s: string) => `"${s.includes('"') ? s.replace(/"/g, '""') : s}"`;

/** A text[] literal: every element double-quoted, backslashes and quotes escaped. */
export function pgTextArray(items: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0) out += ',';
    out += item === null || item === undefined ? 'NULL' : `"${String(item).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** One value as a CSV field: NULL is an empty unquoted field, every string is quoted ("" is ''). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return quoteCsv(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cannot COPY ${value}`);
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value instanceof Date) return value.toISOString();
      if (Array.isArray(value)) return quoteCsv(pgTextArray(value));
      return quoteCsv(JSON.stringify(value)); // jsonb
  }
}

export function csvLine(table: CopyTable, row: object): string {
  const record = row as Record<string, unknown>;
  let line = '';
  for (let i = 0; i < table.keys.length; i++) {
    if (i > 0) line += ',';
    line += csvField(record[table.keys[i] as string]);
  }
  return `${line}\n`;
}

/**
 * Skips the per-row foreign-key triggers for the rest of the transaction (session_replication_role =
 * replica), which roughly halves COPY time of child tables. Needs superuser or the SET privilege on
 * that parameter; returns false (and changes nothing) without it. Callers must then run
 * validateForeignKeys before committing: with the triggers off, nothing else checks the rows.
 */
export async function skipForeignKeyTriggers(session: BulkSession): Promise<boolean> {
  await session.query('savepoint kehu_replica_role');
  try {
    await session.query('set local session_replication_role = replica');
    await session.query('release savepoint kehu_replica_role');
    return true;
  } catch {
    await session.query('rollback to savepoint kehu_replica_role');
    await session.query('release savepoint kehu_replica_role');
    return false;
  }
}
