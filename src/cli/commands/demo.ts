/**
 * `kehu demo`: loads the deterministic demo data set with a progress bar per table (stderr), then
 * prints what was loaded and the demo logins. Commander wiring lives in src/cli/index.ts.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { DbHandle } from '../../db/client';
import type { LoadProgress } from '../../server/domains/demo/demo.loader';
import { type SeedDemoResult, seedDemo } from '../../server/domains/demo/demo.service';
import { DEMO_TABLES } from '../../server/domains/demo/demo.tables';
import { seedDemoValue } from '../../server/domains/demo/demo.value';
import { runClassifyCommand } from './classify';

export type DemoCommandOptions = {
  customers: number;
  seed: number;
  /** Totals for the whole data set (not per customer); defaults 3, 10 and 10 per customer. */
  contacts?: number;
  orders?: number;
  activities?: number;
  /** The end of the generated history; default now. */
  now?: Date;
};

const count = (n: number) => n.toLocaleString('en-US');

/** A bar per table on a terminal; one line per finished table otherwise (logs, CI). */
function progressBars(stream: NodeJS.WriteStream = process.stderr) {
  const multi = stream.isTTY
    ? new MultiBar(
        {
          stream,
          format: ' {table} |{bar}| {percentage}% {value}/{total} rows',
          hideCursor: true,
          clearOnComplete: false,
          autopadding: true,
        },
        Presets.shades_classic,
      )
    : null;
  const bars = new Map<string, SingleBar>();
  const finished = new Set<string>();
  const width = Math.max(...DEMO_TABLES.map((t) => t.length));
  return {
    update({ table, done, total }: LoadProgress) {
      if (multi) {
        let bar = bars.get(table);
        if (!bar) {
          bar = multi.create(Math.max(total, 1), 0, { table: table.padEnd(width) });
          bars.set(table, bar);
        }
        if (total !== bar.getTotal()) bar.setTotal(Math.max(total, 1));
        bar.update(done);
      } else if (done === total && done > 0 && !finished.has(table)) {
        finished.add(table);
        stream.write(`  ${table.padEnd(width)} ${count(done)} ${table === 'indexes' ? 'rebuilt' : 'rows'}\n`);
      }
    },
    stop() {
      multi?.stop();
    },
  };
}

/** The fixed logins one per line, then a summary of the numbered sales reps. */
export function describeLogins(result: SeedDemoResult): string[] {
  const fixed = result.logins.filter((u) => !/^sales\d+@/.test(u.email));
  const numbered = result.logins.filter((u) => /^sales\d+@/.test(u.email));
  const width = Math.max(...fixed.map((u) => u.email.length));
  const lines = fixed.map((u) => `  ${u.role.padEnd(8)} ${u.email.padEnd(width)}  ${u.name}`);
  if (numbered.length > 0) {
    const first = numbered[0]?.email;
    const last = numbered[numbered.length - 1]?.email;
    lines.push(`  sales    ${numbered.length} more sales reps: ${first} … ${last}`);
  }
  lines.push(`  Password for every demo login: ${result.password}`);
  return lines;
}

export async function runDemoCommand(handle: DbHandle, opts: DemoCommandOptions): Promise<SeedDemoResult> {
  const bars = progressBars();
  let result: SeedDemoResult;
  try {
    result = await seedDemo(handle, {
      customers: opts.customers,
      seed: opts.seed,
      contacts: opts.contacts,
      orders: opts.orders,
      activities: opts.activities,
      now: opts.now,
      onProgress: (p) => bars.update(p),
    });
  } finally {
    bars.stop();
  }
  const loaded = DEMO_TABLES.map((t) => `${t} ${count(result.counts[t])}`).join(', ');
  console.log(
    `Demo data loaded in ${(result.elapsedMs / 1000).toFixed(1)} s (seed ${opts.seed}): ${loaded}.`,
  );
  // The value engine ready to look at: prospects and tier policies, then a first classification.
  await seedDemoValue(handle.db, result.workspaceId);
  const { result: run } = await runClassifyCommand({ handle, workspaceId: result.workspaceId }, {});
  console.log(`Customers classified (value run ${run.runId}, ${run.summary.customers} customers).`);
  console.log('Demo logins:');
  for (const line of describeLogins(result)) console.log(line);
  return result;
}
