import { Command, InvalidArgumentError, Option } from 'commander';
import type { BenchDriver } from '../../../bench/report';
import type { BenchOptions } from '../../../bench/run';
import { DEFAULT_SCENARIOS, SCENARIOS, type ScenarioName } from '../../../bench/scenarios';
import { DEMO_DEFAULT_SEED } from '../../server/domains/demo/demo.service';
import { CliError } from '../context';

type BenchCliOptions = {
  customers: number;
  million?: boolean;
  driver: BenchDriver | 'both';
  concurrency: number;
  duration: number;
  warmup: number;
  maxRequests: number;
  seed: number;
  scenarios: string;
  keep?: boolean;
};

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number ≥ 1.`);
  return n;
};

export function parseScenarios(list: string): ScenarioName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(SCENARIOS as readonly string[]).includes(n));
  if (unknown.length || names.length === 0) {
    throw new CliError(
      `Unknown scenario ${unknown.join(', ') || '(none)'}; choose from ${SCENARIOS.join(', ')}.`,
    );
  }
  return names as ScenarioName[];
}

export async function runBenchCommand(options: BenchCliOptions, command: Command): Promise<void> {
  const customersGiven = command.getOptionValueSource('customers') !== 'default';
  if (options.million && customersGiven && options.customers !== 1_000_000) {
    throw new CliError('--million and --customers contradict each other; pass one of them.');
  }
  const customers = options.million ? 1_000_000 : options.customers;
  const drivers: BenchDriver[] = options.driver === 'both' ? ['pglite', 'postgres'] : [options.driver];
  const bench: BenchOptions = {
    customers,
    drivers,
    // With the default (both), a machine without a PostgreSQL server still benchmarks PGlite.
    optional: command.getOptionValueSource('driver') === 'default' ? ['postgres'] : [],
    scenarios: parseScenarios(options.scenarios),
    concurrency: options.concurrency,
    durationS: options.duration,
    warmupS: options.warmup,
    maxRequests: options.maxRequests,
    seed: options.seed,
    keep: options.keep === true,
  };
  const { runBench } = await import('../../../bench/run'); // the benchmark loads only when asked for
  await runBench(bench);
}

export function benchCommand(): Command {
  return new Command('bench')
    .description(
      'generate (or reuse) a large deterministic data set — per customer 3 contacts, 10 orders, 10 activities — ' +
        'serve it from a child process and measure search, lists, customer 360 and activity creation ' +
        '(results in bench/results/)',
    )
    .option('--customers <n>', 'customers in the data set', positiveInt('--customers'), 100_000)
    .option('--million', 'the large data set: 1,000,000 customers (3M contacts, 10M orders, 10M activities)')
    .addOption(
      new Option(
        '--driver <driver>',
        'database to measure; PostgreSQL is DATABASE_URL or kehu_bench_<n> on 127.0.0.1',
      )
        .choices(['pglite', 'postgres', 'both'])
        .default('both'),
    )
    .option('--concurrency <n>', 'concurrent keep-alive clients', positiveInt('--concurrency'), 16)
    .option('--duration <seconds>', 'measured time per scenario', positiveInt('--duration'), 15)
    .option('--warmup <seconds>', 'unmeasured warm-up per scenario', positiveInt('--warmup'), 3)
    .option(
      '--max-requests <n>',
      'at most this many requests per scenario',
      positiveInt('--max-requests'),
      50_000,
    )
    .option(
      '--seed <n>',
      'seed of the data set and the search terms',
      positiveInt('--seed'),
      DEMO_DEFAULT_SEED,
    )
    .option(
      '--scenarios <list>',
      `comma-separated subset of ${SCENARIOS.join(',')}`,
      DEFAULT_SCENARIOS.join(','),
    )
    .option('--keep', 'leave the server running after the run (prints its URL and a token) until Ctrl-C')
    .argument(
      '[suite]',
      'import: the import benchmark (1M order lines, 200k customers); value: the customer metrics ' +
        '(insert cost of their triggers, readValueInputs); instead of the HTTP one',
    )
    .action(async (suite: string | undefined, options: BenchCliOptions, command: Command) => {
      if (suite === undefined) return runBenchCommand(options, command);
      const drivers: BenchDriver[] = options.driver === 'both' ? ['pglite', 'postgres'] : [options.driver];
      if (suite === 'value') {
        const { runValueBench } = await import('../../../bench/value');
        return runValueBench(drivers, options.million ? 1_000_000 : options.customers);
      }
      if (suite !== 'import')
        throw new CliError(`Unknown benchmark ${suite}; the ones by name are import and value.`);
      const { runImportBench } = await import('../../../bench/import');
      await runImportBench(drivers);
    });
}
