import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { DETAIL_COLUMNS, DetailHeader, DetailQuery, Multiline } from '../../ui/detail-page';
import { ContactTouchesCard } from '../activities/contact-touches';
import { useMe } from '../auth/session';
import { CustomerLink } from '../customers/customer-link';
import { usePeople } from '../people';
import { type Contact, contactKey, getContact } from './contact-api';
import { ContactForm } from './contact-form';

/** One contact: who they are, how to reach them, where they stand, and the touches they took part in. */
export default function ContactDetailPage() {
  const { id = '' } = useParams();
  const contact = useQuery({
    queryKey: contactKey(id),
    queryFn: ({ signal }) => getContact(id, signal),
  });
  return (
    <DetailQuery query={contact}>
      {(c) => (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Header contact={c} />
          <ContactTouchesCard customerId={c.customerId} contactId={c.id} />
        </Space>
      )}
    </DetailQuery>
  );
}

function Header({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const me = useMe();
  const { nameOf } = usePeople();
  const [editing, setEditing] = useState(false);
  // Service staff and analysts read contacts; changing them is for whoever may change the customer.
  const mayChange = me.data?.role !== 'service' && me.data?.role !== 'analyst';

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['contacts'] }),
      client.invalidateQueries({ queryKey: ['customers', '360', String(c.customerId)] }),
    ]);
  const restore = useMutation({
    mutationFn: () => api<Contact>(`/contacts/${c.id}/restore`, { method: 'POST' }),
    onSuccess: async () => {
      await refresh();
      message.success(t('details.restored'));
    },
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({
    mutationFn: () => api(`/contacts/${c.id}?version=${c.version}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await refresh();
      const key = `deleted-${c.id}`;
      message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <Space>
            {t('details.contactDeleted')}
            <Button
              size="small"
              type="link"
              onClick={() => {
                message.destroy(key);
                restore.mutate();
              }}
            >
              {t('details.undo')}
            </Button>
          </Space>
        ),
      });
    },
    onError: async (err) => {
      message.error(err.message);
      await refresh();
    },
  });

  const deleted = c.deletedAt !== null;
  return (
    <DetailHeader
      title={c.name}
      tags={
        <>
          {c.isPrimary && <Tag color="blue">{t('view360.primary')}</Tag>}
          {c.decisionRole && <Tag>{t(`decisionRole.${c.decisionRole}`)}</Tag>}
          {c.attitude && <Tag>{t(`attitude.${c.attitude}`)}</Tag>}
          {deleted && <Tag color="red">{t('details.deleted')}</Tag>}
        </>
      }
      subtitle={
        <Space wrap size={4} separator={<Typography.Text type="secondary">·</Typography.Text>}>
          <CustomerLink id={c.customerId} icon />
          {(c.title || c.department) && (
            <Typography.Text type="secondary">
              {[c.department, c.title].filter(Boolean).join(' · ')}
            </Typography.Text>
          )}
        </Space>
      }
      actions={
        mayChange &&
        (deleted ? (
          <Button icon={<UndoOutlined />} loading={restore.isPending} onClick={() => restore.mutate()}>
            {t('details.restore')}
          </Button>
        ) : (
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('edit.button')}
            </Button>
            <Popconfirm
              title={t('details.deleteContactConfirm')}
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
        ))
      }
    >
      {deleted && (
        <Alert type="warning" showIcon title={t('details.contactIsDeleted')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={DETAIL_COLUMNS}>
        <Descriptions.Item label={t('lists.jobTitle')}>{c.title ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('contactForm.department')}>{c.department ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('lists.phone')}>
          {c.phones.length ? (
            <Space wrap size={8}>
              {c.phones.map((p) => (
                <a key={p} href={`tel:${p}`}>
                  {p}
                </a>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('admin.email')}>
          {c.email ? (
            <a href={`mailto:${c.email}`} style={{ overflowWrap: 'anywhere' }}>
              {c.email}
            </a>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('activityType.wechat')}>{c.wechat ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('lists.decisionRole')}>
          {c.decisionRole ? t(`decisionRole.${c.decisionRole}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('contactForm.attitude')}>
          {c.attitude ? t(`attitude.${c.attitude}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('contactForm.birthday')}>
          {formatDate(c.birthday, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('view360.primary')}>
          {t(c.isPrimary ? 'common.yes' : 'common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={t('details.createdBy')}>{nameOf(c.createdBy)}</Descriptions.Item>
        <Descriptions.Item label={t('details.updatedAt')}>
          {formatDateTime(c.updatedAt, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('lists.notes')} span="filled">
          <Multiline text={c.notes} />
        </Descriptions.Item>
      </Descriptions>
      {editing && <ContactForm customerId={c.customerId} contact={c} onClose={() => setEditing(false)} />}
    </DetailHeader>
  );
}
