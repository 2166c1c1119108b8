import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Select, Skeleton, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getMigration, type Migration, type MigrationDimension, VALUE_KEY, type ValueRun } from './value-api';
import { type ChartOption, EChart } from './value-echarts';
import { percent, useSegmentName } from './value-hooks';
import { Outlook } from './value-outlook';

const DIMENSIONS: MigrationDimension[] = ['tier', 'abc', 'segment'];

/** Customers moving between two chosen runs, as a heatmap of counts (row shares: the Markov matrix). */
export function MigrationCard({ runs }: { runs: ValueRun[] }) {
  const { t } = useTranslation();
  const done = runs.filter((r) => r.status === 'done');
  const [dimension, setDimension] = useState<MigrationDimension>('tier');
  // Until the user picks, the latest two runs (a new run moves them along).
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const to = picked.to ?? done[0]?.id;
  const from = picked.from ?? done[1]?.id;
  const setFrom = (id: number) => setPicked((p) => ({ ...p, from: id }));
  const setTo = (id: number) => setPicked((p) => ({ ...p, to: id }));
  const enough = done.length >= 2 && from !== undefined && to !== undefined;
  const migration = useQuery({
    queryKey: [...VALUE_KEY, 'migration', from, to, dimension],
    queryFn: ({ signal }) => getMigration({ from, to, dimension }, signal),
    enabled: enough,
  });
  const options = done.map((r) => ({ value: r.id, label: `${r.asOf} #${r.id}` }));
  return (
    <Card title={t('value.migration.title')} size="small">
      <Space wrap style={{ marginBottom: 8 }}>
        <Select
          size="small"
          style={{ minWidth: 150 }}
          aria-label={t('value.migration.from')}
          placeholder={t('value.migration.from')}
          value={from}
          options={options}
          onChange={setFrom}
        />
        <Typography.Text type="secondary">→</Typography.Text>
        <Select
          size="small"
          style={{ minWidth: 150 }}
          aria-label={t('value.migration.to')}
          placeholder={t('value.migration.to')}
          value={to}
          options={options}
          onChange={setTo}
        />
        <Segmented<MigrationDimension>
          size="small"
          value={dimension}
          onChange={setDimension}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`value.migration.dimension.${d}`) }))}
        />
      </Space>
      {!enough ? (
        <Empty description={t('value.migration.needTwo')} />
      ) : migration.isError ? (
        <Alert type="error" showIcon title={migration.error.message} />
      ) : migration.data ? (
        <>
          <MigrationHeatmap migration={migration.data} />
          <Outlook from={from} to={to} dimension={dimension} />
        </>
      ) : (
        <Skeleton active />
      )}
    </Card>
  );
}

function MigrationHeatmap({ migration }: { migration: Migration }) {
  const { t } = useTranslation();
  const segmentName = useSegmentName();
  const option = useMemo<ChartOption>(() => {
    const label = (s: string) =>
      migration.dimension === 'tier'
        ? t(`value.tier.${s}`, { defaultValue: s })
        : migration.dimension === 'segment'
          ? segmentName(s)
          : s;
    const names = migration.states.map(label);
    const data = migration.counts.flatMap((row, i) =>
      row.map((n, j) => [j, i, n, migration.matrix[i]?.[j] ?? 0]),
    );
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
      tooltip: {
        formatter: (p: { data: number[] }) =>
          t('value.migration.tooltip', {
            from: names[p.data[1]!],
            to: names[p.data[0]!],
            count: p.data[2],
            share: percent(p.data[3]!),
          }),
      },
      xAxis: {
        type: 'category',
        data: names,
        name: t('value.migration.toAxis'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0 },
      },
      yAxis: {
        type: 'category',
        data: names,
        inverse: true,
        name: t('value.migration.fromAxis'),
        nameLocation: 'start',
      },
      // Colour: the row share (the transition probability).
      visualMap: { show: false, dimension: 3, min: 0, max: 1, inRange: { color: ['#f6f8fa', '#8250df'] } },
      series: [
        {
          type: 'heatmap',
          name: t('value.migration.title'),
          data,
          label: {
            show: true,
            formatter: (p: { data: number[] }) => `${p.data[2]}\n${percent(p.data[3]!, 0)}`,
          },
        },
      ],
    };
  }, [migration, t, segmentName]);
  const height = Math.max(260, 60 + migration.states.length * 36);
  return (
    <>
      <EChart option={option} label={t('value.migration.title')} height={height} />
      <Typography.Text type="secondary">
        {t('value.migration.note', {
          from: migration.fromRun?.asOf ?? '—',
          to: migration.toRun?.asOf ?? '—',
          entered: migration.entered.reduce((s, n) => s + n, 0),
          left: migration.left.reduce((s, n) => s + n, 0),
        })}
      </Typography.Text>
    </>
  );
}
