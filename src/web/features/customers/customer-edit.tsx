import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateCustomer } from '../../../shared/customers/customer.schema';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { type Customer360, updateCustomer } from './customer-api';
import { CUSTOMER_FORM_FIELDS, CustomerFields } from './customer-fields';

type Profile = Customer360['profile'];
type Field = keyof Profile & keyof UpdateCustomer;
type Values = Partial<UpdateCustomer>;

const valuesOf = (p: Profile, fields: readonly Field[]): Values =>
  Object.fromEntries(fields.map((f) => [f, p[f]])) as Values;

/** Edits the profile's main fields. */
export function CustomerEditForm({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <CustomerPatchForm
      title={t('edit.title')}
      profile={profile}
      fields={CUSTOMER_FORM_FIELDS}
      onClose={onClose}
      width={640}
    >
      <CustomerFields />
    </CustomerPatchForm>
  );
}

/**
 * Edits some fields of a customer (the profile, the account team, the custom fields). Saved with the
 * version it was opened with: when someone else saved in between, the API answers 409 and the form says
 * so, keeping what was typed, with a button to load the newer record.
 */
export function CustomerPatchForm({
  title,
  profile,
  fields: FIELDS,
  onClose,
  width,
  children,
}: {
  title: string;
  profile: Profile;
  fields: readonly Field[];
  onClose: () => void;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState(profile.version);
  const [conflict, setConflict] = useState(false);
  const key = ['customers', '360', String(profile.id)];

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      const before = valuesOf(profile, FIELDS);
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
    // A version conflict is not the form's fault: it gets its own notice with a way out.
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409;
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    const fresh = await client.fetchQuery<Customer360>({ queryKey: key, staleTime: 0 });
    // What the user typed stays; every field they did not touch shows the newer record.
    const newer = valuesOf(fresh.profile, FIELDS);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setVersion(fresh.profile.version);
    setConflict(false);
  }

  return (
    <FormModal
      title={title}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
      width={width}
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
        initialValues={valuesOf(profile, FIELDS)}
        onFinish={save.submit}
      >
        {children}
      </Form>
    </FormModal>
  );
}
