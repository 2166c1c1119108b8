import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, valueRunCustomers } from '../../../db/schema';
import { createTestDb, type TestDb, testDrivers } from '../../../db/testing';
import { VALUE_TIERS } from '../../../shared/analytics/value.contract';
import { createCustomerGate } from '../customers/customers.access';
import { seedDemo } from '../demo/demo.service';
import { createValue, type ValueDomain } from '.';

const drivers = await testDrivers();
const NOW = new Date('2026-11-30T04:00:00Z');
const AS_OF = '2026-11-30';

/** The demo data set end to end: metrics from its orders and activities, a run, the same run again. */
describe.each(drivers)('classification of the demo data on %s', (kind) => {
  let db: TestDb;
  let value: ValueDomain;
  let workspaceId: number;

  beforeAll(async () => {
    db = await createTestDb(kind);
    const seeded = await seedDemo(db, { customers: 300, seed: 7, now: NOW });
    workspaceId = seeded.workspaceId;
    value = createValue(
      db,
      createCustomerGate(db.db, async () => {}),
    );
  }, 120_000);
  afterAll(() => db.close());

  const verdicts = (runId: number) =>
    db.db
      .select({
        customerId: valueRunCustomers.customerId,
        abc: valueRunCustomers.abc,
        tier: valueRunCustomers.tier,
        segment: valueRunCustomers.segment,
        actualValue: valueRunCustomers.actualValue,
        rScore: valueRunCustomers.rScore,
        cells: valueRunCustomers.cells,
      })
      .from(valueRunCustomers)
      .where(and(eq(valueRunCustomers.workspaceId, workspaceId), eq(valueRunCustomers.runId, runId)))
      .orderBy(asc(valueRunCustomers.customerId));

  it('judges every customer and keeps identical history for the same day', async () => {
    const first = (await value.runs.run(workspaceId, { trigger: 'cli', asOf: AS_OF }))!;
    const [{ n }] = (await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), isNull(customers.deletedAt)))) as [{ n: number }];
    expect(first.summary.customers).toBe(n);
    const tiers = VALUE_TIERS.map((t) => first.summary.tiers[t].count);
    expect(tiers.reduce((a, b) => a + b, 0)).toBe(n);
    expect(first.summary.tiers.MVC.count).toBeGreaterThan(0);
    expect(first.summary.abc.A.share).toBeGreaterThanOrEqual(0.8);
    const rows = await verdicts(first.runId);
    expect(rows).toHaveLength(n);
    const second = (await value.runs.run(workspaceId, { trigger: 'cli', asOf: AS_OF }))!;
    expect(second.runId).not.toBe(first.runId);
    expect(await verdicts(second.runId)).toEqual(rows);
    expect(second.summary).toEqual(first.summary);
  }, 120_000);

  it('fits the lifetime-value models on the demo orders and scores every buyer', async () => {
    const run = (await value.runs.run(workspaceId, { trigger: 'cli', asOf: AS_OF }))!;
    expect(run.model.bgnbd, JSON.stringify(run.model.warnings)).not.toBeNull();
    expect(run.model.gammaGamma, JSON.stringify(run.model.warnings)).not.toBeNull();
    expect(run.model.warnings.filter((w) => w.withheld)).toEqual([]);
    for (const se of Object.values(run.model.bgnbd!.se)) expect(se).toBeGreaterThan(0);
    const rows = await db.db
      .select({
        pAlive: valueRunCustomers.pAlive,
        clv: valueRunCustomers.clv,
        strategicValue: valueRunCustomers.strategicValue,
        churnRisk: valueRunCustomers.churnRisk,
        flags: valueRunCustomers.flags,
      })
      .from(valueRunCustomers)
      .where(and(eq(valueRunCustomers.workspaceId, workspaceId), eq(valueRunCustomers.runId, run.runId)));
    const buyers = rows.filter((r) => !r.flags.includes('no_orders'));
    expect(buyers.length).toBeGreaterThan(100);
    expect(buyers.filter((r) => r.pAlive !== null).length).toBeGreaterThan(buyers.length / 2);
    for (const r of buyers) {
      // null for a one-time buyer (BG/NBD's P(alive) is 1 by construction there).
      if (r.pAlive !== null) {
        expect(r.pAlive).toBeGreaterThan(0);
        expect(r.pAlive).toBeLessThanOrEqual(1);
      }
      expect(r.churnRisk).toBeGreaterThanOrEqual(0);
      expect(r.churnRisk).toBeLessThanOrEqual(100);
      expect(r.clv).not.toBeNull();
      // CLV is the strategic value (no potential below zero).
      expect(Number(r.strategicValue)).toBe(Math.max(0, Number(r.clv)));
    }
    for (const r of rows.filter((x) => x.flags.includes('no_orders'))) expect(r.pAlive).toBeNull();
  }, 120_000);
});
