/**
 * Set-wise bulk loading with COPY … FORMAT csv, in bounded chunks, inside one transaction:
 * PGlite reads each chunk from '/dev/blob'; the PostgreSQL server gets it over COPY FROM STDIN.
 * Generic over tables: the demo seeder and the benchmarks feed it streams of plain row objects.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Transaction } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { DbHandle, DbKind } from '../../../db/client';

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

/** One table or a parent with its children: each item yields rows for one or more of the tables. */
export type LoadGroup<T> = {
  tables: readonly CopyTable[];
  /** Expected row counts per table (progress only; children may be estimates). */
  totals: readonly number[];
  items: Iterable<T>;
  /** Calls `out(tableIndex, row)` for every row the item contributes, parents before children. */
  split(item: T, out: (table: number, row: object) => void): void;
};

export type LoadProgress = { table: string; done: number; total: number };

export type BulkSession = {
  kind: DbKind;
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY one chunk of CSV lines (each ending in a newline) into a table. */
  copy(table: CopyTable, lines: readonly string[]): Promise<void>;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

function copySql(table: CopyTable, source: string): string {
  return `copy ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) from ${source} with (format csv)`;
}

function pgliteSession(tx: Transaction): BulkSession {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params: unknown[] = []) => (await tx.query<T>(text, params)).rows,
    copy: async (table, lines) => {
      await tx.query(copySql(table, `'/dev/blob'`), [], { blob: new Blob(lines as string[]) });
    },
  };
}

function postgresSession(client: pg.PoolClient): BulkSession {
  return {
    kind: 'postgres',
    query: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
    copy: async (table, lines) => {
      const sink = client.query(copyStreams.from(copySql(table, 'stdin')));
      await pipeline(Readable.from([lines.join('')]), sink);
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

// --- loading ---------------------------------------------------------------------------------------

export type LoadOptions = {
  /** Rows buffered per table before a COPY; bounds memory. */
  chunkRows?: number;
  onProgress?: (p: LoadProgress) => void;
};

/** Streams a group into its tables in chunks; returns the rows written per table. */
export async function loadGroup<T>(session: BulkSession, group: LoadGroup<T>, options: LoadOptions = {}) {
  const chunkRows = options.chunkRows ?? 50_000;
  const buffers: string[][] = group.tables.map(() => []);
  const done = group.tables.map(() => 0);
  const report = (i: number, final = false) =>
    options.onProgress?.({
      table: group.tables[i]?.name as string,
      done: done[i] as number,
      total: final ? (done[i] as number) : Math.max(done[i] as number, group.totals[i] ?? 0),
    });
  const flush = async () => {
    for (const [i, table] of group.tables.entries()) {
      const lines = buffers[i] as string[];
      if (lines.length === 0) continue;
      await session.copy(table, lines);
      done[i] = (done[i] as number) + lines.length;
      buffers[i] = [];
      report(i);
    }
  };
  const out = (i: number, row: object) => {
    (buffers[i] as string[]).push(csvLine(group.tables[i] as CopyTable, row));
  };
  for (const [i] of group.tables.entries()) report(i);
  for (const item of group.items) {
    group.split(item, out);
    if (buffers.some((b) => b.length >= chunkRows)) await flush();
  }
  await flush();
  for (const [i] of group.tables.entries()) report(i, true);
  return done;
}

// --- identities ------------------------------------------------------------------------------------

/**
 * Reserves `count` ids of a table's identity: returns base such that base+1 … base+count are free
 * (above every existing row and every value the sequence has handed out) and moves the sequence past
 * them, so concurrent ordinary inserts cannot collide with the loaded rows. Sequences ignore rollback:
 * a failed load leaves a gap, never a clash.
 */
export async function reserveIds(session: BulkSession, table: string, count: number): Promise<number> {
  const t = quoteIdent(table);
  const [row] = await session.query<{ base: string }>(
    `select greatest((select coalesce(max(id), 0) from ${t}), nextval(pg_get_serial_sequence($1, 'id')))::text as base`,
    [table],
  );
  const base = Number(row?.base ?? 0);
  if (count > 0)
    await session.query(`select setval(pg_get_serial_sequence($1, 'id'), $2::bigint)`, [table, base + count]);
  return base;
}

/** Moves a table's identity sequence past max(id) (never backwards); for rows loaded with explicit ids. */
export async function bumpIdentity(session: BulkSession, table: string): Promise<void> {
  const t = quoteIdent(table);
  await session.query(
    `select setval(s, m) from (
       select pg_get_serial_sequence($1, 'id') as s, (select max(id) from ${t}) as m
     ) x where m is not null and m > coalesce(pg_sequence_last_value(s::regclass), 0)`,
    [table],
  );
}

// --- foreign keys ----------------------------------------------------------------------------------

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

type ForeignKey = { name: string; child: string; parent: string; childCols: string[]; parentCols: string[] };

/**
 * Checks every foreign key of `tables` set-wise (one anti-join each) and throws on the first
 * violation; limited to one workspace's rows when given. Restores normal trigger behaviour first.
 */
export async function validateForeignKeys(
  session: BulkSession,
  tables: readonly string[],
  workspaceId?: number,
): Promise<void> {
  await session.query('set local session_replication_role = origin');
  const fks = await session.query<ForeignKey>(
    `select con.conname as name, cl.relname as child, pl.relname as parent,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(n, o)
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.o) as "childCols",
            array(select a.attname::text from unnest(con.confkey) with ordinality k(n, o)
                  join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.o) as "parentCols"
       from pg_constraint con
       join pg_class cl on cl.oid = con.conrelid
       join pg_class pl on pl.oid = con.confrelid
      where con.contype = 'f' and cl.relnamespace = 'public'::regnamespace and cl.relname = any($1::text[])
      order by con.conname`,
    [tables],
  );
  for (const fk of fks) {
    const notNull = fk.childCols.map((c) => `c.${quoteIdent(c)} is not null`).join(' and ');
    const join = fk.childCols.map(
      (c, i) => `p.${quoteIdent(fk.parentCols[i] as string)} = c.${quoteIdent(c)}`,
    );
    const scope =
      workspaceId !== undefined && fk.childCols.includes('workspace_id') ? 'and c.workspace_id = $1' : '';
    const [bad] = await session.query<{ found: boolean }>(
      `select exists (
         select 1 from ${quoteIdent(fk.child)} c
          where ${notNull} ${scope}
            and not exists (select 1 from ${quoteIdent(fk.parent)} p where ${join.join(' and ')})
       ) as found`,
      scope ? [workspaceId] : [],
    );
    if (bad?.found) throw new Error(`bulk load broke foreign key ${fk.name} (${fk.child} → ${fk.parent})`);
  }
}

// --- secondary indexes -----------------------------------------------------------------------------

export type IndexDefinition = { name: string; table: string; definition: string };

/**
 * Drops the plain secondary indexes of `tables` (not primary keys, unique or constraint indexes, which
 * keep guarding the load) and returns their definitions for recreateIndexes. Building an index once
 * after the load is several times cheaper than maintaining it row by row (GIN trigram indexes most of
 * all). DROP INDEX locks the table until commit and the rebuild covers every row of the table, so
 * callers use this only when the tables start empty; a rollback restores the indexes.
 */
export async function dropSecondaryIndexes(
  session: BulkSession,
  tables: readonly string[],
): Promise<IndexDefinition[]> {
  const indexes = await session.query<IndexDefinition>(
    `select i.relname as name, t.relname as "table", pg_get_indexdef(x.indexrelid) as definition
       from pg_index x
       join pg_class i on i.oid = x.indexrelid
       join pg_class t on t.oid = x.indrelid
      where t.relnamespace = 'public'::regnamespace and t.relname = any($1::text[])
        and not x.indisprimary and not x.indisunique
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
      order by t.relname, i.relname`,
    [tables],
  );
  for (const index of indexes) await session.query(`drop index ${quoteIdent(index.name)}`);
  return indexes;
}

export async function recreateIndexes(
  session: BulkSession,
  indexes: readonly IndexDefinition[],
  onProgress?: (p: LoadProgress) => void,
): Promise<void> {
  if (indexes.length === 0) return;
  if (session.kind === 'postgres') await session.query(`set local maintenance_work_mem = '256MB'`);
  for (const [i, index] of indexes.entries()) {
    onProgress?.({ table: 'indexes', done: i, total: indexes.length });
    await session.query(index.definition);
  }
  onProgress?.({ table: 'indexes', done: indexes.length, total: indexes.length });
}

/** True when none of the tables has a row (in any workspace). */
export async function tablesEmpty(session: BulkSession, tables: readonly string[]): Promise<boolean> {
  const probes = tables.map((t) => `not exists (select 1 from ${quoteIdent(t)})`).join(' and ');
  const [row] = await session.query<{ empty: boolean }>(`select ${probes} as empty`);
  return row?.empty === true;
}
