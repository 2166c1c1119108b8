import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MATRICES } from './builtin-matrices';
import { classifyCustomers } from './classify';
import { customer } from './value.test-support';
import { DEFAULT_VALUE_SETTINGS } from './value-settings';

const AS_OF = '2026-11-30';
const days = ['2026-11-30', '2026-11-01', '2026-06-15', '2025-12-31', '2025-01-01'];

const base = fc.array(
  fc.record({
    profit: fc.integer({ min: -50_000, max: 1_000_000 }),
    profit12m: fc.integer({ min: -50_000, max: 500_000 }),
    last: fc.option(fc.constantFrom(...days)),
    freq: fc.integer({ min: 1, max: 6 }),
    monetary: fc.integer({ min: -1_000, max: 100_000 }),
    visits: fc.integer({ min: 0, max: 3 }),
    budget: fc.option(fc.integer({ min: 1, max: 1_000_000 })),
    rating: fc.option(fc.constantFrom('C', 'BBB', 'AAA', 'X')),
  }),
  { maxLength: 120 },
);

describe('classifyCustomers properties', () => {
  it('partitions every base into classes, segments, tiers; A reaches the cut; scores in 1–5', () => {
    fc.assert(
      fc.property(base, (rows) => {
        const inputs = rows.map((r, i) =>
          customer({
            code: `K${String(i).padStart(4, '0')}`,
            profitCents: r.profit,
            profit12mCents: r.profit12m,
            windowLastOrderOn: r.last,
            windowPurchaseDays: r.last ? r.freq : 0,
            windowRevenueCents: r.last ? r.monetary : 0,
            activities12m: { visit: r.visits },
            budgetCents: r.budget,
            factors: { revenue_band: '50m_200m', credit_rating: r.rating },
          }),
        );
        const { verdicts, summary } = classifyCustomers(
          inputs,
          DEFAULT_VALUE_SETTINGS,
          BUILTIN_MATRICES,
          AS_OF,
        );
        const n = inputs.length;
        expect(verdicts).toHaveLength(n);
        const sum = (o: Record<string, { count: number }>) =>
          Object.values(o).reduce((s, b) => s + b.count, 0);
        expect(sum(summary.abc)).toBe(n);
        expect(sum(summary.tiers)).toBe(n);
        expect(sum(summary.segments)).toBe(n);
        expect(sum(summary.cells.size_credit!)).toBe(verdicts.filter((v) => v.cells.size_credit).length);
        const total = rows.reduce((s, r) => s + Math.max(0, r.profit), 0);
        expect(summary.totalPositiveValueCents).toBe(total);
        if (total > 0) expect(summary.abc.A.valueCents / total).toBeGreaterThanOrEqual(0.8);
        verdicts.forEach((v, i) => {
          const row = rows[i]!;
          if (v.abc !== 'C') expect(row.profit).toBeGreaterThan(0);
          expect(v.flags.includes('negative_value')).toBe(row.profit < 0);
          expect(v.rfm === null).toBe(row.last === null);
          if (v.rfm) for (const s of [v.rfm.r, v.rfm.f, v.rfm.m]) expect([1, 2, 3, 4, 5]).toContain(s);
          expect(v.actualValueCents).toBe(row.profit12m - row.visits * 80_000);
          expect(v.tier === 'BZ').toBe(v.actualValueCents < 0);
          if (v.highPotential) expect(v.tier).toBe('STC');
          expect(v.cells.size_credit === undefined).toBe(row.rating === null || row.rating === 'X');
          expect(v.abcExplain.rank).toBeGreaterThanOrEqual(1);
          expect(v.abcExplain.rank).toBeLessThanOrEqual(n);
        });
        expect(new Set(verdicts.map((v) => v.abcExplain.rank)).size).toBe(n);
      }),
      { numRuns: 150 },
    );
  });
});
