import { describe, expect, it } from 'vitest';
import { codeOrder } from './ranking';
import { DEFAULT_VALUE_SETTINGS } from './value-settings';
import {
  assignTiers,
  serveCostCents,
  shareOfWallet,
  TIER_KEYS,
  trendPotentialCents,
  walletPotentialCents,
} from './value-tiers';

const tiersOf = (
  actual: number[],
  strategic: number[],
  over: Partial<typeof DEFAULT_VALUE_SETTINGS.tiers> = {},
  basisClasses?: number[],
) => {
  const codes = actual.map((_, i) => `c${i}`);
  const r = assignTiers(
    Float64Array.from(actual),
    Float64Array.from(strategic),
    codeOrder(codes),
    Uint8Array.from(basisClasses ?? actual.map(() => 2)),
    { abc: DEFAULT_VALUE_SETTINGS.abc, tiers: { ...DEFAULT_VALUE_SETTINGS.tiers, ...over } },
  );
  return Array.from(r.tier, (t, i) => `${TIER_KEYS[t]}${r.highPotential[i] ? '+' : ''}`);
};

describe('value tiers', () => {
  it('cost-to-serve prices activities by type; unknown types are free', () => {
    expect(serveCostCents({ visit: 2, call: 3, fax: 9 }, { visit: 80_000, call: 3_000 })).toBe(169_000);
    expect(serveCostCents({}, { visit: 1 })).toBe(0);
  });

  it('share of wallet and the wallet potential', () => {
    expect(shareOfWallet(25, 100)).toBe(0.25);
    expect(shareOfWallet(25, null)).toBeNull();
    expect(shareOfWallet(25, 0)).toBeNull();
    expect(walletPotentialCents(100_000, 0.25)).toBe(75_000);
    expect(walletPotentialCents(100_000, 1.5)).toBe(0);
    expect(walletPotentialCents(100_000, -0.1)).toBe(100_000);
    expect(trendPotentialCents(14_400.4, true)).toBe(14_400);
    expect(trendPotentialCents(14_400, false)).toBe(0);
    expect(trendPotentialCents(-5, true)).toBe(0);
  });

  it.each([
    // actual 80, 15, 5 of 100 → A = the first (80%); −75 is BZ
    ['MVC = A by actual value, BZ below 0', [80, 15, 5, -75], [0, 0, 0, 0], {}, ['MVC', 'STC', 'STC', 'BZ']],
    // 5 STCs, top 20% → ⌈1⌉ = 1 with the highest strategic value (c3: 900)
    [
      'high potential: top 20% of STCs by strategic value',
      [1000, 1, 1, 1, 1, 1],
      [0, 10, 500, 900, 0, 300],
      {},
      ['MVC', 'STC', 'STC', 'STC+', 'STC', 'STC'],
    ],
    // ⌈0.5 × 4⌉ = 2 quota, but only one STC has a positive potential
    [
      'a zero potential is never high',
      [1000, 1, 1, 1, 1],
      [0, 0, 50, 0, 0],
      { highPotentialTopShare: 0.5 },
      ['MVC', 'STC', 'STC+', 'STC', 'STC'],
    ],
    // ties in strategic value: by code
    [
      'ties by code',
      [1000, 1, 1, 1],
      [0, 7, 7, 7],
      { highPotentialTopShare: 0.5 },
      ['MVC', 'STC+', 'STC+', 'STC'],
    ],
    [
      'a BZ threshold above zero takes precedence over MVC',
      [80, 15, 5],
      [0, 0, 0],
      { bzBelowCents: 10 },
      ['MVC', 'STC', 'BZ'],
    ],
    [
      'a BZ threshold can make an A customer BZ',
      [80, 15, 5],
      [0, 0, 0],
      { bzBelowCents: 100 },
      ['BZ', 'BZ', 'BZ'],
    ],
    ['all equal', [10, 10, 10, 10], [0, 0, 0, 0], {}, ['MVC', 'MVC', 'MVC', 'MVC']],
    ['one customer', [1], [5], {}, ['MVC']],
    ['empty', [], [], {}, []],
  ])('%s', (_name, actual, strategic, over, expected) => {
    expect(tiersOf(actual, strategic, over)).toEqual(expected);
  });

  it('mvcBy abc_basis uses the main ABC', () => {
    expect(tiersOf([80, 15, 5], [0, 0, 0], { mvcBy: 'abc_basis' }, [2, 0, 2])).toEqual(['STC', 'MVC', 'STC']);
  });
});
