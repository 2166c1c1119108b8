import { Card, Col, Form, InputNumber, Row, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A labelled field of the settings form; the input is named by its label for screen readers. */
function Field({
  name,
  label,
  hint,
  children,
}: {
  name: [string, string];
  label: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Col>
      {/* The hint behind a (?) by the label: under the input it would make the row uneven. */}
      <Form.Item name={name} label={label} tooltip={hint}>
        {children}
      </Form.Item>
    </Col>
  );
}

/**
 * The lifetime-value models and the churn warning in the value rules form. Shares are edited in percent
 * (value-settings-values.ts converts); the bounds mirror the shared schema, which the server enforces.
 */
export function ClvSettingsSections() {
  const { t } = useTranslation();
  // One child per card: the form's Space spaces its children, and a fragment would be one.
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('clv.settings.clvTitle')}>
        <Row gutter={16}>
          <Field name={['clv', 'period']} label={t('clv.settings.period')}>
            <Select
              aria-label={t('clv.settings.period')}
              style={{ width: 120 }}
              options={(['day', 'week', 'month'] as const).map((p) => ({
                value: p,
                label: t(`clv.period.${p}`),
              }))}
            />
          </Field>
          <Field name={['clv', 'horizonPeriods']} label={t('clv.settings.horizon')}>
            <InputNumber
              min={1}
              max={520}
              precision={0}
              aria-label={t('clv.settings.horizon')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['clv', 'annualDiscountRate']} label={t('clv.settings.discount')}>
            <InputNumber
              min={0}
              max={100}
              step={1}
              suffix="%"
              aria-label={t('clv.settings.discount')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['clv', 'basis']} label={t('clv.settings.basis')}>
            <Select
              aria-label={t('clv.settings.basis')}
              style={{ width: 140 }}
              options={(['profit', 'revenue'] as const).map((b) => ({
                value: b,
                label: t(`value.basis.${b}`),
              }))}
            />
          </Field>
          <Field
            name={['clv', 'fitSample']}
            label={t('clv.settings.fitSample')}
            hint={t('clv.settings.fitSampleHint')}
          >
            <InputNumber
              min={1000}
              max={1_000_000}
              precision={0}
              step={1000}
              aria-label={t('clv.settings.fitSample')}
              style={{ width: 160 }}
            />
          </Field>
        </Row>
      </Card>
      <Card size="small" title={t('clv.settings.churnTitle')}>
        <Row gutter={16}>
          <Field
            name={['churn', 'horizonMonths']}
            label={t('clv.settings.horizonMonths')}
            hint={t('clv.settings.horizonMonthsHint')}
          >
            <InputNumber
              min={1}
              max={60}
              precision={0}
              aria-label={t('clv.settings.horizonMonths')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['churn', 'pAliveBelow']} label={t('clv.settings.pAliveBelow')}>
            <InputNumber
              min={0.01}
              max={99.99}
              step={5}
              suffix="%"
              aria-label={t('clv.settings.pAliveBelow')}
              style={{ width: 140 }}
            />
          </Field>
          <Field
            name={['churn', 'overdueFactor']}
            label={t('clv.settings.overdueFactor')}
            hint={t('clv.settings.overdueFactorHint')}
          >
            <InputNumber
              min={1}
              max={100}
              step={0.5}
              aria-label={t('clv.settings.overdueFactor')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['churn', 'trendDeclinePctPerYear']} label={t('clv.settings.trendDecline')}>
            <InputNumber
              min={-100}
              max={0}
              step={5}
              suffix="%"
              aria-label={t('clv.settings.trendDecline')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['churn', 'atRiskScore']} label={t('clv.settings.atRiskScore')}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              aria-label={t('clv.settings.atRiskScore')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['churn', 'winBackDormantDays']} label={t('clv.settings.winBackDormantDays')}>
            <InputNumber
              min={1}
              max={36_500}
              precision={0}
              aria-label={t('clv.settings.winBackDormantDays')}
              style={{ width: 140 }}
            />
          </Field>
          <Field name={['churn', 'winBackTopShare']} label={t('clv.settings.winBackTopShare')}>
            <InputNumber
              min={0.01}
              max={100}
              step={5}
              suffix="%"
              aria-label={t('clv.settings.winBackTopShare')}
              style={{ width: 140 }}
            />
          </Field>
        </Row>
      </Card>
    </Space>
  );
}
