import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { getExpectedValue, getProjection, type MigrationDimension, VALUE_KEY } from './value-api';
import { percent, useSegmentName } from './value-hooks';

const STEPS = 4;
const DISCOUNT = 0.1;

type Row = { state: string; now: number; ahead: number; reward: number; value: number };

/**
 * What the transition matrix says next: each state's share now and STEPS runs ahead (Markov), and its
 * expected present value per customer (Pfeifer & Carraway, discount DISCOUNT per run interval).
 */
export function Outlook(props: { from?: number; to?: number; dimension: MigrationDimension }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const segmentName = useSegmentName();
  const projection = useQuery({
    queryKey: [...VALUE_KEY, 'projection', props.from, props.to, props.dimension, STEPS],
    queryFn: ({ signal }) => getProjection({ ...props, steps: STEPS }, signal),
  });
  const expected = useQuery({
    queryKey: [...VALUE_KEY, 'expected-value', props.from, props.to, props.dimension, DISCOUNT],
    queryFn: ({ signal }) => getExpectedValue({ ...props, discountRate: DISCOUNT }, signal),
  });
  const error = projection.error ?? expected.error;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  const states = projection.data?.migration.states ?? [];
  const dist = projection.data?.distributions ?? [];
  const rows: Row[] = states.map((state, i) => ({
    state,
    now: dist[0]?.[i] ?? 0,
    ahead: dist[dist.length - 1]?.[i] ?? 0,
    reward: expected.data?.reward[i] ?? 0,
    value: expected.data?.value[i] ?? 0,
  }));
  const label = (s: string) =>
    props.dimension === 'tier'
      ? t(`value.tier.${s}`, { defaultValue: s })
      : props.dimension === 'segment'
        ? segmentName(s)
        : s;
  const money = (v: number) => formatMoney(v.toFixed(2), locale);
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('value.outlook.title', { steps: STEPS })}</Typography.Text>
      <Table<Row>
        rowKey="state"
        size="small"
        pagination={false}
        loading={projection.isPending || expected.isPending}
        dataSource={rows}
        scroll={{ x: true }}
        data-testid="value-outlook"
        columns={[
          { key: 'state', title: t('value.outlook.state'), render: (_, r) => label(r.state) },
          { key: 'now', title: t('value.outlook.now'), align: 'right', render: (_, r) => percent(r.now) },
          {
            key: 'ahead',
            title: t('value.outlook.ahead', { steps: STEPS }),
            align: 'right',
            render: (_, r) => percent(r.ahead),
          },
          {
            key: 'reward',
            title: t('value.outlook.reward'),
            align: 'right',
            render: (_, r) => money(r.reward),
          },
          { key: 'value', title: t('value.outlook.value'), align: 'right', render: (_, r) => money(r.value) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('value.outlook.note', { discount: percent(DISCOUNT, 0) })}
      </Typography.Text>
    </div>
  );
}
