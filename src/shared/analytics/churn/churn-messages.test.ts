import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/locale';
import { WIN_BACK_ACTIONS } from './churn-lists';
import { churnReasonText, winBackActionText } from './churn-messages';
import type { ChurnReason, ChurnReasonCode } from './churn-reasons';
import { CHURN_REASON_CODES } from './churn-reasons';

const EXAMPLES: { [C in ChurnReasonCode]: Extract<ChurnReason, { code: C }> } = {
  overdue: { code: 'overdue', days: 412, typicalDays: 60.7 },
  low_p_alive: { code: 'low_p_alive', pAlive: 0.183, below: 0.5 },
  no_repeat_purchase: { code: 'no_repeat_purchase', days: 1_200, horizonMonths: 6 },
  revenue_falling: { code: 'revenue_falling', pctPerYear: -35.42 },
  overdue_receivables: { code: 'overdue_receivables', cents: 1_234_567 },
  complaints: { code: 'complaints', count: 1 },
  low_satisfaction: { code: 'low_satisfaction', score: 4 },
};

describe('churn messages', () => {
  it.each(CHURN_REASON_CODES)('%s: non-empty in both languages, and they differ', (code) => {
    const [zh, en] = LOCALES.map((l) => churnReasonText(EXAMPLES[code], l));
    expect(zh).not.toBe('');
    expect(en).not.toBe('');
    expect(zh).not.toBe(en);
  });

  it.each(WIN_BACK_ACTIONS)('action %s: non-empty in both languages, and they differ', (action) => {
    const [zh, en] = LOCALES.map((l) => winBackActionText(action, l));
    expect(zh).not.toBe('');
    expect(en).not.toBe('');
    expect(zh).not.toBe(en);
  });

  it.each([
    [
      'overdue',
      'Last order 412 days ago; usually every 61 days',
      '最近一次下单在 412 天前，通常每 61 天下单一次',
    ],
    [
      'low_p_alive',
      'Probability of still being an active customer 18.3% (below 50%)',
      '仍为活跃客户的概率为 18.3%（低于 50%）',
    ],
    [
      'no_repeat_purchase',
      'Bought only once, 1,200 days ago (more than 6 months)',
      '仅下过一次单，在 1,200 天前（已超过 6 个月）',
    ],
    ['revenue_falling', 'Revenue falling significantly: -35.4% a year', '收入显著下降：每年 -35.4%'],
    ['overdue_receivables', 'Overdue receivables ¥12,345.67', '逾期应收款 ¥12,345.67'],
    ['complaints', '1 complaint in the last 12 months', '近 12 个月投诉 1 次'],
    ['low_satisfaction', 'Satisfaction 4 out of 10', '满意度 4 分（满分 10 分）'],
  ] as [ChurnReasonCode, string, string][])('%s reads', (code, en, zh) => {
    expect(churnReasonText(EXAMPLES[code], 'en')).toBe(en);
    expect(churnReasonText(EXAMPLES[code], 'zh-CN')).toBe(zh);
  });

  it('says a tiny probability and a trend past −100% a year in words that hold', () => {
    expect(churnReasonText({ code: 'low_p_alive', pAlive: 0.0004, below: 0.5 }, 'en')).toBe(
      'Probability of still being an active customer < 0.1% (below 50%)',
    );
    expect(churnReasonText({ code: 'low_p_alive', pAlive: 0, below: 0.5 }, 'zh-CN')).toBe(
      '仍为活跃客户的概率为 < 0.1%（低于 50%）',
    );
    expect(churnReasonText({ code: 'revenue_falling', pctPerYear: -331.4 }, 'zh-CN')).toBe(
      '收入显著下降：按此趋势一年内降至零',
    );
    expect(churnReasonText({ code: 'revenue_falling', pctPerYear: -100 }, 'en')).toBe(
      'Revenue falling significantly: on this trend it reaches zero within a year',
    );
  });

  it('plural complaints, fractional satisfaction', () => {
    expect(churnReasonText({ code: 'complaints', count: 3 }, 'en')).toBe(
      '3 complaints in the last 12 months',
    );
    expect(churnReasonText({ code: 'low_satisfaction', score: 5.55 }, 'en')).toBe(
      'Satisfaction 5.6 out of 10',
    );
  });
});
