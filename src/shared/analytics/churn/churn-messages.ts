/**
 * The churn reasons and win-back actions as sentences in the user's language. Pure (no i18next), so the
 * server, the CLI and the browser say the same; number formats shared with the value engine's explain.ts.
 */
import type { Locale } from '../../common/locale';
import { formatCount, formatShare, formatYuan } from '../explain';
import type { WinBackAction } from './churn-lists';
import type { ChurnReason } from './churn-reasons';

const days = (d: number): string => formatCount(Math.round(d));

/**
 * A probability that may be tiny: "< 0.1%" rather than a "0%" that reads as certain (the model never
 * says 0; a stored figure rounded to six places may).
 */
const smallShare = (x: number): string => (x >= 0 && x < 0.0005 ? '< 0.1%' : formatShare(x));

/** 4 → "4", 6.5 → "6.5". */
const oneDecimal = (x: number): string => (Math.round(x * 10) / 10).toFixed(1).replace(/\.0$/, '');

export function churnReasonText(reason: ChurnReason, locale: Locale): string {
  const en = locale === 'en';
  switch (reason.code) {
    case 'overdue':
      return en
        ? `Last order ${days(reason.days)} days ago; usually every ${days(reason.typicalDays)} days`
        : `最近一次下单在 ${days(reason.days)} 天前，通常每 ${days(reason.typicalDays)} 天下单一次`;
    case 'low_p_alive':
      return en
        ? `Probability of still being an active customer ${smallShare(reason.pAlive)} (below ${formatShare(reason.below)})`
        : `仍为活跃客户的概率为 ${smallShare(reason.pAlive)}（低于 ${formatShare(reason.below)}）`;
    case 'no_repeat_purchase':
      return en
        ? `Bought only once, ${days(reason.days)} days ago (more than ${reason.horizonMonths} months)`
        : `仅下过一次单，在 ${days(reason.days)} 天前（已超过 ${reason.horizonMonths} 个月）`;
    case 'revenue_falling':
      // The trend line's yearly change relative to the average month can pass −100%: the line reaches
      // zero within the year, which is what to say.
      if (reason.pctPerYear <= -100)
        return en
          ? 'Revenue falling significantly: on this trend it reaches zero within a year'
          : '收入显著下降：按此趋势一年内降至零';
      return en
        ? `Revenue falling significantly: ${oneDecimal(reason.pctPerYear)}% a year`
        : `收入显著下降：每年 ${oneDecimal(reason.pctPerYear)}%`;
    case 'overdue_receivables':
      return en
        ? `Overdue receivables ${formatYuan(reason.cents)}`
        : `逾期应收款 ${formatYuan(reason.cents)}`;
    case 'complaints':
      return en
        ? `${formatCount(reason.count)} complaint${reason.count === 1 ? '' : 's'} in the last 12 months`
        : `近 12 个月投诉 ${formatCount(reason.count)} 次`;
    case 'low_satisfaction':
      return en
        ? `Satisfaction ${oneDecimal(reason.score)} out of 10`
        : `满意度 ${oneDecimal(reason.score)} 分（满分 10 分）`;
  }
}

const ACTION_TEXT: Record<WinBackAction, { zh: string; en: string }> = {
  resolve_complaint: {
    zh: '先处理客户的投诉或不满，再谈销售',
    en: 'Resolve the complaint or dissatisfaction before selling again',
  },
  settle_receivables: {
    zh: '先与客户结清逾期应收款',
    en: 'Settle the overdue receivables with the customer first',
  },
  owner_visit: { zh: '由客户负责人上门拜访', en: 'Visit by the account owner' },
  reactivation_offer: {
    zh: '发送回购优惠，恢复定期下单',
    en: 'Send a reactivation offer to restart regular orders',
  },
  check_in_call: { zh: '电话回访，了解客户近况', en: 'Check-in call to ask how things are going' },
};

export const winBackActionText = (action: WinBackAction, locale: Locale): string =>
  locale === 'en' ? ACTION_TEXT[action].en : ACTION_TEXT[action].zh;
