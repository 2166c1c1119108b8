import { MessageOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '../../../shared/customers/customer.schema';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { RowLink } from '../../ui/row-link';
import { useLogTouch } from '../activities/log-touch';
import { ExportButtons } from '../exports/export-buttons';
import { ViewsBar } from '../saved-views/views-bar';
import { type CustomerSummary, listCustomers } from './customer-api';
import { CustomerCreateForm } from './customer-create';
import { StatusTag } from './customer-tags';

/**
 * The customer list: server-side keyset pages, search, filters and sort kept in the URL, the user's
 * saved views above it, and the current view as Excel or CSV (plain links: the session cookie goes along).
 */
export default function CustomerListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const open = (c: CustomerSummary) => navigate(`/customers/${c.id}`);
  const [creating, setCreating] = useState(false);
  const logTouch = useLogTouch();
  return (
    <>
      <KeysetListPage<CustomerSummary>
        title={t('customers.title')}
        queryKey="customers"
        fetch={listCustomers}
        search={t('customers.search')}
        empty={t('customers.empty')}
        onOpen={open}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create.button')}
          </Button>
        }
        toolbar={
          <Flex justify="space-between" align="start" gap={8} wrap>
            <ViewsBar
              list="customers"
              builtIns={[
                { key: 'mine', label: t('customers.mine'), query: { owner: 'me' } },
                { key: 'all', label: t('views.allCustomers'), query: {} },
              ]}
            />
            <ExportButtons list="customers" />
          </Flex>
        }
        filters={[
          {
            key: 'owner',
            label: t('customers.owner'),
            options: [{ value: 'me', label: t('customers.mine') }],
          },
          {
            key: 'status',
            label: t('customers.filterStatus'),
            options: CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customerStatus.${s}`) })),
          },
          {
            key: 'type',
            label: t('customers.filterType'),
            options: CUSTOMER_TYPES.map((s) => ({ value: s, label: t(`customerType.${s}`) })),
          },
        ]}
        columns={[
          { title: t('customers.code'), dataIndex: 'code', width: 140, sorter: true },
          {
            title: t('customers.name'),
            dataIndex: 'name',
            sorter: true,
            render: (name: string, c) => <RowLink to={`/customers/${c.id}`}>{name}</RowLink>,
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
            sorter: true,
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            title: t('logTouch.button'),
            key: 'logTouch',
            width: 72,
            fixed: 'right',
            render: (_, c) => (
              <Button
                size="small"
                type="text"
                icon={<MessageOutlined />}
                aria-label={`${t('logTouch.button')}: ${c.name}`}
                title={t('logTouch.button')}
                onClick={(e) => {
                  e.stopPropagation(); // the row's own click opens the customer
                  logTouch({ id: c.id, name: c.name });
                }}
              />
            ),
          },
        ]}
      />
      {creating && <CustomerCreateForm onClose={() => setCreating(false)} />}
    </>
  );
}
