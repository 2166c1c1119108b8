/**
 * One timed classification as a run does it, in one transaction rolled back afterwards (the data set
 * stays as it is): read, (with the models: fit on the sample and score everyone,) classify, COPY every
 * verdict into value_run_customers.
 */
import { withBulkSession } from '../src/db/bulk';
import type { DbHandle } from '../src/db/client';
import { readValueInputs } from '../src/server/domains/customer-metrics';
import { copyVerdicts, insertRun } from '../src/server/domains/value/value-runs.store';
import { BUILTIN_MATRICES } from '../src/shared/analytics/builtin-matrices';
import { classifyLazily } from '../src/shared/analytics/classify';
import { predictForRun } from '../src/shared/analytics/predictions';
import type { ValueSettings } from '../src/shared/analytics/value-settings';
import { VALUE_BENCH_AS_OF } from './value-data';

export type TimedRun = {
  readMs: number;
  /** With the models: the fit (on at most settings.clv.fitSample customers) and the scoring of everyone. */
  fitMs?: number;
  scoreMs?: number;
  fittedOn?: number;
  classifyMs: number;
  storeMs: number;
  totalMs: number;
};

const rollback = new Error('bench: roll back');

export async function timedRun(
  handle: DbHandle,
  ws: number,
  settings: ValueSettings,
  withModels: boolean,
): Promise<TimedRun> {
  // Each rolled-back run leaves a million dead rows (and index entries) that every later COPY has to
  // step over, which no real run meets (runs commit, autovacuum clears aborted ones): clear them first.
  await handle.db.execute('vacuum value_run_customers');
  let out: TimedRun | undefined;
  await withBulkSession(handle, async (session) => {
    const t0 = performance.now();
    const runId = await insertRun(session, {
      workspaceId: ws,
      trigger: 'manual',
      asOf: VALUE_BENCH_AS_OF,
      startedBy: null,
      settings: {},
    });
    const inputs = await readValueInputs(session, { workspaceId: ws, asOf: VALUE_BENCH_AS_OF, settings });
    const t1 = performance.now();
    const predicted = withModels ? predictForRun(inputs, VALUE_BENCH_AS_OF, settings) : null;
    const t2 = performance.now();
    const verdicts = classifyLazily(
      inputs,
      settings,
      BUILTIN_MATRICES,
      VALUE_BENCH_AS_OF,
      predicted?.columns,
    );
    const t3 = performance.now();
    await copyVerdicts(session, ws, runId, verdicts);
    const t4 = performance.now();
    out = {
      readMs: Math.round(t1 - t0),
      ...(predicted
        ? {
            fitMs: predicted.model.fitMs,
            scoreMs: predicted.model.scoreMs,
            fittedOn: predicted.model.fittedOn,
          }
        : {}),
      classifyMs: Math.round(t3 - t2),
      storeMs: Math.round(t4 - t3),
      totalMs: Math.round(t4 - t0),
    };
    throw rollback;
  }).catch((err) => {
    if (err !== rollback) throw err;
  });
  return out!;
}
