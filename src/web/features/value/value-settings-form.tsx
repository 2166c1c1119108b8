import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValueSettings } from '../../../shared/analytics/value-settings';
import { ApiError } from '../../lib/api';
import { namePath } from '../../lib/form-errors';
import { ClvSettingsSections } from './clv-settings-sections';
import {
  getValueSettings,
  updateValueSettings,
  VALUE_KEY,
  VALUE_SETTINGS_KEY,
  type ValueSettingsView,
} from './value-api';
import { PairsEditor } from './value-pairs-editor';
import { SegmentsEditor } from './value-segments-editor';
import { toSettings, toValues, type Values } from './value-settings-values';

/**
 * ABC, RFM, tiers, activity costs, factors, the lifetime-value models, the churn warning and the schedule;
 * the server checks them and names what it refuses.
 */
export function ValueSettingsForm({ view }: { view: ValueSettingsView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(view);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const save = useMutation({
    mutationFn: (v: Values) =>
      updateValueSettings({ settings: toSettings(v, base.settings as ValueSettings), version: base.version }),
    onSuccess: async (saved) => {
      client.setQueryData(VALUE_SETTINGS_KEY, saved);
      setBase(saved);
      form.setFieldsValue(toValues(saved.settings as ValueSettings));
      await client.invalidateQueries({ queryKey: VALUE_KEY });
      void message.success(t('valueSettings.saved'));
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) return setConflict(true);
      const fields = err instanceof ApiError ? err.fields : [];
      // `settings.abc.bCut` is the form's ['abc', 'bCut'].
      form.setFields(
        fields.map((f) => ({
          name: namePath(f.field.replace(/^settings\./, '')) as never,
          errors: [f.message],
        })),
      );
      setFailure(
        [err.message, ...fields.map((f) => f.message)].filter((m, i, all) => all.indexOf(m) === i).join(' '),
      );
    },
  });
  async function reload() {
    const fresh = await client.fetchQuery({
      queryKey: VALUE_SETTINGS_KEY,
      queryFn: () => getValueSettings(),
      staleTime: 0,
    });
    setBase(fresh);
    form.setFieldsValue(toValues(fresh.settings as ValueSettings));
    setConflict(false);
  }
  const percentInput = (label: string) => (
    <InputNumber min={0.01} max={100} step={1} suffix="%" aria-label={label} style={{ width: 140 }} />
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={toValues(view.settings as ValueSettings)}
      onFinish={(v) => {
        setFailure(null);
        // The server's earlier complaints go; it checks the new values afresh.
        form.setFields(
          form
            .getFieldsError()
            .filter((f) => f.errors.length > 0)
            .map((f) => ({ name: f.name as never, errors: [] })),
        );
        save.mutate(v);
      }}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('settings.conflict')}
          action={<Button onClick={reload}>{t('settings.reload')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small" title={t('valueSettings.abc.title')}>
          <Row gutter={16}>
            <Col>
              <Form.Item name={['abc', 'basis']} label={t('valueSettings.abc.basis')}>
                <Select
                  aria-label={t('valueSettings.abc.basis')}
                  style={{ width: 160 }}
                  options={(['profit', 'revenue'] as const).map((b) => ({
                    value: b,
                    label: t(`value.basis.${b}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item
                name={['abc', 'aCut']}
                label={t('valueSettings.abc.aCut')}
                extra={t('valueSettings.abc.aCutHint')}
              >
                {percentInput(t('valueSettings.abc.aCut'))}
              </Form.Item>
            </Col>
            <Col>
              <Form.Item
                name={['abc', 'bCut']}
                label={t('valueSettings.abc.bCut')}
                extra={t('valueSettings.abc.bCutHint')}
              >
                {percentInput(t('valueSettings.abc.bCut'))}
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('valueSettings.rfm.title')}>
          <Form.Item name={['rfm', 'windowMonths']} label={t('valueSettings.rfm.window')}>
            <InputNumber min={1} max={120} precision={0} aria-label={t('valueSettings.rfm.window')} />
          </Form.Item>
          <SegmentsEditor />
        </Card>
        <Card size="small" title={t('valueSettings.tiers.title')}>
          <Row gutter={16}>
            <Col>
              <Form.Item name={['tiers', 'bzBelow']} label={t('valueSettings.tiers.bzBelow')}>
                <InputNumber
                  precision={2}
                  prefix="¥"
                  aria-label={t('valueSettings.tiers.bzBelow')}
                  style={{ width: 160 }}
                />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item name={['tiers', 'mvcBy']} label={t('valueSettings.tiers.mvcBy')}>
                <Select
                  aria-label={t('valueSettings.tiers.mvcBy')}
                  style={{ width: 260 }}
                  options={(['abc_actual', 'abc_basis'] as const).map((m) => ({
                    value: m,
                    label: t(`valueSettings.tiers.mvcByOption.${m}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col>
              <Form.Item
                name={['tiers', 'highPotentialTopShare']}
                label={t('valueSettings.tiers.highPotential')}
              >
                {percentInput(t('valueSettings.tiers.highPotential'))}
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card size="small" title={t('valueSettings.costs.title')}>
          <Row gutter={16}>
            {Object.keys(base.settings.costs.activityCents).map((type) => (
              <Col key={type}>
                <Form.Item
                  name={['costs', 'activityCents', type]}
                  label={t(`activityType.${type}`, { defaultValue: type })}
                >
                  <InputNumber
                    min={0}
                    precision={2}
                    prefix="¥"
                    style={{ width: 130 }}
                    aria-label={t(`activityType.${type}`, { defaultValue: type })}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <Card size="small" title={t('valueSettings.factors.title')}>
          <Row gutter={[32, 16]}>
            <Col xs={24} md={12}>
              <Typography.Paragraph type="secondary">
                {t('valueSettings.factors.prospectsHint')}
              </Typography.Paragraph>
              <PairsEditor
                name="productProspects"
                keyLabel={t('valueSettings.factors.category')}
                valueLabel={t('valueSettings.factors.prospect')}
                min={1}
                max={5}
              />
            </Col>
            <Col xs={24} md={12}>
              <Typography.Paragraph type="secondary">
                {t('valueSettings.factors.growthHint')}
              </Typography.Paragraph>
              <PairsEditor
                name="industryGrowth"
                keyLabel={t('valueSettings.factors.industry')}
                valueLabel={t('valueSettings.factors.growth')}
                min={-100}
                max={1000}
                suffix="%"
              />
            </Col>
          </Row>
        </Card>
        <ClvSettingsSections />
        <Card size="small" title={t('valueSettings.schedule.title')}>
          <Space size="large" wrap>
            <Form.Item
              name={['schedule', 'nightly']}
              label={t('valueSettings.schedule.nightly')}
              valuePropName="checked"
            >
              <Switch aria-label={t('valueSettings.schedule.nightly')} />
            </Form.Item>
            <Form.Item name={['schedule', 'hour']} label={t('valueSettings.schedule.hour')}>
              <InputNumber min={0} max={23} precision={0} aria-label={t('valueSettings.schedule.hour')} />
            </Form.Item>
            <Form.Item
              name={['schedule', 'afterImport']}
              label={t('valueSettings.schedule.afterImport')}
              valuePropName="checked"
            >
              <Switch aria-label={t('valueSettings.schedule.afterImport')} />
            </Form.Item>
          </Space>
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('valueSettings.save')}
        </Button>
      </Space>
    </Form>
  );
}
