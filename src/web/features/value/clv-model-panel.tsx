import { Alert, Card, Col, Descriptions, Row, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import type { RunModel, ValueModel } from './clv-api';
import { formatEstimate, horizonText } from './clv-format';
import { percent } from './value-hooks';

type ParamRow = { key: string; symbol: string; meaning: string; estimate: number; se: number | null };

/** The parameters each model has, with the symbols the literature writes them in. */
const BGNBD_PARAMS = [
  ['r', 'r'],
  ['alpha', 'α'],
  ['a', 'a'],
  ['b', 'b'],
] as const;
const GAMMA_GAMMA_PARAMS = [
  ['p', 'p'],
  ['q', 'q'],
  ['gamma', 'γ'],
] as const;

/** The latest run's BG/NBD and Gamma-Gamma fits: what they are, on whom, their estimates and warnings. */
export function ModelPanel({ view }: { view: ValueModel }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const m = view.model;
  return (
    <Card title={t('clv.model.title')} size="small" data-testid="clv-model">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('clv.model.explain')}</Typography.Text>
        {view.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} data-testid="clv-model-warning" />
        ))}
        {!m ? (
          <Alert type="info" showIcon title={t('clv.model.none')} />
        ) : (
          <>
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('clv.model.period')}>
                {t(`clv.period.${m.period}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('clv.model.horizon')}>
                {horizonText(t, m.period, m.horizonPeriods)}
              </Descriptions.Item>
              <Descriptions.Item label={t('clv.model.fittedOn')}>
                {t('clv.model.fittedOnValue', { fitted: m.fittedOn, customers: m.customers })}
              </Descriptions.Item>
              <Descriptions.Item label={t('clv.model.basis')}>
                {t(`value.basis.${m.basis}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('clv.model.discount')}>
                {percent(m.annualDiscountRate, 0)}
              </Descriptions.Item>
              <Descriptions.Item label={t('clv.model.timing')}>
                {t('clv.model.timingValue', { fit: m.fitMs, score: m.scoreMs })}
              </Descriptions.Item>
            </Descriptions>
            <Row gutter={[16, 16]}>
              {[
                { title: t('clv.model.bgnbd'), testId: 'bgnbd-params', fit: m.bgnbd, params: BGNBD_PARAMS },
                {
                  title: t('clv.model.gammaGamma'),
                  testId: 'gamma-gamma-params',
                  fit: m.gammaGamma,
                  params: GAMMA_GAMMA_PARAMS,
                },
              ].map((table) => (
                <Col key={table.testId} xs={24} lg={12}>
                  <ParamTable {...table} locale={locale} />
                </Col>
              ))}
            </Row>
          </>
        )}
      </Space>
    </Card>
  );
}

type Fit = NonNullable<RunModel['bgnbd']> | NonNullable<RunModel['gammaGamma']>;

function ParamTable({
  title,
  testId,
  fit,
  params,
  locale,
}: {
  title: string;
  testId: string;
  fit: Fit | null;
  params: readonly (readonly [string, string])[];
  locale: ReturnType<typeof currentLocale>;
}) {
  const { t } = useTranslation();
  const rows: ParamRow[] = fit
    ? params.map(([key, symbol]) => ({
        key,
        symbol,
        meaning: t(`clv.model.${key}`),
        estimate: (fit as Record<string, unknown>)[key] as number,
        se: fit.se[key] ?? null,
      }))
    : [];
  return (
    <div data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {!fit ? (
        <Alert type="warning" showIcon title={t('clv.model.withheld')} style={{ marginTop: 8 }} />
      ) : (
        <Table<ParamRow>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: true }}
          style={{ marginTop: 8 }}
          columns={[
            { key: 'symbol', title: t('clv.model.param'), render: (_, r) => <code>{r.symbol}</code> },
            { key: 'meaning', title: t('clv.model.meaning'), dataIndex: 'meaning' },
            {
              key: 'estimate',
              title: t('clv.model.estimate'),
              align: 'right',
              render: (_, r) => formatEstimate(r.estimate, locale),
            },
            {
              key: 'se',
              title: t('clv.model.se'),
              align: 'right',
              render: (_, r) => formatEstimate(r.se, locale),
            },
          ]}
          footer={() => (
            <Typography.Text type="secondary">
              {t('clv.model.ll')}: {formatEstimate(fit.ll, locale)}
            </Typography.Text>
          )}
        />
      )}
    </div>
  );
}
