import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Skeleton, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import { deleteMatrix, updateMatrix, VALUE_KEY, type ValueMatrix } from './value-api';
import { MatrixForm } from './value-matrix-form';
import { useMatrices, usePolicies } from './value-matrix-grid';
import { MatrixGrid } from './value-matrix-view';

/** The factor matrices: each shown as its grid, switched on or off, edited, or (custom ones) deleted. */
export function MatricesEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const en = currentLocale() === 'en';
  const client = useQueryClient();
  const matrices = useMatrices();
  const policies = usePolicies();
  const [editing, setEditing] = useState<ValueMatrix | null | undefined>(undefined);
  const toggle = useMutation({
    mutationFn: (m: ValueMatrix) => updateMatrix(m.id, { active: !m.active, version: m.version }),
    onSuccess: () => client.invalidateQueries({ queryKey: VALUE_KEY }),
  });
  const remove = useMutation({
    mutationFn: (m: ValueMatrix) => deleteMatrix(m.id, m.version),
    onSuccess: async () => {
      void message.success(t('valueSettings.matrices.deleted'));
      await client.invalidateQueries({ queryKey: VALUE_KEY });
    },
  });
  const error = matrices.error ?? toggle.error ?? remove.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
        {t('valueSettings.matrices.add')}
      </Button>
      {error && <Alert type="error" showIcon role="alert" title={error.message} />}
      {matrices.isPending && <Skeleton active />}
      {matrices.data?.items.map((m) => (
        <Card
          key={m.id}
          size="small"
          title={
            <Space>
              {en ? m.definition.nameEn : m.definition.nameZh}
              <Tag>{m.key}</Tag>
              {m.builtin && <Tag color="blue">{t('valueSettings.matrices.builtin')}</Tag>}
            </Space>
          }
          extra={
            <Space>
              <Switch
                size="small"
                checked={m.active}
                loading={toggle.isPending && toggle.variables?.id === m.id}
                onChange={() => toggle.mutate(m)}
                aria-label={`${t('valueSettings.matrices.active')} ${m.key}`}
              />
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(m)}>
                {t('edit.button')}
              </Button>
              {!m.builtin && (
                <Popconfirm
                  title={t('valueSettings.matrices.confirmDelete')}
                  onConfirm={() => remove.mutate(m)}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('valueSettings.matrices.delete')}
                  />
                </Popconfirm>
              )}
            </Space>
          }
        >
          <MatrixGrid matrix={m.definition} policies={policies.data?.items ?? []} />
        </Card>
      ))}
      {editing !== undefined && <MatrixForm matrix={editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}
