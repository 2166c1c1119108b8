import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canWriteProducts } from '../../../shared/auth/policy';
import { formatDateTime, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { DETAIL_COLUMNS, DetailHeader, DetailQuery } from '../../ui/detail-page';
import { useMe } from '../auth/session';
import { getProduct, type Product, productKey } from './product-api';
import { ProductEditForm } from './product-edit';

/** One product of the price list; admins and managers may change it. */
export default function ProductDetailPage() {
  const { id = '' } = useParams();
  const product = useQuery({ queryKey: productKey(id), queryFn: ({ signal }) => getProduct(id, signal) });
  return <DetailQuery query={product}>{(p) => <View product={p} />}</DetailQuery>;
}

function View({ product: p }: { product: Product }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const mayChange = me.data ? canWriteProducts({ ...me.data, userId: me.data.id }) : false;
  return (
    <DetailHeader
      title={p.name}
      tags={
        <>
          <Typography.Text type="secondary">{p.code}</Typography.Text>
          {p.active ? <Tag color="green">{t('details.active')}</Tag> : <Tag>{t('details.inactive')}</Tag>}
        </>
      }
      subtitle={p.category && <Typography.Text type="secondary">{p.category}</Typography.Text>}
      actions={
        mayChange && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('edit.button')}
          </Button>
        )
      }
    >
      <Descriptions size="small" column={DETAIL_COLUMNS}>
        <Descriptions.Item label={t('customers.code')}>{p.code}</Descriptions.Item>
        <Descriptions.Item label={t('customers.name')}>{p.name}</Descriptions.Item>
        <Descriptions.Item label={t('lists.category')}>{p.category ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('lists.unit')}>{p.unit}</Descriptions.Item>
        <Descriptions.Item label={t('lists.listPrice')}>{formatMoney(p.listPrice, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('lists.standardCost')}>
          {formatMoney(p.standardCost, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.active')}>
          {t(p.active ? 'common.yes' : 'common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('details.updatedAt')}>
          {formatDateTime(p.updatedAt, locale)}
        </Descriptions.Item>
      </Descriptions>
      {editing && <ProductEditForm product={p} onClose={() => setEditing(false)} />}
    </DetailHeader>
  );
}
