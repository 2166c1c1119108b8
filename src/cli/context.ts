import { resolve } from 'node:path';
import { Option } from 'commander';
import { ensureDefaultWorkspace } from '../db/bootstrap';
import { createDb, type DbHandle, type DbOptions } from '../db/client';
import { DataDirLockedError } from '../db/lock';
import { migrate } from '../db/migrate';
import { AppError } from '../server/errors';

export const DEFAULT_DATA_DIR = './data/kehu';
export const DEMO_DATA_DIR = './data/demo';

/** Options every command that opens the database accepts. */
export type DbCliOptions = { dataDir?: string; databaseUrl?: string };

export const dataDirOption = () =>
  new Option('--data-dir <dir>', `folder of the embedded database (default: ${DEFAULT_DATA_DIR})`).env(
    'KEHU_DATA_DIR',
  );
export const databaseUrlOption = () =>
  new Option('--database-url <url>', 'use this PostgreSQL server instead of the embedded database').env(
    'DATABASE_URL',
  );

/** A failure the user can act on: printed as its message alone, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export type CliContext = {
  handle: DbHandle;
  /** The default (first) workspace: the one CLI commands act on. */
  workspaceId: number;
  /** Which database is open, for people: "embedded database in /…" or "PostgreSQL server at …". */
  description: string;
  /** The embedded database's folder (absent for a server). */
  dataDir?: string;
  close(): Promise<void>;
};

/** The server URL with its password hidden, fit to print. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL server in DATABASE_URL';
  }
}

/** Opens the database (embedded unless a server URL is given), migrates it and ensures a workspace. */
export async function openContext(
  options: DbCliOptions,
  settings: {
    defaultDataDir?: string;
    log?: (line: string) => void;
    /** How the embedded database is opened (e.g. a smaller cache for a short bulk command). */
    embedded?: Pick<DbOptions, 'sharedBuffers'>;
  } = {},
): Promise<CliContext> {
  const log = settings.log ?? ((line: string) => console.error(line));
  let handle: DbHandle;
  let description: string;
  let dataDir: string | undefined;
  if (options.databaseUrl) {
    description = `PostgreSQL server at ${redactUrl(options.databaseUrl)}`;
    handle = await createDb({ databaseUrl: options.databaseUrl });
  } else {
    dataDir = resolve(options.dataDir ?? settings.defaultDataDir ?? DEFAULT_DATA_DIR);
    description = `embedded database (PGlite) in ${dataDir}`;
    handle = await createDb({ ...settings.embedded, dataDir });
  }
  try {
    log(`Database: ${description}`);
    await migrate(handle);
    const workspaceId = await ensureDefaultWorkspace(handle.db);
    return { handle, workspaceId, description, dataDir, close: () => handle.close() };
  } catch (err) {
    await handle.close().catch(() => {});
    if (options.databaseUrl && isConnectionError(err)) {
      throw new CliError(`Cannot reach the ${description}: ${(err as Error).message}`);
    }
    throw err;
  }
}

/**
 * For serving: the embedded database, migrated and set up on this thread, reopened on a worker thread so
 * that queries and HTTP work overlap (see db/pglite-worker). KEHU_PGLITE_WORKER=off keeps it here.
 */
export async function reopenOnWorker(ctx: CliContext): Promise<CliContext> {
  if (!ctx.dataDir || process.env.KEHU_PGLITE_WORKER === 'off') return ctx;
  await ctx.close();
  const handle = await createDb({ dataDir: ctx.dataDir, worker: true });
  return { ...ctx, handle, close: () => handle.close() };
}

function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', '3D000', '28P01', '28000'].includes(code)
  );
}

/** Opens the database, runs `fn`, closes the database whatever happens. */
export async function withContext<T>(
  options: DbCliOptions,
  fn: (ctx: CliContext) => Promise<T>,
  settings?: Parameters<typeof openContext>[1],
): Promise<T> {
  const ctx = await openContext(options, settings);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** What the user sees for an error, and the exit code. Expected failures print no stack trace. */
export function describeError(err: unknown): { message: string; exitCode: number } {
  if (err instanceof CliError) return { message: err.message, exitCode: err.exitCode };
  if (err instanceof DataDirLockedError || (err as Error | null)?.name === 'DataDirLockedError') {
    return { message: (err as Error).message, exitCode: 1 };
  }
  if (err instanceof AppError) {
    const fields = (err.fieldErrors ?? []).map((f) => `\n  ${f.field}: ${f.message}`).join('');
    return { message: `${err.localizedMessage('en')}${fields}`, exitCode: 1 };
  }
  const e = err as Error | null;
  if (process.env.KEHU_DEBUG) return { message: e?.stack ?? String(err), exitCode: 1 };
  return { message: `${e?.message ?? String(err)}\n(set KEHU_DEBUG=1 for the stack trace)`, exitCode: 1 };
}
