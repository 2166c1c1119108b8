import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatCents, sumMoney, toCents } from '../../../shared/orders/money';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { DETAIL_COLUMNS, DetailHeader, DetailQuery, Multiline } from '../../ui/detail-page';
import { useMe } from '../auth/session';
import { CustomerLink } from '../customers/customer-link';
import { usePeople } from '../people';
import { getOrder, type Order, orderKey } from './order-api';
import { OrderEditForm } from './order-edit';
import { OrderStatusTag } from './order-status';

type Line = Order['lines'][number];

/** "2.500" → "2.5", "3.000" → "3": a quantity as people write it (exact; no float involved). */
const showQuantity = (q: string) => (q.includes('.') ? q.replace(/\.?0+$/, '') : q);

/** Gross margin of exact money strings: the amount in cents and a percentage to one decimal. */
function margin(total: string, cost: string) {
  const totalCents = toCents(total);
  const marginCents = totalCents - toCents(cost);
  const permille = totalCents === 0n ? null : (marginCents * 1000n) / totalCents;
  return { amount: formatCents(marginCents), percent: permille === null ? null : Number(permille) / 10 };
}

/** One order: its head, its lines and totals summed exactly from the lines. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useQuery({ queryKey: orderKey(id), queryFn: ({ signal }) => getOrder(id, signal) });
  return (
    <DetailQuery query={order}>
      {(o) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Header order={o} />
          <LinesCard order={o} />
        </Space>
      )}
    </DetailQuery>
  );
}

function Header({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const { nameOf } = usePeople();
  const [editing, setEditing] = useState(false);
  const deleted = o.deletedAt !== null;
  // Service staff and analysts read orders; whoever may change the customer changes its orders.
  const mayChange = !deleted && me.data?.role !== 'service' && me.data?.role !== 'analyst';
  const money = (v: string | null) => formatMoney(v, locale, o.currency);
  const m = o.totalCost === null ? null : margin(o.totalAmount, o.totalCost);
  return (
    <DetailHeader
      title={o.orderNo}
      tags={
        <>
          <OrderStatusTag status={o.status} />
          {deleted && <Tag color="red">{t('details.deleted')}</Tag>}
        </>
      }
      subtitle={
        <Space wrap size={4} separator={<Typography.Text type="secondary">·</Typography.Text>}>
          <CustomerLink id={o.customerId} icon />
          <Typography.Text type="secondary">{formatDate(o.orderedAt, locale)}</Typography.Text>
        </Space>
      }
      actions={
        mayChange && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('details.changeStatus')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={DETAIL_COLUMNS}>
        <Descriptions.Item label={t('lists.orderNo')}>{o.orderNo}</Descriptions.Item>
        <Descriptions.Item label={t('lists.customer')}>
          <CustomerLink id={o.customerId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('lists.orderedAt')}>{formatDate(o.orderedAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('customers.status')}>
          <OrderStatusTag status={o.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('details.currency')}>{o.currency}</Descriptions.Item>
        <Descriptions.Item label={t('details.source')}>{t(`details.sources.${o.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('details.totalAmount')}>
          <Typography.Text strong>{money(o.totalAmount)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('details.totalCost')}>{money(o.totalCost)}</Descriptions.Item>
        <Descriptions.Item label={t('details.margin')}>
          {m ? `${money(m.amount)}${m.percent === null ? '' : ` (${m.percent}%)`}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('details.createdBy')}>{nameOf(o.createdBy)}</Descriptions.Item>
        <Descriptions.Item label={t('details.updatedAt')}>
          {formatDateTime(o.updatedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('lists.notes')} span="filled">
          <Multiline text={o.notes} />
        </Descriptions.Item>
      </Descriptions>
      {editing && <OrderEditForm order={o} onClose={() => setEditing(false)} />}
    </DetailHeader>
  );
}

function LinesCard({ order: o }: { order: Order }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const money = (v: string | null) => formatMoney(v, locale, o.currency);
  const wide = Grid.useBreakpoint().sm ?? true;
  // Costs are shown when the lines have them; a total cost only when every line has one.
  const withCost = o.lines.some((l) => l.cost !== null);
  const amount = sumMoney(o.lines.map((l) => l.amount));
  const costs = o.lines.map((l) => l.cost);
  const cost = costs.every((c) => c !== null) ? sumMoney(costs as string[]) : null;

  // Each line comes with its product's code, name and unit: no request per product.
  const productCell = (l: Line, narrow: boolean) => (
    <div style={{ minWidth: narrow ? 0 : 140 }}>
      {l.productId !== null && (
        <Link to={`/products/${l.productId}`} data-testid="line-product">
          {l.productCode === null ? `#${l.productId}` : `${l.productCode} ${l.productName}`}
        </Link>
      )}
      {l.description && (
        <div>
          <Typography.Text type={l.productId === null ? undefined : 'secondary'}>
            {l.description}
          </Typography.Text>
        </div>
      )}
      {narrow && (
        <div>
          <Typography.Text type="secondary">
            {quantityOf(l)} × {money(l.unitPrice)}
          </Typography.Text>
        </div>
      )}
    </div>
  );
  const quantityOf = (l: Line) => `${showQuantity(l.quantity)}${l.productUnit ? ` ${l.productUnit}` : ''}`;
  const amountColumn = {
    title: t('lists.amount'),
    dataIndex: 'amount',
    align: 'right' as const,
    render: (v: string) => <span data-testid="line-amount">{money(v)}</span>,
  };
  // On a phone: the product with "quantity × unit price" under it, and the amount; no sideways scrolling.
  const columns: ColumnsType<Line> = wide
    ? [
        { title: '#', dataIndex: 'lineNo', width: 48 },
        { title: t('details.product'), key: 'product', render: (_: unknown, l) => productCell(l, false) },
        {
          title: t('details.quantity'),
          key: 'quantity',
          align: 'right',
          render: (_: unknown, l) => quantityOf(l),
        },
        { title: t('details.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: money },
        amountColumn,
        ...(withCost
          ? ([
              { title: t('details.unitCost'), dataIndex: 'unitCost', align: 'right', render: money },
              { title: t('details.cost'), dataIndex: 'cost', align: 'right', render: money },
            ] as ColumnsType<Line>)
          : []),
      ]
    : [
        { title: t('details.product'), key: 'product', render: (_: unknown, l) => productCell(l, true) },
        amountColumn,
      ];
  const amountAt = columns.indexOf(amountColumn);

  return (
    <Card title={t('details.lines')} size="small">
      {amount !== o.totalAmount && (
        <Alert type="warning" showIcon title={t('details.totalMismatch')} style={{ marginBottom: 12 }} />
      )}
      <Table<Line>
        rowKey="lineNo"
        size="small"
        dataSource={o.lines}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={amountAt}>
              <Typography.Text strong>{t('details.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={amountAt} align="right">
              <Typography.Text strong data-testid="order-total">
                {money(amount)}
              </Typography.Text>
            </Table.Summary.Cell>
            {wide && withCost && (
              <>
                <Table.Summary.Cell index={amountAt + 1} />
                <Table.Summary.Cell index={amountAt + 2} align="right">
                  <Typography.Text strong>{money(cost)}</Typography.Text>
                </Table.Summary.Cell>
              </>
            )}
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
