import { GaugeChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { currentLocale } from '../../lib/i18n';
import { formatProbability } from './clv-format';
import { type ChartOption, EChart } from './value-echarts';

// The gauge is registered here, so its code loads with the 360 card's gauge only.
echarts.use([GaugeChart]);

/** P(alive) as a half-dial from 0 to 100%: red when the customer has probably lapsed. */
export default function PAliveGauge({ pAlive, label }: { pAlive: number; label: string }) {
  const locale = currentLocale();
  const option = useMemo<ChartOption>(
    () => ({
      series: [
        {
          type: 'gauge',
          startAngle: 200,
          endAngle: -20,
          min: 0,
          max: 100,
          radius: '100%',
          center: ['50%', '62%'],
          progress: { show: true, width: 12 },
          axisLine: {
            lineStyle: {
              width: 12,
              color: [
                [0.3, '#ffd8d3'],
                [0.6, '#fff1c2'],
                [1, '#d2f4d9'],
              ],
            },
          },
          itemStyle: { color: pAlive < 0.3 ? '#cf222e' : pAlive < 0.6 ? '#bf8700' : '#2da44e' },
          pointer: { show: false },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { distance: -28, fontSize: 10, color: '#8c959f', formatter: (v: number) => `${v}%` },
          title: { show: true, offsetCenter: [0, '28%'], fontSize: 12, color: '#57606a' },
          detail: {
            offsetCenter: [0, '-8%'],
            fontSize: 22,
            fontWeight: 600,
            color: '#1f2328',
            formatter: () => formatProbability(pAlive, locale),
          },
          data: [{ value: Math.round(pAlive * 1000) / 10, name: 'P(alive)' }],
        },
      ],
    }),
    [pAlive, locale],
  );
  return <EChart option={option} label={label} height={150} testId="p-alive-gauge" />;
}
