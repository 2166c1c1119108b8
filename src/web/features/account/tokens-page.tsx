import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiTokenSchema, CreatedTokenSchema } from '../../../shared/auth/auth.schema';
import { api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { Wire } from '../../lib/wire';
import { FormModal } from '../../ui/form-modal';

type Token = Wire<z.infer<typeof ApiTokenSchema>>;
type Created = Wire<z.infer<typeof CreatedTokenSchema>>;
type Values = { name: string; expiresInDays?: number };
const KEY = ['account', 'tokens'] as const;

/** My API tokens: for scripts and the ERP link. A new token is shown once; a revoked one stops at once. */
export default function TokensPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<{ items: Token[] }>('/auth/tokens', { signal }),
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const revoke = useMutation({
    mutationFn: (id: number) => api(`/auth/tokens/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const when = (v: string | null) => (v ? formatDateTime(v, locale) : '—');
  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('tokens.new')}
        </Button>
      }
    >
      {created && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 12 }}
          title={t('tokens.shownOnce')}
          description={
            <Typography.Paragraph copyable={{ text: created.token }} code data-testid="new-token">
              {created.token}
            </Typography.Paragraph>
          }
        />
      )}
      {(tokens.isError || revoke.isError) && (
        <Alert
          type="error"
          showIcon
          title={(tokens.error ?? revoke.error)?.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Token>
        rowKey="id"
        size="middle"
        loading={tokens.isFetching}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('tokens.none') }}
        columns={[
          { title: t('tokens.name'), dataIndex: 'name' },
          { title: t('tokens.prefix'), dataIndex: 'prefix', render: (v: string) => <code>{v}…</code> },
          { title: t('tokens.created'), dataIndex: 'createdAt', render: when },
          { title: t('tokens.lastUsed'), dataIndex: 'lastUsedAt', render: when },
          { title: t('tokens.expires'), dataIndex: 'expiresAt', render: when },
          {
            title: t('customers.status'),
            key: 'state',
            render: (_, token) =>
              token.revokedAt ? (
                <Tag>{t('tokens.revoked')}</Tag>
              ) : (
                <Popconfirm title={t('tokens.revokeConfirm')} onConfirm={() => revoke.mutate(token.id)}>
                  <Button size="small" danger>
                    {t('tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {creating && (
        <NewTokenForm
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreated(token);
            void client.invalidateQueries({ queryKey: KEY });
          }}
        />
      )}
    </Card>
  );
}

function NewTokenForm(props: { onClose: () => void; onCreated: (token: Created) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, ['name', 'expiresInDays'] as const, {
    mutationFn: (values: Values) => api<Created>('/auth/tokens', { method: 'POST', body: values }),
    onSuccess: (token) => {
      props.onCreated(token);
      props.onClose();
    },
  });
  return (
    <FormModal
      title={t('tokens.new')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: 365 }}
        onFinish={save.submit}
      >
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={100} placeholder={t('tokens.nameHint')} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('tokens.expiresInDays')}>
          <InputNumber min={1} max={3650} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
