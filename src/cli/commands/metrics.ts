import { Command } from 'commander';
import { withBulkSession } from '../../db/bulk';
import { rebuildCustomerMetrics } from '../../server/domains/customer-metrics';
import { type DbCliOptions, databaseUrlOption, dataDirOption, withContext } from '../context';

/**
 * `kehu metrics rebuild`: recomputes the per-customer metrics (kept by triggers on every write) from the
 * orders and activities, in one transaction. Needed only after the workspace's time zone changed
 * (activities are counted per month in it) or to check the kept figures.
 */
export function metricsCommand(): Command {
  const metrics = new Command('metrics').description('per-customer metrics the value engine reads');
  metrics
    .command('rebuild')
    .description('recompute the per-customer metrics of every workspace from the orders and activities')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .action((_o: DbCliOptions, cmd: Command) =>
      withContext(cmd.optsWithGlobals<DbCliOptions>(), async ({ handle }) => {
        const started = performance.now();
        await withBulkSession(handle, (s) => rebuildCustomerMetrics(s, null));
        const [row] = await withBulkSession(handle, (s) =>
          s.query<{ n: number }>('select count(*)::int as n from customer_metrics'),
        );
        console.log(
          `Customer metrics rebuilt: ${row?.n ?? 0} customers with orders, ${Math.round(performance.now() - started)} ms.`,
        );
      }),
    );
  return metrics;
}
