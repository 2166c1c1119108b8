/** SQL of the dashboard's aggregate charts over one run's stored verdicts (whole workspace). */
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { queryRows } from '../../../db/rows';

export type ChartRun = { id: number; as_of: string; customers: number; settings: unknown };

export function createValueChartsRepository(db: Db) {
  return {
    /** A finished run of the workspace: `runId`, else the latest one. */
    async doneRun(workspaceId: number, runId?: number): Promise<ChartRun | undefined> {
      const [row] = await queryRows<ChartRun>(
        db,
        sql`select id::float8 as id, as_of::text as as_of, customers, settings from value_runs
             where workspace_id = ${workspaceId} and status = 'done'
               ${runId === undefined ? sql`` : sql`and id = ${runId}`}
             order by id desc limit 1`,
      );
      return row;
    },

    /** Every `step`-th rank, the first and last, and the last rank of each ABC class. */
    pareto(workspaceId: number, runId: number, step: number, last: number) {
      return queryRows<{ rank: number; cum: number | null; abc: 'A' | 'B' | 'C' }>(
        db,
        sql`with rc as (select abc_rank, abc_cum_share, abc from value_run_customers
                         where workspace_id = ${workspaceId} and run_id = ${runId}),
                 ends as (select max(abc_rank) as r from rc group by abc)
            select abc_rank as rank, abc_cum_share as cum, abc from rc
             where abc_rank % ${step} = 0 or abc_rank = 1 or abc_rank = ${last}
                or abc_rank in (select r from ends)
             order by abc_rank`,
      );
    },

    /** Per tier: customers with a CLV, its sum and quantiles (yuan), and churn risk per band of 10. */
    clvByTier(workspaceId: number, runId: number) {
      return queryRows<{
        tier: 'MVC' | 'STC' | 'BZ';
        n: number;
        sum: number | null;
        q: number[] | null;
        bands: number[];
      }>(
        db,
        sql`select tier, count(clv)::int as n, sum(clv)::float8 as sum,
                   percentile_cont(array[0.1, 0.25, 0.5, 0.75, 0.9]) within group (order by clv::float8) as q,
                   array[${sql.join(
                     Array.from({ length: 10 }, (_, k) =>
                       k === 9
                         ? sql`count(*) filter (where churn_risk >= 90)::int`
                         : sql`count(*) filter (where churn_risk >= ${k * 10} and churn_risk < ${k * 10 + 10})::int`,
                     ),
                     sql`, `,
                   )}] as bands
              from value_run_customers
             where workspace_id = ${workspaceId} and run_id = ${runId}
             group by tier`,
      );
    },

    rfmGrid(workspaceId: number, runId: number) {
      return queryRows<{ r: number | null; f: number | null; n: number; mon: number; m: number | null }>(
        db,
        sql`select r_score as r, f_score as f, count(*)::int as n, avg(monetary)::float8 as mon,
                   avg(m_score)::float8 as m
              from value_run_customers
             where workspace_id = ${workspaceId} and run_id = ${runId}
             group by 1, 2`,
      );
    },
  };
}
