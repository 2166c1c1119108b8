import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../db/bulk';
import { ByteWriter } from '../../../db/byte-writer';
import { centsToDecimal } from '../../../db/cents.test-support';
import { type CustomerVerdict, NO_PREDICTION } from '../../../shared/analytics/value.contract';
import { PLACES, runCustomersCopy, writeVerdict } from './value-runs.store';

const verdictLine = (ws: number, runId: number, v: CustomerVerdict) => {
  const w = new ByteWriter(16);
  writeVerdict(w, ws, runId, v);
  return w.take().toString('utf8');
};

/** A figure as the store rounds it, written by toFixed (an independent formatter). */
const rounded = (x: number | null, places: number) =>
  x === null ? null : (Math.round(x * 10 ** places) / 10 ** places).toFixed(places);

/** The generic path verdictLine replaces: a row object keyed as runCustomersCopy, through csvLine. */
function viaCsvLine(ws: number, runId: number, v: CustomerVerdict): string {
  return csvLine(runCustomersCopy, {
    workspaceId: ws,
    runId,
    customerId: v.customerId,
    abc: v.abc,
    abcValue: centsToDecimal(v.abcExplain.valueCents),
    abcRank: v.abcExplain.rank,
    abcCumShare: v.abcExplain.cumShare,
    rScore: v.rfm?.r ?? null,
    fScore: v.rfm?.f ?? null,
    mScore: v.rfm?.m ?? null,
    recencyDays: v.rfm?.recencyDays ?? null,
    frequency: v.rfm?.frequency ?? 0,
    monetary: centsToDecimal(v.rfm?.monetaryCents ?? 0),
    segment: v.rfm?.segment ?? null,
    tier: v.tier,
    highPotential: v.highPotential,
    actualValue: centsToDecimal(v.actualValueCents),
    strategicValue: v.strategicValueCents === null ? null : centsToDecimal(v.strategicValueCents),
    cells: v.cells,
    flags: v.flags,
    pAlive: rounded(v.prediction.pAlive, PLACES.pAlive),
    expectedPurchases: rounded(v.prediction.expectedPurchases, PLACES.expectedPurchases),
    expectedSpend:
      v.prediction.expectedSpendCents === null ? null : centsToDecimal(v.prediction.expectedSpendCents),
    clv: v.prediction.clvCents === null ? null : centsToDecimal(v.prediction.clvCents),
    churnRisk: v.prediction.churnRisk,
    churnReasons: v.prediction.churnReasons,
    daysSinceLastOrder: v.prediction.daysSinceLastOrder,
    meanIntervalDays: rounded(v.prediction.meanIntervalDays, PLACES.meanIntervalDays),
    trendPct: rounded(v.prediction.trendPct, PLACES.trendPct),
  });
}

/** csvLine quotes every string; verdictLine only those that need it. Both read back the same. */
const unquoteSafe = (line: string) => line.replace(/"([A-Za-z0-9_.-]+)"/g, '$1');

const cents = fc.integer({ min: -1e12, max: 1e12 });
const text = fc.oneof(fc.constantFrom('champions', 'at_risk', 'a,b', 'say "hi"', '换行\n', ''), fc.string());
const verdict = fc.record({
  customerId: fc.integer({ min: 1, max: 2 ** 40 }),
  code: fc.string(),
  abc: fc.constantFrom('A', 'B', 'C'),
  abcExplain: fc.record({
    basis: fc.constantFrom('profit', 'revenue'),
    valueCents: cents,
    rank: fc.nat(),
    of: fc.nat(),
    cumShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  rfm: fc.option(
    fc.record({
      r: fc.integer({ min: 1, max: 5 }),
      f: fc.integer({ min: 1, max: 5 }),
      m: fc.integer({ min: 1, max: 5 }),
      recencyDays: fc.nat(),
      frequency: fc.nat(),
      monetaryCents: cents,
      segment: text,
    }),
  ),
  tier: fc.constantFrom('MVC', 'STC', 'BZ'),
  highPotential: fc.boolean(),
  actualValueCents: cents,
  strategicValueCents: fc.option(cents),
  strategicBasis: fc.constant(null),
  serveCostCents: cents,
  shareOfWallet: fc.constant(null),
  cells: fc.dictionary(text, text),
  flags: fc.subarray(['negative_value', 'no_orders', 'future_orders_ignored', 'no_rfm'] as const),
  prediction: fc.record({
    pAlive: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    expectedPurchases: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
    expectedSpendCents: fc.option(cents),
    clvCents: fc.option(cents),
    churnRisk: fc.option(fc.integer({ min: 0, max: 100 })),
    churnReasons: fc.subarray(['low_p_alive', 'overdue', 'revenue_falling'] as const),
    daysSinceLastOrder: fc.option(fc.nat()),
    meanIntervalDays: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true })),
    trendPct: fc.option(fc.double({ min: -1e4, max: 1e4, noNaN: true })),
  }),
}) as fc.Arbitrary<CustomerVerdict>;

describe('writeVerdict', () => {
  it('writes what csvLine writes for the same verdict, up to needless quotes', () => {
    fc.assert(
      fc.property(verdict, (v) => {
        const line = verdictLine(7, 42, v);
        expect(unquoteSafe(line)).toBe(unquoteSafe(viaCsvLine(7, 42, v)));
      }),
      { numRuns: 500 },
    );
  });

  it('quotes a segment key that holds a comma, a quote or nothing', () => {
    const v = (segment: string) =>
      verdictLine(1, 2, {
        customerId: 3,
        code: 'C',
        abc: 'A',
        abcExplain: { basis: 'profit', valueCents: 100, rank: 1, of: 1, cumShare: 1, cut: 0.8 },
        rfm: { r: 5, f: 5, m: 5, recencyDays: 0, frequency: 1, monetaryCents: 100, segment },
        tier: 'MVC',
        highPotential: false,
        actualValueCents: 100,
        strategicValueCents: null,
        strategicBasis: null,
        serveCostCents: 0,
        shareOfWallet: null,
        cells: {},
        flags: [],
        prediction: NO_PREDICTION,
      });
    expect(v('a,b')).toContain(',"a,b",MVC,');
    expect(v('say "hi"')).toContain(',"say ""hi""",MVC,');
    expect(v('')).toContain(',"",MVC,');
    expect(v('champions')).toBe(
      '1,2,3,A,1.00,1,1,5,5,5,0,1,1.00,champions,MVC,f,1.00,,"{}","{}",,,,,,"{}",,,\n',
    );
  });
});
