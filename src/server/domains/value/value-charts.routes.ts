import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { VALUE_TIERS } from '../../../shared/analytics/value.contract';
import {
  type ClvByTier,
  ClvByTierSchema,
  PARETO_POINTS,
  type Pareto,
  ParetoSchema,
  type RfmGrid,
  RfmGridSchema,
  RunChartQuerySchema,
} from '../../../shared/analytics/value-charts.schema';
import type { Actor } from '../../../shared/auth/roles';
import { requireActor } from '../../plugins/auth';
import { valueErrors } from './value.errors';
import { createValueChartsRepository } from './value-charts.repository';
import { runSettings } from './value-read.service';

const tags = ['value'];

/** The dashboard's aggregate charts of a finished run (whole workspace, like the run's summary). */
export function createValueCharts(repo: ReturnType<typeof createValueChartsRepository>) {
  async function runOf(actor: Actor, runId?: number) {
    const run = await repo.doneRun(actor.workspaceId, runId);
    if (!run) throw valueErrors.error('no_runs');
    return run;
  }
  return {
    async pareto(actor: Actor, runId?: number): Promise<Pareto> {
      const run = await runOf(actor, runId);
      const step = Math.max(1, Math.ceil(run.customers / PARETO_POINTS));
      const rows = await repo.pareto(actor.workspaceId, run.id, step, run.customers);
      // After the last positive value the cumulative share stays where it reached (null in storage).
      let reached = 0;
      const points = rows.map((p) => {
        reached = p.cum ?? reached;
        return { rank: p.rank, cumShare: reached, abc: p.abc };
      });
      return {
        run: { id: run.id, asOf: run.as_of },
        basis: runSettings(run.settings).abc.basis,
        customers: run.customers,
        points,
      };
    },

    async clvByTier(actor: Actor, runId?: number): Promise<ClvByTier> {
      const run = await runOf(actor, runId);
      const rows = new Map((await repo.clvByTier(actor.workspaceId, run.id)).map((r) => [r.tier, r]));
      return {
        run: { id: run.id, asOf: run.as_of },
        tiers: VALUE_TIERS.map((tier) => {
          const r = rows.get(tier);
          const q = r?.q ?? [];
          return {
            tier,
            customers: r?.n ?? 0,
            sum: r?.sum ?? 0,
            p10: q[0] ?? 0,
            p25: q[1] ?? 0,
            median: q[2] ?? 0,
            p75: q[3] ?? 0,
            p90: q[4] ?? 0,
            riskBands: r?.bands ?? new Array(10).fill(0),
          };
        }),
      };
    },

    async rfmGrid(actor: Actor, runId?: number): Promise<RfmGrid> {
      const run = await runOf(actor, runId);
      const rows = await repo.rfmGrid(actor.workspaceId, run.id);
      return {
        run: { id: run.id, asOf: run.as_of },
        cells: rows
          .filter((c) => c.r !== null && c.f !== null)
          .map((c) => ({ r: c.r!, f: c.f!, count: c.n, avgMonetary: c.mon, avgM: c.m ?? 0 })),
        unscored: rows.filter((c) => c.r === null || c.f === null).reduce((s, c) => s + c.n, 0),
      };
    },
  };
}

export const valueChartsRoutes: FastifyPluginAsyncZod = async (app) => {
  const charts = createValueCharts(createValueChartsRepository(app.dbHandle.db));

  app.get(
    '/value/charts/pareto',
    {
      schema: {
        tags,
        summary: 'The Pareto curve of a finished run (latest by default): cumulative value share by rank',
        querystring: RunChartQuerySchema,
        response: { 200: ParetoSchema },
      },
    },
    async (request) => charts.pareto(requireActor(request), request.query.run),
  );

  app.get(
    '/value/charts/rfm-grid',
    {
      schema: {
        tags,
        summary: 'Customers and mean monetary value per RFM (R, F) score pair of a finished run',
        querystring: RunChartQuerySchema,
        response: { 200: RfmGridSchema },
      },
    },
    async (request) => charts.rfmGrid(requireActor(request), request.query.run),
  );

  app.get(
    '/value/charts/clv-by-tier',
    {
      schema: {
        tags,
        summary:
          'Customer lifetime value per tier of a finished run (sum and quantiles, yuan) and customers per churn-risk band',
        querystring: RunChartQuerySchema,
        response: { 200: ClvByTierSchema },
      },
    },
    async (request) => charts.clvByTier(requireActor(request), request.query.run),
  );
};
