import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORDER_STATUSES } from '../../../shared/orders/order.schema';
import { formatDate, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { listOrders, type OrderRow } from '../lists-api';

const STATUS_COLORS: Record<OrderRow['status'], string> = {
  draft: 'default',
  confirmed: 'blue',
  shipped: 'cyan',
  completed: 'green',
  cancelled: 'red',
};

/** Orders the user may see, newest first; a row opens its customer. */
export default function OrderListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  return (
    <KeysetListPage<OrderRow>
      title={t('nav.orders')}
      queryKey="orders"
      fetch={listOrders}
      search={t('lists.orderSearch')}
      empty={t('lists.empty')}
      onOpen={(o) => navigate(`/customers/${o.customerId}`)}
      filters={[
        {
          key: 'status',
          label: t('customers.status'),
          options: ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) })),
        },
      ]}
      columns={[
        { title: t('lists.orderNo'), dataIndex: 'orderNo', width: 160 },
        {
          title: t('lists.orderedAt'),
          dataIndex: 'orderedAt',
          width: 140,
          render: (v: string) => formatDate(v, locale),
        },
        {
          title: t('customers.status'),
          dataIndex: 'status',
          width: 100,
          render: (s: OrderRow['status']) => <Tag color={STATUS_COLORS[s]}>{t(`orderStatus.${s}`)}</Tag>,
        },
        {
          title: t('lists.amount'),
          dataIndex: 'totalAmount',
          align: 'right',
          render: (v: string) => formatMoney(v, locale),
        },
        { title: t('lists.notes'), dataIndex: 'notes' },
      ]}
    />
  );
}
