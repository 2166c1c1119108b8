import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CREDIT_RATINGS,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  type UpdateCustomer,
} from '../../../shared/customers/customer.schema';
import { ApiError } from '../../lib/api';
import { showServerErrors } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { type Customer360, updateCustomer } from './customer-api';

type Profile = Customer360['profile'];
const FIELDS = [
  'name',
  'shortName',
  'type',
  'status',
  'industry',
  'province',
  'city',
  'address',
  'taxId',
  'creditRating',
  'tags',
] as const;
type Values = Pick<UpdateCustomer, (typeof FIELDS)[number]>;

const valuesOf = (p: Profile): Values => Object.fromEntries(FIELDS.map((f) => [f, p[f]])) as Values;

/**
 * Edits the profile. Saved with the version it was opened with: when someone else saved in between, the
 * API answers 409 and the form says so, keeping what was typed, with a button to load the newer record.
 */
export function CustomerEditForm({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(profile.version);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const key = ['customers', '360', String(profile.id)];

  const save = useMutation({
    mutationFn: (values: Values) => {
      const before = valuesOf(profile);
      // Only what changed: a field someone else edited meanwhile is not overwritten with its old value.
      const changed = Object.fromEntries(
        FIELDS.filter((f) => JSON.stringify(values[f] ?? null) !== JSON.stringify(before[f] ?? null)).map(
          (f) => [f, values[f] === '' ? null : values[f]],
        ),
      );
      return updateCustomer(profile.id, { ...changed, version });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) {
        setConflict(true);
        setFailure(null);
      } else setFailure(showServerErrors(form, err, FIELDS));
    },
  });

  async function reloadNewer() {
    const fresh = await client.fetchQuery<Customer360>({ queryKey: key, staleTime: 0 });
    // What the user typed stays; every field they did not touch shows the newer record.
    const newer = valuesOf(fresh.profile);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setVersion(fresh.profile.version);
    setConflict(false);
  }

  const options = (values: readonly string[], prefix?: string) =>
    values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}`) : v }));
  return (
    <FormModal
      title={t('edit.title')}
      form={form}
      saving={save.isPending}
      failure={failure}
      onClose={onClose}
      width={640}
      notice={
        conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('edit.conflict')}
            action={<Button onClick={reloadNewer}>{t('edit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={valuesOf(profile)}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('customers.name')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="shortName" label={t('edit.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="type" label={t('customers.type')}>
          <Select aria-label={t('customers.type')} options={options(CUSTOMER_TYPES, 'customerType')} />
        </Form.Item>
        <Form.Item name="status" label={t('customers.status')}>
          <Select aria-label={t('customers.status')} options={options(CUSTOMER_STATUSES, 'customerStatus')} />
        </Form.Item>
        <Form.Item name="creditRating" label={t('customers.creditRating')}>
          <Select aria-label={t('customers.creditRating')} allowClear options={options(CREDIT_RATINGS)} />
        </Form.Item>
        <Form.Item name="industry" label={t('view360.industry')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="province" label={t('edit.province')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="city" label={t('edit.city')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="address" label={t('view360.address')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="taxId" label={t('view360.taxId')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="tags" label={t('customers.tags')}>
          <Select aria-label={t('customers.tags')} mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
