import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, type OrderStatus } from '../../../shared/orders/order.schema';
import { ApiError } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { getOrder, type Order, updateOrder } from './order-api';

const FIELDS = ['status', 'notes'] as const;
type Values = { status: OrderStatus; notes?: string | null };

const valuesOf = (o: Order): Values => ({ status: o.status, notes: o.notes });

/**
 * Moves an order along (draft → confirmed → shipped → completed, or cancelled) and keeps its notes; the
 * lines come from the ERP or the order form and stay as they are. Saved with the version it was opened
 * with; a 409 keeps what was typed and offers the newer order.
 */
export function OrderEditForm({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(order);
  const [conflict, setConflict] = useState(false);

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      const before = valuesOf(base);
      const notes = values.notes?.trim() ? values.notes : null;
      return updateOrder(order.id, {
        ...(values.status !== before.status ? { status: values.status } : {}),
        ...(notes !== (before.notes ?? null) ? { notes } : {}),
        version: base.version,
      });
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['orders'] }),
        client.invalidateQueries({ queryKey: ['customers', '360', String(order.customerId)] }),
        client.invalidateQueries({ queryKey: ['customers', order.customerId] }),
      ]);
      onClose();
    },
    onError: (err) => {
      const stale = err instanceof ApiError && err.status === 409 && err.code === 'version_conflict';
      setConflict(stale);
      return stale;
    },
  });

  async function reloadNewer() {
    const fresh = await getOrder(order.id);
    const newer = valuesOf(fresh);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setBase(fresh);
    setConflict(false);
  }

  return (
    <FormModal
      title={t('details.editOrder')}
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
            title={t('details.orderConflict')}
            action={<Button onClick={reloadNewer}>{t('edit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(order)} onFinish={save.submit}>
        <Form.Item name="status" label={t('customers.status')}>
          <Select
            aria-label={t('customers.status')}
            options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('lists.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
