import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Skeleton } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { revenueByMonth } from './customer-api';

// Only the parts of ECharts this chart uses: the whole library would triple the chunk.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Monthly revenue over the last 24 months (loaded with the chart, on demand). */
export default function RevenueChart({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const data = useQuery({
    queryKey: ['customers', customerId, 'revenue-by-month'],
    queryFn: ({ signal }) => revenueByMonth(customerId, signal),
  });
  const ref = useRef<HTMLDivElement>(null);
  const months = data.data?.months ?? [];
  const empty = months.every((m) => Number(m.amount) === 0);

  useEffect(() => {
    if (!ref.current || months.length === 0 || empty) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.setOption({
      animation: false, // a business chart: the numbers at once
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: number) => formatMoney(String(v), locale),
      },
      xAxis: { type: 'category', data: months.map((m) => m.month) },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => new Intl.NumberFormat(locale, { notation: 'compact' }).format(v),
        },
      },
      series: [
        {
          type: 'bar',
          name: t('view360.revenue'),
          data: months.map((m) => Number(m.amount)),
          itemStyle: { color: '#1f6feb' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months, empty, locale, t]);

  if (data.isPending) return <Skeleton active />;
  if (data.isError) return <Alert type="error" showIcon title={data.error.message} />;
  if (empty) return <Empty description={t('view360.noRevenue')} />;
  return (
    <div ref={ref} style={{ height: 240, width: '100%' }} role="img" aria-label={t('view360.revenueChart')} />
  );
}
