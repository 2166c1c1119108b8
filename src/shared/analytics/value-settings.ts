/**
 * The value engine's configuration: data, not code (stored in value_settings; no row → these defaults).
 * One zod schema for the API, the OpenAPI document, the settings form and `kehu analyze`.
 */
import { z } from 'zod';
import { churnSettingsSchema, DEFAULT_CHURN_SETTINGS } from './churn/churn-settings';

const share = z.number().gt(0).lte(1);
const range = z.tuple([z.number().int().min(1).max(5), z.number().int().min(1).max(5)]);

export const rfmSegmentRuleSchema = z.object({
  /** Stable key, e.g. 'champions'. */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  nameZh: z.string().min(1).max(40),
  nameEn: z.string().min(1).max(40),
  r: range,
  f: range,
  m: range,
});
export type RfmSegmentRule = z.infer<typeof rfmSegmentRuleSchema>;

export const clvSettingsSchema = z.object({
  /** The models' time unit: a purchase occasion is a distinct order day, counted in these periods. */
  period: z.enum(['day', 'week', 'month']),
  /** Expected purchases and CLV look this many periods ahead. */
  horizonPeriods: z.number().int().min(1).max(520),
  /** Yearly discount rate of future value (0.1 = 10 %). */
  annualDiscountRate: z.number().min(0).max(1),
  /** CLV in gross profit (spend × the customer's margin) or in revenue. */
  basis: z.enum(['profit', 'revenue']),
  /** The models are fitted on at most this many customers (a fixed sample); everyone is scored. */
  fitSample: z.number().int().min(1_000).max(1_000_000),
});
export type ClvSettings = z.infer<typeof clvSettingsSchema>;

export const valueSettingsSchema = z
  .object({
    abc: z.object({
      basis: z.enum(['profit', 'revenue']),
      /** Cumulative shares of the total positive value: A up to aCut, B up to bCut, C the rest. */
      aCut: share,
      bCut: share,
    }),
    rfm: z.object({
      windowMonths: z.number().int().min(1).max(120),
      /** First match wins, in this order; no match → 'others'. */
      segments: z.array(rfmSegmentRuleSchema).max(30),
    }),
    tiers: z.object({
      /** BZ: actual value below this (cents). */
      bzBelowCents: z.number().int(),
      /** MVC: the A class by actual value (ABC over actual value with the abc cuts). */
      mvcBy: z.enum(['abc_actual', 'abc_basis']),
      /** STCs among the top share (0–1) of strategic values are marked high potential. */
      highPotentialTopShare: share,
    }),
    costs: z.object({
      /** Cost-to-serve per activity of each type (cents). */
      activityCents: z.record(z.string(), z.number().int().min(0)),
    }),
    schedule: z.object({
      nightly: z.boolean(),
      /** Local hour (workspace time zone) of the nightly run. */
      hour: z.number().int().min(0).max(23),
      afterImport: z.boolean(),
    }),
    /** Admin-set prospects (1–5) of our product categories, for the product × market matrix. */
    productProspects: z.record(z.string(), z.number().min(1).max(5)),
    /** Industry growth (%/year) when known; else the customer's revenue trend stands in. */
    industryGrowth: z.record(z.string(), z.number().min(-100).max(1000)),
    /** Lifetime-value models (BG/NBD + Gamma-Gamma), refitted by every run. */
    clv: clvSettingsSchema,
    churn: churnSettingsSchema,
  })
  .superRefine((s, ctx) => {
    if (!(s.abc.aCut < s.abc.bCut))
      ctx.addIssue({ code: 'custom', path: ['abc', 'bCut'], message: 'cut_offs_not_increasing' });
  });
export type ValueSettings = z.infer<typeof valueSettingsSchema>;

/** The R `rfm` package's table (references §4), in the issue's priority order. */
export const DEFAULT_RFM_SEGMENTS: RfmSegmentRule[] = [
  { key: 'champions', nameZh: '冠军客户', nameEn: 'Champions', r: [4, 5], f: [4, 5], m: [4, 5] },
  { key: 'cant_lose_them', nameZh: '不能失去', nameEn: "Can't Lose Them", r: [1, 1], f: [4, 5], m: [4, 5] },
  { key: 'at_risk', nameZh: '流失风险', nameEn: 'At Risk', r: [1, 2], f: [2, 5], m: [2, 5] },
  { key: 'loyal_customers', nameZh: '忠诚客户', nameEn: 'Loyal Customers', r: [2, 5], f: [3, 5], m: [3, 5] },
  { key: 'new_customers', nameZh: '新客户', nameEn: 'New Customers', r: [4, 5], f: [1, 1], m: [1, 1] },
  { key: 'promising', nameZh: '有潜力', nameEn: 'Promising', r: [3, 4], f: [1, 1], m: [1, 1] },
  {
    key: 'potential_loyalist',
    nameZh: '潜在忠诚',
    nameEn: 'Potential Loyalist',
    r: [3, 5],
    f: [1, 3],
    m: [1, 3],
  },
  { key: 'need_attention', nameZh: '需要关注', nameEn: 'Need Attention', r: [2, 3], f: [2, 3], m: [2, 3] },
  { key: 'about_to_sleep', nameZh: '即将沉睡', nameEn: 'About To Sleep', r: [2, 3], f: [1, 2], m: [1, 2] },
  { key: 'lost', nameZh: '已流失', nameEn: 'Lost', r: [1, 2], f: [1, 2], m: [1, 2] },
];

export const DEFAULT_VALUE_SETTINGS: ValueSettings = {
  abc: { basis: 'profit', aCut: 0.8, bCut: 0.95 },
  rfm: { windowMonths: 24, segments: DEFAULT_RFM_SEGMENTS },
  tiers: { bzBelowCents: 0, mvcBy: 'abc_actual', highPotentialTopShare: 0.2 },
  costs: {
    activityCents: {
      visit: 80_000,
      meeting: 50_000,
      call: 3_000,
      email: 1_000,
      letter: 2_000,
      web: 1_000,
      wechat: 1_000,
      note: 0,
    },
  },
  schedule: { nightly: true, hour: 2, afterImport: true },
  productProspects: {},
  industryGrowth: {},
  clv: { period: 'week', horizonPeriods: 52, annualDiscountRate: 0.1, basis: 'profit', fitSample: 100_000 },
  churn: DEFAULT_CHURN_SETTINGS,
};
