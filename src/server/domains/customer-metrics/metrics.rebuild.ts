/**
 * The per-customer metric tables (customer_metrics, customer_order_days, customer_month_metrics) are kept
 * by the triggers of migration 0010 on every write to orders and activities. This is their full
 * recomputation from the orders and activities, set-wise in SQL (kehu_rebuild_customer_metrics): for
 * `kehu metrics rebuild`, after a change of the workspace's time zone (activities are counted per month
 * in it), and as the tests' reference.
 */
import type { BulkSession } from '../../../db/bulk';

export type SqlSession = Pick<BulkSession, 'query'>;

/** Recomputes one workspace's metrics; `null` recomputes every workspace. */
export async function rebuildCustomerMetrics(session: SqlSession, workspaceId: number | null): Promise<void> {
  if (workspaceId !== null && !Number.isSafeInteger(workspaceId))
    throw new Error(`bad workspace ${workspaceId}`);
  await session.query('select kehu_rebuild_customer_metrics($1::bigint)', [workspaceId]);
}
