import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ACTIVITY_TYPES } from '../../../shared/activities/activity.schema';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { KeysetListPage } from '../../ui/keyset-list-page';
import { RowLink } from '../../ui/row-link';
import { CustomerCell } from '../customers/customer-link';
import { ExportButtons } from '../exports/export-buttons';
import { type ActivityRow, listActivities } from '../lists-api';
import { ActivityIcon } from './activity-icon';

/** Every touch the user may see, newest first; "mine" shows the user's own; a row opens the touch. */
export default function ActivityListPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  return (
    <KeysetListPage<ActivityRow>
      title={t('nav.activities')}
      queryKey="activities"
      toolbar={
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <ExportButtons list="activities" />
        </Flex>
      }
      fetch={listActivities}
      empty={t('lists.empty')}
      onOpen={(a) => navigate(`/activities/${a.id}`)}
      filters={[
        {
          key: 'type',
          label: t('logTouch.type'),
          options: ACTIVITY_TYPES.map((type) => ({ value: type, label: t(`activityType.${type}`) })),
        },
        { key: 'authorId', label: t('lists.author'), options: [{ value: 'me', label: t('lists.mine') }] },
      ]}
      columns={[
        {
          title: t('lists.when'),
          dataIndex: 'occurredAt',
          width: 170,
          render: (v: string) => formatDateTime(v, locale),
        },
        {
          title: t('logTouch.type'),
          dataIndex: 'type',
          width: 100,
          render: (type: string) => (
            <span>
              <ActivityIcon type={type} /> {t(`activityType.${type}`)}
            </span>
          ),
        },
        {
          title: t('logTouch.subject'),
          dataIndex: 'subject',
          render: (v: string, a) => <RowLink to={`/activities/${a.id}`}>{v}</RowLink>,
        },
        {
          title: t('lists.customer'),
          dataIndex: 'customerName',
          render: (v: string, a) => <CustomerCell id={a.customerId} name={v} />,
        },
        {
          title: t('logTouch.followUp'),
          dataIndex: 'nextFollowUpOn',
          width: 140,
          render: (v: string | null) => formatDate(v, locale),
        },
      ]}
    />
  );
}
