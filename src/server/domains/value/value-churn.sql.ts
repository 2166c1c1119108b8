/**
 * The churn lists over a run's stored predictions, in SQL (customers the actor may see):
 *   at_risk: churn risk at or above the threshold; MVC, STC, BZ, then risk (descending), then id;
 *   win_back: no order for at least the dormant days, and a lifetime basis value among the top share of
 *   the run's customers with a positive one (by the run's ABC rank); by that value (descending), then id.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ChurnListKind } from '../../../shared/analytics/churn-api.schema';

export type ChurnRow = {
  customer_id: number;
  code: string;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  owner_active: boolean | null;
  branch_id: number | null;
  tier: 'MVC' | 'STC' | 'BZ';
  abc: 'A' | 'B' | 'C';
  churn_risk: number | null;
  churn_reasons: string[];
  p_alive: number | null;
  clv: string | null;
  actual_value: string;
  abc_value: string;
  days_since_last_order: number | null;
  mean_interval_days: number | null;
  trend_pct: number | null;
  tier_rank: number;
  task_id: number | null;
};

/** The open task of a customer on a list is found by this key. */
export const churnKey = (list: ChurnListKind, customerId: number) => `churn:${list}:${customerId}`;

export function churnListSql(p: {
  workspaceId: number;
  runId: number;
  list: ChurnListKind;
  atRiskScore: number;
  dormantDays: number;
  topShare: number;
  visible?: SQL;
  ownerId?: number;
  /** Keyset: at_risk (tier rank, risk, id), win_back (basis value, id). */
  after?: readonly [number, number, number] | readonly [string, number] | null;
  limit?: number;
}): SQL {
  const ws = p.workspaceId;
  const atRisk = p.list === 'at_risk';
  const filter = atRisk
    ? sql`rc.churn_risk >= ${p.atRiskScore}`
    : sql`rc.days_since_last_order >= ${p.dormantDays} and rc.abc_value > 0
          and rc.abc_rank <= (select ceil(${p.topShare}::float8 * count(*) - 1e-9) from value_run_customers x
                               where x.workspace_id = ${ws} and x.run_id = ${p.runId} and x.abc_value > 0)`;
  const a = p.after;
  const keyset = !a
    ? sql``
    : atRisk
      ? sql`and (${tierRank} > ${a[0]} or (${tierRank} = ${a[0]} and (rc.churn_risk < ${a[1]}
             or (rc.churn_risk = ${a[1]} and rc.customer_id > ${a[2] as number}))))`
      : sql`and (rc.abc_value < ${a[0]}::numeric or (rc.abc_value = ${a[0]}::numeric and rc.customer_id > ${a[1]}))`;
  const order = atRisk
    ? sql`tier_rank, rc.churn_risk desc, rc.customer_id`
    : sql`rc.abc_value desc, rc.customer_id`;
  return sql`
    select rc.customer_id::float8 as customer_id, customers.code, customers.name,
           customers.owner_id::float8 as owner_id, u.name as owner_name, u.active as owner_active,
           customers.branch_id::float8 as branch_id, rc.tier, rc.abc, rc.churn_risk, rc.churn_reasons,
           rc.p_alive, rc.clv::text as clv, rc.actual_value::text as actual_value,
           rc.abc_value::text as abc_value, rc.days_since_last_order, rc.mean_interval_days, rc.trend_pct,
           ${tierRank} as tier_rank, t.id::float8 as task_id
      from value_run_customers rc
      join customers on customers.workspace_id = rc.workspace_id and customers.id = rc.customer_id
           and customers.deleted_at is null
      left join users u on u.workspace_id = customers.workspace_id and u.id = customers.owner_id
      left join tasks t on t.workspace_id = rc.workspace_id and t.done_at is null
           and t.source_key = 'churn:' || ${p.list}::text || ':' || rc.customer_id
     where rc.workspace_id = ${ws} and rc.run_id = ${p.runId} and ${filter}
       ${p.visible ? sql`and ${p.visible}` : sql``}
       ${p.ownerId ? sql`and customers.owner_id = ${p.ownerId}` : sql``} ${keyset}
     order by ${order} ${p.limit ? sql`limit ${p.limit}` : sql``}`;
}

const tierRank = sql`(case rc.tier when 'MVC' then 0 when 'STC' then 1 else 2 end)`;
