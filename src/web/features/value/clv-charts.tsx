import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { BoxplotChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { type ClvByTier, getClvByTier } from './clv-api';
import { compactYuan } from './clv-format';
import { VALUE_KEY } from './value-api';
import { type ChartOption, EChart, TIER_COLORS } from './value-echarts';

// The box plot is registered here, so its code loads with this page's charts only.
echarts.use([BoxplotChart]);

const BANDS = Array.from({ length: 10 }, (_, k) => (k === 9 ? '90–100' : `${k * 10}–${k * 10 + 9}`));

/** CLV per tier as box plots (P10/P25/median/P75/P90) with the sums, and churn-risk bands per tier. */
export default function ClvCharts() {
  const { t } = useTranslation();
  const data = useQuery({
    queryKey: [...VALUE_KEY, 'clv-by-tier'],
    queryFn: ({ signal }) => getClvByTier(signal),
  });
  // Before the first run the server answers 404 no_runs: nothing to draw, not an error.
  const noRuns = data.error instanceof ApiError && data.error.code === 'no_runs';
  const body = (chart: (d: ClvByTier) => ReactNode) =>
    noRuns ? (
      <Empty description={t('clv.charts.noRuns')} />
    ) : data.isError ? (
      <Alert type="error" showIcon title={data.error.message} />
    ) : data.data ? (
      chart(data.data)
    ) : (
      <Skeleton active />
    );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('clv.charts.clvTitle')} size="small" style={{ height: '100%' }}>
          {body((d) => (
            <ClvBoxplot data={d} />
          ))}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('clv.charts.riskTitle')} size="small" style={{ height: '100%' }}>
          {body((d) => (
            <RiskBands data={d} />
          ))}
        </Card>
      </Col>
    </Row>
  );
}

function ClvBoxplot({ data }: { data: ClvByTier }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const tiers = useMemo(() => data.tiers.filter((x) => x.customers > 0), [data]);
  const option = useMemo<ChartOption>(() => {
    const yuan = (v: number) => formatMoney(v.toFixed(2), locale);
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const x = tiers[p.dataIndex];
          if (!x) return '';
          return t('clv.charts.clvTooltip', {
            tier: t(`value.tier.${x.tier}`),
            count: x.customers,
            p90: yuan(x.p90),
            p75: yuan(x.p75),
            median: yuan(x.median),
            p25: yuan(x.p25),
            p10: yuan(x.p10),
          });
        },
      },
      xAxis: { type: 'category', data: tiers.map((x) => x.tier) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compactYuan(v, locale) } },
      series: [
        {
          type: 'boxplot',
          name: t('clv.charts.clvTitle'),
          // The whiskers are P10 and P90, not min and max: a few very large customers would flatten the boxes.
          data: tiers.map((x) => ({
            value: [x.p10, x.p25, x.median, x.p75, x.p90],
            itemStyle: {
              color: `${TIER_COLORS[x.tier]}33`,
              borderColor: TIER_COLORS[x.tier],
              borderWidth: 2,
            },
          })),
        },
      ],
    };
  }, [tiers, t, locale]);
  if (tiers.length === 0) return <Empty description={t('clv.charts.noRuns')} />;
  return (
    <>
      <EChart option={option} label={t('clv.charts.clvTitle')} height={260} testId="clv-boxplot" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('clv.charts.clvNote')}
      </Typography.Text>
      <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }} data-testid="clv-sums">
        {tiers.map((x) => (
          <li key={x.tier}>
            {t('clv.charts.sum', {
              tier: t(`value.tier.${x.tier}`),
              count: x.customers,
              sum: formatMoney(x.sum.toFixed(2), locale),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

function RiskBands({ data }: { data: ClvByTier }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: BANDS,
        name: t('clv.charts.riskAxis'),
        nameLocation: 'middle',
        nameGap: 28,
        // Every band labelled: the eye reads the bars by them.
        axisLabel: { interval: 0, fontSize: 10 },
      },
      yAxis: { type: 'value', name: t('clv.charts.customers'), minInterval: 1 },
      series: data.tiers.map((x) => ({
        type: 'bar',
        stack: 'tiers',
        name: t(`value.tier.${x.tier}`),
        itemStyle: { color: TIER_COLORS[x.tier] },
        data: x.riskBands,
      })),
    }),
    [data, t],
  );
  return <EChart option={option} label={t('clv.charts.riskTitle')} height={300} testId="clv-risk-bands" />;
}
