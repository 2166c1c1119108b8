import { CheckCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { type Breach, listBreaches, openBreachTasks, VALUE_KEY } from './value-api';
import { canManageValue } from './value-hooks';
import { CustomerCell, LoadMore } from './value-list-parts';
import { TIER_COLORS } from './value-tier-colors';

/** Policy breaches of the latest run ("MVC not visited in 45 days; policy 30") and their follow-ups. */
export function BreachesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const client = useQueryClient();
  const pages = useInfiniteQuery({
    queryKey: [...VALUE_KEY, 'breaches'],
    queryFn: ({ pageParam, signal }) => listBreaches(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const open = useMutation({
    mutationFn: openBreachTasks,
    onSuccess: async (r) => {
      void message.success(t('value.breaches.opened', { created: r.created, open: r.alreadyOpen }));
      await client.invalidateQueries({ queryKey: [...VALUE_KEY, 'breaches'] });
      await client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const withoutTask = rows.filter((r) => r.taskId === null).length;
  return (
    <Card
      title={t('value.breaches.title')}
      size="small"
      extra={
        canManageValue(me.data?.role) && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            loading={open.isPending}
            disabled={rows.length === 0 || withoutTask === 0}
            onClick={() => open.mutate()}
          >
            {t('value.breaches.createTasks')}
          </Button>
        )
      }
    >
      {(pages.isError || open.isError) && (
        <Alert type="error" showIcon role="alert" title={(pages.error ?? open.error)?.message} />
      )}
      <Table<Breach>
        rowKey={(r) => `${r.customerId}:${r.rule}`}
        size="small"
        pagination={false}
        loading={pages.isPending}
        dataSource={rows}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('value.breaches.none')} /> }}
        data-testid="value-breaches"
        columns={[
          {
            key: 'customer',
            title: t('value.col.customer'),
            render: (_, r) => <CustomerCell row={r} />,
          },
          { key: 'owner', title: t('value.col.owner'), render: (_, r) => r.ownerName ?? t('value.noOwner') },
          {
            key: 'tier',
            title: t('value.col.tier'),
            render: (_, r) => <Tag color={TIER_COLORS[r.tier]}>{t(`value.tier.${r.tier}`)}</Tag>,
          },
          { key: 'message', title: t('value.breaches.what'), render: (_, r) => r.message },
          {
            key: 'task',
            title: t('value.breaches.task'),
            render: (_, r) =>
              r.taskId !== null ? (
                <Tag icon={<CheckCircleOutlined />} color="green">
                  {t('value.breaches.taskOpen')}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('value.breaches.noTask')}</Typography.Text>
              ),
          },
        ]}
      />
      <LoadMore pages={pages} style={{ marginTop: 12 }} />
    </Card>
  );
}
