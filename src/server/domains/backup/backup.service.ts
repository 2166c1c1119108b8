import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { pipeline as pipelineCb, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { DbHandle } from '../../../db/client';
import { backupErrors, unreadable } from './backup.errors';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  BackupReader,
  type BackupSection,
  END_LINE,
  frameLine,
  headerLine,
} from './backup.format';
import { kehuVersion, latestMigration } from './backup.meta';
import { type CopySession, inCopyTransaction } from './backup.session';
import {
  allTablePlans,
  backupTablePlans,
  ident,
  identList,
  literal,
  SKIPPED_TABLES,
  type TablePlan,
} from './backup.tables';

export type BackupProgress = { section: BackupSection; index: number; done: number };
export type BackupOptions = {
  /** Rows per COPY chunk; bounds the memory a table of any size needs. */
  chunkRows?: number;
  onStart?: (header: BackupHeader) => void;
  onProgress?: (progress: BackupProgress) => void;
};
export type BackupSummary = { file: string; bytes: number; header: BackupHeader };
export type RestoreOptions = {
  /** Delete whatever the target holds first, instead of refusing a non-empty database. */
  force?: boolean;
  onStart?: (header: BackupHeader) => void;
  onProgress?: (progress: BackupProgress) => void;
};

const DEFAULT_CHUNK_ROWS = 5000;
const anyNotNull = (columns: readonly string[]) => columns.map((c) => `${ident(c)} is not null`).join(' or ');

async function planSections(s: CopySession, plans: TablePlan[]): Promise<BackupSection[]> {
  const count = async (table: string, where = 'true') =>
    Number(
      (await s.rows<{ n: string }>(`select count(*)::text as n from ${ident(table)} where ${where}`))[0]!.n,
    );
  const sections: BackupSection[] = [];
  for (const p of plans) {
    const columns = p.columns.filter((c) => !p.selfRefs.includes(c));
    sections.push({ kind: 'rows', table: p.name, columns, key: p.key, rows: await count(p.name) });
  }
  for (const p of plans.filter((t) => t.selfRefs.length > 0)) {
    const rows = await count(p.name, anyNotNull(p.selfRefs));
    sections.push({ kind: 'links', table: p.name, columns: [...p.key, ...p.selfRefs], key: p.key, rows });
  }
  return sections;
}

/** One section's rows as CSV pieces of at most `chunkRows` rows, walking the primary key. */
async function* sectionChunks(s: CopySession, sec: BackupSection, chunkRows: number) {
  const key = identList(sec.key);
  const filter = sec.kind === 'links' ? `(${anyNotNull(sec.columns.slice(sec.key.length))})` : 'true';
  const keyText = sec.key.map((c, i) => `${ident(c)}::text as k${i}`).join(', ');
  let after: string | null = null;
  let done = 0;
  while (done < sec.rows) {
    const from: string = after ? `${filter} and (${key}) > (${after})` : filter;
    const [bound] = await s.rows<Record<string, string>>(
      `select ${keyText} from ${ident(sec.table)} where ${from} order by ${key} offset ${chunkRows - 1} limit 1`,
    );
    const upTo: string | null = bound ? sec.key.map((_, i) => literal(bound[`k${i}`]!)).join(', ') : null;
    const where = upTo ? `${from} and (${key}) <= (${upTo})` : from;
    const data = await s.copyOut(
      `select ${identList(sec.columns)} from ${ident(sec.table)} where ${where} order by ${key}`,
    );
    const rows = upTo ? chunkRows : sec.rows - done;
    yield { rows, data };
    done += rows;
    if (!upTo) return;
    after = upTo;
  }
}

async function* backupStream(s: CopySession, header: BackupHeader, opts: BackupOptions) {
  yield headerLine(header);
  const chunkRows = Math.max(1, opts.chunkRows ?? DEFAULT_CHUNK_ROWS);
  for (const [index, section] of header.sections.entries()) {
    let done = 0;
    opts.onProgress?.({ section, index, done });
    for await (const { rows, data } of sectionChunks(s, section, chunkRows)) {
      yield frameLine(index, rows, data.length);
      yield data;
      done += rows;
      opts.onProgress?.({ section, index, done });
    }
  }
  yield END_LINE;
}

/**
 * Writes a logical backup of every table (sessions excepted) to `file`: gzip, a JSON header, then
 * each table as CSV from COPY, chunked along its primary key. Reads one consistent snapshot; the file
 * appears only when complete. Restores into either driver.
 */
export async function backupDatabase(
  handle: DbHandle,
  file: string,
  opts: BackupOptions = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial-${process.pid}`;
  try {
    const header = await inCopyTransaction(handle, 'read', async (s) => {
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        kehuVersion: kehuVersion(),
        createdAt: new Date().toISOString(),
        source: handle.kind,
        migration: await latestMigration(s),
        skipped: [...SKIPPED_TABLES],
        sections: await planSections(s, backupTablePlans()),
      };
      opts.onStart?.(header);
      await pipeline(backupStream(s, header, opts), createGzip(), createWriteStream(partial));
      return header;
    });
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, header };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

function checkSections(header: BackupHeader, targets: Map<string, TablePlan>) {
  for (const sec of header.sections) {
    const plan = targets.get(sec.table);
    if (!plan) throw backupErrors.error('unknown_column', { what: `table ${sec.table}` });
    const missing = sec.columns.find((c) => !plan.columns.includes(c));
    if (missing) throw backupErrors.error('unknown_column', { what: `column ${sec.table}.${missing}` });
  }
}

async function checkEmpty(s: CopySession, plans: TablePlan[]) {
  for (const p of plans) {
    if (p.name === 'security_events') continue; // failed logins are logged even in an empty database
    const limit = p.name === 'workspaces' ? 1 : 0; // the default workspace Kehu creates at start-up
    const [row] = await s.rows<{ n: string }>(
      `select count(*)::text as n from (select 1 from ${ident(p.name)} limit ${limit + 1}) t`,
    );
    if (Number(row!.n) > limit) throw backupErrors.error('target_not_empty', { table: p.name });
  }
}

async function restoreLinks(s: CopySession, sec: BackupSection, pieces: AsyncIterable<Buffer>) {
  const temp = 'kehu_restore_links';
  const refs = sec.columns.slice(sec.key.length);
  await s.exec(
    `create temp table ${temp} on commit drop as select ${identList(sec.columns)} from ${ident(sec.table)} with no data`,
  );
  await s.copyIn(temp, sec.columns, pieces);
  const set = refs.map((c) => `${ident(c)} = l.${ident(c)}`).join(', ');
  const on = sec.key.map((c) => `t.${ident(c)} = l.${ident(c)}`).join(' and ');
  await s.exec(`update ${ident(sec.table)} t set ${set} from ${temp} l where ${on}; drop table ${temp}`);
}

async function verifyCount(s: CopySession, sec: BackupSection) {
  const where = sec.kind === 'links' ? anyNotNull(sec.columns.slice(sec.key.length)) : 'true';
  const [row] = await s.rows<{ n: string }>(
    `select count(*)::text as n from ${ident(sec.table)} where ${where}`,
  );
  if (Number(row!.n) !== sec.rows) {
    throw backupErrors.error('count_mismatch', { table: sec.table, expected: sec.rows, actual: row!.n });
  }
}

function openBackup(file: string): Readable {
  return pipelineCb(createReadStream(file), createGunzip(), () => {});
}

/**
 * Loads a backup into a migrated database, in one transaction: refuses a database that holds data
 * unless `force` (then empties it), copies every table in foreign-key order, checks the row counts
 * and moves each identity sequence past the largest id.
 */
export async function restoreDatabase(
  handle: DbHandle,
  file: string,
  opts: RestoreOptions = {},
): Promise<BackupHeader> {
  const input = openBackup(file);
  try {
    const reader = BackupReader.from(input);
    const header = await reader.header();
    const plans = allTablePlans();
    checkSections(header, new Map(plans.map((p) => [p.name, p])));
    return await inCopyTransaction(handle, 'write', async (s) => {
      const target = await latestMigration(s);
      if (header.migration && (!target || header.migration.createdAt > target.createdAt)) {
        const name = (m: typeof target) => (m ? (m.tag ?? String(m.createdAt)) : 'none');
        throw backupErrors.error('newer_backup', { backup: name(header.migration), target: name(target) });
      }
      if (!opts.force) await checkEmpty(s, plans);
      await s.exec(`truncate ${identList(plans.map((p) => p.name))} restart identity cascade`);
      opts.onStart?.(header);
      for (const [index, section] of header.sections.entries()) {
        let done = 0;
        opts.onProgress?.({ section, index, done });
        const pieces = (async function* () {
          for await (const frame of reader.frames(index)) {
            yield frame.data;
            done += frame.rows;
            opts.onProgress?.({ section, index, done });
          }
        })();
        if (section.kind === 'rows') await s.copyIn(section.table, section.columns, pieces);
        else await restoreLinks(s, section, pieces);
        await verifyCount(s, section);
      }
      await reader.finish();
      for (const p of plans.filter((t) => t.identity)) {
        const seq = `pg_get_serial_sequence(${literal(ident(p.name))}, ${literal(p.identity!)})`;
        await s.rows(
          `select setval(${seq}, coalesce(max(${ident(p.identity!)}), 0) + 1, false) from ${ident(p.name)}`,
        );
      }
      return header;
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR') throw unreadable('it is not a gzip file');
    if (code === 'Z_BUF_ERROR') throw unreadable('the file is truncated');
    throw err;
  } finally {
    input.destroy();
  }
}
