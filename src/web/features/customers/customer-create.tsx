import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreateCustomer } from '../../../shared/customers/customer.schema';
import { stripLegalForm } from '../../../shared/customers/legal-form';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { createCustomer, listCustomers } from './customer-api';
import { CUSTOMER_FORM_FIELDS, CustomerFields, type CustomerFormValues } from './customer-fields';

// What Chinese company names share says nothing: the distinctive part is what is looked up.
const distinctive = (name: string) => stripLegalForm(name.trim());

/**
 * A new customer. While the name or the tax ID is typed, customers that look the same are listed above
 * the form (查重), each a link to its page, so a rep finds the existing record before making a second.
 */
export function CustomerCreateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const name = Form.useWatch('name', form) ?? '';
  const taxId = Form.useWatch('taxId', form) ?? '';
  const [probe, setProbe] = useState('');
  useEffect(() => {
    const id = setTimeout(() => setProbe(taxId.trim().length === 18 ? taxId.trim() : distinctive(name)), 250);
    return () => clearTimeout(id);
  }, [name, taxId]);

  const similar = useQuery({
    queryKey: ['customers', 'similar', probe],
    queryFn: ({ signal }) => listCustomers({ q: probe, limit: 5 }, signal),
    enabled: [...probe].length >= 2,
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

  const matches = [...probe].length >= 2 ? (similar.data?.items ?? []) : [];
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
                  <li key={c.id}>
                    <Typography.Link
                      onClick={() => {
                        onClose();
                        navigate(`/customers/${c.id}`);
                      }}
                    >
                      {c.name}
                    </Typography.Link>{' '}
                    <Typography.Text type="secondary">{c.code}</Typography.Text>
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
