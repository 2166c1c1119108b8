import { Alert, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The dialog every form of the app opens in: Save submits the form, a failure that belongs to no field
 * shows above it (the form keeps what was typed), and it fits a phone screen.
 */
export function FormModal(props: {
  title: string;
  form: FormInstance;
  saving: boolean;
  failure?: string | null;
  /** Shown above the failure, e.g. a version conflict with its way out. */
  notice?: ReactNode;
  width?: number;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={props.title}
      okText={t('logTouch.save')}
      cancelText={t('logTouch.cancel')}
      onOk={() => props.form.submit()}
      onCancel={props.onClose}
      confirmLoading={props.saving}
      destroyOnHidden
      width={props.width ?? 520}
      style={{ maxWidth: 'calc(100vw - 16px)', top: 24 }}
    >
      {props.notice}
      {props.failure && (
        <Alert type="error" showIcon title={props.failure} style={{ marginBottom: 12 }} role="alert" />
      )}
      {props.children}
    </Modal>
  );
}
