/**
 * The two built-in factor matrices of issue 5 (admins may edit their texts and add their own).
 *
 * 1. customer size × credit rating: the customer's annual revenue band (factor revenue_band: lt_10m,
 *    10m_50m, 50m_200m, 200m_1b, gt_1b yuan) against its credit rating (C … AAA), each grouped into
 *    three bands.
 * 2. our product prospects × the customer's market growth: product_prospects (1–5, set per product
 *    category by an admin, weighted by what the customer buys) against market_growth (%/year: the
 *    industry's growth when entered, else the customer's own revenue trend; classify.ts).
 */
import type { MatrixCell, MatrixDefinition } from './value-matrix';

export const REVENUE_BANDS = ['lt_10m', '10m_50m', '50m_200m', '200m_1b', 'gt_1b'] as const;
export const CREDIT_RATINGS = ['C', 'B', 'BB', 'BBB', 'A', 'AA', 'AAA'] as const;

type Texts = [key: string, nameZh: string, nameEn: string, strategyZh: string, strategyEn: string];

/** Cells from a grid of texts written top row (highest y) first, left (lowest x) to right. */
function grid(rows: Texts[][]): MatrixCell[] {
  const ny = rows.length;
  return rows.flatMap((row, r) =>
    row.map(([key, nameZh, nameEn, strategyZh, strategyEn], x) => ({
      x,
      y: ny - 1 - r,
      key,
      nameZh,
      nameEn,
      strategyZh,
      strategyEn,
    })),
  );
}

export const SIZE_CREDIT_MATRIX: MatrixDefinition = {
  key: 'size_credit',
  nameZh: '客户规模 × 信用等级',
  nameEn: 'Customer size × credit rating',
  x: {
    kind: 'ordered',
    factor: 'revenue_band',
    bands: [['lt_10m', '10m_50m'], ['50m_200m'], ['200m_1b', 'gt_1b']],
  },
  y: {
    kind: 'ordered',
    factor: 'credit_rating',
    bands: [
      ['C', 'B', 'BB'],
      ['BBB', 'A'],
      ['AA', 'AAA'],
    ],
  },
  cells: grid([
    [
      [
        'small_sound',
        '小而稳健',
        'Small and sound',
        '标准化服务，适度赊销，培育成长',
        'Standard service, moderate credit, help them grow',
      ],
      [
        'mid_sound',
        '中坚客户',
        'Solid mid-size',
        '扩大合作范围，争取更多份额',
        'Widen the relationship and win a larger share',
      ],
      [
        'key_account',
        '核心大客户',
        'Key account',
        '专属客户经理，优先资源，长期合作',
        'Dedicated account manager, priority resources, long-term partnership',
      ],
    ],
    [
      [
        'small_fair',
        '一般小客户',
        'Small, fair credit',
        '低成本服务渠道，控制赊销额度',
        'Low-cost service channels, keep credit limits tight',
      ],
      [
        'mid_fair',
        '一般中型客户',
        'Mid-size, fair credit',
        '正常服务，定期复核信用',
        'Normal service, review credit regularly',
      ],
      [
        'large_watch',
        '大而需关注',
        'Large, watch credit',
        '保持合作，加强信用监控与担保',
        'Keep the business, strengthen credit monitoring and guarantees',
      ],
    ],
    [
      [
        'small_risky',
        '高风险小客户',
        'Small and risky',
        '现款现货，压缩服务成本',
        'Cash on delivery, cut cost-to-serve',
      ],
      [
        'mid_risky',
        '风险中型客户',
        'Mid-size, risky',
        '缩短账期，要求预付或担保',
        'Shorten payment terms, ask for prepayment or guarantees',
      ],
      [
        'large_risky',
        '高风险大客户',
        'Large and risky',
        '高层关注，严格限额，逐单审批',
        'Management attention, strict limits, approve each order',
      ],
    ],
  ]),
};

export const PRODUCT_MARKET_MATRIX: MatrixDefinition = {
  key: 'product_market',
  nameZh: '产品前景 × 市场增长',
  nameEn: 'Product prospects × market growth',
  x: { kind: 'numeric', factor: 'product_prospects', cuts: [2.5, 3.5] },
  y: { kind: 'numeric', factor: 'market_growth', cuts: [0, 10] },
  cells: grid([
    [
      [
        'growing_weak',
        '市场好产品弱',
        'Growing market, weak products',
        '引导转向前景更好的产品',
        'Steer them towards our products with better prospects',
      ],
      ['growing_fair', '成长机会', 'Growth opportunity', '加大投入，交叉销售', 'Invest more and cross-sell'],
      [
        'star',
        '明星客户',
        'Star',
        '重点投入，优先保障，共同成长',
        'Invest first, secure supply, grow together',
      ],
    ],
    [
      ['stable_weak', '维持', 'Maintain', '维持现状，控制服务成本', 'Keep as is, control cost-to-serve'],
      [
        'stable_fair',
        '稳定经营',
        'Steady',
        '维护关系，提高份额',
        'Maintain the relationship, raise share of wallet',
      ],
      ['stable_strong', '现金牛', 'Cash cow', '巩固份额，保持盈利', 'Defend the share, keep it profitable'],
    ],
    [
      ['declining_weak', '收缩', 'Withdraw', '减少投入，考虑退出', 'Reduce investment, consider exiting'],
      ['declining_fair', '谨慎经营', 'Cautious', '收紧信用，关注回款', 'Tighten credit, watch collections'],
      [
        'declining_strong',
        '选择性维持',
        'Selective',
        '保持核心产品供应，控制风险',
        'Keep supplying core products, manage the risk',
      ],
    ],
  ]),
};

export const BUILTIN_MATRICES: readonly MatrixDefinition[] = [SIZE_CREDIT_MATRIX, PRODUCT_MARKET_MATRIX];
