import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Command, Option } from 'commander';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../server/errors';
import { createServices } from '../../server/services';
import type { Actor } from '../../shared/auth/roles';
import { LOCALES, type Locale } from '../../shared/common/locale';
import {
  EXPORT_ENTITIES,
  EXPORT_FORMATS,
  type ExportEntity,
  type ExportFormat,
} from '../../shared/exports/export.schema';
import { CliError, type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';
import { count, fileSize, rowCounter } from './progress';

export type ExportCliOptions = DbCliOptions & {
  format?: string;
  out: string;
  view?: string;
  lang?: string;
  as?: string;
  force?: boolean;
  lines?: boolean;
};

/** The user the export reads as: `--as` (an active user of the workspace), else its first admin. */
async function actorOf(handle: DbHandle, workspaceId: number, email?: string): Promise<Actor> {
  const [row] = await handle.db
    .select({
      userId: users.id,
      workspaceId: users.workspaceId,
      role: users.role,
      branchId: users.branchId,
      email: users.email,
      name: users.name,
    })
    .from(users)
    .where(
      and(
        eq(users.workspaceId, workspaceId),
        eq(users.active, true),
        email === undefined ? eq(users.role, 'admin') : sql`lower(${users.email}) = lower(${email})`,
      ),
    )
    .orderBy(asc(users.id))
    .limit(1);
  if (row) return row;
  throw new CliError(
    email === undefined
      ? 'The workspace has no active admin to export as; add one with `kehu user add` or pass --as EMAIL.'
      : `No active user with the e-mail ${email} in the workspace.`,
  );
}

/** The options checked before the database opens, so a typo does not wait for it. */
export function parseExportOptions(entity: string, o: ExportCliOptions) {
  if (!(EXPORT_ENTITIES as readonly string[]).includes(entity))
    throw new CliError(`Cannot export "${entity}": choose one of ${EXPORT_ENTITIES.join(', ')}.`);
  const format = (o.format ?? o.out.split('.').pop()?.toLowerCase() ?? 'csv') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format))
    throw new CliError(`--format: csv or xlsx (or an --out file ending in .csv or .xlsx), not "${format}".`);
  const view = o.view === undefined ? undefined : Number(o.view);
  if (view !== undefined && !(Number.isSafeInteger(view) && view > 0))
    throw new CliError(`--view: a saved view's number, not "${o.view}".`);
  const path = resolve(o.out);
  if (existsSync(path) && !o.force)
    throw new CliError(`${path} already exists; pass --force to overwrite it.`);
  if (o.lines && entity !== 'orders') throw new CliError('--lines: only orders have lines.');
  return {
    entity: entity as ExportEntity,
    format,
    view,
    path,
    lang: (o.lang ?? 'zh-CN') as Locale,
    lines: Boolean(o.lines),
  };
}

/**
 * Writes the export to `path` through a `.part` file renamed at the end, so a failed or interrupted
 * export never leaves a file that looks whole. Answers the rows written.
 */
export async function exportToFile(
  handle: DbHandle,
  workspaceId: number,
  options: ReturnType<typeof parseExportOptions> & { as?: string; onProgress?: (rows: number) => void },
): Promise<{ rows: number; bytes: number; actor: Actor }> {
  const actor = await actorOf(handle, workspaceId, options.as);
  const services = createServices(handle);
  const file = await services.exports
    .file(
      actor,
      options.entity,
      { format: options.format, view: options.view, lines: options.lines, onProgress: options.onProgress },
      options.lang,
    )
    .catch((err: unknown) => {
      if (options.view !== undefined && err instanceof AppError && err.status === 404)
        throw new CliError(
          `${actor.email} has no saved view ${options.view} of ${options.entity}; pass --as the e-mail of its owner.`,
        );
      throw err;
    });
  const part = `${options.path}.part`;
  const out = createWriteStream(part);
  try {
    await pipeline(Readable.from(file.chunks), out);
    await rename(part, options.path);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
  return { rows: file.rows(), bytes: out.bytesWritten, actor };
}

export async function runExport(entity: string, o: ExportCliOptions): Promise<void> {
  const options = parseExportOptions(entity, o);
  await withContext(o, async ({ handle, workspaceId }) => {
    const counter = rowCounter(`Exporting ${options.entity}`, 50_000);
    const result = await exportToFile(handle, workspaceId, {
      ...options,
      as: o.as,
      onProgress: (rows) => counter.update(rows),
    }).finally(() => counter.stop());
    console.log(
      `${count(result.rows)} rows written to ${options.path} (${options.format.toUpperCase()}, ` +
        `${fileSize(result.bytes)}), as ${result.actor.email}.`,
    );
  });
}

export function exportCommand(): Command {
  return new Command('export')
    .description(
      'write every row of a list (with a saved view: its filters, search and sort) to a CSV or XLSX file, ' +
        'streamed; reads as the first admin, or as the user given with --as (their visibility)',
    )
    .argument('<list>', EXPORT_ENTITIES.join(' | '))
    .addOption(
      new Option('--format <format>', 'file format (default: from the --out name, else csv)').choices(
        EXPORT_FORMATS,
      ),
    )
    .requiredOption('--out <file>', 'the file to write, e.g. customers.xlsx')
    .option('--view <id>', "a saved view's number: export its query (the view must belong to the user)")
    .addOption(new Option('--lang <lang>', "the header row's language").choices(LOCALES).default('zh-CN'))
    .option('--as <email>', 'read as this user, seeing what they may see')
    .option('--lines', 'orders: one row per order line instead of one per order')
    .option('--force', 'overwrite the file when it exists')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((list: string, _o: ExportCliOptions, cmd: Command) => runExport(list, cmd.optsWithGlobals()));
}
