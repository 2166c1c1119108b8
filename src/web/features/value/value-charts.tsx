import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import { getPareto, getRfmGrid, type Pareto, type RfmGrid, VALUE_KEY, type ValueRun } from './value-api';
import { ABC_COLORS, type ChartOption, EChart, TIER_COLORS } from './value-echarts';
import { MigrationCard } from './value-migration';

/** The dashboard's charts (loaded on demand with ECharts): Pareto, R×F, tiers over runs, migration. */
export default function ValueCharts({ latest, runs }: { latest: ValueRun; runs: ValueRun[] }) {
  const { t } = useTranslation();
  const pareto = useQuery({
    queryKey: [...VALUE_KEY, 'pareto', latest.id],
    queryFn: ({ signal }) => getPareto(latest.id, signal),
  });
  const grid = useQuery({
    queryKey: [...VALUE_KEY, 'rfm-grid', latest.id],
    queryFn: ({ signal }) => getRfmGrid(latest.id, signal),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('value.pareto.title')} size="small">
          {pareto.isError && <Alert type="error" showIcon title={pareto.error.message} />}
          {pareto.data ? <ParetoChart pareto={pareto.data} /> : pareto.isPending && <Skeleton active />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('value.rfm.title')} size="small">
          {grid.isError && <Alert type="error" showIcon title={grid.error.message} />}
          {grid.data ? <RfmHeatmap grid={grid.data} /> : grid.isPending && <Skeleton active />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('value.tiersOverRuns.title')} size="small">
          <TierHistory runs={runs} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <MigrationCard runs={runs} />
      </Col>
    </Row>
  );
}

function ParetoChart({ pareto }: { pareto: Pareto }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const n = Math.max(1, pareto.customers);
    const lastOf = (abc: 'A' | 'B') =>
      pareto.points.filter((p) => p.abc === abc).reduce((m, p) => Math.max(m, p.rank), 0);
    const a = (lastOf('A') / n) * 100;
    const b = Math.max(a, (lastOf('B') / n) * 100);
    const band = (name: string, from: number, to: number, color: string) => [
      { name, xAxis: from, itemStyle: { color, opacity: 0.12 }, label: { color } },
      { xAxis: to },
    ];
    return {
      grid: { left: 8, right: 16, top: 24, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items: { data: [number, number] }[]) => {
          const [x, y] = items[0]?.data ?? [0, 0];
          return t('value.pareto.tooltip', { customers: `${x.toFixed(1)}%`, value: `${y.toFixed(1)}%` });
        },
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        name: t('value.pareto.xAxis'),
        nameLocation: 'middle',
        nameGap: 24,
        axisLabel: { formatter: '{value}%' },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('value.pareto.series'),
          showSymbol: false,
          data: [[0, 0], ...pareto.points.map((p) => [(p.rank / n) * 100, p.cumShare * 100])],
          lineStyle: { color: '#1f6feb', width: 2 },
          markArea: {
            silent: true,
            data: [
              band('A', 0, a, ABC_COLORS.A),
              band('B', a, b, ABC_COLORS.B),
              band('C', b, 100, ABC_COLORS.C),
            ],
          },
        },
      ],
    };
  }, [pareto, t]);
  return <EChart option={option} label={t('value.pareto.title')} />;
}

function RfmHeatmap({ grid }: { grid: RfmGrid }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const option = useMemo<ChartOption>(() => {
    const scores = ['1', '2', '3', '4', '5'];
    const money = (v: number) =>
      new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(v);
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (p: { data: [number, number, number, number, number] }) =>
          t('value.rfm.tooltip', {
            r: p.data[0] + 1,
            f: p.data[1] + 1,
            count: p.data[3],
            monetary: money(p.data[4]),
            m: p.data[2].toFixed(1),
          }),
      },
      xAxis: { type: 'category', data: scores, name: 'R', splitArea: { show: true } },
      yAxis: { type: 'category', data: scores, name: 'F', splitArea: { show: true } },
      // Colour: the cell's mean M score (1–5); the tooltip tells the mean amount too.
      visualMap: {
        dimension: 2,
        min: 1,
        max: 5,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: [t('value.rfm.high'), t('value.rfm.low')],
        inRange: { color: ['#eef4ff', '#7aa7f0', '#1f4fbf'] },
        formatter: (v: number) => `M ${v.toFixed(1)}`,
      },
      series: [
        {
          type: 'heatmap',
          name: t('value.rfm.title'),
          data: grid.cells.map((c) => [c.r - 1, c.f - 1, c.avgM, c.count, c.avgMonetary]),
          label: {
            show: true,
            color: '#111',
            textBorderColor: '#fff',
            textBorderWidth: 2,
            formatter: (p: { data: number[] }) => String(p.data[3]),
          },
        },
      ],
    };
  }, [grid, t, locale]);
  return (
    <>
      <EChart option={option} label={t('value.rfm.title')} />
      <Typography.Text type="secondary">{t('value.rfm.note', { count: grid.unscored })}</Typography.Text>
    </>
  );
}

function TierHistory({ runs }: { runs: ValueRun[] }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const done = runs.filter((r) => r.summary).reverse();
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: done.map((r) => `${r.asOf} #${r.id}`) },
      yAxis: { type: 'value' },
      series: (['MVC', 'STC', 'BZ'] as const).map((tier) => ({
        type: 'bar',
        stack: 'tiers',
        name: t(`value.tier.${tier}`),
        itemStyle: { color: TIER_COLORS[tier] },
        data: done.map((r) => r.summary?.tiers[tier].count ?? 0),
      })),
    };
  }, [runs, t]);
  if (!runs.some((r) => r.summary)) return <Empty description={t('value.noRuns')} />;
  return <EChart option={option} label={t('value.tiersOverRuns.title')} />;
}
