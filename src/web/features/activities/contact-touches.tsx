import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, queryString } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { Page } from '../../lib/wire';
import type { ActivityRow } from '../lists-api';
import { ActivityIcon } from './activity-icon';

const PAGE = 10;

/** The first two lines of a note, clipped by CSS (no measuring in script, which a phone shows as it works). */
const TWO_LINES = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  overflowWrap: 'anywhere',
} as const;

/** The touches one contact took part in, newest first, each opening its own page. */
export function ContactTouchesCard({ customerId, contactId }: { customerId: number; contactId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const pages = useInfiniteQuery({
    queryKey: ['activities', 'of-contact', contactId],
    queryFn: ({ pageParam, signal }) =>
      api<Page<ActivityRow>>(
        `/customers/${customerId}/activities${queryString({ contactId, cursor: pageParam, limit: PAGE })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const touches = pages.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('details.touches')} size="small" loading={pages.isPending}>
      {pages.isError && <Typography.Text type="danger">{pages.error.message}</Typography.Text>}
      {touches.length === 0 && !pages.isError ? (
        <Empty description={t('details.noTouches')} />
      ) : (
        <Timeline
          items={touches.map((a) => ({
            key: a.id,
            icon: <ActivityIcon type={a.type} />,
            content: (
              <div data-testid="contact-touch">
                <Space wrap>
                  <Typography.Text strong>{t(`activityType.${a.type}`)}</Typography.Text>
                  <Link to={`/activities/${a.id}`}>{a.subject}</Link>
                </Space>
                <div>
                  <Typography.Text type="secondary">
                    {formatDateTime(a.occurredAt, locale)}
                    {a.nextFollowUpOn &&
                      ` · ${t('logTouch.followUp')} ${formatDate(a.nextFollowUpOn, locale)}`}
                  </Typography.Text>
                </div>
                {a.body && <div style={TWO_LINES}>{a.body}</div>}
              </div>
            ),
          }))}
        />
      )}
      {pages.hasNextPage && (
        <Flex justify="center">
          <Button loading={pages.isFetchingNextPage} onClick={() => pages.fetchNextPage()}>
            {t('view360.more')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
