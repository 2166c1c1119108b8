import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REASON_BIT, reasonCodes } from './churn-reasons';
import {
  type ChurnInput,
  churnRisk,
  meanIntervalDays,
  reasonsOf,
  scoreChurnColumns,
  significantlyFalling,
} from './churn-score';
import { DEFAULT_CHURN_SETTINGS as S } from './churn-settings';

const steady: ChurnInput = {
  p0: 0.2,
  pAlive: 0.9,
  daysSinceLastOrder: 30,
  purchaseDays: 10,
  meanIntervalDays: 40,
  trend: { pctPerYear: 5, significant: false },
};
const risk = (over: Partial<ChurnInput>) => churnRisk({ ...steady, ...over }, S);

describe('churnRisk', () => {
  it('a steady customer: 100 × p0, no reasons', () => {
    expect(risk({})).toEqual({ score: 20, reasons: [] });
  });

  it('the example: overdue with its figures, low P(alive); neither raises the model score', () => {
    const r = risk({ p0: 0.834, pAlive: 0.18, daysSinceLastOrder: 412, meanIntervalDays: 61 });
    expect(r.score).toBe(83);
    expect(r.reasons).toEqual([
      { code: 'overdue', days: 412, typicalDays: 61 },
      { code: 'low_p_alive', pAlive: 0.18, below: 0.5 },
    ]);
  });

  it.each([
    // [case, input, score, codes]
    ['overdue needs more than factor × interval', { daysSinceLastOrder: 80 }, 20, []],
    ['just beyond it', { daysSinceLastOrder: 81 }, 20, ['overdue']],
    [
      'falling −40 %/year raises by 20 % of the rest',
      { trend: { pctPerYear: -40, significant: true } },
      36,
      ['revenue_falling'],
    ],
    [
      'the trend raise is capped at half',
      { trend: { pctPerYear: -300, significant: true } },
      60,
      ['revenue_falling'],
    ],
    ['not significant: no reason', { trend: { pctPerYear: -60, significant: false } }, 20, []],
    ['above the threshold (−10 > −20): no reason', { trend: { pctPerYear: -10, significant: true } }, 20, []],
    [
      'at the threshold: a reason',
      { trend: { pctPerYear: -20, significant: true } },
      28,
      ['revenue_falling'],
    ],
    ['2 complaints: 0.2', { complaints12m: 2 }, 36, ['complaints']],
    ['9 complaints: capped at 0.3', { complaints12m: 9 }, 44, ['complaints']],
    ['satisfaction 0: 0.3', { satisfaction: 0 }, 44, ['low_satisfaction']],
    ['satisfaction 7: fine', { satisfaction: 7 }, 20, []],
    ['overdue receivables: 0.1', { overdueReceivablesCents: 1 }, 28, ['overdue_receivables']],
    [
      'raises compound: 1 − 0.8 × 0.9 × 0.9',
      { overdueReceivablesCents: 5, complaints12m: 1 },
      35,
      ['overdue_receivables', 'complaints'],
    ],
    [
      'one-time buyer within the horizon',
      { purchaseDays: 1, meanIntervalDays: null, daysSinceLastOrder: 180 },
      20,
      [],
    ],
    [
      'one-time buyer beyond the horizon (182.6 days)',
      { purchaseDays: 1, meanIntervalDays: null, daysSinceLastOrder: 183 },
      20,
      ['no_repeat_purchase'],
    ],
    [
      'no orders: no recency rules',
      { purchaseDays: 0, meanIntervalDays: null, daysSinceLastOrder: null },
      20,
      [],
    ],
    ['p0 out of range is clamped', { p0: 1.2 }, 100, []],
  ] as [string, Partial<ChurnInput>, number, string[]][])('%s', (_name, over, score, codes) => {
    const r = risk(over);
    expect(r.score).toBe(score);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
  });

  it('withheld model: score null, rule-based reasons still listed', () => {
    const r = risk({
      p0: null,
      pAlive: null,
      daysSinceLastOrder: 412,
      meanIntervalDays: 61,
      complaints12m: 1,
    });
    expect(r.score).toBeNull();
    expect(r.reasons.map((x) => x.code)).toEqual(['overdue', 'complaints']);
  });

  it('helpers: mean interval, significant fall (one-sided t with n − 2 df)', () => {
    expect(meanIntervalDays(100, 400, 6)).toBe(60);
    expect(meanIntervalDays(100, 100, 1)).toBeNull();
    expect(significantlyFalling(-1.812, 12)).toBe(true);
    expect(significantlyFalling(-1.8, 12)).toBe(false);
    expect(significantlyFalling(-Infinity, 2)).toBe(false);
  });
});

const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const customer: fc.Arbitrary<ChurnInput> = fc.record({
  p0: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
  pAlive: nullable(fc.double({ min: 0, max: 1, noNaN: true })),
  daysSinceLastOrder: nullable(fc.integer({ min: 0, max: 2_000 })),
  purchaseDays: fc.integer({ min: 0, max: 50 }),
  meanIntervalDays: nullable(fc.double({ min: 1, max: 400, noNaN: true })),
  trend: fc.record({
    pctPerYear: nullable(fc.double({ min: -400, max: 200, noNaN: true })),
    significant: fc.boolean(),
  }),
  complaints12m: fc.integer({ min: 0, max: 5 }),
  satisfaction: nullable(fc.double({ min: 0, max: 10, noNaN: true })),
  overdueReceivablesCents: fc.integer({ min: 0, max: 2 }),
});

describe('scoreChurnColumns', () => {
  it('agrees with churnRisk customer by customer; scores are integers 0–100 or withheld', () => {
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 40 }), (rows) => {
        const n = rows.length;
        const col = (f: (c: ChurnInput) => number | null | undefined) =>
          Float64Array.from(rows, (c) => f(c) ?? Number.NaN);
        const cols = {
          p0: col((c) => c.p0),
          pAlive: col((c) => c.pAlive),
          daysSince: col((c) => c.daysSinceLastOrder),
          purchaseDays: Int32Array.from(rows, (c) => c.purchaseDays),
          meanInterval: col((c) => c.meanIntervalDays),
          trendPct: col((c) => c.trend.pctPerYear),
          trendSignificant: Uint8Array.from(rows, (c) => (c.trend.significant ? 1 : 0)),
          complaints12m: col((c) => c.complaints12m),
          satisfaction: col((c) => c.satisfaction),
          overdueReceivablesCents: col((c) => c.overdueReceivablesCents),
        };
        const out = { score: new Int16Array(n), reasons: new Uint16Array(n) };
        scoreChurnColumns(cols, S, out);
        rows.forEach((c, i) => {
          const single = churnRisk(c, S);
          expect(out.score[i]).toBe(single.score ?? -1);
          expect(reasonsOf(out.reasons[i]!, cols, i, S)).toEqual(single.reasons);
          expect(reasonCodes(out.reasons[i]!)).toEqual(single.reasons.map((r) => r.code));
          if (single.score !== null) {
            expect(Number.isInteger(single.score)).toBe(true);
            expect(single.score).toBeGreaterThanOrEqual(Math.round(100 * c.p0!));
            expect(single.score).toBeLessThanOrEqual(100);
          }
        });
      }),
    );
  });

  it('optional module columns may be absent', () => {
    const one = (v: number) => Float64Array.of(v);
    const cols = {
      p0: one(0.5),
      pAlive: one(Number.NaN),
      daysSince: one(400),
      purchaseDays: one(3),
      meanInterval: one(100),
      trendPct: one(Number.NaN),
      trendSignificant: Uint8Array.of(0),
    };
    const out = { score: new Int16Array(1), reasons: new Uint16Array(1) };
    scoreChurnColumns(cols, S, out);
    expect([out.score[0], out.reasons[0]]).toEqual([50, REASON_BIT.overdue]);
  });
});
