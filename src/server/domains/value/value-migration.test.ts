import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../../db/testing';
import { createTestApp, type TestApp, type TestUser } from '../../testing';
import { AS_OF, makeBase } from './value.test-support';

const drivers = await testDrivers();

/**
 * Run 1 (AS_OF): big MVC, small STC (actual 100), loss BZ (−300), idle STC (0).
 * Run 2 (two years on, nothing bought for 12 months): everyone STC with actual value 0.
 * Read from run 2 to run 1: STC → MVC 1, STC → STC 2, STC → BZ 1; MVC and BZ rows empty (identity).
 */
describe.each(drivers)('value migration, projection and expected value on %s', (kind) => {
  let t: TestApp;
  let run1: number;
  let run2: number;
  const get = (user: TestUser, url: string) => t.as(user, { method: 'GET', url });

  beforeAll(async () => {
    t = await createTestApp(kind);
    await makeBase(t);
    const run = async (asOf: string) =>
      (await t.as(t.fx.users.admin, { method: 'POST', url: '/api/v1/value/runs', payload: { asOf } })).json()
        .id;
    run1 = await run(AS_OF);
    run2 = await run('2028-06-30');
  });
  afterAll(() => t.close());

  it('counts the movement between the last two runs by default', async () => {
    const m = (await get(t.fx.users.admin, '/api/v1/value/migration')).json();
    expect(m).toMatchObject({
      fromRun: { id: run1, asOf: AS_OF },
      toRun: { id: run2, asOf: '2028-06-30' },
      states: ['MVC', 'STC', 'BZ'],
      counts: [
        [0, 1, 0],
        [0, 2, 0],
        [0, 1, 0],
      ],
      entered: [0, 0, 0],
      left: [0, 0, 0],
    });
    const abc = (await get(t.fx.users.admin, '/api/v1/value/migration?dimension=abc')).json();
    expect(abc.states).toEqual(['A', 'B', 'C']);
    expect(abc.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(4);
    const seg = (await get(t.fx.users.admin, '/api/v1/value/migration?dimension=segment')).json();
    expect(seg.states).toContain('no_rfm');
    expect(seg.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(4);
  });

  it('counts only the customers the caller may see', async () => {
    const m = (await get(t.fx.users.sales, `/api/v1/value/migration?from=${run2}&to=${run1}`)).json();
    expect(m.counts).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    const other = (await get(t.fx.users.otherAdmin, '/api/v1/value/migration')).json();
    expect(other).toMatchObject({
      fromRun: null,
      toRun: null,
      counts: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    });
    expect((await get(t.fx.users.otherAdmin, `/api/v1/value/migration?to=${run1}`)).statusCode).toBe(404);
  });

  it('projects the distribution k runs ahead', async () => {
    const p = (
      await get(t.fx.users.admin, `/api/v1/value/projection?from=${run2}&to=${run1}&steps=2`)
    ).json();
    expect(p.migration.matrix).toEqual([
      [1, 0, 0],
      [0.25, 0.5, 0.25],
      [0, 0, 1],
    ]);
    expect(p.migration.emptyRows).toEqual(['MVC', 'BZ']);
    expect(p.distributions).toHaveLength(3);
    expect(p.distributions[0]).toEqual([0.25, 0.5, 0.25]);
    const near = (got: number[], want: number[]) => {
      for (const [i, x] of got.entries()) expect(x).toBeCloseTo(want[i]!, 12);
    };
    near(p.distributions[1], [0.375, 0.25, 0.375]);
    near(p.distributions[2], [0.4375, 0.125, 0.4375]);
  });

  it('values each state with the Pfeifer & Carraway model', async () => {
    const url = `/api/v1/value/expected-value?from=${run2}&to=${run1}&discountRate=0.1`;
    const e = (await get(t.fx.users.admin, url)).json();
    expect(e.reward).toEqual([39200, 50, -300]);
    // MVC and BZ absorb: R·(1+d)/d; STC: V = 50 + (0.25·V_MVC + 0.5·V + 0.25·V_BZ)/1.1.
    const [mvc, stc, bz] = e.value;
    expect(mvc).toBeCloseTo(431_200, 6);
    expect(bz).toBeCloseTo(-3_300, 6);
    expect(stc).toBeCloseTo(((50 + (0.25 * 431_200 - 0.25 * 3_300) / 1.1) * 1.1) / 0.6, 6);
    const one = (await get(t.fx.users.admin, `${url}&horizon=1`)).json();
    expect(one.horizon).toBe(1);
    expect(one.value[0]).toBeCloseTo(39_200 + 39_200 / 1.1, 6);
    const bad = await get(t.fx.users.admin, `${url.replace('0.1', '0')}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('discountRate');
  });
});
