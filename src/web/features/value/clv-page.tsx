import { ArrowLeftOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { ChurnListCard } from './churn-list-card';
import { getValueModel, VALUE_MODEL_KEY, type ValueModel } from './clv-api';
import { ModelCheckSection } from './clv-model-check';
import { ModelPanel } from './clv-model-panel';

// ECharts loads with the charts, not with the page.
const ClvCharts = lazy(() => import('./clv-charts'));

/** 客户终身价值与流失预警: the latest run's models, CLV and churn risk per tier, the churn lists. */
export default function ClvPage() {
  const { t } = useTranslation();
  const model = useQuery({ queryKey: VALUE_MODEL_KEY, queryFn: ({ signal }) => getValueModel(signal) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Header model={model.data} />
      {model.isError && <Alert type="error" showIcon title={model.error.message} />}
      {model.isPending ? (
        <Skeleton active />
      ) : model.data?.runId == null ? (
        model.data && (
          <Card>
            <Empty description={t('clv.noRuns')} />
          </Card>
        )
      ) : (
        <>
          <ModelPanel view={model.data} />
          <ModelCheckSection view={model.data} />
          <Suspense fallback={<Skeleton active />}>
            <ClvCharts />
          </Suspense>
          <ChurnListCard list="at_risk" />
          <ChurnListCard list="win_back" />
        </>
      )}
    </Space>
  );
}

function Header({ model }: { model: ValueModel | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Space orientation="vertical" size={0}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('clv.title')}
          </Typography.Title>
          {model?.runId != null && (
            <Typography.Text type="secondary" data-testid="clv-as-of">
              {t('clv.asOf', { asOf: model.asOf, run: model.runId })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Link to="/value">
            <Button icon={<ArrowLeftOutlined />}>{t('value.title')}</Button>
          </Link>
          {me.data?.role === 'admin' && (
            <Link to="/value/settings">
              <Button icon={<SettingOutlined />}>{t('clv.settingsLink')}</Button>
            </Link>
          )}
        </Space>
      </Flex>
    </Card>
  );
}
