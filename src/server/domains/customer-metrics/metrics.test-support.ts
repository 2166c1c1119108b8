/** Helpers for the metric tests: the tables as plain rows, a small workspace to write into. */
import type { SqlSession } from './metrics.rebuild';

/** The metric tables of a workspace as plain rows in key order (numbers as text): for comparisons. */
export async function metricsSnapshot(session: SqlSession, workspaceId: number) {
  const ws = [workspaceId];
  const [customers, days, months, windows, anchor] = [
    await session.query<Record<string, unknown>>(
      `select customer_id::text, orders, purchase_days, revenue::text, cost::text,
              first_order_on::text, last_order_on::text, first_day_revenue::text
         from customer_metrics where workspace_id = $1 order by customer_id`,
      ws,
    ),
    await session.query<Record<string, unknown>>(
      `select customer_id::text, day::text, orders, revenue::text, cost::text
         from customer_order_days where workspace_id = $1 order by customer_id, day`,
      ws,
    ),
    await session.query<Record<string, unknown>>(
      `select customer_id::text, month::text, orders, purchase_days, revenue::text, cost::text, activities::text
         from customer_month_metrics where workspace_id = $1 order by customer_id, month`,
      ws,
    ),
    // Window rows (migration 0012) that hold anything: a recomputation keeps no row of zeros, the
    // triggers may.
    await session.query<Record<string, unknown>>(
      `select customer_id::text, rfm_days, rfm_revenue::text, revenue_12m::text, cost_12m::text,
              monthly_revenue::text, activities_12m::text
         from customer_window_metrics
        where workspace_id = $1
          and (rfm_days <> 0 or rfm_revenue <> 0 or revenue_12m <> 0 or cost_12m <> 0
               or activities_12m <> '{}'::jsonb or monthly_revenue <> '{0,0,0,0,0,0,0,0,0,0,0,0}')
        order by customer_id`,
      ws,
    ),
    await session.query<Record<string, unknown>>(
      'select anchor_month::text, rfm_months from customer_window_anchors where workspace_id = $1',
      ws,
    ),
  ];
  return { customers, days, months, windows, anchor };
}

/** A workspace (time zone Asia/Shanghai), one user and `n` customers; their ids. */
export async function seedWorkspace(session: SqlSession, slug: string, n: number) {
  const [ws] = await session.query<{ id: string }>(
    `insert into workspaces (slug, name) values ($1, $1) returning id::text`,
    [slug],
  );
  const workspaceId = Number(ws!.id);
  const [user] = await session.query<{ id: string }>(
    `insert into users (workspace_id, email, name, role) values ($1, $2, 'u', 'admin') returning id::text`,
    [workspaceId, `${slug}@metrics.test`],
  );
  const customers = await session.query<{ id: string }>(
    `insert into customers (workspace_id, code, name, type, status)
     select $1, $2 || '-' || i, '客户' || i, 'enterprise', 'active' from generate_series(1, $3::int) i
     returning id::text`,
    [workspaceId, slug, n],
  );
  return { workspaceId, userId: Number(user!.id), customerIds: customers.map((c) => Number(c.id)) };
}
