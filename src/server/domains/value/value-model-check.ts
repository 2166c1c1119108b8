/**
 * The model check of the latest run (issue 6 items 3 and 5): the run's inputs read again as of a past
 * day (the run's day minus the churn horizon), the models refitted there, and their forecast held
 * against what the customers did since. Stored with the run (value_runs.model_check), audited.
 */
import { withBulkSession } from '../../../db/bulk';
import type { DbHandle } from '../../../db/client';
import type { ModelCheck } from '../../../shared/analytics/churn-api.schema';
import { dayNumber } from '../../../shared/analytics/days';
import { checkModels } from '../../../shared/analytics/model-check';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import { readValueInputs } from '../customer-metrics/value-inputs';
import type { RunRef } from './value-breaches';

/** The day `months` months before `day` (the last day of that month when it is shorter). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const counts = (rows: { k: number | string; n: number }[], key: (k: number | string) => number) =>
  new Map(rows.map((r) => [key(r.k), Number(r.n)]));

export async function checkRunModels(
  handle: DbHandle,
  workspaceId: number,
  run: RunRef,
  settings: ValueSettings,
  actorId: number | null,
): Promise<ModelCheck> {
  const calibrationEnd = monthsBefore(run.asOf, settings.churn.horizonMonths);
  const read = await withBulkSession(handle, async (s) => {
    const inputs = await readValueInputs(s, { workspaceId, asOf: calibrationEnd, settings });
    const holdout = await s.query<{ k: number; n: number }>(
      `select customer_id::float8 as k, count(*)::int as n from customer_order_days
        where workspace_id = $1 and day > $2 and day <= $3 group by 1`,
      [workspaceId, calibrationEnd, run.asOf],
    );
    const births = await s.query<{ k: string; n: number }>(
      `select first_order_on::text as k, count(*)::int as n from customer_metrics
        where workspace_id = $1 and first_order_on <= $2 group by 1`,
      [workspaceId, run.asOf],
    );
    const repeats = await s.query<{ k: string; n: number }>(
      `select d.day::text as k, count(*)::int as n
         from customer_order_days d
         join customer_metrics m on m.workspace_id = d.workspace_id and m.customer_id = d.customer_id
        where d.workspace_id = $1 and d.day > m.first_order_on and d.day <= $2
        group by 1`,
      [workspaceId, run.asOf],
    );
    return { inputs, holdout, births, repeats };
  });
  const check = checkModels({
    inputs: read.inputs,
    calibrationEnd,
    holdoutEnd: run.asOf,
    settings,
    holdoutDays: counts(read.holdout, Number),
    births: counts(read.births, (k) => dayNumber(String(k))),
    repeats: counts(read.repeats, (k) => dayNumber(String(k))),
  });
  await withBulkSession(handle, async (s) => {
    await s.query('update value_runs set model_check = $3::jsonb where workspace_id = $1 and id = $2', [
      workspaceId,
      run.id,
      JSON.stringify(check),
    ]);
    await s.query(
      `insert into audit_log (workspace_id, entity, entity_id, action, actor_id, after)
       values ($1, 'value_model_check', $2, 'create', $3, $4::jsonb)`,
      [
        workspaceId,
        run.id,
        actorId,
        JSON.stringify({
          calibrationEnd,
          holdoutEnd: run.asOf,
          churnAuc: check.churnAuc,
          scored: check.scored,
        }),
      ],
    );
  });
  return check;
}
