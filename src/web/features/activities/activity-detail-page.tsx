import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { DETAIL_COLUMNS, DetailHeader, DetailQuery, Multiline } from '../../ui/detail-page';
import { useMe } from '../auth/session';
import { contactKey, getContact } from '../contacts/contact-api';
import { CustomerLink } from '../customers/customer-link';
import { usePeople } from '../people';
import type { Activity } from './activity-api';
import { ActivityEditForm } from './activity-edit';
import { ActivityIcon } from './activity-icon';

/** One touch: what kind, when, with whom, what was said and what comes next. */
export default function ActivityDetailPage() {
  const { id = '' } = useParams();
  const activity = useQuery({
    queryKey: ['activities', 'one', id],
    queryFn: ({ signal }) => api<Activity>(`/activities/${encodeURIComponent(id)}`, { signal }),
  });
  return <DetailQuery query={activity}>{(a) => <View activity={a} />}</DetailQuery>;
}

function View({ activity: a }: { activity: Activity }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const { nameOf } = usePeople();
  const [editing, setEditing] = useState(false);
  // The author changes their touch; so do admins and the branch's manager (the API checks the branch).
  const mayChange =
    me.data !== undefined &&
    me.data !== null &&
    (me.data.id === a.authorId || me.data.role === 'admin' || me.data.role === 'manager');

  const remove = useMutation({
    mutationFn: () => api(`/activities/${a.id}?version=${a.version}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['activities'] }),
        client.invalidateQueries({ queryKey: ['customers', '360', String(a.customerId)] }),
      ]);
      message.success(t('details.activityDeleted'));
      // Back where the user came from; opened by its address, to its customer.
      if (location.key !== 'default') navigate(-1);
      else navigate(`/customers/${a.customerId}`, { replace: true });
    },
    onError: (err) => message.error(err.message),
  });

  return (
    <DetailHeader
      title={
        <span>
          <ActivityIcon type={a.type} /> {a.subject}
        </span>
      }
      tags={
        <>
          <Tag>{t(`activityType.${a.type}`)}</Tag>
          {a.direction && <Tag>{t(`details.direction.${a.direction}`)}</Tag>}
        </>
      }
      subtitle={
        <Space wrap size={4} separator={<Typography.Text type="secondary">·</Typography.Text>}>
          <CustomerLink id={a.customerId} icon />
          <Typography.Text type="secondary">{formatDateTime(a.occurredAt, locale)}</Typography.Text>
        </Space>
      }
      actions={
        mayChange && (
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('edit.button')}
            </Button>
            <Popconfirm
              title={t('details.deleteActivityConfirm')}
              okText={t('details.delete')}
              cancelText={t('logTouch.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync().catch(() => {})}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('details.delete')}
              </Button>
            </Popconfirm>
          </>
        )
      }
    >
      <Descriptions size="small" column={DETAIL_COLUMNS}>
        <Descriptions.Item label={t('logTouch.type')}>
          <span>
            <ActivityIcon type={a.type} /> {t(`activityType.${a.type}`)}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('lists.when')}>{formatDateTime(a.occurredAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('lists.customer')}>
          <CustomerLink id={a.customerId} />
        </Descriptions.Item>
        <Descriptions.Item label={t('logTouch.contacts')}>
          <ContactLinks ids={a.contactIds} />
        </Descriptions.Item>
        <Descriptions.Item label={t('logTouch.followUp')}>
          {formatDate(a.nextFollowUpOn, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('lists.author')}>{nameOf(a.authorId)}</Descriptions.Item>
        {a.durationMinutes !== null && (
          <Descriptions.Item label={t('details.duration')}>
            {t('details.minutes', { count: a.durationMinutes })}
          </Descriptions.Item>
        )}
        {a.outcome && <Descriptions.Item label={t('details.outcome')}>{a.outcome}</Descriptions.Item>}
        <Descriptions.Item label={t('details.updatedAt')}>
          {formatDateTime(a.updatedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('logTouch.subject')} span="filled">
          <Multiline text={a.subject} />
        </Descriptions.Item>
        <Descriptions.Item label={t('logTouch.notes')} span="filled">
          <Multiline text={a.body} />
        </Descriptions.Item>
      </Descriptions>
      {editing && <ActivityEditForm activity={a} onClose={() => setEditing(false)} />}
    </DetailHeader>
  );
}

/** The contacts who took part, each linking to their page (also a deleted one, which the API still shows). */
function ContactLinks({ ids }: { ids: number[] }) {
  const contacts = useQueries({
    queries: ids.map((id) => ({
      queryKey: contactKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getContact(id, signal),
      staleTime: 60_000,
    })),
  });
  if (ids.length === 0) return <>—</>;
  return (
    <Space wrap size={8}>
      {ids.map((id, i) => (
        <Link key={id} to={`/contacts/${id}`}>
          {contacts[i]?.data?.name ?? `#${id}`}
        </Link>
      ))}
    </Space>
  );
}
