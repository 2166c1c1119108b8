import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { DuplicateCompare } from './duplicate-compare';
import { dismissPair, listMerges, listPairs, type Merge, type Pair, undoMerge } from './duplicates-api';

const MIN_SCORES = [0.5, 0.7, 0.9];
const pct = (x: number) => `${Math.round(x * 100)}%`;

function ReasonTags({ pair }: { pair: Pair }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {pair.reasons.map((r) => (
        <Tag key={r.kind} color={r.kind === 'name' ? 'blue' : 'orange'}>
          {r.kind === 'name'
            ? t('duplicates.reason.name', { similarity: pct(r.similarity ?? 0) })
            : `${t(`duplicates.reason.${r.kind}`)} ${r.value ?? ''}`}
        </Tag>
      ))}
    </Space>
  );
}

const CustomerCell = ({ c }: { c: Pair['a'] }) => (
  <Space orientation="vertical" size={0}>
    <Link to={`/customers/${c.id}`}>{c.name}</Link>
    <Typography.Text type="secondary">
      {c.code} · {c.ownerName ?? '—'}
    </Typography.Text>
  </Space>
);

/** 查重: candidate pairs ranked by score, compare and merge, "not a duplicate", recent merges with undo. */
export default function DuplicatesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [minScore, setMinScore] = useState(0.5);
  const [open, setOpen] = useState<Pair | null>(null);
  const [lastMerge, setLastMerge] = useState<Merge | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const pairs = useInfiniteQuery({
    queryKey: ['duplicates', 'pairs', minScore],
    queryFn: ({ pageParam, signal }) => listPairs({ minScore, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const merges = useQuery({
    queryKey: ['duplicates', 'merges'],
    queryFn: ({ signal }) => listMerges(signal),
  });
  const refresh = async () => {
    // Not the comparison of the pair just merged: its merged customer is gone (a refetch would be a 404),
    // and a comparison is fetched afresh whenever one opens.
    await client.invalidateQueries({
      queryKey: ['duplicates'],
      predicate: (q) => q.queryKey[1] !== 'compare',
    });
    await client.invalidateQueries({ queryKey: ['customers'] });
  };
  const dismiss = useMutation({
    mutationFn: (p: Pair) => dismissPair(p.a.id, p.b.id),
    onSuccess: refresh,
    onError: (e: Error) => setFailure(e.message),
  });
  const undo = useMutation({
    mutationFn: (id: number) => undoMerge(id),
    onSuccess: async () => {
      setLastMerge(null);
      setFailure(null);
      await refresh();
    },
    onError: (e: Error) => setFailure(e.message),
  });

  const items = pairs.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('duplicates.title')}
        </Typography.Title>
        <Space>
          <Typography.Text>{t('duplicates.minScore')}</Typography.Text>
          <Select
            aria-label={t('duplicates.minScore')}
            value={minScore}
            onChange={setMinScore}
            style={{ width: 100 }}
            options={MIN_SCORES.map((s) => ({ value: s, label: pct(s) }))}
          />
        </Space>
      </Flex>
      {lastMerge && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLastMerge(null) }}
          data-testid="merge-done"
          title={t('duplicates.merged', { merged: lastMerge.mergedName, survivor: lastMerge.survivorName })}
          action={
            <Button size="small" loading={undo.isPending} onClick={() => undo.mutate(lastMerge.id)}>
              {t('duplicates.undo')}
            </Button>
          }
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failure}
          closable={{ onClose: () => setFailure(null) }}
        />
      )}
      <Table<Pair>
        rowKey={(p) => `${p.a.id}-${p.b.id}`}
        loading={pairs.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('duplicates.none') }}
        data-testid="duplicate-pairs"
        columns={[
          { title: t('duplicates.customerA'), key: 'a', render: (_, p) => <CustomerCell c={p.a} /> },
          { title: t('duplicates.customerB'), key: 'b', render: (_, p) => <CustomerCell c={p.b} /> },
          {
            title: t('duplicates.score'),
            dataIndex: 'score',
            width: 90,
            render: (s: number) => (
              <Tag color={s >= 0.9 ? 'red' : s >= 0.6 ? 'orange' : 'default'}>{pct(s)}</Tag>
            ),
          },
          { title: t('duplicates.reasons'), key: 'reasons', render: (_, p) => <ReasonTags pair={p} /> },
          {
            title: '',
            key: 'actions',
            width: 210,
            render: (_, p) => (
              <Space>
                <Button type="primary" size="small" onClick={() => setOpen(p)}>
                  {t('duplicates.compare')}
                </Button>
                <Popconfirm title={t('duplicates.dismissConfirm')} onConfirm={() => dismiss.mutate(p)}>
                  <Button size="small">{t('duplicates.dismiss')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {pairs.hasNextPage && (
        <Button onClick={() => pairs.fetchNextPage()} loading={pairs.isFetchingNextPage}>
          {t('duplicates.more')}
        </Button>
      )}
      <Card size="small" title={t('duplicates.recentMerges')}>
        <Table<Merge>
          size="small"
          rowKey="id"
          pagination={false}
          loading={merges.isPending}
          dataSource={merges.data?.items ?? []}
          locale={{ emptyText: t('duplicates.noMerges') }}
          data-testid="recent-merges"
          columns={[
            {
              title: t('duplicates.mergedCustomer'),
              key: 'merged',
              render: (_, m) => `${m.mergedName} (${m.mergedCode})`,
            },
            {
              title: t('duplicates.into'),
              key: 'into',
              render: (_, m) => <Link to={`/customers/${m.survivorId}`}>{m.survivorName}</Link>,
            },
            {
              title: t('duplicates.movedColumn'),
              key: 'moved',
              render: (_, m) => t('duplicates.moved', m.moved),
            },
            {
              title: t('duplicates.when'),
              dataIndex: 'mergedAt',
              render: (v: string) => formatDateTime(v, currentLocale()),
            },
            {
              title: '',
              key: 'undo',
              width: 110,
              render: (_, m) =>
                m.undoneAt ? (
                  <Tag>{t('duplicates.undone')}</Tag>
                ) : (
                  <Button size="small" onClick={() => undo.mutate(m.id)} loading={undo.isPending}>
                    {t('duplicates.undo')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      {open && (
        <DuplicateCompare
          pair={open}
          onClose={() => setOpen(null)}
          onMerged={async (m) => {
            setOpen(null);
            setLastMerge(m);
            setFailure(null);
            await refresh();
          }}
        />
      )}
    </Space>
  );
}
