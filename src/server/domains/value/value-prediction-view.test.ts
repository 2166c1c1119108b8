import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_SETTINGS } from '../../../shared/analytics/value-settings';
import { predictionView } from './value-prediction-view';
import type { VerdictRow } from './value-read.repository';

const row = (p: Partial<VerdictRow>): VerdictRow =>
  ({
    run_model: { period: 'week', horizonPeriods: 52 },
    p_alive: 0.31,
    expected_purchases: 0.8,
    expected_spend: '1250.50',
    clv: '980.00',
    churn_risk: 74,
    churn_reasons: ['overdue', 'low_p_alive'],
    days_since_last_order: 412,
    mean_interval_days: 61.4,
    trend_pct: -35.2,
    ...p,
  }) as VerdictRow;

describe('predictionView', () => {
  it('quotes the run’s figures in the reasons, in either language, strongest first', () => {
    const en = predictionView(row({}), DEFAULT_VALUE_SETTINGS, 'en');
    expect(en).toMatchObject({
      period: 'week',
      horizonPeriods: 52,
      pAlive: 0.31,
      clv: '980.00',
      churnRisk: 74,
    });
    expect(en.reasons).toEqual([
      { code: 'overdue', text: 'Last order 412 days ago; usually every 61 days' },
      {
        code: 'low_p_alive',
        text: 'Probability of still being an active customer 31% (below 50%)',
      },
    ]);
    const zh = predictionView(row({ churn_reasons: ['revenue_falling'] }), DEFAULT_VALUE_SETTINGS, 'zh-CN');
    expect(zh.reasons).toEqual([{ code: 'revenue_falling', text: '收入显著下降：每年 -35.2%' }]);
  });

  it('ignores a reason code it does not know, and a run without a model', () => {
    const v = predictionView(
      row({ run_model: null, churn_reasons: ['gone_fishing'], p_alive: null, churn_risk: null }),
      DEFAULT_VALUE_SETTINGS,
      'en',
    );
    expect(v).toMatchObject({
      period: null,
      horizonPeriods: null,
      pAlive: null,
      churnRisk: null,
      reasons: [],
    });
  });
});
