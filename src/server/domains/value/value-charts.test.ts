import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp } from '../../testing';
import { AS_OF, makeBase } from './value.test-support';

const drivers = await testDrivers();

describe.each(drivers)('the value dashboard charts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
    await makeBase(t);
  });
  afterAll(() => t.close());

  it('answers 404 with the reason before any run', async () => {
    const res = await t.as(t.fx.users.sales, { method: 'GET', url: '/api/v1/value/charts/pareto' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('no_runs');
  });

  it('draws the Pareto curve and the R×F grid of the latest run (or a given one)', async () => {
    const run = await t.as(t.fx.users.admin, {
      method: 'POST',
      url: '/api/v1/value/runs',
      payload: { asOf: AS_OF },
    });
    expect(run.statusCode, run.body).toBe(201);
    const runId = run.json().id;

    const pareto = await t.as(t.fx.users.sales, { method: 'GET', url: '/api/v1/value/charts/pareto' });
    expect(pareto.statusCode, pareto.body).toBe(200);
    // big (profit 40,000) and small (100) are the positive values; loss and idle keep the share at 1.
    expect(pareto.json()).toMatchObject({ run: { id: runId, asOf: AS_OF }, basis: 'profit', customers: 4 });
    const points = pareto.json().points as { rank: number; cumShare: number; abc: string }[];
    expect(points.map((p) => p.rank)).toEqual([1, 2, 3, 4]);
    expect(points[0]).toMatchObject({ rank: 1, abc: 'A' });
    expect(points[0]!.cumShare).toBeCloseTo(40_000 / 40_100, 6);
    expect(points[3]!.cumShare).toBeCloseTo(1, 6);
    expect(points.map((p) => p.cumShare)).toEqual([...points.map((p) => p.cumShare)].sort((a, b) => a - b));

    const grid = await t.as(t.fx.users.sales, {
      method: 'GET',
      url: `/api/v1/value/charts/rfm-grid?run=${runId}`,
    });
    expect(grid.statusCode, grid.body).toBe(200);
    const body = grid.json() as { cells: { r: number; f: number; count: number }[]; unscored: number };
    expect(body.unscored).toBe(1); // idle: no orders
    expect(body.cells.reduce((s, c) => s + c.count, 0)).toBe(3);
    for (const c of body.cells) {
      expect(c.r).toBeGreaterThanOrEqual(1);
      expect(c.f).toBeLessThanOrEqual(5);
    }

    // Four customers: the models are withheld, so no tier has a CLV or a risk.
    const clv = await t.as(t.fx.users.sales, { method: 'GET', url: '/api/v1/value/charts/clv-by-tier' });
    expect(clv.statusCode, clv.body).toBe(200);
    for (const x of clv.json().tiers)
      expect(x).toMatchObject({ customers: 0, sum: 0, riskBands: new Array(10).fill(0) });

    const missing = await t.as(t.fx.users.sales, {
      method: 'GET',
      url: `/api/v1/value/charts/rfm-grid?run=${runId + 1000}`,
    });
    expect(missing.statusCode).toBe(404);
  });
});
