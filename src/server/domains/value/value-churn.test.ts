import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';

const drivers = await testDrivers();
const AS_OF = '2026-06-30';

/**
 * 120 customers of EAST (owned by `sales`) and NORTH (`salesNorth`), entered in SQL (the triggers keep
 * their metrics): customer i buys every 7 + i % 40 days from 2024-01-0x, the last third stopping early
 * (i % 3 = 0: at the end of 2025), a few buying once only.
 */
async function seed(t: TestApp) {
  const ws = t.fx.workspaceId;
  const { sales, salesNorth } = t.fx.users;
  const { east, north } = t.fx.branches;
  await t.db.db.execute(sql`
    insert into customers (workspace_id, code, name, type, status, owner_id, branch_id)
    select ${ws}::bigint, 'CH-' || lpad(i::text, 3, '0'), '流失测试客户' || i, 'enterprise', 'active',
           case when i % 2 = 0 then ${sales.userId}::bigint else ${salesNorth.userId}::bigint end,
           case when i % 2 = 0 then ${east}::bigint else ${north}::bigint end
      from generate_series(1, 120) i`);
  await t.db.db.execute(sql`
    insert into orders (workspace_id, order_no, customer_id, ordered_at, status, total_amount, total_cost)
    select ${ws}::bigint, 'CHO-' || c.code || '-' || k, c.id,
           date '2024-01-01' + (c.n % 9) + k * (7 + c.n % 40), 'completed', 100 + (c.n * 37 + k * 11) % 900, 60
      from (select id, code, substr(code, 4)::int as n from customers where workspace_id = ${ws} and code like 'CH-%') c
      cross join generate_series(0, 120) k
     where date '2024-01-01' + (c.n % 9) + k * (7 + c.n % 40)
           <= case when c.n % 3 = 0 then date '2025-12-31' else ${AS_OF}::date end
       and (c.n % 17 <> 0 or k = 0)`);
}

describe.each(drivers)('churn lists, their tasks and the models on %s', (kind) => {
  let t: TestApp;
  const call = (user: TestUser, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.as(user, { method, url, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await seed(t);
    const run = await call(t.fx.users.admin, 'POST', '/api/v1/value/runs', { asOf: AS_OF });
    expect(run.statusCode, run.body).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('shows the fitted models and, in words, why their estimates are to be doubted', async () => {
    const res = await call(t.fx.users.sales, 'GET', '/api/v1/value/model');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.asOf).toBe(AS_OF);
    expect(m.model.bgnbd, m.warnings.join('; ')).not.toBeNull();
    // Clockwork buyers never drop out: the drop-out parameters run to their bound (a caution, not withheld).
    expect(m.model.warnings).toContainEqual({ model: 'bgnbd', code: 'parameter_at_bound', withheld: false });
    expect(m.warnings).toContain('BG/NBD: a parameter reached its bound; the estimates are unreliable');
    expect(m.model).toMatchObject({ period: 'week', horizonPeriods: 52, customers: 120, fittedOn: 120 });
  });

  it('lists the customers at risk that I may see, MVCs first, each with its reasons', async () => {
    const res = await call(t.fx.users.sales, 'GET', '/api/v1/value/churn?list=at_risk&limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      code: string;
      tier: string;
      churnRisk: number;
      reasons: { text: string }[];
      ownerId: number;
    }[];
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((x) => x.ownerId === t.fx.users.sales.userId)).toBe(true);
    expect(items.every((x) => x.churnRisk >= 60)).toBe(true);
    const ranks = items.map((x) => ['MVC', 'STC', 'BZ'].indexOf(x.tier));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // The customers that stopped at the end of 2025 are among them, with a reason in words.
    const stopped = items.filter((x) => Number(x.code.slice(3)) % 3 === 0);
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((x) => x.reasons.length > 0 && x.reasons[0]!.text.length > 5)).toBe(true);
    // Keyset pages give the same customers.
    const paged: string[] = [];
    let cursor = '';
    do {
      const page = (
        await call(
          t.fx.users.sales,
          'GET',
          `/api/v1/value/churn?list=at_risk&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        )
      ).json();
      paged.push(...page.items.map((x: { code: string }) => x.code));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(paged).toEqual(items.map((x) => x.code));
  });

  it('suggests how to win back dormant customers of high past value', async () => {
    const res = await call(t.fx.users.admin, 'GET', '/api/v1/value/churn?list=win_back&limit=200', undefined);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { daysSinceLastOrder: number; action: { key: string; text: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => x.daysSinceLastOrder >= 180 && x.action.text.length > 3)).toBe(true);
    const zh = await t.as(t.fx.users.admin, {
      method: 'GET',
      url: '/api/v1/value/churn?list=win_back&limit=1',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(zh.json().items[0].action.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('draws CLV per tier and the churn-risk bands of the whole base', async () => {
    const res = await call(t.fx.users.sales, 'GET', '/api/v1/value/charts/clv-by-tier');
    expect(res.statusCode, res.body).toBe(200);
    const tiers = res.json().tiers as {
      tier: string;
      customers: number;
      p10: number;
      median: number;
      p90: number;
      riskBands: number[];
    }[];
    expect(tiers.map((x) => x.tier)).toEqual(['MVC', 'STC', 'BZ']);
    expect(tiers.reduce((s, x) => s + x.customers, 0)).toBe(120);
    expect(tiers.flatMap((x) => x.riskBands).reduce((a, b) => a + b, 0)).toBe(120);
    for (const x of tiers.filter((y) => y.customers > 0)) {
      expect(x.riskBands).toHaveLength(10);
      expect(x.p10).toBeLessThanOrEqual(x.median);
      expect(x.median).toBeLessThanOrEqual(x.p90);
    }
  });

  it('checks the models against the six months since a past day, for managers only', async () => {
    const { sales, manager } = t.fx.users;
    expect((await call(sales, 'POST', '/api/v1/value/model-check')).statusCode).toBe(403);
    const res = await call(manager, 'POST', '/api/v1/value/model-check');
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check).toMatchObject({
      calibrationEnd: '2025-12-30',
      holdoutEnd: AS_OF,
      period: 'week',
      scored: 120,
    });
    expect(check.holdoutPeriods).toBeCloseTo(26, 0);
    // The customers who stopped at the end of 2025 (every third) bought nothing in the holdout.
    expect(check.churned).toBeGreaterThanOrEqual(40);
    expect(check.churnAuc).toBeGreaterThan(0.5);
    expect(check.calibrationVsHoldout.length).toBe(8);
    expect(check.tracking.actual.at(-1)).toBeGreaterThan(
      check.tracking.actual[check.tracking.calibrationPeriods - 1],
    );
    const model = (await call(sales, 'GET', '/api/v1/value/model')).json();
    expect(model.check.churnAuc).toBe(check.churnAuc);
  });

  it('opens one task per listed customer for its owner, once, for managers only', async () => {
    const { sales, manager } = t.fx.users;
    expect((await call(sales, 'POST', '/api/v1/value/churn/tasks', { list: 'at_risk' })).statusCode).toBe(
      403,
    );
    const first = await call(manager, 'POST', '/api/v1/value/churn/tasks', { list: 'at_risk' });
    expect(first.statusCode, first.body).toBe(200);
    const r1 = first.json();
    expect(r1.listed).toBeGreaterThan(0);
    expect(r1.created).toBe(r1.listed);
    const again = (await call(manager, 'POST', '/api/v1/value/churn/tasks', { list: 'at_risk' })).json();
    expect(again).toEqual({ listed: r1.listed, created: 0, alreadyOpen: r1.listed });
    const rows = await t.db.db.execute<{ n: number; audited: number; assignees: number }>(sql`
      select count(*)::int as n,
             (select count(*)::int from audit_log a where a.entity = 'task' and a.entity_id = any(array_agg(t.id))
                 and a.actor_id = ${manager.userId}) as audited,
             count(distinct assignee_id)::int as assignees
        from tasks t where t.workspace_id = ${t.fx.workspaceId} and t.source = 'churn'`);
    const row = (rows as unknown as { rows?: unknown[] }).rows?.[0] ?? (rows as unknown as unknown[])[0];
    expect(row).toMatchObject({ n: r1.created, audited: r1.created });
    // The manager of EAST sees only EAST's customers: their owner is `sales`.
    expect((row as { assignees: number }).assignees).toBe(1);
    const listed = (await call(sales, 'GET', '/api/v1/value/churn?list=at_risk&limit=1')).json().items[0];
    expect(listed.taskId).not.toBeNull();
  });
});
