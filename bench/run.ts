/**
 * `kehu bench`: generate (or reuse) the data set, serve it from a child process, drive the scenarios
 * against it, and report latencies per driver as a table and as JSON under bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './child';
import { benchSizes, describeTarget, prepareData, resolveTarget } from './dataset';
import { runLoad } from './load';
import { type BenchDriver, checkTargets, resultTable, type ScenarioResult, sizesLine } from './report';
import { buildScenario, type ScenarioName } from './scenarios';
import { summarize } from './stats';
import { sampleWorkload } from './workload';

export type BenchOptions = {
  customers: number;
  drivers: BenchDriver[];
  /** Drivers skipped with a notice (not an error) when their database cannot be reached. */
  optional: BenchDriver[];
  scenarios: ScenarioName[];
  concurrency: number;
  durationS: number;
  warmupS: number;
  maxRequests: number;
  seed: number;
  /** Leave the server running after the run, until Ctrl-C. */
  keep: boolean;
};

export const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

const log = (line: string) => console.error(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

const isConnectionError = (err: unknown) =>
  /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|Cannot reach/.test(
    `${(err as Error)?.message} ${(err as { code?: string })?.code}`,
  );

export async function runBench(options: BenchOptions): Promise<void> {
  for (const driver of options.drivers) {
    try {
      await benchDriver(driver, options);
    } catch (err) {
      if (!options.optional.includes(driver) || !isConnectionError(err)) throw err;
      log(
        `Skipping ${driver}: ${(err as Error).message.split('\n')[0]} (pass --driver ${driver} to make it an error).`,
      );
    }
  }
}

async function benchDriver(driver: BenchDriver, options: BenchOptions): Promise<void> {
  const sizes = benchSizes(options.customers);
  const startedAt = new Date();
  const target = await resolveTarget(driver, options.customers);
  log(`\n== ${sizesLine(driver, sizes)}\n   ${describeTarget(target)}`);

  const prepared = await prepareData(target, sizes, options.seed, log);
  const generation = { reused: prepared.reused, ms: prepared.marker.generationMs };
  log(
    prepared.reused
      ? `Reusing the data set generated on ${prepared.marker.generatedAt} (generation took ${seconds(generation.ms)}).`
      : `Generated the data set in ${seconds(generation.ms)}.`,
  );
  const sampleStart = performance.now();
  const workload = await sampleWorkload(prepared.ctx, options.seed).finally(() => prepared.ctx.close());
  log(
    `Sampled ${workload.terms.length} search terms, ${workload.customerIds.length} customers and ` +
      `${workload.provinces.length} provinces in ${seconds(performance.now() - sampleStart)}.`,
  );

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    log('\nStopping (Ctrl-C again to quit at once) …');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  const loadAvgBefore = loadavg().map((l) => Number(l.toFixed(2)));
  if (loadAvgBefore[0]! > cpus().length * 0.5) {
    log(
      `Note: the machine is busy (load average ${loadAvgBefore[0]} on ${cpus().length} CPUs); latencies will suffer.`,
    );
  }
  const serverStart = performance.now();
  const server = await startServer(target).catch((err: unknown) => {
    process.off('SIGINT', onSigint);
    throw err;
  });
  const results: ScenarioResult[] = [];
  try {
    log(
      `Server (pid ${server.pid}) ready at ${server.baseUrl} in ${seconds(performance.now() - serverStart)}.`,
    );
    for (const name of options.scenarios) {
      if (controller.signal.aborted) break;
      log(
        `Running ${name}: ${options.concurrency} clients, ${options.warmupS} s warm-up, ${options.durationS} s …`,
      );
      const { samples, elapsedMs } = await runLoad(buildScenario(name, workload), {
        baseUrl: server.baseUrl,
        headers: { authorization: `Bearer ${workload.token}` },
        concurrency: options.concurrency,
        durationMs: options.durationS * 1000,
        warmupMs: options.warmupS * 1000,
        maxRequests: options.maxRequests,
        signal: controller.signal,
      });
      for (const [scenario, list] of samples) results.push({ scenario, summary: summarize(list, elapsedMs) });
    }
    if (options.keep && !controller.signal.aborted) {
      log(
        `\nThe server keeps running at ${server.baseUrl} (Authorization: Bearer ${workload.token}); Ctrl-C stops it.`,
      );
      await once(controller.signal, 'abort');
    }
  } finally {
    await server.stop();
    process.off('SIGINT', onSigint);
  }

  const loadAvgAfter = loadavg().map((l) => Number(l.toFixed(2)));
  const verdicts = checkTargets(driver, sizes.customers, results);
  console.log(`\n${sizesLine(driver, sizes)}`);
  console.log(
    `generation: ${generation.reused ? 'reused, originally ' : ''}${seconds(generation.ms)}; ` +
      `${options.concurrency} clients, ${options.durationS} s per scenario; ` +
      `load average ${loadAvgBefore[0]} → ${loadAvgAfter[0]} on ${cpus().length} CPUs`,
  );
  console.log(resultTable(results));
  for (const v of verdicts) console.log(v.line);

  const file = join(
    RESULTS_DIR,
    `${startedAt
      .toISOString()
      .replace(/:/g, '-')
      .replace(/\.\d+Z$/, 'Z')}-${driver}-${sizes.customers}.json`,
  );
  mkdirSync(RESULTS_DIR, { recursive: true });
  const report = {
    startedAt: startedAt.toISOString(),
    driver,
    sizes,
    rows: prepared.marker.counts,
    seed: options.seed,
    generation,
    options: {
      concurrency: options.concurrency,
      durationS: options.durationS,
      warmupS: options.warmupS,
      maxRequests: options.maxRequests,
    },
    environment: {
      node: process.version,
      platform: process.platform,
      cpus: cpus().length,
      /** 1, 5 and 15 minute load averages: the client, the server and PostgreSQL share the CPUs. */
      loadAvgBefore,
      loadAvgAfter,
      commit: gitCommit(),
    },
    scenarios: results,
    targets: verdicts,
    aborted: controller.signal.aborted,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Results written to ${file}`);
  if (controller.signal.aborted) process.exit(130);
}
