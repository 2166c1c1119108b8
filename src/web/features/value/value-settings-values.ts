import type { RfmSegmentRule, ValueSettings } from '../../../shared/analytics/value-settings';

/** The form's values: shares in percent and money in yuan (the settings keep 0–1 and cents). */
export type Values = {
  abc: { basis: 'profit' | 'revenue'; aCut: number; bCut: number };
  rfm: { windowMonths: number; segments: RfmSegmentRule[] };
  tiers: { bzBelow: number; mvcBy: 'abc_actual' | 'abc_basis'; highPotentialTopShare: number };
  costs: { activityCents: Record<string, number> };
  schedule: ValueSettings['schedule'];
  /** Record entries as editable rows. */
  productProspects: { key: string; value: number }[];
  industryGrowth: { key: string; value: number }[];
  /** With the yearly discount rate in percent. */
  clv: ValueSettings['clv'];
  /** The P(alive) threshold and the win-back top share in percent. */
  churn: ValueSettings['churn'];
};

const rows = (r: Record<string, number>) => Object.entries(r).map(([key, value]) => ({ key, value }));
/** Rows back to a record: blank keys dropped, keys trimmed, the last of a repeated key kept. */
const record = (list: { key?: string; value?: number | null }[] | undefined) =>
  Object.fromEntries(
    (list ?? [])
      .filter((r) => r.key?.trim() && typeof r.value === 'number')
      .map((r) => [r.key!.trim(), r.value as number]),
  );

const toPercent = (share: number) => Math.round(share * 1e6) / 1e4;
const toShare = (percent: number) => Math.round(percent * 1e4) / 1e6;

export function toValues(s: ValueSettings): Values {
  return {
    abc: { basis: s.abc.basis, aCut: toPercent(s.abc.aCut), bCut: toPercent(s.abc.bCut) },
    rfm: s.rfm,
    tiers: {
      bzBelow: s.tiers.bzBelowCents / 100,
      mvcBy: s.tiers.mvcBy,
      highPotentialTopShare: toPercent(s.tiers.highPotentialTopShare),
    },
    costs: {
      activityCents: Object.fromEntries(Object.entries(s.costs.activityCents).map(([k, c]) => [k, c / 100])),
    },
    schedule: s.schedule,
    productProspects: rows(s.productProspects),
    industryGrowth: rows(s.industryGrowth),
    clv: { ...s.clv, annualDiscountRate: toPercent(s.clv.annualDiscountRate) },
    churn: {
      ...s.churn,
      pAliveBelow: toPercent(s.churn.pAliveBelow),
      winBackTopShare: toPercent(s.churn.winBackTopShare),
    },
  };
}

export function toSettings(v: Values, base: ValueSettings): ValueSettings {
  return {
    ...base,
    abc: { basis: v.abc.basis, aCut: toShare(v.abc.aCut), bCut: toShare(v.abc.bCut) },
    rfm: { windowMonths: v.rfm.windowMonths, segments: v.rfm.segments ?? [] },
    tiers: {
      bzBelowCents: Math.round(v.tiers.bzBelow * 100),
      mvcBy: v.tiers.mvcBy,
      highPotentialTopShare: toShare(v.tiers.highPotentialTopShare),
    },
    costs: {
      activityCents: Object.fromEntries(
        Object.entries(v.costs.activityCents).map(([k, y]) => [k, Math.round((y ?? 0) * 100)]),
      ),
    },
    schedule: v.schedule,
    productProspects: record(v.productProspects),
    industryGrowth: record(v.industryGrowth),
    clv: { ...v.clv, annualDiscountRate: toShare(v.clv.annualDiscountRate) },
    churn: {
      ...v.churn,
      pAliveBelow: toShare(v.churn.pAliveBelow),
      winBackTopShare: toShare(v.churn.winBackTopShare),
    },
  };
}
