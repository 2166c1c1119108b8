import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import { useFieldLabel } from './field-label';
import { getCustomerQuality } from './quality-api';

/** A customer's data quality on its 360 page: completeness, what is missing, staleness, duplicate suspicion. */
export function QualityCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = useFieldLabel();
  // Under the customer's key: saving the customer or adding a contact or a touch refreshes it.
  const score = useQuery({
    queryKey: ['customers', customerId, 'quality'],
    queryFn: ({ signal }) => getCustomerQuality(customerId, signal),
  });
  const q = score.data;
  return (
    <Card title={t('quality.cardTitle')} size="small" extra={<Link to="/quality">{t('quality.menu')}</Link>}>
      {!q ? (
        score.isError ? (
          <Typography.Text type="danger">{score.error.message}</Typography.Text>
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="quality-card">
          <Progress
            percent={Math.round(q.completeness * 100)}
            aria-label={t('quality.completeness')}
            status={q.completeness === 1 ? 'success' : 'normal'}
          />
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('quality.missing')}>
              {q.missing.length ? q.missing.map(label).join('、') : t('quality.nothingMissing')}
            </Descriptions.Item>
            <Descriptions.Item label={t('quality.lastTouch')}>
              {q.lastTouchDay ? formatDate(q.lastTouchDay, locale) : t('view360.never')}
              {q.stale && (
                <Tag color="orange" style={{ marginInlineStart: 8 }}>
                  {t('quality.staleFor', { days: q.daysSinceTouch })}
                </Tag>
              )}
            </Descriptions.Item>
            {q.duplicate && (
              <Descriptions.Item label={t('quality.problem.duplicate')}>
                {q.duplicateReasons.map((r) => (
                  <Tag key={r} color="red">
                    {t(`quality.reason.${r}`)}
                  </Tag>
                ))}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Space>
      )}
    </Card>
  );
}
