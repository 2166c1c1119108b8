import { EditOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, Segmented, Space, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../lib/api';
import { formatDateTime, formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { Page } from '../../lib/wire';
import { ActivityIcon } from '../activities/activity-icon';
import { usePeople } from '../people';
import type { Customer360 } from './customer-api';
import { CustomFieldsEditForm, TeamEditForm, useCustomFieldDefs } from './customer-in-place';

type Entry = Customer360['timeline'][number];

/** The account team: who serves this customer, in which role; edited in place. */
export function TeamCard({ profile }: { profile: Customer360['profile'] }) {
  const { t } = useTranslation();
  const { nameOf } = usePeople();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      title={t('view360.team')}
      size="small"
      extra={<EditButton label={t('inPlace.editTeam')} onClick={() => setEditing(true)} />}
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('customers.owner')}>{nameOf(profile.ownerId)}</Descriptions.Item>
        {profile.team.map((m) => (
          <Descriptions.Item key={m.userId} label={m.role}>
            {nameOf(m.userId)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {editing && <TeamEditForm profile={profile} onClose={() => setEditing(false)} />}
    </Card>
  );
}

/** The admin-defined fields, labelled in the user's language; nothing when none are defined. */
export function CustomFieldsCard({ profile }: { profile: Customer360['profile'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [editing, setEditing] = useState(false);
  const items = useCustomFieldDefs();
  if (items.length === 0) return null;
  const values = profile.customFields;
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? '—'
      : typeof v === 'boolean'
        ? t(v ? 'common.yes' : 'common.no')
        : String(v);
  return (
    <Card
      title={t('view360.customFields')}
      size="small"
      extra={<EditButton label={t('inPlace.editCustomFields')} onClick={() => setEditing(true)} />}
    >
      <Descriptions size="small" column={1}>
        {items.map((d) => (
          <Descriptions.Item key={d.key} label={locale === 'en' ? d.labelEn : d.labelZh}>
            {show(values[d.key])}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {editing && <CustomFieldsEditForm profile={profile} defs={items} onClose={() => setEditing(false)} />}
    </Card>
  );
}

function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button
      size="small"
      type="text"
      icon={<EditOutlined />}
      aria-label={label}
      title={label}
      onClick={onClick}
    />
  );
}

type Kind = 'all' | 'activity' | 'order';

/**
 * Every touch and order, newest first. The 360 view brings the latest 20; a filter or "more" pages
 * through the timeline endpoint.
 */
export function TimelineCard({ customerId, latest }: { customerId: number; latest: Entry[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [kind, setKind] = useState<Kind>('all');
  const [paging, setPaging] = useState(false);
  const pages = useInfiniteQuery({
    queryKey: ['customers', customerId, 'timeline', kind],
    queryFn: ({ pageParam, signal }) =>
      api<Page<Entry>>(
        `/customers/${customerId}/timeline${queryString({ kind: kind === 'all' ? undefined : kind, cursor: pageParam, limit: 20 })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: paging || kind !== 'all',
  });
  // "More" from the 360 view's latest 20: the endpoint's first page is those same 20, so go on to the next.
  const loaded = pages.data?.pages.length ?? 0;
  useEffect(() => {
    if (paging && kind === 'all' && loaded === 1 && pages.hasNextPage && !pages.isFetchingNextPage)
      void pages.fetchNextPage();
  }, [paging, kind, loaded, pages]);
  const entries = paging || kind !== 'all' ? (pages.data?.pages.flatMap((p) => p.items) ?? []) : latest;
  const more = paging || kind !== 'all' ? pages.hasNextPage : latest.length >= 20;
  return (
    <Card
      title={t('view360.timeline')}
      size="small"
      extra={
        <Segmented<Kind>
          size="small"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: t('view360.all') },
            { value: 'activity', label: t('view360.touches') },
            { value: 'order', label: t('view360.order') },
          ]}
        />
      }
    >
      {entries.length === 0 && !pages.isFetching ? (
        <Empty description={t('view360.noTimeline')} />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: `${e.kind}-${e.id}`,
            icon: e.kind === 'order' ? <ShoppingCartOutlined /> : <ActivityIcon type={e.subtype} />,
            content: (
              <div data-testid="timeline-entry">
                <Space wrap>
                  <Typography.Text strong>
                    {e.kind === 'order' ? t('view360.order') : t(`activityType.${e.subtype}`, e.subtype)}
                  </Typography.Text>
                  <Link to={`/${e.kind === 'order' ? 'orders' : 'activities'}/${e.id}`}>{e.title}</Link>
                  {e.amount && (
                    <Typography.Text type="secondary">
                      {formatMoney(e.amount, locale, e.currency ?? undefined)}
                    </Typography.Text>
                  )}
                  {e.kind === 'order' && <Tag>{t(`orderStatus.${e.subtype}`, e.subtype)}</Tag>}
                </Space>
                <div>
                  <Typography.Text type="secondary">{formatDateTime(e.at, locale)}</Typography.Text>
                </div>
                {e.detail && <Typography.Paragraph ellipsis={{ rows: 2 }}>{e.detail}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
      {more && (
        <Flex justify="center">
          <Button
            loading={pages.isFetchingNextPage}
            onClick={() => (paging || kind !== 'all' ? pages.fetchNextPage() : setPaging(true))}
          >
            {t('view360.more')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
