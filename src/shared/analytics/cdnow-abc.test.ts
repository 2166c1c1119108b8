/**
 * The ABC fixture of the references (§1f) through `kehu analyze`'s pure path (orders → inputs →
 * classifyCustomers): CDNOW is not 80/20, so the counts prove cumulative-share cut-offs.
 */
import { describe, expect, it } from 'vitest';
import { cdnowOrders } from './cdnow.test-support';
import { classifyCustomers } from './classify';
import { ordersToInputs } from './orders-to-inputs';
import { settingsWith } from './value.test-support';

const settings = settingsWith({ abc: { basis: 'revenue', aCut: 0.8, bCut: 0.95 } });

describe.each([
  ['CDNOW_master.txt', 23_570, 250_031_563, 7_695, 15_739, 68] as const,
  ['CDNOW_sample.txt', 2_357, 24_409_194, 777, 1_578, null] as const,
])('%s', (file, customers, totalCents, reach80, reach95, nonPositive) => {
  const inputs = ordersToInputs(cdnowOrders(file), { asOf: '1998-06-30', windowMonths: null });
  const { verdicts, summary } = classifyCustomers(inputs, settings, [], '1998-06-30');

  it(`${customers} customers, total revenue ${totalCents / 100}`, () => {
    expect(verdicts).toHaveLength(customers);
    expect(inputs.reduce((s, c) => s + c.revenueCents, 0)).toBe(totalCents);
  });

  it(`the top ${reach80} customers reach 80%, the top ${reach95} reach 95%`, () => {
    expect(summary.abc.A.count).toBe(reach80);
    expect(summary.abc.A.count + summary.abc.B.count).toBe(reach95);
    expect(summary.abc.A.share).toBeGreaterThanOrEqual(0.8);
    const lastA = verdicts
      .filter((v) => v.abc === 'A')
      .sort((x, y) => y.abcExplain.rank - x.abcExplain.rank)[0]!;
    expect(lastA.abcExplain.rank).toBe(reach80);
    expect(lastA.abcExplain.cumShare).toBeGreaterThanOrEqual(0.8);
    if (nonPositive !== null)
      expect(verdicts.filter((v) => v.abcExplain.valueCents <= 0)).toHaveLength(nonPositive);
  });
});
