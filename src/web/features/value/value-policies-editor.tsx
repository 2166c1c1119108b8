import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICY_STRATEGIES, POLICY_TARGETS } from '../../../shared/analytics/value-api.schema';
import { useFormSave } from '../../lib/form-errors';
import { currentLocale } from '../../lib/i18n';
import { FormModal } from '../../ui/form-modal';
import { createPolicy, deletePolicy, updatePolicy, VALUE_KEY, type ValuePolicy } from './value-api';
import { useSegmentName, useValueSettings } from './value-hooks';
import { useMatrices, usePolicies } from './value-matrix-grid';
import { usePolicyWords } from './value-matrix-view';

type Kind = (typeof POLICY_TARGETS)[number];
type Values = {
  targetKind: Kind;
  targetKey: string;
  visitIntervalDays: number | null;
  responseHours: number | null;
  dedicatedManager: boolean;
  maxDiscount: number | null;
  strategy: ValuePolicy['strategy'];
  notesZh: string | null;
  notesEn: string | null;
};
const FIELDS = [
  'targetKind',
  'targetKey',
  'visitIntervalDays',
  'responseHours',
  'dedicatedManager',
  'maxDiscount',
  'strategy',
  'notesZh',
  'notesEn',
] as const;

/** What a policy may target, with labels: tiers, ABC classes, RFM segments, matrix cells. */
function useTargets() {
  const { t } = useTranslation();
  const en = currentLocale() === 'en';
  const settings = useValueSettings();
  const matrices = useMatrices();
  const segmentName = useSegmentName();
  const options: Record<Kind, { value: string; label: string }[]> = {
    tier: (['MVC', 'STC', 'BZ'] as const).map((v) => ({ value: v, label: t(`value.tier.${v}`) })),
    abc: (['A', 'B', 'C'] as const).map((v) => ({ value: v, label: t('value.card.abcClass', { abc: v }) })),
    segment: [...(settings.data?.settings.rfm.segments.map((s) => s.key) ?? []), 'others'].map((k) => ({
      value: k,
      label: segmentName(k),
    })),
    cell: (matrices.data?.items ?? []).flatMap((m) =>
      m.definition.cells.map((c) => ({
        value: `${m.key}:${c.key}`,
        label: `${en ? m.definition.nameEn : m.definition.nameZh} · ${en ? c.nameEn : c.nameZh}`,
      })),
    ),
  };
  const labelOf = (kind: Kind, key: string) => options[kind].find((o) => o.value === key)?.label ?? key;
  return { options, labelOf };
}

/** Tier policies (resource allocation): one per tier, ABC class, RFM segment or matrix cell. */
export function PoliciesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const policies = usePolicies();
  const targets = useTargets();
  const words = usePolicyWords();
  // undefined: closed; null: a new policy; else the one being edited
  const [editing, setEditing] = useState<ValuePolicy | null | undefined>(undefined);
  const remove = useMutation({
    mutationFn: (p: ValuePolicy) => deletePolicy(p.id, p.version),
    onSuccess: async () => {
      void message.success(t('valueSettings.policies.deleted'));
      await client.invalidateQueries({ queryKey: VALUE_KEY });
    },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
        {t('valueSettings.policies.add')}
      </Button>
      {(policies.isError || remove.isError) && (
        <Alert type="error" showIcon role="alert" title={(policies.error ?? remove.error)?.message} />
      )}
      <Table<ValuePolicy>
        rowKey="id"
        size="small"
        pagination={false}
        loading={policies.isPending}
        dataSource={policies.data?.items ?? []}
        scroll={{ x: true }}
        columns={[
          {
            key: 'target',
            title: t('valueSettings.policies.target'),
            render: (_, p) => (
              <Space size={4}>
                <Tag>{t(`valueSettings.policies.kind.${p.targetKind}`)}</Tag>
                {targets.labelOf(p.targetKind, p.targetKey)}
              </Space>
            ),
          },
          { key: 'rules', title: t('valueSettings.policies.rules'), render: (_, p) => words(p) || '—' },
          {
            key: 'notes',
            title: t('valueSettings.policies.notes'),
            render: (_, p) => (currentLocale() === 'en' ? p.notesEn : p.notesZh) ?? '—',
          },
          {
            key: 'actions',
            width: 90,
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('edit.button')}
                  onClick={() => setEditing(p)}
                />
                <Popconfirm
                  title={t('valueSettings.policies.confirmDelete')}
                  onConfirm={() => remove.mutate(p)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('valueSettings.policies.delete')}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <PolicyForm policy={editing} options={targets.options} onClose={() => setEditing(undefined)} />
      )}
    </Space>
  );
}

function PolicyForm({
  policy,
  options,
  onClose,
}: {
  policy: ValuePolicy | null;
  options: ReturnType<typeof useTargets>['options'];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('targetKind', form) ?? policy?.targetKind ?? 'tier';
  const save = useFormSave(form, FIELDS, {
    mutationFn: (v: Values) => {
      const fields = {
        visitIntervalDays: v.visitIntervalDays ?? null,
        responseHours: v.responseHours ?? null,
        dedicatedManager: v.dedicatedManager ?? false,
        maxDiscount: v.maxDiscount === null || v.maxDiscount === undefined ? null : String(v.maxDiscount),
        strategy: v.strategy ?? null,
        notesZh: v.notesZh || null,
        notesEn: v.notesEn || null,
      };
      return policy
        ? updatePolicy(policy.id, { ...fields, version: policy.version })
        : createPolicy({ targetKind: v.targetKind, targetKey: v.targetKey, ...fields });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: VALUE_KEY });
      onClose();
    },
  });
  return (
    <FormModal
      title={t(policy ? 'valueSettings.policies.edit' : 'valueSettings.policies.add')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={save.submit}
        initialValues={{
          targetKind: policy?.targetKind ?? 'tier',
          targetKey: policy?.targetKey,
          visitIntervalDays: policy?.visitIntervalDays ?? null,
          responseHours: policy?.responseHours ?? null,
          dedicatedManager: policy?.dedicatedManager ?? false,
          maxDiscount: policy?.maxDiscount === null || !policy ? null : Number(policy.maxDiscount),
          strategy: policy?.strategy ?? null,
          notesZh: policy?.notesZh ?? '',
          notesEn: policy?.notesEn ?? '',
        }}
      >
        <Space wrap>
          <Form.Item name="targetKind" label={t('valueSettings.policies.targetKind')}>
            <Select
              disabled={Boolean(policy)}
              aria-label={t('valueSettings.policies.targetKind')}
              style={{ width: 140 }}
              onChange={() => form.setFieldValue('targetKey', undefined)}
              options={POLICY_TARGETS.map((k) => ({
                value: k,
                label: t(`valueSettings.policies.kind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="targetKey"
            label={t('valueSettings.policies.target')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Select
              disabled={Boolean(policy)}
              aria-label={t('valueSettings.policies.target')}
              style={{ width: 260 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={options[kind]}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="visitIntervalDays" label={t('valueSettings.policies.visitInterval')}>
            <InputNumber
              min={1}
              max={3650}
              precision={0}
              aria-label={t('valueSettings.policies.visitInterval')}
            />
          </Form.Item>
          <Form.Item name="responseHours" label={t('valueSettings.policies.responseHours')}>
            <InputNumber
              min={1}
              max={8760}
              precision={0}
              aria-label={t('valueSettings.policies.responseHours')}
            />
          </Form.Item>
          <Form.Item name="maxDiscount" label={t('valueSettings.policies.maxDiscount')}>
            <InputNumber
              min={0}
              max={100}
              precision={2}
              suffix="%"
              aria-label={t('valueSettings.policies.maxDiscount')}
            />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            name="dedicatedManager"
            label={t('valueSettings.policies.dedicated')}
            valuePropName="checked"
          >
            <Switch aria-label={t('valueSettings.policies.dedicated')} />
          </Form.Item>
          <Form.Item name="strategy" label={t('valueSettings.policies.strategy')}>
            <Select
              allowClear
              aria-label={t('valueSettings.policies.strategy')}
              style={{ width: 200 }}
              options={POLICY_STRATEGIES.map((s) => ({ value: s, label: t(`value.strategy.${s}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="notesZh" label={t('valueSettings.policies.notesZh')}>
          <Input.TextArea rows={2} maxLength={2000} aria-label={t('valueSettings.policies.notesZh')} />
        </Form.Item>
        <Form.Item name="notesEn" label={t('valueSettings.policies.notesEn')}>
          <Input.TextArea rows={2} maxLength={2000} aria-label={t('valueSettings.policies.notesEn')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
