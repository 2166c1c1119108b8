import { Col, Row, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualitySummary } from './quality-api';

// Only the parts of ECharts these charts use (as the revenue chart does).
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Group = QualitySummary['groups'][number];
type Measure = 'completeness' | 'staleRate' | 'duplicateRate';

const COLORS: Record<Measure, string> = {
  completeness: '#1f6feb',
  staleRate: '#d4860b',
  duplicateRate: '#cf222e',
};

/** One horizontal bar per group: a percentage, 0–100. */
function PercentBars({ groups, measure, label }: { groups: Group[]; measure: Measure; label: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    const names = groups.map((g) => g.name ?? t('quality.unassigned'));
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: label,
          data: groups.map((g) => g[measure]),
          itemStyle: { color: COLORS[measure] },
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [groups, measure, label, t]);
  // A bar per group, 28 px each: long lists of reps stay legible.
  const height = Math.max(160, 40 + groups.length * 28);
  return (
    <div
      ref={ref}
      style={{ height, width: '100%' }}
      role="img"
      aria-label={label}
      data-testid="quality-chart"
    />
  );
}

/** Completeness %, stale rate and duplicate rate per owner, team or branch (loaded on demand). */
export default function QualityCharts({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  const charts: [Measure, string][] = [
    ['completeness', t('quality.completeness')],
    ['staleRate', t('quality.staleRate')],
    ['duplicateRate', t('quality.duplicateRate')],
  ];
  return (
    <Row gutter={[16, 16]}>
      {charts.map(([measure, label]) => (
        <Col key={measure} xs={24} xl={8}>
          <Typography.Text strong>{label}</Typography.Text>
          <PercentBars groups={groups} measure={measure} label={label} />
        </Col>
      ))}
    </Row>
  );
}
