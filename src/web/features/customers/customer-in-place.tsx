import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Flex, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { CustomFieldDefSchema } from '../../../shared/customers/custom-field.schema';
import { api } from '../../lib/api';
import { currentLocale } from '../../lib/i18n';
import type { Wire } from '../../lib/wire';
import { usePeople } from '../people';
import type { Customer360 } from './customer-api';
import { CustomerPatchForm } from './customer-edit';

type Profile = Customer360['profile'];
export type FieldDef = Wire<z.infer<typeof CustomFieldDefSchema>>;

/** The workspace's custom field definitions (rarely change: kept five minutes). */
export function useCustomFieldDefs(): FieldDef[] {
  const defs = useQuery({
    queryKey: ['custom-fields'],
    queryFn: ({ signal }) => api<{ items: FieldDef[] }>('/custom-fields', { signal }),
    staleTime: 300_000,
  });
  return defs.data?.items ?? [];
}

const ROLE_SUGGESTIONS = ['sales', 'technical', 'service', 'finance', 'executive'] as const;

/** Owner and account team, edited in place on the 360 page. */
export function TeamEditForm({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const { t } = useTranslation();
  const { options } = usePeople();
  const roles = ROLE_SUGGESTIONS.map((r) => ({ value: t(`inPlace.role.${r}`) }));
  return (
    <CustomerPatchForm
      title={t('inPlace.editTeam')}
      profile={profile}
      fields={['ownerId', 'team']}
      onClose={onClose}
    >
      <Form.Item name="ownerId" label={t('customers.owner')}>
        <Select
          aria-label={t('customers.owner')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
        />
      </Form.Item>
      <Form.List name="team">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Flex key={row.key} gap={8} align="flex-start" wrap>
                <Form.Item
                  name={[row.name, 'userId']}
                  label={t('inPlace.member', { n: i + 1 })}
                  rules={[{ required: true, message: t('login.required') }]}
                  style={{ flex: '1 1 160px' }}
                >
                  <Select
                    aria-label={t('inPlace.member', { n: i + 1 })}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={options}
                  />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'role']}
                  label={t('inPlace.role.label', { n: i + 1 })}
                  rules={[{ required: true, whitespace: true, message: t('login.required') }]}
                  style={{ flex: '1 1 140px' }}
                >
                  <AutoComplete options={roles} maxLength={50}>
                    <Input aria-label={t('inPlace.role.label', { n: i + 1 })} />
                  </AutoComplete>
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('inPlace.removeMember', { n: i + 1 })}
                  title={t('inPlace.removeMember', { n: i + 1 })}
                  onClick={() => remove(row.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: '' })} block>
              {t('inPlace.addMember')}
            </Button>
          </>
        )}
      </Form.List>
    </CustomerPatchForm>
  );
}

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);

/** The admin-defined fields, each with the input its type needs and the definition's rules. */
export function CustomFieldsEditForm({
  profile,
  defs,
  onClose,
}: {
  profile: Profile;
  defs: FieldDef[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <CustomerPatchForm
      title={t('inPlace.editCustomFields')}
      profile={profile}
      fields={['customFields']}
      onClose={onClose}
    >
      {defs.map((d) => {
        const label = locale === 'en' ? d.labelEn : d.labelZh;
        const rules = d.required ? [{ required: true, message: t('login.required') }] : [];
        const name = ['customFields', d.key];
        if (d.type === 'boolean') {
          return (
            <Form.Item key={d.key} name={name} label={label} valuePropName="checked" rules={rules}>
              <Switch aria-label={label} />
            </Form.Item>
          );
        }
        return (
          <Form.Item key={d.key} name={name} label={label} rules={rules} normalize={emptyToNull}>
            {d.type === 'number' ? (
              <InputNumber aria-label={label} style={{ width: '100%' }} />
            ) : d.type === 'date' ? (
              <Input type="date" aria-label={label} />
            ) : d.type === 'select' ? (
              <Select
                aria-label={label}
                allowClear
                options={d.options.map((o) => ({ value: o, label: o }))}
              />
            ) : (
              <Input aria-label={label} maxLength={2000} />
            )}
          </Form.Item>
        );
      })}
    </CustomerPatchForm>
  );
}
