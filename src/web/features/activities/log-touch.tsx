import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES } from '../../../shared/activities/activity.schema';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { listCustomers } from '../customers/customer-api';
import { contactsOf, createActivity } from './activity-api';
import { ActivityIcon } from './activity-icon';

type CustomerRef = { id: number; name: string };
type Values = {
  type: (typeof ACTIVITY_TYPES)[number];
  contactIds: number[];
  subject: string;
  body?: string;
  nextFollowUpOn?: Dayjs | null;
};

const FORM_FIELDS = ['type', 'contactIds', 'subject', 'body', 'nextFollowUpOn'] as const;

const LogTouchContext = createContext<(customer?: CustomerRef) => void>(() => {});

/** Opens the "log a touch" form, for a customer or for one to pick. */
export const useLogTouch = () => useContext(LogTouchContext);

const isTyping = (target: EventTarget | null) => {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
};

/**
 * The form reps use most, so it is built for speed: a call is the default type, the summary has the
 * focus, Enter saves. A phone call from a customer's page is: type the summary, press Enter.
 * `n` opens it from anywhere.
 */
export function LogTouchProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<{ customer?: CustomerRef } | null>(null);
  const show = useCallback((customer?: CustomerRef) => setOpen({ customer }), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'n' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        setOpen((current) => current ?? { customer: currentCustomer() });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <LogTouchContext.Provider value={show}>
      {children}
      {open && <LogTouchForm customer={open.customer} onClose={() => setOpen(null)} />}
    </LogTouchContext.Provider>
  );
}

/** The customer whose page is open, if any (it registers itself; see useCurrentCustomer). */
let pageCustomer: CustomerRef | undefined;
const currentCustomer = () => pageCustomer;
export function useCurrentCustomer(customer: CustomerRef | undefined) {
  useEffect(() => {
    pageCustomer = customer;
    return () => {
      pageCustomer = undefined;
    };
  }, [customer]);
}

function LogTouchForm({ customer, onClose }: { customer?: CustomerRef; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [picked, setPicked] = useState<CustomerRef | undefined>(customer);
  const [search, setSearch] = useState('');
  const [customerError, setCustomerError] = useState(false);
  const customerId = picked?.id;

  const contacts = useQuery({
    queryKey: ['customers', customerId, 'contacts'],
    queryFn: ({ signal }) => contactsOf(customerId!, signal),
    enabled: customerId !== undefined,
  });
  const matches = useQuery({
    queryKey: ['customers', 'search', search],
    queryFn: ({ signal }) => listCustomers({ q: search, limit: 8 }, signal),
    enabled: !customer && search.trim().length > 0,
  });

  const save = useFormSave(form, FORM_FIELDS, {
    mutationFn: (values: Values) =>
      createActivity({
        customerId: customerId!,
        type: values.type,
        subject: values.subject,
        body: values.body || undefined,
        nextFollowUpOn: values.nextFollowUpOn ? values.nextFollowUpOn.format('YYYY-MM-DD') : undefined,
        contactIds: values.contactIds ?? [],
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['customers', '360', String(customerId)] });
      onClose();
    },
  });

  return (
    <FormModal
      title={t('logTouch.title')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'call', contactIds: [] }}
        onFinish={(values) => {
          if (customerId === undefined) {
            setCustomerError(true);
            return;
          }
          save.submit(values);
        }}
      >
        <Form.Item name="type" label={t('logTouch.type')}>
          <Radio.Group
            optionType="button"
            size="small"
            options={ACTIVITY_TYPES.map((type) => ({
              value: type,
              label: (
                <span>
                  <ActivityIcon type={type} /> {t(`activityType.${type}`)}
                </span>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('logTouch.customer')}
          required
          validateStatus={customerError ? 'error' : undefined}
          help={customerError ? t('logTouch.pickCustomer') : undefined}
        >
          {customer ? (
            <Input value={customer.name} disabled aria-label={t('logTouch.customer')} />
          ) : (
            <AutoComplete
              aria-label={t('logTouch.customer')}
              placeholder={t('logTouch.customerSearch')}
              onSearch={setSearch}
              onSelect={(_: string, option: { customer: CustomerRef }) => {
                setPicked(option.customer);
                setCustomerError(false);
              }}
              options={(matches.data?.items ?? []).map((c) => ({
                value: c.name,
                label: `${c.name} ${c.code}`,
                customer: { id: c.id, name: c.name },
              }))}
            />
          )}
        </Form.Item>
        <Form.Item name="contactIds" label={t('logTouch.contacts')}>
          <Select
            mode="multiple"
            aria-label={t('logTouch.contacts')}
            disabled={customerId === undefined}
            loading={contacts.isFetching}
            options={(contacts.data?.items ?? []).map((c) => ({
              value: c.id,
              label: [c.name, c.title].filter(Boolean).join(' · '),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('logTouch.subject')}
          rules={[{ required: true, whitespace: true, message: t('logTouch.subjectRequired') }]}
        >
          <Input
            autoFocus
            maxLength={200}
            placeholder={t('logTouch.subjectHint')}
            onPressEnter={() => form.submit()}
          />
        </Form.Item>
        <Form.Item name="body" label={t('logTouch.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="nextFollowUpOn" label={t('logTouch.followUp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
