import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ORDER_STATUSES } from '../../../shared/orders/order.schema';
import { formatDate, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { RowLink } from '../../ui/row-link';
import { CustomerCell } from '../customers/customer-link';
import { ExportButtons } from '../exports/export-buttons';
import { listOrders, type OrderRow } from '../lists-api';
import { OrderStatusTag } from './order-status';

/** Orders the user may see, newest first, with the customer of each; a row opens the order. */
export default function OrderListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  return (
    <KeysetListPage<OrderRow>
      title={t('nav.orders')}
      queryKey="orders"
      toolbar={
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <ExportButtons list="orders" lines />
        </Flex>
      }
      fetch={listOrders}
      search={t('lists.orderSearch')}
      empty={t('lists.empty')}
      onOpen={(o) => navigate(`/orders/${o.id}`)}
      filters={[
        {
          key: 'status',
          label: t('customers.status'),
          options: ORDER_STATUSES.map((s) => ({ value: s, label: t(`orderStatus.${s}`) })),
        },
      ]}
      columns={[
        {
          title: t('lists.orderNo'),
          dataIndex: 'orderNo',
          width: 160,
          render: (v: string, o) => <RowLink to={`/orders/${o.id}`}>{v}</RowLink>,
        },
        {
          title: t('lists.customer'),
          dataIndex: 'customerName',
          render: (v: string, o) => <CustomerCell id={o.customerId} name={v} code={o.customerCode} />,
        },
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
          render: (s: OrderRow['status']) => <OrderStatusTag status={s} />,
        },
        {
          title: t('lists.amount'),
          dataIndex: 'totalAmount',
          align: 'right',
          render: (v: string, o) => formatMoney(v, locale, o.currency),
        },
        { title: t('lists.notes'), dataIndex: 'notes' },
      ]}
    />
  );
}
