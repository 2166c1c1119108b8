import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../shared/orders/order.schema';

const STATUS_COLORS: Record<OrderStatus, string> = {
  draft: 'default',
  confirmed: 'blue',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'red',
};

/** An order's status as a coloured tag, the same in the list and on the order's page. */
export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`orderStatus.${status}`)}</Tag>;
}
