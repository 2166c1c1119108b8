import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTITUDES, DECISION_ROLES } from '../../../shared/contacts/contact.schema';
import { ApiError, api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { type Contact, getContact } from './contact-api';

const FIELDS = [
  'name',
  'title',
  'department',
  'phones',
  'email',
  'wechat',
  'decisionRole',
  'attitude',
  'birthday',
  'isPrimary',
  'notes',
] as const;
type Values = {
  name: string;
  title?: string | null;
  department?: string | null;
  phones: string[];
  email?: string | null;
  wechat?: string | null;
  decisionRole?: string | null;
  attitude?: string | null;
  birthday?: Dayjs | null;
  isPrimary: boolean;
  notes?: string | null;
};

const valuesOf = (c: Contact): Values => ({ ...c, birthday: c.birthday ? dayjs(c.birthday) : null });

/** What the API takes: empty optional fields are null, not '' (an empty e-mail is no e-mail). */
const bodyOf = (values: Values) =>
  Object.fromEntries(
    Object.entries({
      ...values,
      birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
    }).map(([k, v]) => [k, v === '' || v === undefined ? null : v]),
  );

/**
 * Adds a contact to a customer, or edits one with the version it was opened with: when someone else
 * saved in between, the API answers 409 and the form says so, keeping what was typed, with a button to
 * load the newer record (as the customer's edit form does).
 */
export function ContactForm(props: { customerId: number; contact?: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(props.contact);
  const [conflict, setConflict] = useState(false);
  const c = base;
  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      if (!c)
        return api('/contacts', {
          method: 'POST',
          body: { ...bodyOf(values), customerId: props.customerId },
        });
      // Only what changed: a field someone else edited meanwhile is not overwritten with its old value.
      const before = bodyOf(valuesOf(c));
      const after = bodyOf(values);
      const changed = Object.fromEntries(
        FIELDS.filter((f) => JSON.stringify(after[f] ?? null) !== JSON.stringify(before[f] ?? null)).map(
          (f) => [f, after[f]],
        ),
      );
      return api(`/contacts/${c.id}`, { method: 'PATCH', body: { ...changed, version: c.version } });
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['customers', '360', String(props.customerId)] }),
        client.invalidateQueries({ queryKey: ['contacts'] }),
      ]);
      props.onClose();
    },
    // A version conflict is not the form's fault: it gets its own notice with a way out.
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409 && err.code === 'version_conflict';
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    if (!c) return;
    const fresh = await getContact(c.id);
    // What the user typed stays; every field they did not touch shows the newer record.
    const newer = valuesOf(fresh);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setBase(fresh);
    setConflict(false);
  }

  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <FormModal
      title={c ? t('contactForm.editTitle') : t('contactForm.newTitle')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
      notice={
        conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('details.contactConflict')}
            action={<Button onClick={reloadNewer}>{t('edit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={props.contact ? valuesOf(props.contact) : { phones: [], isPrimary: false }}
        onFinish={save.submit}
      >
        <Form.Item
          name="name"
          label={t('admin.name')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="title" label={t('lists.jobTitle')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="department" label={t('contactForm.department')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phones" label={t('lists.phone')} extra={t('contactForm.phonesHint')}>
          <Select aria-label={t('lists.phone')} mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('admin.email')}
          rules={[{ type: 'email', message: t('contactForm.badEmail') }]}
        >
          <Input maxLength={254} />
        </Form.Item>
        <Form.Item name="wechat" label={t('activityType.wechat')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="decisionRole" label={t('lists.decisionRole')}>
          <Select
            aria-label={t('lists.decisionRole')}
            allowClear
            options={options(DECISION_ROLES, 'decisionRole')}
          />
        </Form.Item>
        <Form.Item name="attitude" label={t('contactForm.attitude')}>
          <Select
            aria-label={t('contactForm.attitude')}
            allowClear
            options={options(ATTITUDES, 'attitude')}
          />
        </Form.Item>
        <Form.Item name="birthday" label={t('contactForm.birthday')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isPrimary" label={t('view360.primary')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={t('lists.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
