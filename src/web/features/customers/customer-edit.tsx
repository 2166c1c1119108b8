import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { type Customer360, updateCustomer } from './customer-api';
import { CUSTOMER_FORM_FIELDS, CustomerFields, type CustomerFormValues } from './customer-fields';

type Profile = Customer360['profile'];
const FIELDS = CUSTOMER_FORM_FIELDS;
type Values = CustomerFormValues;

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
  const [conflict, setConflict] = useState(false);
  const key = ['customers', '360', String(profile.id)];

  const save = useFormSave(form, FIELDS, {
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
    const newer = valuesOf(fresh.profile);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setVersion(fresh.profile.version);
    setConflict(false);
  }

  return (
    <FormModal
      title={t('edit.title')}
      form={form}
      saving={save.saving}
      failure={save.failure}
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
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(profile)} onFinish={save.submit}>
        <CustomerFields />
      </Form>
    </FormModal>
  );
}
