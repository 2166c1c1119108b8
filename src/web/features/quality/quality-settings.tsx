import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_PREFIX,
  MAX_STALE_DAYS,
  PROFILE_FIELDS,
  type RequiredField,
} from '../../../shared/quality/quality-fields';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { useCustomFieldDefs } from '../customers/customer-in-place';
import { useFieldLabel } from './field-label';
import {
  getQualitySettings,
  QUALITY_KEY,
  QUALITY_SETTINGS_KEY,
  type QualitySettings,
  updateQualitySettings,
} from './quality-api';

type Values = { requiredFields: string[]; staleDays: number };
const FIELDS = ['requiredFields', 'staleDays'] as const;

/** The data-quality rules (admin, on the settings page): the required customer fields and the stale days. */
export function QualitySettingsCard() {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: QUALITY_SETTINGS_KEY,
    queryFn: ({ signal }) => getQualitySettings(signal),
  });
  return (
    <Card title={t('quality.settingsTitle')} style={{ maxWidth: 760 }}>
      {settings.isError && <Alert type="error" showIcon title={settings.error.message} />}
      {settings.data ? (
        <QualityForm settings={settings.data} />
      ) : (
        settings.isPending && <Spin description={t('common.loading')} />
      )}
    </Card>
  );
}

function QualityForm({ settings }: { settings: QualitySettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const label = useFieldLabel();
  const defs = useCustomFieldDefs();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(settings);
  const [conflict, setConflict] = useState(false);
  const options = [
    ...PROFILE_FIELDS,
    ...defs.map((d) => `${CUSTOM_PREFIX}${d.key}`),
    // A custom field deleted since it was chosen still shows, so that it can be removed.
    ...base.requiredFields.filter(
      (f) => f.startsWith(CUSTOM_PREFIX) && !defs.some((d) => f === `${CUSTOM_PREFIX}${d.key}`),
    ),
  ].map((f) => ({ value: f, label: label(f) }));

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) =>
      updateQualitySettings({
        requiredFields: values.requiredFields as RequiredField[],
        staleDays: values.staleDays,
        version: base.version,
      }),
    onSuccess: async (saved) => {
      client.setQueryData(QUALITY_SETTINGS_KEY, saved);
      setBase(saved);
      form.setFieldsValue({ requiredFields: saved.requiredFields, staleDays: saved.staleDays });
      await client.invalidateQueries({ queryKey: QUALITY_KEY });
      await client.invalidateQueries({ queryKey: ['customers'] });
      void message.success(t('quality.saved'));
    },
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409;
      setConflict(stale);
      if (stale) return true;
      // `requiredFields.2` names one chosen field: the error goes on the select, naming it.
      const chosen = form.getFieldValue('requiredFields') as string[];
      const onList =
        err instanceof ApiError ? err.fields.filter((f) => f.field.startsWith('requiredFields.')) : [];
      if (onList.length === 0) return false;
      form.setFields([
        {
          name: 'requiredFields',
          errors: onList.map((f) => `${label(chosen[Number(f.field.split('.')[1])] ?? '')}: ${f.message}`),
        },
      ]);
      return true;
    },
  });

  async function reload() {
    const fresh = await client.fetchQuery({
      queryKey: QUALITY_SETTINGS_KEY,
      queryFn: () => getQualitySettings(),
      staleTime: 0,
    });
    setBase(fresh);
    form.setFieldsValue({ requiredFields: fresh.requiredFields, staleDays: fresh.staleDays });
    setConflict(false);
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ requiredFields: settings.requiredFields, staleDays: settings.staleDays }}
      onFinish={save.submit}
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
      {save.failure && (
        <Alert type="error" showIcon role="alert" title={save.failure} style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="requiredFields"
        label={t('quality.requiredFields')}
        extra={t('quality.requiredFieldsHint')}
      >
        <Select
          mode="multiple"
          aria-label={t('quality.requiredFields')}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        name="staleDays"
        label={t('quality.staleDays')}
        extra={t('quality.staleDaysHint')}
        rules={[{ required: true, message: t('login.required') }]}
      >
        <InputNumber min={1} max={MAX_STALE_DAYS} precision={0} aria-label={t('quality.staleDays')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.saving}>
        {t('quality.saveSettings')}
      </Button>
    </Form>
  );
}
