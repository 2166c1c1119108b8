import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CREDIT_RATINGS,
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  type UpdateCustomer,
} from '../../../shared/customers/customer.schema';
import { isValidUnifiedCreditCode } from '../../../shared/customers/tax-id';

/** The profile fields the create and edit forms share, validated as the API validates them. */
export const CUSTOMER_FORM_FIELDS = [
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
export type CustomerFormValues = Pick<UpdateCustomer, (typeof CUSTOMER_FORM_FIELDS)[number]>;

export function CustomerFields() {
  const { t } = useTranslation();
  const options = (values: readonly string[], prefix?: string) =>
    values.map((v) => ({ value: v, label: prefix ? t(`${prefix}.${v}`) : v }));
  return (
    <>
      <Form.Item
        name="name"
        label={t('customers.name')}
        rules={[{ required: true, whitespace: true, message: t('login.required') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      {/* Beside the name: the two are what 查重 looks at while the form is filled in. */}
      <Form.Item
        name="taxId"
        label={t('view360.taxId')}
        rules={[
          {
            validator: (_rule, value: string | null | undefined) =>
              !value || isValidUnifiedCreditCode(value.trim().toUpperCase())
                ? Promise.resolve()
                : Promise.reject(new Error(t('edit.taxIdInvalid'))),
          },
        ]}
      >
        <Input maxLength={18} />
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
      <Form.Item name="tags" label={t('customers.tags')}>
        <Select aria-label={t('customers.tags')} mode="tags" tokenSeparators={[',', '，']} />
      </Form.Item>
    </>
  );
}
