import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QUALITY_GROUPS } from '../../../shared/quality/quality.schema';
import { usePeople } from '../people';
import { useFieldLabel } from './field-label';
import {
  getQualitySummary,
  type IssueKind,
  listQualityIssues,
  QUALITY_KEY,
  type QualityGroupBy,
  type QualityIssue,
  type QualitySummary,
} from './quality-api';

// ECharts loads with the charts, not with the page.
const QualityCharts = lazy(() => import('./quality-charts'));

const KINDS = ['incomplete', 'stale', 'duplicate'] as const;
const PROBLEM_COLORS: Record<IssueKind, string> = { incomplete: 'blue', stale: 'orange', duplicate: 'red' };

/** Data quality (数据质量): how complete, fresh and unique the customers the user may see are, and what to fix. */
export default function QualityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const by = params.get('by');
  const groupBy: QualityGroupBy = QUALITY_GROUPS.includes(by as QualityGroupBy)
    ? (by as QualityGroupBy)
    : 'owner';
  const summary = useQuery({
    queryKey: [...QUALITY_KEY, 'summary', groupBy],
    queryFn: ({ signal }) => getQualitySummary(groupBy, signal),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) =>
    setParams((p) => {
      if (value) p.set(key, value);
      else p.delete(key);
      return p;
    });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('quality.title')}
          </Typography.Title>
          {summary.data && (
            <Typography.Text type="secondary">
              {t('quality.rules', {
                fields: summary.data.requiredFields.length,
                days: summary.data.staleDays,
              })}
            </Typography.Text>
          )}
        </Flex>
      </Card>
      {summary.isError && <Alert type="error" showIcon title={summary.error.message} />}
      {summary.isPending ? <Skeleton active /> : summary.data && <Tiles total={summary.data.total} />}
      <Card
        title={t('quality.byGroup')}
        size="small"
        extra={
          <Segmented<QualityGroupBy>
            size="small"
            value={groupBy}
            onChange={(v) => set('by', v)}
            options={QUALITY_GROUPS.map((g) => ({ value: g, label: t(`quality.groupBy.${g}`) }))}
          />
        }
      >
        {summary.data && summary.data.groups.length === 0 ? (
          <Empty description={t('quality.noCustomers')} />
        ) : (
          summary.data && (
            <Suspense fallback={<Skeleton active />}>
              <QualityCharts groups={summary.data.groups} />
            </Suspense>
          )
        )}
      </Card>
      <Issues
        kind={KINDS.find((k) => k === params.get('kind'))}
        owner={Number(params.get('owner')) || undefined}
        onKind={(k) => set('kind', k)}
        onOwner={(o) => set('owner', o === undefined ? undefined : String(o))}
      />
    </Space>
  );
}

function Tiles({ total }: { total: QualitySummary['total'] }) {
  const { t } = useTranslation();
  const tiles: [string, number | string, string?][] = [
    [t('quality.customers'), total.customers],
    [t('quality.completeness'), total.completeness, '%'],
    [t('quality.complete'), total.complete],
    [t('quality.staleRate'), total.staleRate, '%'],
    [t('quality.duplicateRate'), total.duplicateRate, '%'],
  ];
  return (
    <Row gutter={[16, 16]}>
      {tiles.map(([title, value, suffix]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card size="small" data-testid="quality-tile">
            <Statistic title={title} value={value} suffix={suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Issues(props: {
  kind: IssueKind | undefined;
  owner: number | undefined;
  onKind: (kind: IssueKind | undefined) => void;
  onOwner: (owner: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const people = usePeople();
  const label = useFieldLabel();
  const pages = useInfiniteQuery({
    queryKey: [...QUALITY_KEY, 'issues', props.kind ?? 'all', props.owner ?? null],
    queryFn: ({ pageParam, signal }) =>
      listQualityIssues({ kind: props.kind, owner: props.owner, cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('quality.toFix')} size="small">
      {/* The filters above the table, not in the title bar: on a phone they wrap instead of overflowing. */}
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<IssueKind | 'all'>
          size="small"
          value={props.kind ?? 'all'}
          onChange={(v) => props.onKind(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('quality.allProblems') },
            ...KINDS.map((k) => ({ value: k, label: t(`quality.problem.${k}`) })),
          ]}
        />
        <Select
          size="small"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 160 }}
          aria-label={t('quality.owner')}
          placeholder={t('quality.owner')}
          value={props.owner}
          options={people.options}
          onChange={(v?: number) => props.onOwner(v)}
        />
      </Space>
      {pages.isError && <Alert type="error" showIcon title={pages.error.message} />}
      <Table<QualityIssue>
        rowKey="customerId"
        size="small"
        pagination={false}
        loading={pages.isPending}
        dataSource={rows}
        locale={{ emptyText: <Empty description={t('quality.nothingToFix')} /> }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'name',
            title: t('quality.customer'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/customers/${r.customerId}`}>{r.name}</Link>
                <Typography.Text type="secondary">{r.code}</Typography.Text>
              </Space>
            ),
          },
          { key: 'owner', title: t('quality.owner'), render: (_, r) => r.ownerName ?? '—' },
          {
            key: 'completeness',
            title: t('quality.completeness'),
            width: 160,
            render: (_, r) => <Progress percent={Math.round(r.completeness * 100)} size="small" />,
          },
          {
            key: 'problems',
            title: t('quality.problems'),
            render: (_, r) =>
              r.problems.map((p) => (
                <Tag key={p} color={PROBLEM_COLORS[p]}>
                  {t(`quality.problem.${p}`)}
                </Tag>
              )),
          },
          {
            key: 'missing',
            title: t('quality.missing'),
            render: (_, r) => r.missing.map(label).join('、') || '—',
          },
        ]}
      />
      {pages.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            {t('quality.more')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
