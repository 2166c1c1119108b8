import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES } from '../../../shared/activities/activity.schema';
import { ApiError, api } from '../../lib/api';
import { useFormSave } from '../../lib/form-errors';
import { FormModal } from '../../ui/form-modal';
import type { Activity } from './activity-api';
import { ActivityIcon } from './activity-icon';

const FIELDS = ['type', 'subject', 'body', 'nextFollowUpOn'] as const;
type Values = {
  type: Activity['type'];
  subject: string;
  body?: string | null;
  nextFollowUpOn?: Dayjs | null;
};

const valuesOf = (a: Activity): Values => ({
  type: a.type,
  subject: a.subject,
  body: a.body,
  nextFollowUpOn: a.nextFollowUpOn ? dayjs(a.nextFollowUpOn) : null,
});

/** What the API takes: a date as YYYY-MM-DD, an empty note as null. */
const bodyOf = (v: Values) => ({
  type: v.type,
  subject: v.subject,
  body: v.body ? v.body : null,
  nextFollowUpOn: v.nextFollowUpOn ? v.nextFollowUpOn.format('YYYY-MM-DD') : null,
});

/**
 * Changes a touch: its type, summary, notes and follow-up date, with the version it was opened with
 * (a 409 says someone else saved meanwhile, keeps what was typed, and offers the newer record).
 */
export function ActivityEditForm({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [base, setBase] = useState(activity);
  const [conflict, setConflict] = useState(false);

  const save = useFormSave(form, FIELDS, {
    mutationFn: (values: Values) => {
      const before = bodyOf(valuesOf(base));
      const after = bodyOf(values);
      const changed = Object.fromEntries(
        FIELDS.filter((f) => after[f] !== before[f]).map((f) => [f, after[f]]),
      );
      return api<Activity>(`/activities/${activity.id}`, {
        method: 'PATCH',
        body: { ...changed, version: base.version },
      });
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['activities'] }),
        client.invalidateQueries({ queryKey: ['customers', '360', String(activity.customerId)] }),
        client.invalidateQueries({ queryKey: ['customers', activity.customerId, 'timeline'] }),
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
    const fresh = await api<Activity>(`/activities/${activity.id}`);
    const newer = valuesOf(fresh);
    form.setFieldsValue(
      Object.fromEntries(FIELDS.filter((f) => !form.isFieldTouched(f)).map((f) => [f, newer[f]])),
    );
    setBase(fresh);
    setConflict(false);
  }

  return (
    <FormModal
      title={t('details.editActivity')}
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
            title={t('details.activityConflict')}
            action={<Button onClick={reloadNewer}>{t('edit.reload')}</Button>}
            style={{ marginBottom: 12 }}
          />
        )
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={valuesOf(activity)} onFinish={save.submit}>
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
          name="subject"
          label={t('logTouch.subject')}
          rules={[{ required: true, whitespace: true, message: t('logTouch.subjectRequired') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t('logTouch.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Form.Item name="nextFollowUpOn" label={t('logTouch.followUp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
