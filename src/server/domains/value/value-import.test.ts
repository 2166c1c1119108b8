import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueRuns } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { DEFAULT_VALUE_SETTINGS } from '../../../shared/analytics/value-settings';
import { createTestApp, type TestApp } from '../../testing';

const drivers = await testDrivers();

describe.each(drivers)('a classification after each web import on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const importCustomers = async (rows: string[]) => {
    const { admin } = t.fx.users;
    const up = await t.as(admin, {
      method: 'POST',
      url: '/api/v1/imports?fileName=c.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: Buffer.from(['code,name', ...rows].join('\r\n')),
    });
    const id = up.json().id;
    const run = await t.as(admin, {
      method: 'POST',
      url: `/api/v1/imports/${id}/run`,
      payload: {
        entity: 'customers',
        mode: 'all-or-nothing',
        mapping: { customer_code: 'code', name: 'name' },
      },
    });
    expect(run.statusCode, run.body).toBe(202);
    for (;;) {
      const state = (await t.as(admin, { method: 'GET', url: `/api/v1/imports/${id}` })).json();
      if (state.status !== 'running') return state;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const importRuns = async () => {
    await t.app.services.value.close(); // waits for the background run
    return t.db.db
      .select()
      .from(valueRuns)
      .where(and(eq(valueRuns.workspaceId, t.fx.workspaceId), eq(valueRuns.trigger, 'import')));
  };

  it('runs after an import that wrote rows, unless the settings say not to', async () => {
    expect(await importCustomers(['IMP-1,导入一号公司', 'IMP-2,导入二号公司'])).toMatchObject({
      written: true,
    });
    expect(await importRuns()).toMatchObject([{ status: 'done', customers: 2 }]);
    await t.app.services.value.config.updateSettings(t.fx.users.admin, {
      settings: {
        ...DEFAULT_VALUE_SETTINGS,
        schedule: { ...DEFAULT_VALUE_SETTINGS.schedule, afterImport: false },
      },
      version: 1,
    });
    expect(await importCustomers(['IMP-3,导入三号公司'])).toMatchObject({ written: true });
    expect(await importRuns()).toHaveLength(1);
  });
});
