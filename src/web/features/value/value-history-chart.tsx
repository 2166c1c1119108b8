import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { riskColor, useChurnThresholds } from './clv-format';
import type { CustomerValue } from './value-api';
import { type ChartOption, EChart } from './value-echarts';

const TIERS = ['BZ', 'STC', 'MVC'];

/**
 * A customer's tier over the runs (steps, each point labelled with its ABC class), its actual value and,
 * once runs predict them, its CLV; the churn risk below in a chart of its own.
 */
export default function ValueHistoryChart({ history }: { history: CustomerValue['history'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Runs before the lifetime-value models have no CLV: their series are left out rather than drawn as 0.
  const predicted = history.some((h) => h.clv !== null || h.churnRisk !== null);
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
          const verdict = t('value.history.tooltip', {
            asOf: h.asOf,
            tier: t(`value.tier.${h.tier}`),
            abc: h.abc,
            value: formatMoney(h.actualValue, locale),
          });
          if (h.clv === null && h.churnRisk === null) return verdict;
          const risk = h.churnRisk === null ? '—' : String(h.churnRisk);
          return `${verdict}<br/>${t('clv.history.tooltip', { clv: formatMoney(h.clv, locale), risk })}`;
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
        ...(predicted
          ? [
              {
                type: 'line',
                name: t('clv.history.clv'),
                yAxisIndex: 1,
                data: history.map((h) => (h.clv === null ? null : Number(h.clv))),
                itemStyle: { color: '#8250df' },
              },
            ]
          : []),
      ],
    };
  }, [history, predicted, t, locale]);
  return (
    <>
      <EChart option={option} label={t('value.history.title')} height={220} testId="value-history-chart" />
      {predicted && <RiskHistory history={history} />}
    </>
  );
}

/** Churn risk over the runs, in a small chart of its own (0–100 does not share an axis with money). */
function RiskHistory({ history }: { history: CustomerValue['history'] }) {
  const { t } = useTranslation();
  const { atRiskScore } = useChurnThresholds();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: history.map((h) => h.asOf) },
      yAxis: { type: 'value', min: 0, max: 100, interval: 50 },
      series: [
        {
          type: 'bar',
          name: t('clv.history.churnRisk'),
          barMaxWidth: 24,
          // Red at or above the at-risk score, as on the card and the lists.
          data: history.map((h) =>
            h.churnRisk === null
              ? null
              : { value: h.churnRisk, itemStyle: { color: riskColor(h.churnRisk, atRiskScore) } },
          ),
        },
      ],
    }),
    [history, atRiskScore, t],
  );
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('clv.history.riskTitle')}
      </Typography.Text>
      <EChart option={option} label={t('clv.history.riskTitle')} height={110} testId="risk-history-chart" />
    </>
  );
}
