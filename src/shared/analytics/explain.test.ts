import { describe, expect, it } from 'vitest';
import { BUILTIN_MATRICES } from './builtin-matrices';
import { explainAbc, explainCells, explainRfm, explainTier, explainVerdict, formatYuan } from './explain';
import { type CustomerVerdict, NO_PREDICTION } from './value.contract';
import { DEFAULT_VALUE_SETTINGS } from './value-settings';

const verdict = (p: Partial<CustomerVerdict>): CustomerVerdict => ({
  customerId: 1,
  code: 'K1',
  abc: 'A',
  abcExplain: { basis: 'profit', valueCents: 1_000_00, rank: 118, of: 6012, cumShare: 0.624, cut: 0.8 },
  rfm: null,
  tier: 'STC',
  highPotential: false,
  actualValueCents: 0,
  strategicValueCents: 0,
  strategicBasis: 'trend',
  serveCostCents: 0,
  shareOfWallet: null,
  cells: {},
  flags: [],
  prediction: NO_PREDICTION,
  ...p,
});
const en = { locale: 'en', settings: DEFAULT_VALUE_SETTINGS, matrices: BUILTIN_MATRICES } as const;
const zh = { ...en, locale: 'zh-CN' } as const;

describe('explain', () => {
  it.each([
    [
      {},
      'A: cumulative profit share 62.4% at rank 118 of 6,012 (A cut-off 80%)',
      'A 类：累计利润占比 62.4%，排名第 118 / 6,012（A 类分界 80%）',
    ],
    [
      {
        abc: 'C',
        abcExplain: { basis: 'revenue', valueCents: 5_00, rank: 5_000, of: 6012, cumShare: 0.971, cut: 0.95 },
      },
      'C: cumulative revenue share 97.1% at rank 5,000 of 6,012, beyond the B cut-off 95%',
      'C 类：累计收入占比 97.1%，排名第 5,000 / 6,012，超出 B 类分界 95%',
    ],
    [
      {
        abc: 'C',
        abcExplain: { basis: 'profit', valueCents: -75_00, rank: 6012, of: 6012, cumShare: null, cut: 0.95 },
      },
      'C: profit -¥75.00 is not positive (rank 6,012 of 6,012)',
      'C 类：利润 -¥75.00 不为正（排名第 6,012 / 6,012）',
    ],
  ] as const)('ABC %#', (p, textEn, textZh) => {
    const v = verdict(p as Partial<CustomerVerdict>);
    expect(explainAbc(v, en)).toBe(textEn);
    expect(explainAbc(v, zh)).toBe(textZh);
  });

  it('RFM: the issue’s example and the no-RFM case', () => {
    const v = verdict({
      rfm: { r: 1, f: 4, m: 5, recencyDays: 412, frequency: 9, monetaryCents: 1_234_567, segment: 'at_risk' },
    });
    expect(explainRfm(v, en)).toBe(
      'At Risk: R 1 (last order 412 days ago), F 4 (9 purchase days), M 5 (revenue ¥12,345.67 in 24 months)',
    );
    expect(explainRfm(v, zh)).toBe(
      '流失风险：R 1（最近一次订单在 412 天前），F 4（9 个购买日），M 5（24 个月收入 ¥12,345.67）',
    );
    expect(explainRfm(verdict({}), en)).toBe('No RFM: no order in the last 24 months');
    expect(explainRfm(verdict({}), zh)).toBe('无 RFM：近 24 个月没有订单');
  });

  it('tiers', () => {
    expect(explainTier(verdict({ tier: 'MVC', actualValueCents: 80_000_00 }), en)).toBe(
      'MVC: actual value ¥80,000.00 (12-month profit ¥80,000.00 − cost-to-serve ¥0.00), among the customers making the top 80% of actual value',
    );
    expect(explainTier(verdict({ tier: 'BZ', actualValueCents: -750_00, serveCostCents: 800_00 }), en)).toBe(
      'BZ: actual value -¥750.00 (12-month profit ¥50.00 − cost-to-serve ¥800.00) is below ¥0.00',
    );
    const stc = verdict({
      tier: 'STC',
      highPotential: true,
      actualValueCents: 90_00,
      strategicValueCents: 750_00,
      strategicBasis: 'wallet',
      shareOfWallet: 0.25,
    });
    expect(explainTier(stc, en)).toBe(
      'STC: actual value ¥90.00 (12-month profit ¥90.00 − cost-to-serve ¥0.00); strategic value ¥750.00 (budget × (1 − share of wallet 25%)); high potential: among the top 20% of strategic values',
    );
    expect(explainTier(stc, zh)).toBe(
      'STC（二级客户）：实际价值 ¥90.00（12 个月毛利 ¥90.00 − 服务成本 ¥0.00）；战略价值 ¥750.00（采购预算 ×（1 − 钱包份额 25%））；高潜力：战略价值位于前 20%',
    );
    expect(explainTier(verdict({ strategicValueCents: 0 }), en)).toContain('no significant revenue growth');
  });

  it('cells and the whole verdict', () => {
    const v = verdict({
      cells: { size_credit: 'key_account' },
      flags: ['no_orders', 'future_orders_ignored'],
    });
    expect(explainCells(v, en)).toEqual([
      'Customer size × credit rating: Key account — Dedicated account manager, priority resources, long-term partnership',
    ]);
    expect(explainCells(v, zh)).toEqual([
      '客户规模 × 信用等级：核心大客户——专属客户经理，优先资源，长期合作',
    ]);
    expect(explainVerdict(v, en)).toHaveLength(6);
  });

  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [123_456_789, '¥1,234,567.89'],
    [-1, '-¥0.01'],
  ])('formatYuan(%i) = %s', (cents, text) => {
    expect(formatYuan(cents)).toBe(text);
  });
});
