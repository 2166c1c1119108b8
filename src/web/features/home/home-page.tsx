import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { localToday, MyTasksCard } from '../tasks/my-tasks';
import { getValueSummary, listBreaches, listValueCustomers, VALUE_KEY } from '../value/value-api';
import { canManageValue } from '../value/value-hooks';

/** 首页: the rep's daily list (日清) and, for managers, a short value summary. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home.title', { name: me.data?.name ?? '' })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('home.subtitle', { date: localToday() })}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={canManageValue(me.data?.role) ? 14 : 24}>
          <MyTasksCard />
        </Col>
        {canManageValue(me.data?.role) && (
          <Col xs={24} xl={10}>
            <ValueSummaryCard />
          </Col>
        )}
      </Row>
    </Space>
  );
}

function ValueSummaryCard() {
  const { t } = useTranslation();
  const summary = useQuery({
    queryKey: [...VALUE_KEY, 'summary'],
    queryFn: ({ signal }) => getValueSummary(signal),
  });
  const down = useQuery({
    queryKey: [...VALUE_KEY, 'home', 'mvc_down'],
    queryFn: ({ signal }) => listValueCustomers('mvc_down', undefined, signal),
    enabled: Boolean(summary.data?.latest),
  });
  const breaches = useQuery({
    queryKey: [...VALUE_KEY, 'home', 'breaches'],
    queryFn: ({ signal }) => listBreaches(undefined, signal),
    enabled: Boolean(summary.data?.latest),
  });
  const latest = summary.data?.latest;
  const some = (page?: { items: unknown[]; nextCursor: string | null }) =>
    page ? `${page.items.length}${page.nextCursor ? '+' : ''}` : '—';
  return (
    <Card
      title={t('home.valueTitle')}
      size="small"
      extra={<Link to="/value">{t('home.openValue')}</Link>}
      data-testid="home-value"
    >
      {summary.isPending ? (
        <Skeleton active />
      ) : !latest?.summary ? (
        <Typography.Text type="secondary">{t('value.noRunsYet')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Row gutter={[8, 16]}>
            {(['MVC', 'STC', 'BZ'] as const).map((tier) => (
              <Col span={8} key={tier}>
                <Statistic title={t(`value.tier.${tier}`)} value={latest.summary!.tiers[tier].count} />
              </Col>
            ))}
            <Col span={12}>
              <Statistic title={t('value.lists.mvc_down')} value={some(down.data)} />
            </Col>
            <Col span={12}>
              <Statistic title={t('value.breaches.title')} value={some(breaches.data)} />
            </Col>
          </Row>
          <Typography.Text type="secondary">
            {t('home.valueAsOf', { asOf: latest.asOf, count: latest.customers })}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
