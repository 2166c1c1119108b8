import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useMe } from '../auth/session';
import { usePeople } from '../people';
import {
  type ChurnListItem,
  type ChurnListKind,
  type ChurnTasksResult,
  listChurn,
  openChurnTasks,
} from './clv-api';
import { formatProbability, riskColor, useChurnThresholds } from './clv-format';
import { ManagerButton } from './manager-button';
import { VALUE_KEY } from './value-api';
import { canManageValue, percent } from './value-hooks';
import { CustomerCell, LoadMore } from './value-list-parts';
import { ABC_TAG_COLORS, TIER_COLORS } from './value-tier-colors';

/** One churn list of the latest run (at risk, or win back), paged by cursor, and its follow-up tasks. */
export function ChurnListCard({ list }: { list: ChurnListKind }) {
  const { t } = useTranslation();
  const me = useMe();
  const people = usePeople();
  const client = useQueryClient();
  const thresholds = useChurnThresholds();
  const manager = canManageValue(me.data?.role);
  const [ownerId, setOwnerId] = useState<number | undefined>();
  const [opened, setOpened] = useState<ChurnTasksResult | null>(null);
  const pages = useInfiniteQuery({
    queryKey: [...VALUE_KEY, 'churn', list, ownerId],
    queryFn: ({ pageParam, signal }) => listChurn({ list, ownerId, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const open = useMutation({
    mutationFn: () => openChurnTasks(list),
    onSuccess: async (r) => {
      // The counts stay above the list (a toast would vanish before they are read).
      setOpened(r);
      await client.invalidateQueries({ queryKey: [...VALUE_KEY, 'churn', list] });
      await client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t(`clv.lists.${list}`)}
      size="small"
      data-testid={`churn-${list}`}
      extra={
        <ManagerButton
          manager={manager}
          why={t('clv.lists.managersOnly')}
          size="small"
          type="primary"
          icon={<PlusOutlined />}
          loading={open.isPending}
          disabled={rows.length === 0}
          onClick={() => open.mutate()}
        >
          {t('clv.lists.createTasks')}
        </ManagerButton>
      }
    >
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">
            {t(`clv.lists.hint.${list}`, {
              score: thresholds.atRiskScore,
              days: thresholds.winBackDormantDays,
              share: percent(thresholds.winBackTopShare, 0),
            })}
          </Typography.Text>
          {/* A rep sees only their own customers anyway. */}
          {manager && (
            <Select<number>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('clv.lists.owner')}
              placeholder={t('clv.lists.allOwners')}
              style={{ width: 180 }}
              value={ownerId}
              onChange={(v) => setOwnerId(v ?? undefined)}
              options={people.options}
            />
          )}
        </Flex>
        {opened && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setOpened(null) }}
            role="status"
            title={t('clv.lists.opened', {
              listed: opened.listed,
              created: opened.created,
              open: opened.alreadyOpen,
            })}
          />
        )}
        {(pages.isError || open.isError) && (
          <Alert type="error" showIcon role="alert" title={(pages.error ?? open.error)?.message} />
        )}
        <Table<ChurnListItem>
          rowKey="customerId"
          size="small"
          pagination={false}
          loading={pages.isPending}
          dataSource={rows}
          // Names, owners and figures on one line; only the reasons and the action wrap (their widths).
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('clv.lists.empty')} /> }}
          columns={useColumns(list, thresholds.atRiskScore)}
        />
        <LoadMore pages={pages} />
      </Space>
    </Card>
  );
}

function useColumns(list: ChurnListKind, atRiskScore: number): ColumnsType<ChurnListItem> {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = (v: string | null) => formatMoney(v, locale);
  return [
    {
      key: 'customer',
      title: t('value.col.customer'),
      // The follow-up task sits with the customer: a column of its own would push the reasons off screen.
      render: (_, r) => (
        <CustomerCell
          row={r}
          extra={
            r.taskId !== null && (
              <Tag icon={<CheckCircleOutlined />} color="green" data-testid="churn-task-open">
                {t('value.breaches.taskOpen')}
              </Tag>
            )
          }
        />
      ),
    },
    { key: 'owner', title: t('value.col.owner'), render: (_, r) => r.ownerName ?? t('value.noOwner') },
    {
      key: 'tier',
      title: t('value.col.tier'),
      render: (_, r) => (
        <Space size={4}>
          <Tag color={TIER_COLORS[r.tier]}>{r.tier}</Tag>
          <Tag color={ABC_TAG_COLORS[r.abc]}>{r.abc}</Tag>
        </Space>
      ),
    },
    // What to do comes before why: it is what the win-back list is for.
    ...(list === 'win_back'
      ? [
          {
            key: 'action',
            title: t('clv.lists.col.action'),
            width: 180,
            render: (_: unknown, r: ChurnListItem) => (
              <Typography.Text strong>{r.action?.text ?? '—'}</Typography.Text>
            ),
          },
        ]
      : []),
    {
      key: 'risk',
      title: t('clv.lists.col.churnRisk'),
      align: 'right',
      render: (_, r) =>
        r.churnRisk === null ? '—' : <Tag color={riskColor(r.churnRisk, atRiskScore)}>{r.churnRisk}</Tag>,
    },
    // Win-back customers have lapsed by definition (their reasons say how likely): no column for it.
    ...(list === 'at_risk'
      ? [
          {
            key: 'pAlive',
            title: t('clv.lists.col.pAlive'),
            align: 'right' as const,
            render: (_: unknown, r: ChurnListItem) => formatProbability(r.pAlive, locale),
          },
        ]
      : []),
    { key: 'clv', title: t('clv.lists.col.clv'), align: 'right', render: (_, r) => money(r.clv) },
    ...(list === 'win_back'
      ? [
          {
            key: 'basis',
            title: t('clv.lists.col.basisValue'),
            align: 'right' as const,
            render: (_: unknown, r: ChurnListItem) => money(r.basisValue),
          },
        ]
      : []),
    {
      key: 'lastOrder',
      title: t('clv.lists.col.lastOrder'),
      align: 'right',
      render: (_, r) =>
        r.daysSinceLastOrder === null
          ? t('clv.lists.never')
          : t('clv.lists.days', { count: r.daysSinceLastOrder }),
    },
    {
      key: 'reasons',
      title: t('clv.lists.col.reasons'),
      width: 260,
      render: (_, r) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {r.reasons.map((x) => (
            <li key={x.code}>{x.text}</li>
          ))}
        </ul>
      ),
    },
  ];
}
