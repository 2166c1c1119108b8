/**
 * Policy breaches of a run, in SQL: each customer's verdict meets the policies of its tier, ABC class,
 * RFM segment and matrix cells; per rule the strictest policy counts (the shortest visit interval).
 *   visit_interval: no visit (activity of type visit) within the policy's days before the run's as-of;
 *   dedicated_manager: the policy wants a dedicated account manager and the customer has no owner.
 * Response time and maximum discount have nothing to check against yet (no tickets, no discounts).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { BreachRule } from '../../../shared/analytics/value-read-api.schema';

export type BreachRow = {
  rule: BreachRule;
  customer_id: number;
  code: string;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  owner_active: boolean | null;
  branch_id: number | null;
  tier: 'MVC' | 'STC' | 'BZ';
  policy_id: number;
  target_kind: 'tier' | 'abc' | 'segment' | 'cell';
  target_key: string;
  limit_days: number | null;
  response_hours: number | null;
  last_visit_on: string | null;
  days: number | null;
  task_id: number | null;
};

/** The open task of a breach is found by this key. */
export const breachKey = (rule: BreachRule, customerId: number) => `value:${rule}:${customerId}`;

export function breachesSql(p: {
  workspaceId: number;
  runId: number;
  asOf: string;
  /** Visibility filter over `customers` (none: every customer, for making tasks). */
  visible?: SQL;
  rule?: BreachRule;
  after?: readonly [number, string] | null;
  limit?: number;
}): SQL {
  const ws = p.workspaceId;
  return sql`
    with rc as (
      select customer_id, tier, abc::text as abc, coalesce(segment, 'no_rfm') as seg, cells
        from value_run_customers where workspace_id = ${ws} and run_id = ${p.runId}
    ), m as (
      select rc.customer_id, rc.tier, p.id as policy_id, p.target_kind, p.target_key,
             p.visit_interval_days, p.dedicated_manager, p.response_hours
        from rc join value_policies p on p.workspace_id = ${ws} and (
             (p.target_kind = 'tier' and p.target_key = rc.tier)
          or (p.target_kind = 'abc' and p.target_key = rc.abc)
          or (p.target_kind = 'segment' and p.target_key = rc.seg)
          or (p.target_kind = 'cell' and rc.cells ->> split_part(p.target_key, ':', 1) = split_part(p.target_key, ':', 2)))
    ), visit as (
      select distinct on (customer_id) customer_id, tier, policy_id, target_kind, target_key,
             visit_interval_days as limit_days, response_hours
        from m where visit_interval_days is not null
       order by customer_id, visit_interval_days, policy_id
    ), manager as (
      select distinct on (customer_id) customer_id, tier, policy_id, target_kind, target_key,
             null::int as limit_days, response_hours
        from m where dedicated_manager
       order by customer_id, policy_id
    ), w as (select time_zone from workspaces where id = ${ws}),
    b as (
      select 'visit_interval' as rule, v.*, lv.last_visit
        from visit v
        left join lateral (
          select max((a.occurred_at at time zone (select time_zone from w))::date) as last_visit
            from activities a
           where a.workspace_id = ${ws} and a.customer_id = v.customer_id and a.type = 'visit'
             and a.deleted_at is null and (a.occurred_at at time zone (select time_zone from w))::date <= ${p.asOf}::date
        ) lv on true
       where lv.last_visit is null or ${p.asOf}::date - lv.last_visit > v.limit_days
      union all
      select 'dedicated_manager' as rule, g.*, null::date as last_visit
        from manager g
        join customers c on c.workspace_id = ${ws} and c.id = g.customer_id
       where c.owner_id is null
    )
    select b.rule, b.customer_id::float8 as customer_id, customers.code, customers.name,
           customers.owner_id::float8 as owner_id, u.name as owner_name, u.active as owner_active,
           customers.branch_id::float8 as branch_id,
           b.tier, b.policy_id::float8 as policy_id, b.target_kind, b.target_key, b.limit_days, b.response_hours,
           b.last_visit::text as last_visit_on,
           case when b.last_visit is null then null else ${p.asOf}::date - b.last_visit end as days,
           t.id::float8 as task_id
      from b
      join customers on customers.workspace_id = ${ws} and customers.id = b.customer_id and customers.deleted_at is null
      left join users u on u.workspace_id = ${ws} and u.id = customers.owner_id
      left join tasks t on t.workspace_id = ${ws} and t.done_at is null
           and t.source_key = 'value:' || b.rule || ':' || b.customer_id::text
     where true
       ${p.visible ? sql`and ${p.visible}` : sql``}
       ${p.rule ? sql`and b.rule = ${p.rule}` : sql``}
       ${p.after ? sql`and (b.customer_id, b.rule) > (${p.after[0]}, ${p.after[1]})` : sql``}
     order by b.customer_id, b.rule
     ${p.limit ? sql`limit ${p.limit}` : sql``}`;
}

/** Whom a breach's task goes to when the customer has no owner: per branch the first manager, else admin. */
export const fallbackAssigneesSql = (workspaceId: number) => sql`
  select coalesce(b.id, 0)::float8 as branch_id,
         coalesce(
           (select u.id from users u where u.workspace_id = ${workspaceId} and u.active and u.role = 'manager'
               and u.branch_id = b.id order by u.id limit 1),
           (select u.id from users u where u.workspace_id = ${workspaceId} and u.active and u.role = 'admin'
             order by u.id limit 1))::float8 as user_id
    from (select id from branches where workspace_id = ${workspaceId} union all select null) b`;
