/** Reads of stored runs and verdicts (SQL only); every customer-level read goes through visibility. */
import { and, desc, eq, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';
import { valueRuns } from '../../../db/schema';
import type { MigrationDimension, ValueListKind } from '../../../shared/analytics/value-read-api.schema';
import type { Actor } from '../../../shared/auth/roles';
import { visibleCustomersSql } from '../customers/customers.access';

export type RunRow = typeof valueRuns.$inferSelect;

export type VerdictRow = {
  run_id: number;
  as_of: string;
  abc: 'A' | 'B' | 'C';
  abc_value: string;
  abc_rank: number;
  abc_cum_share: number | null;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
  recency_days: number | null;
  frequency: number;
  monetary: string;
  segment: string | null;
  tier: 'MVC' | 'STC' | 'BZ';
  high_potential: boolean;
  actual_value: string;
  strategic_value: string | null;
  cells: Record<string, string>;
  flags: string[];
  run_customers: number;
  run_settings: unknown;
  run_model: { period?: 'day' | 'week' | 'month'; horizonPeriods?: number } | null;
  p_alive: number | null;
  expected_purchases: number | null;
  expected_spend: string | null;
  clv: string | null;
  churn_risk: number | null;
  churn_reasons: string[];
  days_since_last_order: number | null;
  mean_interval_days: number | null;
  trend_pct: number | null;
};

export type ListRow = {
  customer_id: number;
  code: string;
  name: string;
  owner_id: number | null;
  owner_name: string | null;
  tier: 'MVC' | 'STC' | 'BZ';
  abc: 'A' | 'B' | 'C';
  segment: string | null;
  actual_value: string;
  strategic_value: string | null;
  high_potential: boolean;
  previous_tier: 'MVC' | 'STC' | 'BZ' | null;
  previous_abc: 'A' | 'B' | 'C' | null;
};

/** The state column of a dimension (customers without RFM are in the segment 'no_rfm'). */
const STATE: Record<MigrationDimension, SQL> = {
  tier: sql.raw('rc.tier'),
  abc: sql.raw('rc.abc::text'),
  segment: sql.raw(`coalesce(rc.segment, 'no_rfm')`),
};

export function createValueReadRepository(db: Db) {
  return {
    /** Finished runs, newest first. */
    latestDone(workspaceId: number, limit: number, beforeId?: number): Promise<RunRow[]> {
      return db
        .select()
        .from(valueRuns)
        .where(
          and(
            eq(valueRuns.workspaceId, workspaceId),
            eq(valueRuns.status, 'done'),
            beforeId === undefined ? undefined : lt(valueRuns.id, beforeId),
          ),
        )
        .orderBy(desc(valueRuns.id))
        .limit(limit);
    },

    async run(workspaceId: number, id: number): Promise<RunRow | undefined> {
      const [row] = await db
        .select()
        .from(valueRuns)
        .where(and(eq(valueRuns.workspaceId, workspaceId), eq(valueRuns.id, id)));
      return row;
    },

    /** Every run (any status), newest first, keyset by id. */
    runs(workspaceId: number, beforeId: number | null, limit: number): Promise<RunRow[]> {
      return db
        .select()
        .from(valueRuns)
        .where(
          and(
            eq(valueRuns.workspaceId, workspaceId),
            beforeId === null ? undefined : lt(valueRuns.id, beforeId),
          ),
        )
        .orderBy(desc(valueRuns.id))
        .limit(limit);
    },

    /**
     * A customer's verdicts in finished runs, newest first: the runs walked newest first, each probed by
     * its key (run, customer) — value_run_customers has no index by customer (schema/value.ts).
     */
    verdicts(workspaceId: number, customerId: number, limit: number): Promise<VerdictRow[]> {
      return queryRows<VerdictRow>(
        db,
        sql`select rc.run_id::float8 as run_id, r.as_of::text as as_of, rc.abc, rc.abc_value::text as abc_value,
                   rc.abc_rank, rc.abc_cum_share, rc.r_score, rc.f_score, rc.m_score, rc.recency_days,
                   rc.frequency, rc.monetary::text as monetary, rc.segment, rc.tier, rc.high_potential,
                   rc.actual_value::text as actual_value, rc.strategic_value::text as strategic_value,
                   rc.cells, rc.flags, r.customers as run_customers, r.settings as run_settings,
                   r.model as run_model, rc.p_alive, rc.expected_purchases,
                   rc.expected_spend::text as expected_spend, rc.clv::text as clv, rc.churn_risk,
                   rc.churn_reasons, rc.days_since_last_order, rc.mean_interval_days, rc.trend_pct
              from value_runs r
              cross join lateral (
                select * from value_run_customers rc
                 where rc.workspace_id = r.workspace_id and rc.run_id = r.id and rc.customer_id = ${customerId}) rc
             where r.workspace_id = ${workspaceId} and r.status = 'done'
             order by r.id desc limit ${limit}`,
      );
    },

    /**
     * One of the lists over the run `runId` (and `previousId` for the previous tier), customers the actor
     * may see; keyset by (actual value, id): ascending for BZ (worst first), descending otherwise.
     */
    list(
      actor: Actor,
      kind: ValueListKind,
      runId: number,
      previousId: number | null,
      after: readonly [string, number] | null,
      limit: number,
    ): Promise<ListRow[]> {
      const asc = kind === 'bz';
      const filter =
        kind === 'bz'
          ? sql`rc.tier = 'BZ'`
          : kind === 'high_potential'
            ? sql`rc.tier = 'STC' and rc.high_potential`
            : sql`p.tier = 'MVC' and rc.tier <> 'MVC'`;
      const keyset = after
        ? asc
          ? sql`and (rc.actual_value, rc.customer_id) > (${after[0]}::numeric, ${after[1]})`
          : sql`and (rc.actual_value, rc.customer_id) < (${after[0]}::numeric, ${after[1]})`
        : sql``;
      const order = asc
        ? sql`rc.actual_value asc, rc.customer_id asc`
        : sql`rc.actual_value desc, rc.customer_id desc`;
      return queryRows<ListRow>(
        db,
        sql`select rc.customer_id::float8 as customer_id, customers.code, customers.name,
                   customers.owner_id::float8 as owner_id, u.name as owner_name, rc.tier, rc.abc, rc.segment,
                   rc.actual_value::text as actual_value, rc.strategic_value::text as strategic_value,
                   rc.high_potential, p.tier as previous_tier, p.abc as previous_abc
              from value_run_customers rc
              join customers on customers.workspace_id = rc.workspace_id and customers.id = rc.customer_id
                   and customers.deleted_at is null
              left join users u on u.workspace_id = customers.workspace_id and u.id = customers.owner_id
              left join value_run_customers p on p.workspace_id = rc.workspace_id
                   and p.run_id = ${previousId ?? -1} and p.customer_id = rc.customer_id
             where rc.workspace_id = ${actor.workspaceId} and rc.run_id = ${runId}
               and ${visibleCustomersSql(actor)} and ${filter} ${keyset}
             order by ${order} limit ${limit}`,
      );
    },

    /** Customers per (state in `from`, state in `to`); a null side: not judged in that run. */
    transitions(actor: Actor, dimension: MigrationDimension, fromId: number, toId: number) {
      const state = STATE[dimension];
      return queryRows<{ a: string | null; b: string | null; n: number }>(
        db,
        sql`with f as (select rc.customer_id, ${state} as s from value_run_customers rc
                        where rc.workspace_id = ${actor.workspaceId} and rc.run_id = ${fromId}),
                 t as (select rc.customer_id, ${state} as s from value_run_customers rc
                        where rc.workspace_id = ${actor.workspaceId} and rc.run_id = ${toId})
            select f.s as a, t.s as b, count(*)::int as n
              from f full join t using (customer_id)
              join customers on customers.workspace_id = ${actor.workspaceId} and customers.id = customer_id
             where ${visibleCustomersSql(actor)}
             group by 1, 2`,
      );
    },

    /** The mean actual value (yuan) and count per state in a run, customers the actor may see. */
    meanValues(actor: Actor, dimension: MigrationDimension, runId: number) {
      const state = STATE[dimension];
      return queryRows<{ s: string; mean: number; n: number }>(
        db,
        sql`select ${state} as s, avg(rc.actual_value)::float8 as mean, count(*)::int as n
              from value_run_customers rc
              join customers on customers.workspace_id = rc.workspace_id and customers.id = rc.customer_id
             where rc.workspace_id = ${actor.workspaceId} and rc.run_id = ${runId} and ${visibleCustomersSql(actor)}
             group by 1`,
      );
    },
  };
}

export type ValueReadRepository = ReturnType<typeof createValueReadRepository>;
