import { Alert, Card, Descriptions, Empty, Flex, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { formatProbability, formatPurchases, horizonText, riskColor, useChurnThresholds } from './clv-format';
import type { CustomerValue } from './value-api';
import { useCustomerValue } from './value-hooks';

// ECharts loads with the gauge, not with the 360 page.
const PAliveGauge = lazy(() => import('./prediction-gauge'));

type Prediction = NonNullable<CustomerValue['latest']>['prediction'];

/** The customer's lifetime value prediction on the 360 page: P(alive), purchases, CLV and churn risk. */
export function PredictionCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const value = useCustomerValue(customerId);
  const latest = value.data?.latest;
  return (
    <Card
      title={t('clv.card.title')}
      size="small"
      data-testid="prediction-card"
      extra={<Link to="/value/clv">{t('clv.menu')}</Link>}
    >
      {value.isError && <Alert type="error" showIcon title={value.error.message} />}
      {value.isPending ? (
        <Skeleton active />
      ) : latest ? (
        <PredictionView prediction={latest.prediction} />
      ) : (
        value.data && <Empty description={t('value.card.notJudged')} />
      )}
    </Card>
  );
}

function PredictionView({ prediction: p }: { prediction: Prediction }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { atRiskScore } = useChurnThresholds();
  // No orders, or the models were withheld: every figure is null. Say so; a zero would be a claim.
  if (p.pAlive === null && p.clv === null && p.churnRisk === null && p.expectedPurchases === null)
    return (
      <Typography.Text type="secondary" data-testid="prediction-none">
        {t('clv.card.notEnough')}
      </Typography.Text>
    );
  const horizon = p.period && p.horizonPeriods !== null ? horizonText(t, p.period, p.horizonPeriods) : '';
  const notPredicted = <Typography.Text type="secondary">{t('clv.card.notPredicted')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {p.pAlive !== null && (
        <Suspense fallback={<Skeleton.Node active style={{ width: 160, height: 140 }} />}>
          <PAliveGauge
            pAlive={p.pAlive}
            label={`${t('clv.card.pAlive')} ${formatProbability(p.pAlive, locale)}`}
          />
        </Suspense>
      )}
      <Descriptions size="small" column={1} data-testid="prediction-figures">
        <Descriptions.Item label={t('clv.card.pAlive')}>
          {p.pAlive === null ? notPredicted : formatProbability(p.pAlive, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('clv.card.purchases', { horizon })}>
          {p.expectedPurchases === null ? notPredicted : formatPurchases(p.expectedPurchases, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('clv.card.spend')}>
          {p.expectedSpend === null ? notPredicted : formatMoney(p.expectedSpend, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('clv.card.clv', { horizon })}>
          {p.clv === null ? notPredicted : formatMoney(p.clv, locale)}
        </Descriptions.Item>
      </Descriptions>
      <div data-testid="prediction-risk">
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('clv.card.churnRisk')}</Typography.Text>
          {p.churnRisk !== null && p.churnRisk >= atRiskScore && <Tag color="red">{t('clv.card.high')}</Tag>}
        </Flex>
        {p.churnRisk === null ? (
          notPredicted
        ) : (
          <Progress
            percent={p.churnRisk}
            status="normal"
            strokeColor={riskColor(p.churnRisk, atRiskScore)}
            format={(n) => String(n ?? 0)}
            aria-label={`${t('clv.card.churnRisk')} ${p.churnRisk}`}
          />
        )}
      </div>
      {p.reasons.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="prediction-reasons">
          {p.reasons.map((r) => (
            <li key={r.code}>
              <Typography.Text>{r.text}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Space>
  );
}
