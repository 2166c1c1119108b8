import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { RowLink } from '../../ui/row-link';
import { ExportButtons } from '../exports/export-buttons';
import { listProducts, type ProductRow } from '../lists-api';

/** The product catalogue, with list prices and standard costs; a row opens the product. */
export default function ProductListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  return (
    <KeysetListPage<ProductRow>
      title={t('nav.products')}
      queryKey="products"
      toolbar={
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <ExportButtons list="products" />
        </Flex>
      }
      fetch={listProducts}
      search={t('lists.productSearch')}
      empty={t('lists.empty')}
      onOpen={(p) => navigate(`/products/${p.id}`)}
      filters={[
        {
          key: 'active',
          label: t('admin.active'),
          options: [
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ],
        },
      ]}
      columns={[
        { title: t('customers.code'), dataIndex: 'code', width: 140 },
        {
          title: t('customers.name'),
          dataIndex: 'name',
          render: (v: string, p) => <RowLink to={`/products/${p.id}`}>{v}</RowLink>,
        },
        { title: t('lists.category'), dataIndex: 'category' },
        { title: t('lists.unit'), dataIndex: 'unit', width: 80 },
        {
          title: t('lists.listPrice'),
          dataIndex: 'listPrice',
          align: 'right',
          render: (v: string | null) => formatMoney(v, locale),
        },
        {
          title: t('lists.standardCost'),
          dataIndex: 'standardCost',
          align: 'right',
          render: (v: string | null) => formatMoney(v, locale),
        },
        {
          title: t('admin.active'),
          dataIndex: 'active',
          width: 80,
          render: (v: boolean) =>
            v ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
        },
      ]}
    />
  );
}
