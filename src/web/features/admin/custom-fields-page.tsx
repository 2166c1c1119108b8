import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_FIELD_TYPES } from '../../../shared/customers/custom-field.schema';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import {
  CUSTOM_FIELDS_KEY,
  createFieldDef,
  type FieldDef,
  type FieldDefValues,
  listFieldDefs,
  updateFieldDef,
} from './settings-api';

const FIELDS = ['key', 'labelZh', 'labelEn', 'type', 'options', 'required'] as const;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;

/** The customer custom fields (admin): defined here, shown on every customer's 360 page. */
export default function CustomFieldsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const defs = useQuery({ queryKey: CUSTOM_FIELDS_KEY, queryFn: ({ signal }) => listFieldDefs(signal) });
  const [editing, setEditing] = useState<FieldDef | 'new' | null>(null);
  return (
    <Card
      title={t('settings.customFields')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('settings.newField')}
        </Button>
      }
    >
      {defs.isError && (
        <Alert type="error" showIcon title={defs.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<FieldDef>
        rowKey="id"
        size="middle"
        loading={defs.isFetching}
        dataSource={defs.data?.items ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('settings.noFields') }}
        columns={[
          { title: t('settings.key'), dataIndex: 'key', render: (key: string) => <code>{key}</code> },
          { title: t('settings.labelZh'), dataIndex: 'labelZh' },
          { title: t('settings.labelEn'), dataIndex: 'labelEn' },
          {
            title: t('settings.type'),
            dataIndex: 'type',
            render: (type: FieldDef['type']) => <Tag>{t(`settings.fieldType.${type}`)}</Tag>,
          },
          {
            title: t('settings.options'),
            dataIndex: 'options',
            render: (options: string[]) =>
              options.length ? options.map((o) => <Tag key={o}>{o}</Tag>) : '—',
          },
          {
            title: t('settings.required'),
            dataIndex: 'required',
            render: (required: boolean) => t(required ? 'common.yes' : 'common.no'),
          },
          {
            title: t('settings.actions'),
            key: 'actions',
            render: (_: unknown, def) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`${t('edit.button')}: ${def.key}`}
                onClick={() => setEditing(def)}
              >
                {t('edit.button')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <FieldDefForm
          def={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => client.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY })}
        />
      )}
    </Card>
  );
}

/** A new definition, or a change to one: its key and type stay as created (values depend on them). */
function FieldDefForm(props: { def: FieldDef | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { def } = props;
  const [form] = Form.useForm<FieldDefValues>();
  const type = Form.useWatch('type', form) ?? def?.type;
  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: FieldDefValues) =>
      def
        ? updateFieldDef(def.id, {
            labelZh: values.labelZh,
            labelEn: values.labelEn,
            required: values.required,
            ...(def.type === 'select' ? { options: values.options } : {}),
            version: def.version,
          })
        : createFieldDef({ ...values, options: values.type === 'select' ? (values.options ?? []) : [] }),
    onSuccess: () => {
      props.onSaved();
      props.onClose();
    },
  });
  const initial: FieldDefValues = def
    ? {
        key: def.key,
        labelZh: def.labelZh,
        labelEn: def.labelEn,
        type: def.type,
        options: def.options,
        required: def.required,
      }
    : { key: '', labelZh: '', labelEn: '', type: 'text', options: [], required: false };
  const required = [{ required: true, whitespace: true, message: t('login.required') }];
  return (
    <FormModal
      title={def ? t('settings.editField') : t('settings.newField')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<FieldDefValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={save.submit}
        // A server error on a field without client rules (the options) goes once the field is changed.
        onValuesChange={(changed) => {
          if ('options' in changed) form.setFields([{ name: 'options', errors: [] }]);
        }}
      >
        <Form.Item
          name="key"
          label={t('settings.key')}
          extra={t('settings.keyHint')}
          rules={def ? [] : [{ required: true, pattern: KEY_PATTERN, message: t('settings.keyInvalid') }]}
        >
          <Input maxLength={50} disabled={!!def} spellCheck={false} autoComplete="off" />
        </Form.Item>
        <Form.Item name="labelZh" label={t('settings.labelZh')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="labelEn" label={t('settings.labelEn')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('settings.type')}>
          <Select
            aria-label={t('settings.type')}
            disabled={!!def}
            options={CUSTOM_FIELD_TYPES.map((v) => ({ value: v, label: t(`settings.fieldType.${v}`) }))}
          />
        </Form.Item>
        {type === 'select' && (
          <Form.Item name="options" label={t('settings.options')} extra={t('settings.optionsHint')}>
            <Select aria-label={t('settings.options')} mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
        )}
        <Form.Item name="required" label={t('settings.required')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
