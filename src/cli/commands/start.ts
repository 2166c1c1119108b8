import { Command, Option } from 'commander';
import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { customers, users } from '../../db/schema';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../server/domains/demo/demo.org';
import { DEMO_DEFAULT_CUSTOMERS, DEMO_DEFAULT_SEED } from '../../server/domains/demo/demo.service';
import { closeOnSignal, type RunningServer, serve } from '../../server/serve';
import { buildWeb, WEB_DIST, webBuildIsStale } from '../../server/web/web-build';
import { ROLES } from '../../shared/auth/roles';
import {
  type CliContext,
  CliError,
  type DbCliOptions,
  DEFAULT_DATA_DIR,
  DEMO_DATA_DIR,
  databaseUrlOption,
  openContext,
  reopenOnWorker,
} from '../context';
import { runDemoCommand } from './demo';

type StartOptions = DbCliOptions & {
  port: string;
  host: string;
  demo?: boolean;
  demoCustomers: string;
  /** commander's --no-web */
  web: boolean;
};

export function parseCount(value: string, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

async function hasCustomers(db: Db, workspaceId: number): Promise<boolean> {
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.workspaceId, workspaceId))
    .limit(1);
  return rows.length > 0;
}

/** One demo login per role (the first of each), for the start-up banner. */
async function demoLogins(db: Db, workspaceId: number): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), like(users.email, `%@${DEMO_EMAIL_DOMAIN}`)))
    .orderBy(asc(users.id));
  return ROLES.flatMap((role) => {
    const u = rows.find((r) => r.role === role);
    return u ? [`  ${role.padEnd(8)} ${u.email} / ${DEMO_PASSWORD}   (${u.name})`] : [];
  });
}

async function loadDemoIfEmpty(ctx: CliContext, customerCount: number): Promise<void> {
  if (await hasCustomers(ctx.handle.db, ctx.workspaceId)) {
    console.log('Demo data is already loaded.');
    return;
  }
  console.log(`Loading the demo data set (${customerCount.toLocaleString('en-US')} customers)…`);
  await runDemoCommand(ctx.handle, { customers: customerCount, seed: DEMO_DEFAULT_SEED });
}

export async function runStart(options: StartOptions): Promise<void> {
  const port = parseCount(options.port, '--port', 0, 65_535);
  const demoCustomers = parseCount(options.demoCustomers, '--demo-customers', 1);
  const defaultDataDir = options.demo ? DEMO_DATA_DIR : DEFAULT_DATA_DIR;
  let ctx = await openContext(options, { defaultDataDir, log: (line) => console.log(line) });
  let server: RunningServer;
  try {
    if (options.demo) await loadDemoIfEmpty(ctx, demoCustomers);
    const web = options.web && process.env.KEHU_WEB !== 'off';
    if (web && webBuildIsStale()) {
      console.log('Building the web app (dist/web)…');
      await buildWeb();
    }
    ctx = await reopenOnWorker(ctx);
    const level = process.env.KEHU_LOG_LEVEL ?? 'warn';
    server = await serve({
      db: ctx.handle,
      port,
      host: options.host,
      logger: { level },
      webRoot: web ? WEB_DIST : undefined,
      valueSchedule: true,
    });
  } catch (err) {
    await ctx.close().catch(() => {}); // a failed reopen has closed it already
    if ((err as Error).name === 'PortInUseError') throw new CliError((err as Error).message);
    throw err;
  }
  const logins = options.demo ? await demoLogins(ctx.handle.db, ctx.workspaceId) : [];
  console.log(`Kehu is listening on ${server.url}`);
  console.log(`  API docs: ${server.url}/api/docs`);
  if (logins.length > 0) console.log(`  Demo logins:\n${logins.join('\n')}`);
  console.log('Press Ctrl+C to stop.');
  await closeOnSignal(
    async () => {
      await server.close();
      await ctx.close(); // releases the data-folder lock
    },
    { onSignal: (signal) => console.log(`${signal} received; stopping…`) },
  );
  console.log('Kehu stopped.');
}

export function startCommand(): Command {
  return new Command('start')
    .description('open (and migrate) the database and serve the web app and the API')
    .option('--port <port>', 'port to listen on; 0 picks a free one', '3000')
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every one)', '127.0.0.1')
    .addOption(
      new Option(
        '--data-dir <dir>',
        `folder of the embedded database (default: ${DEFAULT_DATA_DIR}, with --demo ${DEMO_DATA_DIR})`,
      ).env('KEHU_DATA_DIR'),
    )
    .addOption(databaseUrlOption())
    .option('--demo', 'load the demo data set when the workspace has no customers, and show the demo logins')
    .option('--demo-customers <n>', 'customers in the demo data set', String(DEMO_DEFAULT_CUSTOMERS))
    .option(
      '--no-web',
      'serve the API only (KEHU_WEB=off does the same); by default the web app is built when stale',
    )
    .action((_o: StartOptions, cmd: Command) => runStart(cmd.optsWithGlobals()));
}
