import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '../../../shared/customers/customer.schema';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { type CustomerSummary, listCustomers } from './customer-api';
import { StatusTag } from './customer-tags';

const PAGE_SIZE = 20;

/** The customer list: server-side keyset pages, search and filters kept in the URL. */
export default function CustomerListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? undefined;
  const type = params.get('type') ?? undefined;
  // The cursors of the pages before this one: keyset pages go forward; back is the previous cursor.
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];

  const page = useQuery({
    queryKey: ['customers', 'list', { q, status, type, cursor }],
    queryFn: ({ signal }) => listCustomers({ q, status, type, cursor, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setCursors([]);
  };

  return (
    <Card
      title={t('customers.title')}
      extra={
        <Space wrap>
          <Input.Search
            aria-label={t('customers.search')}
            placeholder={t('customers.search')}
            defaultValue={q}
            allowClear
            onSearch={(value) => setFilter('q', value.trim() || undefined)}
            style={{ width: 280 }}
          />
          <Select
            aria-label={t('customers.filterStatus')}
            placeholder={t('customers.filterStatus')}
            allowClear
            value={status}
            onChange={(v) => setFilter('status', v)}
            style={{ width: 120 }}
            options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))}
          />
          <Select
            aria-label={t('customers.filterType')}
            placeholder={t('customers.filterType')}
            allowClear
            value={type}
            onChange={(v) => setFilter('type', v)}
            style={{ width: 120 }}
            options={CUSTOMER_TYPES.map((s) => ({ value: s, label: t(`customerType.${s}`) }))}
          />
        </Space>
      }
    >
      {page.isError && (
        <Alert type="error" showIcon title={page.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<CustomerSummary>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('customers.empty') }}
        onRow={(c) => ({ onClick: () => navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('customers.code'), dataIndex: 'code', width: 140 },
          {
            title: t('customers.name'),
            dataIndex: 'name',
            render: (name: string, c) => (
              <Typography.Link onClick={() => navigate(`/customers/${c.id}`)}>{name}</Typography.Link>
            ),
          },
          {
            title: t('customers.type'),
            dataIndex: 'type',
            width: 100,
            render: (v: CustomerSummary['type']) => t(`customerType.${v}`),
          },
          {
            title: t('customers.status'),
            dataIndex: 'status',
            width: 90,
            render: (v: CustomerSummary['status']) => <StatusTag status={v} />,
          },
          {
            title: t('customers.region'),
            key: 'region',
            width: 160,
            render: (_, c) => [c.province, c.city].filter(Boolean).join(' '),
          },
          { title: t('customers.creditRating'), dataIndex: 'creditRating', width: 100 },
          {
            title: t('customers.tags'),
            dataIndex: 'tags',
            render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
          },
          {
            title: t('customers.updatedAt'),
            dataIndex: 'updatedAt',
            width: 170,
            render: (v: string) => formatDateTime(v, locale),
          },
        ]}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('customers.previous')}
        </Button>
        <Button
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {t('customers.next')}
        </Button>
      </Space>
    </Card>
  );
}
