import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, tasks, valueMatrices, valueRunCustomers, valueRuns } from '../../../db/schema';
import { testDrivers } from '../../../db/testing';
import { SIZE_CREDIT_MATRIX } from '../../../shared/analytics/builtin-matrices';
import { createTestApp, type TestApp, type TestUser } from '../../testing';
import { AS_OF, type Base, makeBase } from './value.test-support';
import { KEHU_VALUE_RUN } from './value-runs.store';

const drivers = await testDrivers();

describe.each(drivers)('value runs, breaches and the read API on %s', (kind) => {
  let t: TestApp;
  let base: Base;
  const call = (user: TestUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
    t.as(user, { method, url, ...(payload ? { payload } : {}) });
  const runNow = async (asOf: string) => {
    const res = await call(t.fx.users.admin, 'POST', '/api/v1/value/runs', { asOf });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    base = await makeBase(t);
    const { admin } = t.fx.users;
    for (const payload of [
      { targetKind: 'tier', targetKey: 'MVC', visitIntervalDays: 30, strategy: 'retain' },
      { targetKind: 'abc', targetKey: 'A', visitIntervalDays: 90 },
      {
        targetKind: 'tier',
        targetKey: 'BZ',
        dedicatedManager: true,
        responseHours: 48,
        strategy: 'reduce_cost',
      },
    ])
      expect((await call(admin, 'POST', '/api/v1/value/policies', payload)).statusCode).toBe(201);
  });
  afterAll(() => t.close());

  it('classifies every customer, stores every verdict and audits the run', async () => {
    expect((await call(t.fx.users.sales, 'POST', '/api/v1/value/runs', {})).statusCode).toBe(403);
    const run = await runNow(AS_OF);
    expect(run).toMatchObject({ status: 'done', trigger: 'manual', asOf: AS_OF, customers: 4 });
    expect(run.summary.tiers.MVC.count).toBe(1);
    expect(run.summary.tiers.BZ.count).toBe(1);
    const rows = await t.db.db.select().from(valueRunCustomers).where(eq(valueRunCustomers.runId, run.id));
    const by = new Map(rows.map((r) => [r.customerId, r]));
    expect(rows).toHaveLength(4);
    // big: 10 × (10,000 − 6,000) − one visit (800) = 39,200
    expect(by.get(base.big)).toMatchObject({ abc: 'A', tier: 'MVC', actualValue: '39200.00', abcRank: 1 });
    expect(by.get(base.loss)).toMatchObject({ tier: 'BZ', abc: 'C', actualValue: '-300.00' });
    expect(by.get(base.idle)!.flags).toContain('no_orders');
    const audit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'value_run'), eq(auditLog.entityId, run.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(t.fx.users.admin.userId);
  });

  it('explains a customer’s verdict to those who may see the customer', async () => {
    const { sales, salesNorth } = t.fx.users;
    const res = await t.as(sales, { method: 'GET', url: `/api/v1/customers/${base.big}/value` });
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v.latest).toMatchObject({ abc: 'A', tier: 'MVC', abcRank: 1, abcOf: 4, actualValue: '39200.00' });
    expect(v.latest.explanation[0]).toMatch(
      /^A: cumulative profit share 99\.\d% at rank 1 of 4 \(A cut-off 80%\)$/,
    );
    expect(v.latest.explanation[2]).toBe(
      'MVC: actual value 39,200.00, among the customers making the top share of actual value',
    );
    expect(v.latest.explanation[1]).toMatch(
      /^Champions: R \d \(last order 20 days ago\), F \d \(10 purchase days\)/,
    );
    // Four customers are too few for the lifetime-value models: withheld, not invented.
    expect(v.latest.prediction).toEqual({
      period: 'week',
      horizonPeriods: 52,
      pAlive: null,
      expectedPurchases: null,
      expectedSpend: null,
      clv: null,
      churnRisk: null,
      reasons: [],
    });
    expect(v.history).toHaveLength(1);
    expect((await call(salesNorth, 'GET', `/api/v1/customers/${base.big}/value`)).statusCode).toBe(404);
  });

  it('lists breaches per viewer and opens one task per breach, never two', async () => {
    const { admin, sales, sales2, managerNorth } = t.fx.users;
    const all = (await t.as(admin, { method: 'GET', url: '/api/v1/value/breaches' })).json();
    expect(all.items.map((b: { customerId: number; rule: string }) => [b.customerId, b.rule])).toEqual(
      [
        [base.big, 'visit_interval'],
        [base.loss, 'dedicated_manager'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    const visit = all.items.find((b: { rule: string }) => b.rule === 'visit_interval');
    expect(visit).toMatchObject({ limitDays: 30, days: 60, lastVisitOn: '2026-05-01', targetKey: 'MVC' });
    expect(visit.message).toBe('MVC not visited in 60 days; policy 30');
    const zh = await t.as(sales, {
      method: 'GET',
      url: '/api/v1/value/breaches',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().items.map((b: { message: string }) => b.message)).toEqual([
      'MVC 客户已 60 天未拜访；策略要求每 30 天拜访',
    ]);
    expect((await call(sales2, 'GET', '/api/v1/value/breaches')).json().items).toEqual([]);
    const east = (await call(t.fx.users.manager, 'GET', '/api/v1/value/breaches')).json().items;
    expect(east.map((b: { customerId: number }) => b.customerId)).toEqual([base.big]);
    const north = (await call(managerNorth, 'GET', '/api/v1/value/breaches')).json().items;
    expect(north.map((b: { customerId: number }) => b.customerId)).toEqual([base.loss]);

    // The run opened the tasks: the owner's, and for the customer without owner its branch manager's.
    const open = await t.db.db.select().from(tasks).where(eq(tasks.source, 'policy'));
    expect(open.map((x) => [x.customerId, x.assigneeId, x.dueOn]).sort()).toEqual(
      [
        [base.big, sales.userId, '2026-07-07'],
        [base.loss, managerNorth.userId, '2026-07-02'],
      ].sort(),
    );
    expect(visit.taskId).toBe(open.find((x) => x.customerId === base.big)!.id);
    const again = await call(admin, 'POST', '/api/v1/value/breaches/tasks');
    expect(again.json()).toEqual({ breaches: 2, created: 0, alreadyOpen: 2 });
    await runNow(AS_OF);
    expect(await t.db.db.select().from(tasks).where(eq(tasks.source, 'policy'))).toHaveLength(2);
    const mine = (await call(sales, 'GET', '/api/v1/tasks/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toContain('甲大客户');
    const taskAudit = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'task'), eq(auditLog.entityId, mine[0].id)));
    expect(taskAudit).toHaveLength(1);
  });

  it('keeps history and lists the MVCs that moved down', async () => {
    const { admin, sales, sales2 } = t.fx.users;
    // Two years on, nobody bought in the last 12 months: the MVC is an STC now.
    await runNow('2028-06-30');
    const v = (await call(sales, 'GET', `/api/v1/customers/${base.big}/value`)).json();
    expect(v.history.map((h: { tier: string }) => h.tier)).toEqual(['MVC', 'MVC', 'STC']);
    const down = (await call(admin, 'GET', '/api/v1/value/lists?kind=mvc_down')).json();
    expect(down.items).toMatchObject([{ customerId: base.big, previousTier: 'MVC', tier: 'STC' }]);
    expect((await call(sales2, 'GET', '/api/v1/value/lists?kind=mvc_down')).json().items).toEqual([]);
    const runs = (await call(sales, 'GET', '/api/v1/value/runs?limit=2')).json();
    expect(runs.items).toHaveLength(2);
    expect(runs.nextCursor).not.toBeNull();
    const rest = (await call(sales, 'GET', `/api/v1/value/runs?limit=2&cursor=${runs.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    const summary = (await call(sales, 'GET', '/api/v1/value/summary')).json();
    expect(summary.latest.asOf).toBe('2028-06-30');
    expect(summary.previous.asOf).toBe(AS_OF);
  });

  it('refuses a second run of the workspace while one is going', async () => {
    const runs = t.app.services.value.runs;
    const first = runs.run(t.fx.workspaceId, { trigger: 'cli', asOf: AS_OF });
    await expect(runs.run(t.fx.workspaceId, { trigger: 'cli', asOf: AS_OF })).rejects.toMatchObject({
      code: 'run_in_progress',
    });
    await first;
  });

  it.runIf(kind === 'postgres')('answers 409 while another instance holds the run lock', async () => {
    const client = new pg.Client({ connectionString: t.db.url });
    await client.connect();
    try {
      await client.query('select pg_advisory_lock($1, $2)', [KEHU_VALUE_RUN, t.fx.workspaceId]);
      const res = await t.as(t.fx.users.admin, {
        method: 'POST',
        url: '/api/v1/value/runs',
        payload: {},
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({
        code: 'run_in_progress',
        detail: '本工作区正在进行价值分类，请等待其完成后再试。',
      });
    } finally {
      await client.end();
    }
  });

  it('records a failed run with its error, in a transaction of its own', async () => {
    const broken = { ...SIZE_CREDIT_MATRIX, key: 'broken', cells: SIZE_CREDIT_MATRIX.cells.slice(1) };
    const [m] = await t.db.db
      .insert(valueMatrices)
      .values({ workspaceId: t.fx.workspaceId, key: 'broken', definition: broken })
      .returning();
    const before = await t.db.db.select().from(valueRuns).where(eq(valueRuns.status, 'done'));
    await expect(
      t.app.services.value.runs.run(t.fx.workspaceId, { trigger: 'cli', asOf: AS_OF }),
    ).rejects.toThrow();
    const refused = await call(t.fx.users.admin, 'POST', '/api/v1/value/runs', { asOf: AS_OF });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'engine_refused' });
    expect(refused.json().field).toMatch(/^matrices\.broken/);
    expect(refused.json().detail).toContain('Invalid factor matrix');
    await t.db.db.delete(valueMatrices).where(eq(valueMatrices.id, m!.id));
    const [failed] = await t.db.db
      .select()
      .from(valueRuns)
      .where(and(eq(valueRuns.workspaceId, t.fx.workspaceId), eq(valueRuns.status, 'failed')))
      .orderBy(valueRuns.id);
    expect(failed).toMatchObject({ trigger: 'cli', asOf: AS_OF, customers: 0 });
    expect(failed!.error).toMatch(/broken/);
    expect(await t.db.db.select().from(valueRuns).where(eq(valueRuns.status, 'done'))).toHaveLength(
      before.length,
    );
    expect(
      await t.db.db.select().from(valueRunCustomers).where(eq(valueRunCustomers.runId, failed!.id)),
    ).toEqual([]);
  });
});
