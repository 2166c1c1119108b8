import { describe, expect, it } from 'vitest';
import { churnSettingsSchema, DEFAULT_CHURN_SETTINGS, horizonDays } from './churn-settings';

describe('churnSettingsSchema', () => {
  it('accepts the defaults; the 6-month horizon is 182.625 days', () => {
    expect(churnSettingsSchema.parse(DEFAULT_CHURN_SETTINGS)).toEqual(DEFAULT_CHURN_SETTINGS);
    expect(horizonDays(DEFAULT_CHURN_SETTINGS)).toBeCloseTo(182.625, 12);
  });

  it.each([
    ['overdueFactor', 0.9],
    ['pAliveBelow', 1],
    ['trendDeclinePctPerYear', 5],
    ['atRiskScore', 101],
    ['horizonMonths', 2.5],
    ['winBackTopShare', 0],
    ['winBackDormantDays', 0],
  ])('refuses %s = %s', (key, value) => {
    const r = churnSettingsSchema.safeParse({ ...DEFAULT_CHURN_SETTINGS, [key]: value });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([key]);
  });
});
