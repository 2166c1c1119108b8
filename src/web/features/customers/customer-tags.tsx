import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CUSTOMER_STATUSES } from '../../../shared/customers/customer.schema';

const STATUS_COLORS: Record<(typeof CUSTOMER_STATUSES)[number], string> = {
  prospect: 'blue',
  active: 'green',
  dormant: 'orange',
  lost: 'default',
};

export function StatusTag({ status }: { status: (typeof CUSTOMER_STATUSES)[number] }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`customerStatus.${status}`)}</Tag>;
}
