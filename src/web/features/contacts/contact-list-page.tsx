import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DECISION_ROLES } from '../../../shared/contacts/contact.schema';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { RowLink } from '../../ui/row-link';
import { CustomerCell } from '../customers/customer-link';
import { ExportButtons } from '../exports/export-buttons';
import { type ContactRow, listContacts } from '../lists-api';

/** Every contact the user may see, with the customer each belongs to; a row opens the contact. */
export default function ContactListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <KeysetListPage<ContactRow>
      title={t('nav.contacts')}
      queryKey="contacts"
      toolbar={
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <ExportButtons list="contacts" />
        </Flex>
      }
      fetch={listContacts}
      search={t('lists.contactSearch')}
      empty={t('lists.empty')}
      onOpen={(c) => navigate(`/contacts/${c.id}`)}
      filters={[
        {
          key: 'decisionRole',
          label: t('lists.decisionRole'),
          options: DECISION_ROLES.map((r) => ({ value: r, label: t(`decisionRole.${r}`) })),
        },
      ]}
      columns={[
        {
          title: t('admin.name'),
          dataIndex: 'name',
          render: (name: string, c) => (
            <span>
              <RowLink to={`/contacts/${c.id}`}>{name}</RowLink>{' '}
              {c.isPrimary && <Tag color="blue">{t('view360.primary')}</Tag>}
            </span>
          ),
        },
        {
          title: t('lists.customer'),
          dataIndex: 'customerName',
          render: (v: string, c) => <CustomerCell id={c.customerId} name={v} />,
        },
        { title: t('lists.jobTitle'), dataIndex: 'title' },
        { title: t('lists.phone'), dataIndex: 'phones', render: (phones: string[]) => phones.join(', ') },
        { title: t('admin.email'), dataIndex: 'email' },
        {
          title: t('lists.decisionRole'),
          dataIndex: 'decisionRole',
          render: (r: ContactRow['decisionRole']) => (r ? t(`decisionRole.${r}`) : '—'),
        },
      ]}
    />
  );
}
