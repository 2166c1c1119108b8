import { Command } from 'commander';
import { kehuVersion } from '../server/domains/backup/backup.meta';
import { DEMO_DEFAULT_CUSTOMERS, DEMO_DEFAULT_SEED } from '../server/domains/demo/demo.service';
import { analyzeCommand } from './commands/analyze';
import { backupCommand } from './commands/backup';
import { benchCommand } from './commands/bench';
import { runDemoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { metricsCommand } from './commands/metrics';
import { migrateCommand } from './commands/migrate';
import { restoreCommand } from './commands/restore';
import { parseCount, startCommand } from './commands/start';
import { userCommand } from './commands/user';
import { type DbCliOptions, databaseUrlOption, dataDirOption, describeError, withContext } from './context';

type DemoCliOptions = DbCliOptions & {
  customers: string;
  seed?: string;
  contacts?: string;
  orders?: string;
  activities?: string;
};

function demoCommand(): Command {
  const optional = (value: string | undefined, name: string) =>
    value === undefined ? undefined : parseCount(value, name);
  return new Command('demo')
    .description(
      'load the deterministic demo data set into the default workspace (it must have no customers)',
    )
    .option('--customers <n>', 'customers to generate', String(DEMO_DEFAULT_CUSTOMERS))
    .option('--seed <s>', `random seed; the same seed gives the same data (default: ${DEMO_DEFAULT_SEED})`)
    .option('--contacts <n>', 'contacts in total (default: 3 per customer)')
    .option('--orders <n>', 'orders in total (default: 10 per customer)')
    .option('--activities <n>', 'activities in total (default: 10 per customer)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((_options: DemoCliOptions, cmd: Command) => {
      const o = cmd.optsWithGlobals<DemoCliOptions>();
      const opts = {
        customers: parseCount(o.customers, '--customers', 1),
        seed: optional(o.seed, '--seed') ?? DEMO_DEFAULT_SEED,
        contacts: optional(o.contacts, '--contacts'),
        orders: optional(o.orders, '--orders'),
        activities: optional(o.activities, '--activities'),
      };
      return withContext(o, async ({ handle }) => {
        await runDemoCommand(handle, opts);
      });
    });
}

export function buildProgram(): Command {
  const program = new Command('kehu')
    .description(
      'Kehu (客户): a customer-centric CRM. The embedded database is used unless DATABASE_URL is set.',
    )
    .version(kehuVersion())
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .configureHelp({ showGlobalOptions: true });
  for (const command of [
    startCommand(),
    migrateCommand(),
    userCommand(),
    demoCommand(),
    importCommand(),
    backupCommand(),
    restoreCommand(),
    exportCommand(),
    analyzeCommand(),
    metricsCommand(),
    benchCommand(),
  ]) {
    program.addCommand(command);
  }
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
  process.exit(process.exitCode ?? 0);
} catch (err) {
  const { message, exitCode } = describeError(err);
  console.error(message);
  process.exit(exitCode);
}
