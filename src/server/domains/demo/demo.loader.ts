/**
 * Set-wise bulk loading with COPY … FORMAT csv, in bounded chunks, inside one transaction (the COPY
 * session itself lives in src/db/bulk.ts). Generic over tables: the demo seeder and the benchmarks feed
 * it streams of plain row objects.
 */
import { type BulkSession, type CopyTable, csvLine, quoteIdent } from '../../../db/bulk';

export {
  type BulkSession,
  type CopyTable,
  copyTable,
  csvField,
  csvLine,
  pgTextArray,
  withBulkSession,
} from '../../../db/bulk';

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
