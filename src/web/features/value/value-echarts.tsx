import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of ECharts the value charts use; this file loads with the charts, never with the shell.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** One ECharts canvas for `option` (redrawn when it changes), named for screen readers. */
export function EChart({
  option,
  label,
  height = 300,
  testId = 'value-chart',
}: {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({ animation: false, ...option });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return (
    <div ref={ref} style={{ height, width: '100%' }} role="img" aria-label={label} data-testid={testId} />
  );
}

export const TIER_COLORS = { MVC: '#1f6feb', STC: '#2da44e', BZ: '#cf222e' } as const;
export const ABC_COLORS = { A: '#1f6feb', B: '#8250df', C: '#8c959f' } as const;
