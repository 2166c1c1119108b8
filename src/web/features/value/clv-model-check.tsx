import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useMe } from '../auth/session';
import { type ModelCheck, runModelCheck, VALUE_MODEL_KEY, type ValueModel } from './clv-api';
import { aucPairsPercent } from './clv-check-data';
import { useChurnThresholds } from './clv-format';
import { ManagerButton } from './manager-button';
import { canManageValue, percent } from './value-hooks';

// ECharts loads with the charts, not with the page.
const ModelCheckCharts = lazy(() => import('./clv-check-charts'));

/**
 * 模型检验 (issue 6 items 3 and 5): the latest run's models refitted on the history up to the churn
 * horizon before its day, held against what the customers did since. Admins and managers run it.
 */
export function ModelCheckSection({ view }: { view: ValueModel }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { horizonMonths } = useChurnThresholds();
  const check = view.check;
  const run = useMutation({
    mutationFn: runModelCheck,
    // Awaited, so that the button spins until the stored check has come back with the model.
    onSuccess: () => client.invalidateQueries({ queryKey: VALUE_MODEL_KEY }),
  });
  const button = (
    <ManagerButton
      manager={canManageValue(me.data?.role)}
      why={t('clv.check.managersOnly')}
      type={check ? 'default' : 'primary'}
      icon={<ExperimentOutlined />}
      loading={run.isPending}
      onClick={() => run.mutate()}
    >
      {t(check ? 'clv.check.runAgain' : 'clv.check.run')}
    </ManagerButton>
  );
  return (
    <Card title={t('clv.check.title')} size="small" data-testid="clv-check" extra={check && button}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {run.isPending && <Alert type="info" showIcon role="status" title={t('clv.check.running')} />}
        {run.isError && <Alert type="error" showIcon role="alert" title={run.error.message} />}
        {check ? (
          <CheckResult check={check} />
        ) : (
          <Space orientation="vertical" size="small">
            <Typography.Text type="secondary">
              {t('clv.check.explain', { months: horizonMonths })}
            </Typography.Text>
            <div>{button}</div>
          </Space>
        )}
      </Space>
    </Card>
  );
}

function CheckResult({ check }: { check: ModelCheck }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const auc = check.churnAuc;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary" data-testid="clv-check-dates">
        {t('clv.check.dates', {
          calibrationEnd: check.calibrationEnd,
          holdoutEnd: check.holdoutEnd,
          length: t(`clv.check.length.${check.period}`, {
            count: Math.round(check.holdoutPeriods * 10) / 10,
          }),
          at: formatDateTime(check.checkedAt, locale),
        })}
      </Typography.Text>
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} lg={12} data-testid="clv-check-auc">
          <Statistic
            title={t('clv.check.auc')}
            value={auc === null ? '—' : auc.toFixed(2)}
            styles={{ content: { fontSize: 40, fontWeight: 600 } }}
          />
          <Typography.Text type="secondary">
            {auc === null
              ? t('clv.check.aucNone')
              : t('clv.check.aucMeaning', { auc: auc.toFixed(2), share: aucPairsPercent(auc) })}
          </Typography.Text>
        </Col>
        <Col xs={12} lg={6}>
          <Statistic title={t('clv.check.scored')} value={formatNumber(check.scored, locale)} />
        </Col>
        <Col xs={12} lg={6}>
          <Statistic
            title={t('clv.check.churned')}
            value={formatNumber(check.churned, locale)}
            suffix={
              check.scored > 0 && (
                <Typography.Text type="secondary"> · {percent(check.churned / check.scored)}</Typography.Text>
              )
            }
          />
        </Col>
      </Row>
      <Suspense fallback={<Skeleton active />}>
        <ModelCheckCharts check={check} />
      </Suspense>
    </Space>
  );
}
