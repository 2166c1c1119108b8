import { describe, expect, it } from 'vitest';
import { BUILTIN_MATRICES } from './builtin-matrices';
import { classifyCustomers } from './classify';
import { ValueEngineError } from './engine-errors';
import { customer, noOrders, settingsWith } from './value.test-support';
import { DEFAULT_VALUE_SETTINGS } from './value-settings';

const AS_OF = '2026-11-30';
const settings = DEFAULT_VALUE_SETTINGS;

describe('classifyCustomers: a hand-computed base of four', () => {
  const inputs = [
    customer({
      code: 'A1',
      profitCents: 80_000,
      revenueCents: 100_000,
      profit12mCents: 80_000,
      windowLastOrderOn: '2026-11-29',
      windowPurchaseDays: 10,
      windowRevenueCents: 100_000,
      factors: { revenue_band: 'gt_1b', credit_rating: 'AAA', product_prospects: 4, industry_growth: 12 },
    }),
    customer({
      code: 'B1',
      profitCents: 15_000,
      profit12mCents: 15_000,
      revenue12mCents: 25_000,
      budgetCents: 100_000,
      activities12m: { call: 2 }, // 2 × 30.00
      windowLastOrderOn: '2026-10-31',
      windowPurchaseDays: 3,
      windowRevenueCents: 30_000,
      factors: { revenue_band: '10m_50m', credit_rating: 'BB' },
    }),
    customer({
      code: 'C1',
      profitCents: 5_000,
      profit12mCents: 5_000,
      activities12m: { visit: 1 }, // 800.00
      windowLastOrderOn: '2025-12-05',
      windowPurchaseDays: 1,
      windowRevenueCents: 8_000,
      factors: { credit_rating: null },
    }),
    noOrders('N'),
  ];
  const { verdicts, summary } = classifyCustomers(inputs, settings, BUILTIN_MATRICES, AS_OF);
  const [a1, b1, c1, n] = verdicts;

  it('ABC on profit: 80% reached by A1, 95% by B1', () => {
    expect(verdicts.map((v) => v.abc)).toEqual(['A', 'B', 'C', 'C']);
    expect(a1!.abcExplain).toEqual({
      basis: 'profit',
      valueCents: 80_000,
      rank: 1,
      of: 4,
      cumShare: 0.8,
      cut: 0.8,
    });
    expect(b1!.abcExplain).toMatchObject({ rank: 2, cumShare: 0.95, cut: 0.95 });
    expect(n!.abcExplain).toMatchObject({ rank: 4, cumShare: null });
  });

  it('RFM over the three customers with window orders (scores 1, 2, 4) and their segments', () => {
    expect(a1!.rfm).toEqual({
      r: 4,
      f: 4,
      m: 4,
      recencyDays: 1,
      frequency: 10,
      monetaryCents: 100_000,
      segment: 'champions',
    });
    expect(b1!.rfm).toMatchObject({ r: 2, f: 2, m: 2, recencyDays: 30, segment: 'at_risk' });
    expect(c1!.rfm).toMatchObject({ r: 1, f: 1, m: 1, recencyDays: 360, segment: 'lost' });
    expect(n!.rfm).toBeNull();
    expect(n!.flags).toEqual(['no_orders', 'no_rfm']);
  });

  it('tiers: actual value = 12-month profit − cost-to-serve; wallet potential marks B1', () => {
    expect(verdicts.map((v) => [v.tier, v.actualValueCents, v.serveCostCents])).toEqual([
      ['MVC', 80_000, 0],
      ['STC', 9_000, 6_000],
      ['BZ', -75_000, 80_000],
      ['STC', 0, 0],
    ]);
    expect(b1).toMatchObject({ shareOfWallet: 0.25, strategicValueCents: 75_000, strategicBasis: 'wallet' });
    expect(n).toMatchObject({ shareOfWallet: null, strategicValueCents: 0, strategicBasis: 'trend' });
    expect(verdicts.map((v) => v.highPotential)).toEqual([false, true, false, false]);
  });

  it('matrix cells; a missing factor lands in no cell', () => {
    expect(a1!.cells).toEqual({ size_credit: 'key_account', product_market: 'star' });
    expect(b1!.cells).toEqual({ size_credit: 'small_risky' });
    expect(c1!.cells).toEqual({});
  });

  it('summary: counts and shares of the positive basis value', () => {
    expect(summary.customers).toBe(4);
    expect(summary.totalPositiveValueCents).toBe(100_000);
    expect(summary.abc).toEqual({
      A: { count: 1, valueCents: 80_000, share: 0.8 },
      B: { count: 1, valueCents: 15_000, share: 0.15 },
      C: { count: 2, valueCents: 5_000, share: 0.05 },
    });
    expect(summary.tiers.STC).toEqual({ count: 2, valueCents: 15_000, share: 0.15 });
    expect(summary.segments.champions!.count).toBe(1);
    expect(summary.segments.no_rfm!.count).toBe(1);
    expect(summary.segments.others!.count).toBe(0);
    expect(summary.cells.size_credit!.key_account!.count).toBe(1);
    expect(summary.cells.product_market!.declining_weak!.count).toBe(0);
    expect(summary.warnings).toEqual([
      { code: 'no_orders', count: 1 },
      { code: 'no_rfm', count: 1 },
    ]);
  });
});

describe('classifyCustomers: bad input', () => {
  it('an empty base', () => {
    const { verdicts, summary } = classifyCustomers([], settings, BUILTIN_MATRICES, AS_OF);
    expect(verdicts).toEqual([]);
    expect(summary.abc.A).toEqual({ count: 0, valueCents: 0, share: 0 });
    expect(summary.warnings).toEqual([]);
  });

  it('one customer: A, every RFM score 1 (n = 1), MVC', () => {
    const [v] = classifyCustomers(
      [customer({ code: 'X', profitCents: 1, profit12mCents: 1 })],
      settings,
      [],
      AS_OF,
    ).verdicts;
    expect(v).toMatchObject({ abc: 'A', tier: 'MVC', rfm: { r: 1, f: 1, m: 1, segment: 'lost' } });
  });

  it('all customers equal: ties broken by code for ABC, one score for all in RFM', () => {
    const inputs = ['d', 'a', 'c', 'b'].map((code) =>
      customer({ code, profitCents: 100, profit12mCents: 100, windowRevenueCents: 100 }),
    );
    const { verdicts } = classifyCustomers(
      inputs,
      settingsWith({ abc: { aCut: 0.5, bCut: 0.75 } }),
      [],
      AS_OF,
    );
    expect(verdicts.map((v) => `${v.code}${v.abc}${v.abcExplain.rank}`)).toEqual([
      'dC4',
      'aA1',
      'cB3',
      'bA2',
    ]);
    expect(new Set(verdicts.map((v) => `${v.rfm!.r}${v.rfm!.f}${v.rfm!.m}`))).toEqual(new Set(['111']));
  });

  it('negative value (returns): C, flagged', () => {
    const { verdicts } = classifyCustomers(
      [customer({ code: 'R', profitCents: -500 }), customer({ code: 'S', profitCents: 500 })],
      settings,
      [],
      AS_OF,
    );
    expect(verdicts[0]).toMatchObject({ abc: 'C', flags: ['negative_value'] });
  });

  it('future orders: flagged and counted in the warnings', () => {
    const { verdicts, summary } = classifyCustomers(
      [noOrders('F', { futureOrders: 3 })],
      settings,
      [],
      AS_OF,
    );
    expect(verdicts[0]!.flags).toEqual(['no_orders', 'future_orders_ignored', 'no_rfm']);
    expect(summary.warnings[0]).toEqual({ code: 'future_orders_ignored', count: 3 });
  });

  it.each([
    [0.95, 0.8, 'cut_offs_not_increasing', 'abc.bCut'],
    [0.8, 0.8, 'cut_offs_not_increasing', 'abc.bCut'],
    [0, 0.8, 'cut_off_out_of_range', 'abc.aCut'],
  ])('cut-offs %f / %f are refused (%s)', (aCut, bCut, code, path) => {
    const run = () => classifyCustomers([], settingsWith({ abc: { aCut, bCut } }), [], AS_OF);
    expect(run).toThrow(ValueEngineError);
    expect(run).toThrow(expect.objectContaining({ code, path }));
  });

  it('refuses segment rules whose keys collide', () => {
    const rules = [...settings.rfm.segments, { ...settings.rfm.segments[0]!, key: 'others' }];
    expect(() => classifyCustomers([], settingsWith({ rfm: { segments: rules } }), [], AS_OF)).toThrow(
      expect.objectContaining({ code: 'invalid_segment_rules', path: 'rfm.segments.10.key' }),
    );
  });

  it('refuses an invalid as-of and an invalid matrix', () => {
    expect(() => classifyCustomers([], settings, [], '2026-02-30')).toThrow(
      expect.objectContaining({ code: 'invalid_as_of' }),
    );
    const broken = { ...BUILTIN_MATRICES[0]!, cells: BUILTIN_MATRICES[0]!.cells.slice(1) };
    expect(() => classifyCustomers([], settings, [broken], AS_OF)).toThrow(
      expect.objectContaining({ code: 'invalid_matrix' }),
    );
    expect(() =>
      classifyCustomers([], settings, [BUILTIN_MATRICES[0]!, BUILTIN_MATRICES[0]!], AS_OF),
    ).toThrow(expect.objectContaining({ code: 'matrix_key_twice' }));
  });
});

describe('classifyCustomers: many matrices', () => {
  it('keeps cell combinations apart past 2^53 of them (string keys)', () => {
    // 30 matrices of 4 cells: 5^30 ≈ 9·10^20 combinations; p and q differ in the last one only
    const two = (k: number) => ({
      key: `two_${k}`,
      nameZh: '二',
      nameEn: 'two',
      x: { kind: 'numeric' as const, factor: `f${k}`, cuts: [0] },
      y: { kind: 'ordered' as const, factor: 'credit_rating', bands: [['C'], ['A']] },
      cells: [0, 1].flatMap((x) =>
        [0, 1].map((y) => ({
          x,
          y,
          key: `c${x}${y}`,
          nameZh: '格',
          nameEn: 'cell',
          strategyZh: '',
          strategyEn: '',
        })),
      ),
    });
    const matrices = Array.from({ length: 30 }, (_, k) => two(k));
    const factors = (sign: number) => ({
      credit_rating: 'A',
      ...Object.fromEntries(Array.from({ length: 30 }, (_, k) => [`f${k}`, k === 29 ? sign : 1])),
    });
    const { verdicts } = classifyCustomers(
      [customer({ code: 'p', factors: factors(1) }), customer({ code: 'q', factors: factors(-1) })],
      settings,
      matrices,
      AS_OF,
    );
    expect(verdicts[0]!.cells.two_29).toBe('c11');
    expect(verdicts[1]!.cells.two_29).toBe('c01');
    expect(verdicts[1]!.cells.two_0).toBe('c11');
  });
});

describe('classifyCustomers: strategic value from the revenue trend', () => {
  it('a significantly rising line gives 144 × slope; a flat or noisy one 0; budget wins', () => {
    const rising = Array.from({ length: 12 }, (_, t) => 1_000 + 100 * t);
    const noisy = [500, 0, 900, 100, 0, 1000, 0, 50, 800, 0, 0, 1200];
    const { verdicts } = classifyCustomers(
      [
        customer({ code: 'up', monthlyRevenueCents: rising }),
        customer({ code: 'noise', monthlyRevenueCents: noisy }),
        customer({
          code: 'budget',
          monthlyRevenueCents: rising,
          revenue12mCents: 150_000,
          budgetCents: 100_000,
        }),
      ],
      settings,
      [],
      AS_OF,
    );
    expect(verdicts.map((v) => [v.strategicValueCents, v.strategicBasis])).toEqual([
      [14_400, 'trend'],
      [0, 'trend'],
      [0, 'wallet'],
    ]);
    expect(verdicts[2]!.shareOfWallet).toBe(1.5);
  });

  it('market growth falls back to the industry table, then to the revenue trend', () => {
    const rising = Array.from({ length: 12 }, (_, t) => 1_000 + 100 * t); // mean 1550 → 77.4 %/year
    const { verdicts } = classifyCustomers(
      [
        customer({
          code: 'a',
          factors: { product_prospects: 1, industry: 'chem' },
          monthlyRevenueCents: rising,
        }),
        customer({ code: 'b', factors: { product_prospects: 5 }, monthlyRevenueCents: rising }),
        customer({ code: 'c', factors: { product_prospects: 5 } }),
      ],
      settingsWith({ industryGrowth: { chem: -3 } }),
      BUILTIN_MATRICES,
      AS_OF,
    );
    expect(verdicts.map((v) => v.cells.product_market ?? null)).toEqual(['declining_weak', 'star', null]);
  });
});
