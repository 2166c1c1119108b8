import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { listValueCustomers, VALUE_KEY, type ValueListItem, type ValueListKind } from './value-api';
import { useSegmentName } from './value-hooks';
import { CustomerCell, LoadMore } from './value-list-parts';
import { ABC_TAG_COLORS, TIER_COLORS } from './value-tier-colors';

const KINDS: ValueListKind[] = ['mvc_down', 'bz', 'high_potential'];

/** The three lists of the latest run: MVCs that moved down, BZs, high-potential STCs. */
export function ValueListsCard() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const segmentName = useSegmentName();
  const [kind, setKind] = useState<ValueListKind>('mvc_down');
  const pages = useInfiniteQuery({
    queryKey: [...VALUE_KEY, 'lists', kind],
    queryFn: ({ pageParam, signal }) => listValueCustomers(kind, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('value.lists.title')} size="small">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Segmented<ValueListKind>
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`value.lists.${k}`) }))}
        />
        <Typography.Text type="secondary">{t(`value.lists.hint.${kind}`)}</Typography.Text>
        {pages.isError && <Alert type="error" showIcon title={pages.error.message} />}
        <Table<ValueListItem>
          rowKey="customerId"
          size="small"
          pagination={false}
          loading={pages.isPending}
          dataSource={rows}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('value.lists.empty')} /> }}
          columns={[
            {
              key: 'customer',
              title: t('value.col.customer'),
              render: (_, r) => <CustomerCell row={r} />,
            },
            {
              key: 'owner',
              title: t('value.col.owner'),
              render: (_, r) => r.ownerName ?? t('value.noOwner'),
            },
            {
              key: 'tier',
              title: t('value.col.tier'),
              render: (_, r) => (
                <Space size={4}>
                  {r.previousTier && r.previousTier !== r.tier && (
                    <>
                      <Tag color={TIER_COLORS[r.previousTier]}>{t(`value.tier.${r.previousTier}`)}</Tag>→
                    </>
                  )}
                  <Tag color={TIER_COLORS[r.tier]}>{t(`value.tier.${r.tier}`)}</Tag>
                  {r.highPotential && <Tag color="gold">{t('value.highPotential')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'abc',
              title: 'ABC',
              render: (_, r) => (
                <Space size={4}>
                  {r.previousAbc && r.previousAbc !== r.abc && <>{r.previousAbc} →</>}
                  <Tag color={ABC_TAG_COLORS[r.abc]}>{r.abc}</Tag>
                </Space>
              ),
            },
            { key: 'segment', title: t('value.col.segment'), render: (_, r) => segmentName(r.segment) },
            {
              key: 'actual',
              title: t('value.col.actualValue'),
              align: 'right',
              render: (_, r) => formatMoney(r.actualValue, locale),
            },
            {
              key: 'strategic',
              title: t('value.col.strategicValue'),
              align: 'right',
              render: (_, r) => formatMoney(r.strategicValue, locale),
            },
          ]}
        />
        <LoadMore pages={pages} />
      </Space>
    </Card>
  );
}
