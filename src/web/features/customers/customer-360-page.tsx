import { EditOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { NotFoundPage } from '../../ui/not-found-page';
import { useCurrentCustomer, useLogTouch } from '../activities/log-touch';
import { ContactForm } from '../contacts/contact-form';
import { QualityCard } from '../quality/quality-card';
import { CustomerTasksCard } from '../tasks/customer-tasks';
import { PredictionCard } from '../value/prediction-card';
import { ValueCard } from '../value/value-card';
import { type Customer360, getCustomer360 } from './customer-api';
import { CustomFieldsCard, TeamCard, TimelineCard } from './customer-cards';
import { CustomerEditForm } from './customer-edit';
import { StatusTag } from './customer-tags';

// ECharts loads with the chart, not with the page.
const RevenueChart = lazy(() => import('./revenue-chart'));

/** One customer: profile, contacts, order totals, open items and the latest touches, from one request. */
export default function Customer360Page() {
  const { id = '' } = useParams();
  const view = useQuery({
    queryKey: ['customers', '360', id],
    queryFn: ({ signal }) => getCustomer360(id, signal),
  });

  if (view.isPending) return <Skeleton active />;
  if (view.isError) {
    const err = view.error;
    if (err instanceof ApiError && (err.status === 404 || err.status === 422)) return <NotFoundPage />;
    return <Alert type="error" showIcon title={err.message} />;
  }
  return <View360 view={view.data} />;
}

function View360({ view }: { view: Customer360 }) {
  const { profile, contacts, timeline, orderTotals, openItems } = view;
  const { t } = useTranslation();
  const me = useMemo(() => ({ id: profile.id, name: profile.name }), [profile.id, profile.name]);
  useCurrentCustomer(me);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Header profile={profile} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('view360.revenueChart')} size="small">
              <Suspense fallback={<Skeleton active />}>
                <RevenueChart customerId={profile.id} />
              </Suspense>
            </Card>
            <TimelineCard customerId={profile.id} latest={timeline} />
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <TotalsCard totals={orderTotals} openItems={openItems} />
            <ValueCard customerId={profile.id} />
            <PredictionCard customerId={profile.id} />
            <CustomerTasksCard customerId={profile.id} />
            <ContactsCard customerId={profile.id} contacts={contacts} />
            <TeamCard profile={profile} />
            <CustomFieldsCard profile={profile} />
            <QualityCard customerId={profile.id} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function Header({ profile }: { profile: Customer360['profile'] }) {
  const { t } = useTranslation();
  const logTouch = useLogTouch();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space align="baseline" wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {profile.name}
          </Typography.Title>
          <Typography.Text type="secondary">{profile.code}</Typography.Text>
          <Tag>{t(`customerType.${profile.type}`)}</Tag>
          <StatusTag status={profile.status} />
          {profile.creditRating && (
            <Tag color="gold">
              {t('customers.creditRating')} {profile.creditRating}
            </Tag>
          )}
          {profile.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('edit.button')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => logTouch(profile)}>
            {t('logTouch.button')}
          </Button>
        </Space>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('view360.industry')}>{profile.industry ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customers.region')}>
          {[profile.province, profile.city].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('view360.taxId')}>{profile.taxId ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('view360.address')}>{profile.address ?? '—'}</Descriptions.Item>
      </Descriptions>
      {editing && <CustomerEditForm profile={profile} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function TotalsCard({
  totals,
  openItems,
}: Pick<Customer360, 'openItems'> & { totals: Customer360['orderTotals'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card title={t('view360.orderTotals')} size="small">
      <Row gutter={[8, 16]}>
        <Col span={12}>
          <Statistic title={t('view360.last12Months')} value={formatMoney(totals.last12Months, locale)} />
        </Col>
        <Col span={12}>
          <Statistic title={t('view360.lifetime')} value={formatMoney(totals.lifetime, locale)} />
        </Col>
        <Col span={12}>
          <Statistic title={t('view360.orders')} value={totals.orderCount} />
        </Col>
        <Col span={12}>
          <Statistic
            title={t('view360.lastOrder')}
            value={totals.lastOrderDate ? formatDate(totals.lastOrderDate, locale) : t('view360.never')}
          />
        </Col>
        <Col span={8}>
          <Statistic title={t('view360.openOrders')} value={openItems.openOrders} />
        </Col>
        <Col span={8}>
          <Statistic title={t('view360.followUps')} value={openItems.followUps} />
        </Col>
        <Col span={8}>
          <Statistic title={t('view360.overdueFollowUps')} value={openItems.overdueFollowUps} />
        </Col>
      </Row>
    </Card>
  );
}

function ContactsCard({ customerId, contacts }: { customerId: number; contacts: Customer360['contacts'] }) {
  const { t } = useTranslation();
  // undefined: closed; null: a new contact; else the contact being edited
  const [editing, setEditing] = useState<Customer360['contacts'][number] | null | undefined>(undefined);
  return (
    <Card
      title={t('view360.contacts')}
      size="small"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('contactForm.add')}
        </Button>
      }
    >
      {contacts.length === 0 ? (
        <Empty description={t('view360.noContacts')} />
      ) : (
        <Flex vertical gap={12}>
          {contacts.map((c) => (
            <div key={c.id}>
              <Space wrap>
                <Typography.Link strong onClick={() => setEditing(c)}>
                  {c.name}
                </Typography.Link>
                {c.isPrimary && <Tag color="blue">{t('view360.primary')}</Tag>}
                {c.decisionRole && <Tag>{t(`decisionRole.${c.decisionRole}`)}</Tag>}
                <Link to={`/contacts/${c.id}`} aria-label={`${t('details.open')} ${c.name}`}>
                  {t('details.open')} <RightOutlined />
                </Link>
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {[c.title, c.phones[0], c.email].filter(Boolean).join(' · ')}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Flex>
      )}
      {editing !== undefined && (
        <ContactForm
          customerId={customerId}
          contact={editing ?? undefined}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
