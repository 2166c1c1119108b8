import type { DbHandle } from '../../../db/client';
import type {
  ChurnListKind,
  ChurnListQuery,
  ModelCheck,
  ValueModel,
} from '../../../shared/analytics/churn-api.schema';
import { fitWarningText } from '../../../shared/analytics/clv/fit-warning-messages';
import { ENGINE_ERROR_MESSAGES, ValueEngineError } from '../../../shared/analytics/engine-errors';
import type { RunModel } from '../../../shared/analytics/predictions';
import type { BreachQuery } from '../../../shared/analytics/value-read-api.schema';
import { canManageValue } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import type { CustomerGateApi } from '../customers/customers.access';
import { valueErrors } from './value.errors';
import { createValueBreaches } from './value-breaches';
import { createValueChurn } from './value-churn';
import { createValueConfigRepository } from './value-config.repository';
import { createValueConfigService } from './value-config.service';
import { createValueMigration } from './value-migration';
import { checkRunModels } from './value-model-check';
import { createValueReadRepository } from './value-read.repository';
import { createValueReadService, runSettings } from './value-read.service';
import { createValueRuns } from './value-runs';
import { createValueSchedule } from './value-schedule';

export { valueChurnRoutes } from './value-churn.routes';
export { valueConfigRoutes } from './value-config.routes';
export { valueMigrationRoutes } from './value-migration.routes';
export { valueRunsRoutes } from './value-runs.routes';

/**
 * The value domain (价值分析): configuration, runs (with the follow-up tasks of their breaches), the
 * nightly schedule, and the read side. `onError` hears failures of background work (schedule, tasks).
 */
export function createValue(
  handle: DbHandle,
  gate: CustomerGateApi,
  onError: (err: unknown) => void = () => {},
) {
  const db = handle.db;
  const config = createValueConfigService(createValueConfigRepository(db));
  const readRepo = createValueReadRepository(db);
  const read = createValueReadService(readRepo, gate);
  const breaches = createValueBreaches(db);
  const churn = createValueChurn(db);
  const runs = createValueRuns(handle, config, {
    afterRun: (workspaceId, result) =>
      breaches.openTasks(workspaceId, { id: result.runId, asOf: result.asOf }),
    onError,
  });
  const schedule = createValueSchedule(db, runs, config, { onError });

  const pending = new Set<Promise<void>>();

  /** After an import: a run when the workspace's settings ask for one. */
  async function afterImport(workspaceId: number) {
    const settings = await config.currentSettings(workspaceId);
    if (!settings.schedule.afterImport) return null;
    try {
      return await runs.run(workspaceId, { trigger: 'import' });
    } catch (err) {
      // A run going already (another import's, the night's) classifies the data as it is then.
      if ((err as { code?: string }).code === 'run_in_progress') return null;
      throw err;
    }
  }

  const requireManager = (actor: Actor) => {
    if (!canManageValue(actor)) throw valueErrors.error('may_not_classify');
  };

  return {
    config,
    read,
    runs,
    breaches,
    schedule,
    migration: createValueMigration(readRepo),

    /** Runs the classification now for the caller's workspace (admins and managers). */
    async start(actor: Actor, asOf?: string) {
      requireManager(actor);
      try {
        const result = await runs.run(actor.workspaceId, { trigger: 'manual', actor, asOf });
        return read.run(actor, result!.runId);
      } catch (err) {
        // Settings and matrices are checked when saved; this is data stored by an older release or by hand.
        if (err instanceof ValueEngineError) {
          const m = ENGINE_ERROR_MESSAGES[err.code];
          throw valueErrors.error(
            'engine_refused',
            { field: err.path, en: m.en, zh: m.zh },
            { field: err.path },
          );
        }
        throw err;
      }
    },

    afterImport,

    /** After a web import, in the background (errors go to onError; close() waits for it). */
    runAfterImport(workspaceId: number) {
      const work = afterImport(workspaceId)
        .then(() => undefined)
        .catch(onError)
        .finally(() => pending.delete(work));
      pending.add(work);
    },

    /** Stops the schedule and waits for background runs (the app's onClose). */
    async close() {
      await schedule.stop();
      await Promise.all([...pending]);
    },

    async breachList(actor: Actor, q: BreachQuery, locale: Locale) {
      const { latest } = await read.latestTwo(actor.workspaceId);
      if (!latest) return { items: [], nextCursor: null };
      return breaches.list(actor, { id: latest.id, asOf: latest.asOf }, q, locale);
    },

    async openBreachTasks(actor: Actor) {
      requireManager(actor);
      const latest = await read.latestRun(actor);
      return breaches.openTasks(actor.workspaceId, { id: latest.id, asOf: latest.asOf }, actor);
    },

    /** The at-risk or win-back list of the latest run (empty before the first run). */
    async churnList(actor: Actor, q: ChurnListQuery, locale: Locale) {
      const { latest } = await read.latestTwo(actor.workspaceId);
      if (!latest) return { items: [], nextCursor: null };
      const run = { id: latest.id, asOf: latest.asOf };
      return churn.list(actor, run, runSettings(latest.settings), q, locale);
    },

    async openChurnTasks(actor: Actor, list: ChurnListKind, locale: Locale) {
      requireManager(actor);
      const latest = await read.latestRun(actor);
      const run = { id: latest.id, asOf: latest.asOf };
      return churn.openTasks(actor, run, runSettings(latest.settings), list, locale);
    },

    /** Checks the latest run's models against the holdout since a past day (admins and managers). */
    async checkModel(actor: Actor): Promise<ModelCheck> {
      requireManager(actor);
      const latest = await read.latestRun(actor);
      const run = { id: latest.id, asOf: latest.asOf };
      return checkRunModels(handle, actor.workspaceId, run, runSettings(latest.settings), actor.userId);
    },

    /** The latest run's fitted models and their warnings in words (all null before the first run). */
    async model(actor: Actor, locale: Locale): Promise<ValueModel> {
      const { latest } = await read.latestTwo(actor.workspaceId);
      if (!latest) return { runId: null, asOf: null, model: null, warnings: [], check: null };
      const model = (latest.model as RunModel | null) ?? null;
      return {
        runId: latest.id,
        asOf: latest.asOf,
        model,
        warnings: (model?.warnings ?? []).map((w) => fitWarningText(w, locale)),
        check: (latest.modelCheck as ModelCheck | null) ?? null,
      };
    },
  };
}

export type ValueDomain = ReturnType<typeof createValue>;
