import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import { createTask, TASKS_KEY } from './task-api';

type Values = { title: string; dueOn: Dayjs; notes?: string };
const FIELDS = ['title', 'dueOn', 'notes'] as const;

/** A task of my own (待办), for a customer when opened from its page. */
export function TaskForm({ customerId, onClose }: { customerId?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, FIELDS, {
    mutationFn: (v: Values) =>
      createTask({
        title: v.title,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        notes: v.notes?.trim() ? v.notes.trim() : null,
        customerId: customerId ?? null,
      }),
    onSuccess: async (task) => {
      void message.success(t('tasks.created', { title: task.title }));
      await client.invalidateQueries({ queryKey: TASKS_KEY });
      onClose();
    },
  });
  return (
    <FormModal
      title={t('tasks.new')}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" onFinish={save.submit} initialValues={{ dueOn: dayjs() }}>
        <Form.Item
          name="title"
          label={t('tasks.title')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('tasks.dueOn')}
          rules={[{ required: true, message: t('login.required') }]}
        >
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <Form.Item name="notes" label={t('tasks.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
