import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateCustomer } from '../../../shared/customers/customer.schema';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { createCustomer, similarCustomers } from './customer-api';
import { CUSTOMER_FORM_FIELDS, CustomerFields, type CustomerFormValues } from './customer-fields';

/**
 * A new customer. While the name or the tax ID is typed, customers that look the same are listed above
 * the form (查重): the rep's own as links to their pages, another rep's by name, code and owner, so a
 * rep finds the existing record, or its owner, before making a second.
 */
export function CustomerCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const name = Form.useWatch('name', form) ?? '';
  const taxId = Form.useWatch('taxId', form) ?? '';
  // Asked again only when the typing pauses: a query per keystroke would be wasted.
  const [probe, setProbe] = useState({ name: '', taxId: '' });
  useEffect(() => {
    const id = setTimeout(() => setProbe({ name: name.trim(), taxId: taxId.trim() }), 250);
    return () => clearTimeout(id);
  }, [name, taxId]);

  const asked = [...probe.name].length >= 2 || probe.taxId.length === 18;
  const similar = useQuery({
    queryKey: ['customers', 'similar', probe],
    queryFn: ({ signal }) =>
      similarCustomers(
        { name: probe.name || undefined, taxId: probe.taxId.length === 18 ? probe.taxId : undefined },
        signal,
      ),
    enabled: asked,
  });
  const save = useFormSave(form, CUSTOMER_FORM_FIELDS, {
    mutationFn: (values: CustomerFormValues) => {
      // A field left empty is not given: '' would be an invalid tax ID, not a missing one.
      const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined));
      return createCustomer({ ...given, tags: values.tags ?? [] } as Partial<CreateCustomer> & {
        name: string;
      });
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
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            }
          />
        )
      }
    >
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        initialValues={{ type: 'enterprise', status: 'prospect', tags: [] }}
        onFinish={save.submit}
      >
        <CustomerFields />
      </Form>
    </FormModal>
  );
}
