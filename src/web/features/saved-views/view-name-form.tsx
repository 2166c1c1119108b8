import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import type { View } from './saved-views-api';

type Values = { name: string };
const FIELDS = ['name'] as const;

/** Names a new view, or renames one; the server's answer on the name (taken already) shows at the field. */
export function ViewNameForm(props: {
  title: string;
  initial?: string;
  save: (name: string) => Promise<View>;
  onSaved: (view: View) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => props.save(values.name.trim()),
    onSuccess: (view) => {
      props.onSaved(view);
      props.onClose();
    },
  });
  return (
    <FormModal
      title={props.title}
      form={form}
      saving={save.saving}
      failure={save.failure}
      onClose={props.onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: props.initial ?? '' }}
        onFinish={save.submit}
      >
        <Form.Item
          name="name"
          label={t('views.name')}
          rules={[{ required: true, whitespace: true, message: t('views.nameRequired') }]}
        >
          <Input maxLength={100} autoFocus placeholder={t('views.namePlaceholder')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
