import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_SETTINGS, valueSettingsSchema } from '../../../shared/analytics/value-settings';
import { axisText, bandCount, parseAxis } from './value-axis-text';
import { toSettings, toValues } from './value-settings-values';

describe('the value settings form values', () => {
  it('show shares in percent and money in yuan, and give back exactly the settings', () => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    expect(values.abc).toEqual({ basis: 'profit', aCut: 80, bCut: 95 });
    expect(values.tiers.highPotentialTopShare).toBe(20);
    expect(values.costs.activityCents.visit).toBe(800);
    expect(toSettings(values, DEFAULT_VALUE_SETTINGS)).toEqual(DEFAULT_VALUE_SETTINGS);
  });

  it.each([
    [7, 0.07],
    [33.33, 0.3333],
    [99.99, 0.9999],
  ])('turns %s%% into the share %s without float noise', (percent, share) => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    values.abc.aCut = percent;
    const settings = toSettings(values, DEFAULT_VALUE_SETTINGS);
    expect(settings.abc.aCut).toBe(share);
  });

  it('edit product prospects and industry growth as rows: blank rows dropped, keys trimmed', () => {
    const values = toValues({ ...DEFAULT_VALUE_SETTINGS, productProspects: { 泵: 4 } });
    expect(values.productProspects).toEqual([{ key: '泵', value: 4 }]);
    values.productProspects.push({ key: ' 阀门 ', value: 2 }, { key: '', value: 3 });
    values.industryGrowth = [{ key: '化工', value: -3.5 }];
    const settings = toSettings(values, DEFAULT_VALUE_SETTINGS);
    expect(settings.productProspects).toEqual({ 泵: 4, 阀门: 2 });
    expect(settings.industryGrowth).toEqual({ 化工: -3.5 });
  });

  it('keep what the form does not edit, and leave the cut-off check to the schema', () => {
    const base = {
      ...DEFAULT_VALUE_SETTINGS,
      productProspects: { 泵: 4 },
      rfm: { ...DEFAULT_VALUE_SETTINGS.rfm },
    };
    const values = toValues(base);
    values.abc.aCut = 97;
    const settings = toSettings(values, base);
    expect(settings.productProspects).toEqual({ 泵: 4 });
    const checked = valueSettingsSchema.safeParse(settings);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]).toMatchObject({
      path: ['abc', 'bCut'],
      message: 'cut_offs_not_increasing',
    });
  });
});

describe('the lifetime value and churn settings in the form', () => {
  it('show the discount rate, the P(alive) threshold and the win-back share in percent', () => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    expect(values.clv).toEqual({
      period: 'week',
      horizonPeriods: 52,
      annualDiscountRate: 10,
      basis: 'profit',
      fitSample: 100_000,
    });
    expect(values.churn).toMatchObject({ pAliveBelow: 50, winBackTopShare: 20, atRiskScore: 60 });
    // Counts, days, factors and the trend (already %/year) stay as they are.
    expect(values.churn).toMatchObject({ horizonMonths: 6, overdueFactor: 2, trendDeclinePctPerYear: -20 });
  });

  it.each([
    [0, 0],
    [12.5, 0.125],
    [7.77, 0.0777],
    [100, 1],
  ])('turns a yearly discount rate of %s%% into %s', (percent, share) => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    values.clv.annualDiscountRate = percent;
    expect(toSettings(values, DEFAULT_VALUE_SETTINGS).clv.annualDiscountRate).toBe(share);
  });

  it('turns the churn percentages back into shares without float noise, and the schema accepts them', () => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    values.churn.pAliveBelow = 33.3;
    values.churn.winBackTopShare = 0.7;
    values.churn.trendDeclinePctPerYear = -35;
    const settings = toSettings(values, DEFAULT_VALUE_SETTINGS);
    expect(settings.churn).toEqual({
      ...DEFAULT_VALUE_SETTINGS.churn,
      pAliveBelow: 0.333,
      winBackTopShare: 0.007,
      trendDeclinePctPerYear: -35,
    });
    expect(valueSettingsSchema.safeParse(settings).success).toBe(true);
  });

  it('leave a P(alive) threshold of 100% to the schema to refuse', () => {
    const values = toValues(DEFAULT_VALUE_SETTINGS);
    values.churn.pAliveBelow = 100;
    const checked = valueSettingsSchema.safeParse(toSettings(values, DEFAULT_VALUE_SETTINGS));
    expect(checked.error?.issues[0]?.path).toEqual(['churn', 'pAliveBelow']);
  });
});

describe('a matrix axis as text', () => {
  it('reads cut points with ASCII or Chinese commas and spaces', () => {
    expect(parseAxis({ kind: 'numeric', factor: ' revenue_12m ', text: '100000，500000, 1e6' })).toEqual({
      kind: 'numeric',
      factor: 'revenue_12m',
      cuts: [100000, 500000, 1000000],
    });
  });

  it('reads one band per line, skipping empty lines, and writes it back', () => {
    const axis = parseAxis({
      kind: 'ordered',
      factor: 'credit_rating',
      text: 'C, B，BB\n\nBBB, A\nAA,AAA\n',
    });
    expect(axis).toEqual({
      kind: 'ordered',
      factor: 'credit_rating',
      bands: [
        ['C', 'B', 'BB'],
        ['BBB', 'A'],
        ['AA', 'AAA'],
      ],
    });
    expect(bandCount(axis)).toBe(3);
    expect(parseAxis(axisText(axis))).toEqual(axis);
  });

  it('counts n + 1 bands for n cuts', () => {
    expect(bandCount({ kind: 'numeric', factor: 'x', cuts: [1, 2] })).toBe(3);
  });
});
