import { Alert, Col, Row, Typography } from 'antd';
import { MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { ModelCheck } from './clv-api';
import { type HoldoutGroups, holdoutBars, type Tracking, trackingLines } from './clv-check-data';
import { formatPurchases } from './clv-format';
import { type ChartOption, EChart } from './value-echarts';

// The calibration-end mark loads with these charts only.
echarts.use([MarkLineComponent]);

/** What happened solid and blue, the forecast amber (dashed where it is a line), in both charts. */
const ACTUAL = '#1f6feb';
const EXPECTED = '#bf8700';

/** Axis names start at the axis, not centred over it: centred, a long one runs off the chart's left edge. */
const AXIS_NAME = { align: 'left' } as const;

type TooltipItem = { dataIndex: number; marker: string; seriesName: string; value: unknown };

/** An axis tooltip: the point's heading, then each series' dot, name and value (in its language). */
const axisTooltip = (
  t: TFunction,
  heading: (dataIndex: number) => string,
  value: (item: TooltipItem) => string,
) => ({
  trigger: 'axis',
  formatter: (items: TooltipItem[]) =>
    [
      heading(items[0]?.dataIndex ?? 0),
      ...items.map((p) => p.marker + t('clv.check.tooltipValue', { series: p.seriesName, value: value(p) })),
    ].join('<br/>'),
});

/** The model check's two pictures: holdout purchases by calibration purchases, and the tracking lines. */
export default function ModelCheckCharts({ check }: { check: ModelCheck }) {
  const { t } = useTranslation();
  // Without a BG/NBD at the calibration end nothing was forecast: the charts say so instead.
  const none = <Alert type="warning" showIcon title={t('clv.check.noBgnbd')} style={{ marginTop: 8 }} />;
  const charts = [
    {
      title: t('clv.check.holdoutTitle'),
      chart: check.calibrationVsHoldout && (
        <HoldoutChart groups={check.calibrationVsHoldout} calibrationEnd={check.calibrationEnd} />
      ),
    },
    {
      title: t('clv.check.trackingTitle'),
      chart: check.tracking && (
        <TrackingChart tracking={check.tracking} calibrationEnd={check.calibrationEnd} />
      ),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map(({ title, chart }) => (
        <Col key={title} xs={24} xl={12}>
          <Typography.Text strong>{title}</Typography.Text>
          {chart || none}
        </Col>
      ))}
    </Row>
  );
}

function HoldoutChart({ groups, calibrationEnd }: { groups: HoldoutGroups; calibrationEnd: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<ChartOption>(() => {
    const bars = holdoutBars(groups);
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: axisTooltip(
        t,
        (i) => t('clv.check.holdoutTooltip', { label: bars.labels[i], count: bars.customers[i] ?? 0 }),
        (p) => (typeof p.value === 'number' ? formatPurchases(p.value, locale) : '—'),
      ),
      xAxis: {
        type: 'category',
        data: bars.labels,
        name: t('clv.check.holdoutAxis', { date: calibrationEnd }),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'value', name: t('clv.check.holdoutMean'), nameTextStyle: AXIS_NAME },
      series: [
        { type: 'bar', name: t('clv.check.actual'), data: bars.actual, itemStyle: { color: ACTUAL } },
        { type: 'bar', name: t('clv.check.expected'), data: bars.expected, itemStyle: { color: EXPECTED } },
      ],
    };
  }, [groups, calibrationEnd, t, locale]);
  return <EChart option={option} label={t('clv.check.holdoutTitle')} height={300} testId="check-holdout" />;
}

function TrackingChart({ tracking, calibrationEnd }: { tracking: Tracking; calibrationEnd: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<ChartOption>(() => {
    const lines = trackingLines(tracking);
    const line = (name: string, data: [string, number][], color: string, dashed: boolean) => ({
      type: 'line',
      name,
      data,
      showSymbol: false,
      itemStyle: { color },
      lineStyle: { color, width: 2, type: dashed ? 'dashed' : 'solid' },
    });
    return {
      grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: axisTooltip(
        t,
        (i) => t('clv.check.periodEnd', { date: tracking.periodEnds[i] ?? '' }),
        (p) => formatNumber((p.value as [string, number])[1], locale),
      ),
      xAxis: {
        type: 'time',
        // Numeric dates read the same in both languages (ECharts' month names are English only).
        axisLabel: {
          formatter: { year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}' },
          hideOverlap: true,
        },
      },
      yAxis: {
        type: 'value',
        name: t('clv.check.trackingAxis'),
        nameTextStyle: AXIS_NAME,
        axisLabel: {
          formatter: (v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v),
        },
      },
      series: [
        {
          ...line(t('clv.check.actual'), lines.actual, ACTUAL, false),
          // The calibration end: to its left the models saw the purchases, to its right they forecast them.
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: '#57606a', type: 'solid', width: 1 },
            label: { position: 'end', formatter: t('clv.check.markLabel'), color: '#57606a' },
            data: [{ xAxis: calibrationEnd }],
          },
        },
        line(t('clv.check.expected'), lines.expected, EXPECTED, true),
      ],
    };
  }, [tracking, calibrationEnd, t, locale]);
  return <EChart option={option} label={t('clv.check.trackingTitle')} height={300} testId="check-tracking" />;
}
