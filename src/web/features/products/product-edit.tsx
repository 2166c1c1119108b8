import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { getProduct, type Product } from './product-api';

const FIELDS = ['code', 'name', 'category', 'unit', 'listPrice', 'standardCost', 'active'] as const;
type Values = Pick<Product, (typeof FIELDS)[number]>;

const valuesOf = (p: Product): Values => Object.fromEntries(FIELDS.map((f) => [f, p[f]])) as Values;

/** Money as the API takes it: a decimal string ("12.50"), never a float; empty is none. */
const MONEY = /^-?\d{1,12}(?:\.\d{1,2})?$/;

/**
 * Changes a product of the price list (admins and managers), with the version it was opened with. Only
 * what changed is sent; a 409 keeps what was typed and offers the newer record.
 */
export function ProductEditForm({ product, onClose }: { product: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(product);
  const [conflict, setConflict] = useState(false);

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      const before = valuesOf(base);
      const changed = Object.fromEntries(
        FIELDS.filter((f) => (values[f] ?? null) !== (before[f] ?? null)).map((f) => [
          f,
          typeof values[f] === 'string' && (values[f] as string).trim() === '' ? null : values[f],
        ]),
      );
      return api<Product>(`/products/${product.id}`, {
        method: 'PATCH',
        body: { ...changed, version: base.version },
      });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['products'] });
      onClose();
    },
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409 && err.code === 'version_conflict';
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    const fresh = await getProduct(product.id);
    const newer = valuesOf(fresh);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setBase(fresh);
    setConflict(false);
  }

  const moneyRule = { pattern: MONEY, message: t('details.badMoney') };
  return (
    <FormModal
      title={t('details.editProduct')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
      notice={
        conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('details.productConflict')}
            action={<Button onClick={reloadNewer}>{t('edit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(product)} onFinish={save.submit}>
        <Form.Item
          name="code"
          label={t('customers.code')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('customers.name')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="category" label={t('lists.category')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('lists.unit')}
          rules={[{ required: true, whitespace: true, message: t('login.required') }]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="listPrice" label={t('lists.listPrice')} rules={[moneyRule]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="standardCost" label={t('lists.standardCost')} rules={[moneyRule]}>
          <Input inputMode="decimal" prefix="¥" />
        </Form.Item>
        <Form.Item name="active" label={t('admin.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
