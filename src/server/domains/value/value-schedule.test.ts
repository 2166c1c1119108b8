import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../db/client';
import { valueRuns } from '../../../db/schema';
import { isTestServerReachable, testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { createCustomerGate } from '../customers/customers.access';
import { createValue } from '.';
import { makeBase } from './value.test-support';
import { createValueSchedule, localHour } from './value-schedule';

const drivers = await testDrivers();
/** 02:30 in Shanghai on 2026-07-01 (the default nightly hour is 2). */
const NIGHT = new Date('2026-06-30T18:30:00Z');
const NOON = new Date('2026-07-01T04:00:00Z');

it.each([
  [NIGHT, 'Asia/Shanghai', 2],
  [NIGHT, 'UTC', 18],
  [new Date('2026-01-01T00:00:00Z'), 'America/New_York', 19],
])('localHour(%s, %s) = %i', (at, zone, hour) => {
  expect(localHour(at, zone)).toBe(hour);
});

describe.each(drivers)('the nightly classification on %s', (kind) => {
  let t: TestApp;
  const scheduled = () =>
    t.db.db
      .select()
      .from(valueRuns)
      .where(and(eq(valueRuns.workspaceId, t.fx.workspaceId), eq(valueRuns.trigger, 'schedule')));

  beforeAll(async () => {
    t = await createTestApp(kind);
    await makeBase(t);
  });
  afterAll(() => t.close());

  it('runs once a day at the workspace’s hour', async () => {
    const value = t.app.services.value;
    const at = (now: Date) => createValueSchedule(t.db.db, value.runs, value.config, { now: () => now });
    expect(await at(NOON).tick()).toBe(0);
    expect(await at(NIGHT).tick()).toBe(2); // both workspaces of the fixture
    expect(await at(NIGHT).tick()).toBe(0);
    const runs = await scheduled();
    expect(runs).toMatchObject([{ status: 'done', asOf: '2026-07-01', customers: 4 }]);
  });

  it.runIf(kind === 'postgres')('lets one of two instances on one database run it', async () => {
    if (!(await isTestServerReachable())) return;
    const other = await createDb({ databaseUrl: t.db.url, poolSize: 3 });
    try {
      const mine = t.app.services.value;
      const theirs = createValue(
        other,
        createCustomerGate(other.db, async () => {}),
      );
      const NEXT = new Date(NIGHT.getTime() + 86_400_000);
      const a = createValueSchedule(t.db.db, mine.runs, mine.config, { now: () => NEXT });
      const b = createValueSchedule(other.db, theirs.runs, theirs.config, { now: () => NEXT });
      const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
      expect(ranA + ranB).toBe(2); // one run per workspace, whichever instance got there first
      const runs = (await scheduled()).filter((r) => r.asOf === '2026-07-02');
      expect(runs).toHaveLength(1);
      expect(await Promise.all([a.tick(), b.tick()])).toEqual([0, 0]);
    } finally {
      await other.close();
    }
  });

  it('is off when the settings say so, and stops on close', async () => {
    const value = t.app.services.value;
    const settings = await value.config.settings(t.fx.users.admin);
    await value.config.updateSettings(t.fx.users.admin, {
      settings: { ...settings.settings, schedule: { ...settings.settings.schedule, nightly: false } },
      version: settings.version,
    });
    const DAY3 = new Date(NIGHT.getTime() + 2 * 86_400_000);
    const s = createValueSchedule(t.db.db, value.runs, value.config, { now: () => DAY3, intervalMs: 10 });
    expect(await s.tick()).toBe(1); // the other workspace only
    s.start();
    await new Promise((r) => setTimeout(r, 50));
    await s.stop();
    expect((await scheduled()).filter((r) => r.asOf === '2026-07-03')).toHaveLength(0);
  });
});
