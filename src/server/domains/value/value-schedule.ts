/**
 * The nightly classification, in-process: every minute each workspace whose settings ask for it and
 * whose local hour (its time zone) is the configured one gets a run, once per day. With several
 * instances on one PostgreSQL database, the run's advisory lock and the check for the day's finished
 * scheduled run (both inside the run's transaction) let exactly one of them run it. On the embedded
 * database the single process is the only instance.
 */
import type { Db } from '../../../db/client';
import { workspaces } from '../../../db/schema';
import { todayIn } from '../quality/quality.service';
import type { ValueConfigService } from './value-config.service';
import type { ValueRuns } from './value-runs';

const hourFormats = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) at `at` in a time zone. */
export function localHour(at: Date, timeZone: string): number {
  let f = hourFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormats.set(timeZone, f);
  }
  return Number(f.format(at));
}

export type ValueSchedule = {
  /** One pass over the workspaces (the timer calls it every minute); resolves when its runs end. */
  tick(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
};

export function createValueSchedule(
  db: Db,
  runs: ValueRuns,
  config: ValueConfigService,
  opts: { now?: () => Date; intervalMs?: number; onError?: (err: unknown) => void } = {},
): ValueSchedule {
  const now = opts.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> | undefined;

  async function pass(): Promise<number> {
    let started = 0;
    const rows = await db.select({ id: workspaces.id, timeZone: workspaces.timeZone }).from(workspaces);
    for (const ws of rows) {
      const { schedule } = await config.currentSettings(ws.id);
      if (!schedule.nightly || localHour(now(), ws.timeZone) !== schedule.hour || runs.isRunning(ws.id))
        continue;
      try {
        const asOf = todayIn(ws.timeZone, now());
        if (await runs.run(ws.id, { trigger: 'schedule', oncePerDay: true, asOf })) started++;
      } catch (err) {
        // Another instance holds the run lock: it runs the night's classification.
        if ((err as { code?: string }).code !== 'run_in_progress') opts.onError?.(err);
      }
    }
    return started;
  }

  function tick(): Promise<number> {
    current ??= pass().finally(() => {
      current = undefined;
    });
    return current;
  }

  return {
    tick,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((err) => opts.onError?.(err));
      }, opts.intervalMs ?? 60_000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await current?.catch(() => {});
    },
  };
}
