import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previewCustomerCode } from '../../../shared/workspace/settings';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { QualitySettingsCard } from '../quality/quality-settings';
import { getWorkspace, updateWorkspace, WORKSPACE_KEY, type WorkspaceSettings } from './settings-api';

type Values = Pick<WorkspaceSettings, 'name' | 'timeZone' | 'customerCodeRule'>;
const FIELDS = ['name', 'timeZone', 'customerCodeRule'] as const;
const valuesOf = (w: WorkspaceSettings): Values => ({
  name: w.name,
  timeZone: w.timeZone,
  customerCodeRule: w.customerCodeRule,
});

/** The workspace's settings (admin): its name, time zone and the rule new customer codes follow. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const workspace = useQuery({ queryKey: WORKSPACE_KEY, queryFn: ({ signal }) => getWorkspace(signal) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('settings.title')} style={{ maxWidth: 760 }}>
        {workspace.isError && <Alert type="error" showIcon title={workspace.error.message} />}
        {workspace.data ? (
          <SettingsForm workspace={workspace.data} />
        ) : (
          workspace.isPending && <Spin description={t('common.loading')} />
        )}
      </Card>
      <QualitySettingsCard />
    </Space>
  );
}

function SettingsForm({ workspace }: { workspace: WorkspaceSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  // The version and counter the form was loaded with; a reload after a conflict moves them on.
  const [base, setBase] = useState(workspace);
  const [conflict, setConflict] = useState(false);
  const rule = Form.useWatch('customerCodeRule', form) ?? base.customerCodeRule;
  const timeZone = Form.useWatch('timeZone', form) ?? base.timeZone;
  const preview = previewCustomerCode(rule.trim(), timeZone, base.customerCodeCounter);
  const zones = useMemo(() => {
    const all = Intl.supportedValuesOf('timeZone');
    return (all.includes(base.timeZone) ? all : [base.timeZone, ...all]).map((z) => ({ value: z, label: z }));
  }, [base.timeZone]);

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      const before = valuesOf(base);
      // Only what changed: a setting someone else saved meanwhile is not put back.
      const changed = Object.fromEntries(
        FIELDS.filter((f) => values[f] !== before[f]).map((f) => [f, values[f]]),
      );
      return updateWorkspace({ ...changed, version: base.version });
    },
    onSuccess: (saved) => {
      client.setQueryData(WORKSPACE_KEY, saved);
      setBase(saved);
      form.setFieldsValue(valuesOf(saved));
      void message.success(t('settings.saved'));
    },
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409;
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    const fresh = await client.fetchQuery({
      queryKey: WORKSPACE_KEY,
      queryFn: () => getWorkspace(),
      staleTime: 0,
    });
    const newer = valuesOf(fresh);
    // What the user typed stays; every field they did not touch shows the newer settings.
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setBase(fresh);
    setConflict(false);
  }

  return (
    <Form<Values> form={form} layout="vertical" initialValues={valuesOf(workspace)} onFinish={save.submit}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('settings.conflict')}
          action={<Button onClick={reloadNewer}>{t('settings.reload')}</Button>}
          style={{ marginBottom: 12 }}
        />
      )}
      {save.failure && (
        <Alert type="error" showIcon role="alert" title={save.failure} style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="name"
        label={t('settings.workspaceName')}
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('settings.timeZone')} extra={t('settings.timeZoneHint')}>
        <Select aria-label={t('settings.timeZone')} showSearch options={zones} />
      </Form.Item>
      <Form.Item
        name="customerCodeRule"
        label={t('settings.codeRule')}
        extra={t('settings.codeRuleHelp')}
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input maxLength={60} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Alert
        type={preview ? 'info' : 'warning'}
        style={{ marginBottom: 16 }}
        title={
          <span aria-live="polite">
            {t('settings.preview')}:{' '}
            {preview ? (
              <Typography.Text strong code data-testid="code-preview">
                {preview}
              </Typography.Text>
            ) : (
              <Typography.Text type="warning" data-testid="code-preview">
                {t('settings.previewInvalid')}
              </Typography.Text>
            )}
          </span>
        }
        description={t('settings.previewNote')}
      />
      <Button type="primary" htmlType="submit" loading={save.saving}>
        {t('settings.save')}
      </Button>
    </Form>
  );
}
