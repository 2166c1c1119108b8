import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ATTITUDES, DECISION_ROLES } from '../../../shared/contacts/contact.schema';
import { api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import type { Customer360 } from '../customers/customer-api';

type Contact = Customer360['contacts'][number];
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
};

/** Adds a contact to a customer, or edits one (with the version it was opened with). */
export function ContactForm(props: { customerId: number; contact?: Contact; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const c = props.contact;
  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      // Empty optional fields are null, not '': an empty e-mail is no e-mail, not an invalid one.
      const body = Object.fromEntries(
        Object.entries({
          ...values,
          birthday: values.birthday ? values.birthday.format('YYYY-MM-DD') : null,
        }).map(([k, v]) => [k, v === '' || v === undefined ? null : v]),
      );
      return c
        ? api(`/contacts/${c.id}`, { method: 'PATCH', body: { ...body, version: c.version } })
        : api('/contacts', { method: 'POST', body: { ...body, customerId: props.customerId } });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['customers', '360', String(props.customerId)] });
      props.onClose();
    },
  });
  const options = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  return (
    <FormModal
      title={c ? t('contactForm.editTitle') : t('contactForm.newTitle')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          c ? { ...c, birthday: c.birthday ? dayjs(c.birthday) : null } : { phones: [], isPrimary: false }
        }
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
      </Form>
    </FormModal>
  );
}
