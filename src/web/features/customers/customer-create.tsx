import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateCustomer } from '../../../shared/customers/customer.schema';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { createCustomer, similarCustomers } from './customer-api';
import { CUSTOMER_FORM_FIELDS, CustomerFields, type CustomerFormValues } from './customer-fields';

type CreateValues = CustomerFormValues & { primaryContact?: { name?: string; phones?: string[] } };
const CREATE_FIELDS = [...CUSTOMER_FORM_FIELDS, 'primaryContact'] as const;

/**
 * A new customer. While the name or the tax ID is typed, customers that look the same are listed above
 * the form (查重): the rep's own as links to their pages, another rep's by name, code and owner, so a
 * rep finds the existing record, or its owner, before making a second.
 */
export function CustomerCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const name = Form.useWatch('name', form) ?? '';
  const taxId = Form.useWatch('taxId', form) ?? '';
  const phone: string = Form.useWatch(['primaryContact', 'phones', 0], form) ?? '';
  // Asked again only when the typing pauses: a query per keystroke would be wasted.
  const [probe, setProbe] = useState({ name: '', taxId: '', phone: '' });
  useEffect(() => {
    const id = setTimeout(
      () => setProbe({ name: name.trim(), taxId: taxId.trim(), phone: phone.replace(/[\s-]/g, '') }),
      250,
    );
    return () => clearTimeout(id);
  }, [name, taxId, phone]);

  const asked = [...probe.name].length >= 2 || probe.taxId.length === 18 || probe.phone.length >= 7;
  const similar = useQuery({
    queryKey: ['customers', 'similar', probe],
    queryFn: ({ signal }) =>
      similarCustomers(
        {
          name: probe.name || undefined,
          taxId: probe.taxId.length === 18 ? probe.taxId : undefined,
          phone: probe.phone.length >= 7 ? probe.phone : undefined,
        },
        signal,
      ),
    enabled: asked,
  });
  const save = useFormSave(form, CREATE_FIELDS, {
    mutationFn: ({ primaryContact, ...values }: CreateValues) => {
      // A field left empty is not given: '' would be an invalid tax ID, not a missing one.
      const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
      const contactName = primaryContact?.name?.trim();
      const phones = (primaryContact?.phones ?? []).filter((p) => p?.trim());
      return createCustomer({
        ...given,
        tags: values.tags ?? [],
        ...(contactName ? { primaryContact: { name: contactName, phones } } : {}),
      } as Partial<CreateCustomer> & { name: string });
    },
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['customers'] });
      onClose();
      navigate(`/customers/${created.id}`);
    },
  });

  const matches = asked ? (similar.data ?? []) : [];
  return (
    <FormModal
      title={t('create.title')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
      width={640}
      notice={
        matches.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('create.similar')}
            description={
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="similar-customers">
                {matches.map((c) => (
                  <li key={c.code}>
                    {c.id !== null ? (
                      <Typography.Link
                        onClick={() => {
                          onClose();
                          navigate(`/customers/${c.id}`);
                        }}
                      >
                        {c.name}
                      </Typography.Link>
                    ) : (
                      <Typography.Text strong>{c.name}</Typography.Text>
                    )}{' '}
                    <Typography.Text type="secondary">
                      {c.code} · {c.reasons.map((r) => t(`create.reason.${r}`)).join('、')}
                      {!c.visible &&
                        ` · ${t('create.hidden', { owner: c.ownerName ?? '—', branch: c.branchName ?? '—' })}`}
                      {` · ${t('duplicates.scoreOf', { score: `${Math.round(c.score * 100)}%` })}`}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )
      }
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ type: 'enterprise', status: 'prospect', tags: [] }}
        onFinish={save.submit}
      >
        <CustomerFields />
        <Form.Item
          name={['primaryContact', 'name']}
          label={t('create.contactName')}
          dependencies={[['primaryContact', 'phones', 0]]}
          rules={[
            ({ getFieldValue }) => ({
              // A phone without a name has no contact to belong to.
              validator: (_rule, value: string | undefined) =>
                !value?.trim() && getFieldValue(['primaryContact', 'phones', 0])?.trim()
                  ? Promise.reject(new Error(t('create.contactNameRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name={['primaryContact', 'phones', 0]} label={t('create.contactPhone')}>
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
