/**
 * Classification runs (价值分类): one transaction reads every customer's inputs from the metric tables,
 * refits the lifetime-value models and scores every customer (predictions.ts), classifies them with the
 * pure engine (CLV as the strategic value) and COPies every verdict into value_run_customers, so a
 * customer's history and the base's movement are kept. One run per workspace at a time (a PostgreSQL
 * advisory lock, and an in-process guard for the embedded database's single connection); a failed run
 * leaves a row with its error, written in a transaction of its own.
 */
import { eq } from 'drizzle-orm';
import { withBulkSession } from '../../../db/bulk';
import type { DbHandle } from '../../../db/client';
import { valueRuns, workspaces } from '../../../db/schema';
import { classifyLazily } from '../../../shared/analytics/classify';
import { predictForRun, type RunModel } from '../../../shared/analytics/predictions';
import type { ClassificationSummary } from '../../../shared/analytics/value.contract';
import type { RunTrigger } from '../../../shared/analytics/value-api.schema';
import type { Actor } from '../../../shared/auth/roles';
import { readValueInputs } from '../customer-metrics/value-inputs';
import { todayIn } from '../quality/quality.service';
import { valueErrors } from './value.errors';
import type { ValueConfigService } from './value-config.service';
import { copyVerdicts, finishRun, insertRun, scheduledRunExists, tryRunLock } from './value-runs.store';

export type RunPhase = 'read' | 'predict' | 'classify' | 'write';
export type RunProgress = { phase: RunPhase; done: number; total: number | null };

export type RunOptions = {
  trigger: RunTrigger;
  actor?: Pick<Actor, 'userId'> | null;
  /** The day judged as today (default: today in the workspace's time zone). */
  asOf?: string;
  /** The nightly run: skipped (null) when a scheduled run of the day finished already. */
  oncePerDay?: boolean;
  onProgress?: (p: RunProgress) => void;
};

export type RunResult = { runId: number; asOf: string; summary: ClassificationSummary; model: RunModel };

/** Errors worth a row of their own: anything but "another run holds the lock". */
const recordable = (err: unknown) =>
  !(err instanceof Error && 'code' in err && err.code === 'run_in_progress');

export function createValueRuns(
  handle: DbHandle,
  config: ValueConfigService,
  hooks: {
    afterRun?: (workspaceId: number, result: RunResult) => Promise<unknown>;
    onError?: (err: unknown) => void;
  } = {},
) {
  const db = handle.db;
  const running = new Set<number>();

  async function timeZoneOf(workspaceId: number) {
    const [row] = await db
      .select({ timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    return row?.timeZone ?? 'Asia/Shanghai';
  }

  async function recordFailure(
    workspaceId: number,
    opts: RunOptions,
    asOf: string,
    settings: unknown,
    err: unknown,
  ) {
    const message = err instanceof Error ? err.message : String(err);
    await db.insert(valueRuns).values({
      workspaceId,
      status: 'failed',
      trigger: opts.trigger,
      asOf,
      startedBy: opts.actor?.userId ?? null,
      settings,
      finishedAt: new Date(),
      error: message.slice(0, 2000),
    });
  }

  /** Classifies every customer of the workspace; null when `oncePerDay` found the day's run done. */
  async function run(workspaceId: number, opts: RunOptions): Promise<RunResult | null> {
    if (running.has(workspaceId)) throw valueErrors.error('run_in_progress');
    running.add(workspaceId);
    const progress = opts.onProgress ?? (() => {});
    let asOf = opts.asOf ?? '';
    let used: unknown = {};
    try {
      asOf ||= todayIn(await timeZoneOf(workspaceId));
      const settings = await config.currentSettings(workspaceId);
      const matrices = await config.activeMatrices(workspaceId);
      used = { settings, matrices };
      const result = await withBulkSession(handle, async (s) => {
        if (!(await tryRunLock(s, workspaceId))) throw valueErrors.error('run_in_progress');
        if (opts.oncePerDay && (await scheduledRunExists(s, workspaceId, asOf))) return null;
        const runId = await insertRun(s, {
          workspaceId,
          trigger: opts.trigger,
          asOf,
          startedBy: opts.actor?.userId ?? null,
          settings: used,
        });
        progress({ phase: 'read', done: 0, total: null });
        const inputs = await readValueInputs(s, { workspaceId, asOf, settings });
        progress({ phase: 'predict', done: 0, total: inputs.length });
        const predicted = predictForRun(inputs, asOf, settings);
        progress({ phase: 'classify', done: 0, total: inputs.length });
        const verdicts = classifyLazily(inputs, settings, matrices, asOf, predicted.columns);
        const { summary } = verdicts;
        progress({ phase: 'write', done: 0, total: verdicts.count });
        await copyVerdicts(s, workspaceId, runId, verdicts, (done) =>
          progress({ phase: 'write', done, total: verdicts.count }),
        );
        await finishRun(s, {
          workspaceId,
          runId,
          summary,
          model: predicted.model,
          actorId: opts.actor?.userId ?? null,
        });
        return { runId, asOf, summary, model: predicted.model };
      });
      // Follow-up work (breach tasks) is not part of the run: its failure leaves the run done.
      if (result) await hooks.afterRun?.(workspaceId, result).catch((err) => hooks.onError?.(err));
      return result;
    } catch (err) {
      if (recordable(err) && asOf) await recordFailure(workspaceId, opts, asOf, used, err).catch(() => {});
      throw err;
    } finally {
      running.delete(workspaceId);
    }
  }

  return { run, isRunning: (workspaceId: number) => running.has(workspaceId) };
}

export type ValueRuns = ReturnType<typeof createValueRuns>;
