import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { CustomerValue } from './value-api';
import { type ChartOption, EChart } from './value-echarts';

const TIERS = ['BZ', 'STC', 'MVC'];

/** A customer's tier over the runs (steps, each point labelled with its ABC class) and its actual value. */
export default function ValueHistoryChart({ history }: { history: CustomerValue['history'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<ChartOption>(() => {
    // The short codes on the axis (the column is narrow); the tooltip gives the full names.
    const tierNames = TIERS;
    return {
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0, itemWidth: 14, textStyle: { fontSize: 11 } },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { dataIndex: number }[]) => {
          const h = history[items[0]?.dataIndex ?? 0];
          if (!h) return '';
          return t('value.history.tooltip', {
            asOf: h.asOf,
            tier: t(`value.tier.${h.tier}`),
            abc: h.abc,
            value: formatMoney(h.actualValue, locale),
          });
        },
      },
      xAxis: { type: 'category', data: history.map((h) => h.asOf) },
      yAxis: [
        {
          type: 'category',
          data: tierNames,
        },
        {
          type: 'value',
          axisLabel: {
            formatter: (v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v),
          },
        },
      ],
      series: [
        {
          type: 'line',
          step: 'middle',
          name: t('value.history.tier'),
          data: history.map((h) => tierNames[TIERS.indexOf(h.tier)]),
          itemStyle: { color: '#1f6feb' },
          // Each point carries its ABC class.
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => history[p.dataIndex]?.abc ?? '',
          },
        },
        {
          type: 'line',
          name: t('value.col.actualValue'),
          yAxisIndex: 1,
          data: history.map((h) => Number(h.actualValue)),
          itemStyle: { color: '#2da44e' },
        },
      ],
    };
  }, [history, t, locale]);
  return (
    <EChart option={option} label={t('value.history.title')} height={220} testId="value-history-chart" />
  );
}
