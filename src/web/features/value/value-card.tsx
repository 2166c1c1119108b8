import { Alert, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '../../lib/format';
import { currentLocale } from '../../lib/i18n';
import type { CustomerValue } from './value-api';
import { useCustomerValue } from './value-hooks';
import { useMatrices } from './value-matrix-grid';
import { ABC_TAG_COLORS, TIER_COLORS } from './value-tier-colors';

// ECharts loads with the history chart, not with the 360 page.
const ValueHistoryChart = lazy(() => import('./value-history-chart'));

/** The customer's value on the 360 page: the latest verdict, each part explained, and its history. */
export function ValueCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const value = useCustomerValue(customerId);
  return (
    <Card
      title={t('value.card.title')}
      size="small"
      data-testid="value-card"
      extra={<Link to="/value">{t('value.card.dashboard')}</Link>}
    >
      {value.isError && <Alert type="error" showIcon title={value.error.message} />}
      {value.isPending ? <Skeleton active /> : value.data && <Verdict value={value.data} />}
    </Card>
  );
}

function Verdict({ value }: { value: CustomerValue }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const en = locale === 'en';
  const matrices = useMatrices();
  const v = value.latest;
  if (!v) return <Empty description={t('value.card.notJudged')} />;
  const segment = v.segment ? ((en ? v.segmentNameEn : v.segmentNameZh) ?? v.segment) : null;
  const cellName = (matrixKey: string, cellKey: string) => {
    const m = matrices.data?.items.find((x) => x.key === matrixKey);
    const cell = m?.definition.cells.find((c) => c.key === cellKey);
    const matrixName = m ? (en ? m.definition.nameEn : m.definition.nameZh) : matrixKey;
    return { matrixName, cellName: cell ? (en ? cell.nameEn : cell.nameZh) : cellKey };
  };
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space wrap data-testid="value-verdict">
        <Tag color={TIER_COLORS[v.tier]}>{t(`value.tier.${v.tier}`)}</Tag>
        <Tag color={ABC_TAG_COLORS[v.abc]}>{t('value.card.abcClass', { abc: v.abc })}</Tag>
        {segment && <Tag color="cyan">{segment}</Tag>}
        {v.highPotential && <Tag color="gold">{t('value.highPotential')}</Tag>}
        {v.flags.map((f) => (
          <Tag key={f} color="orange">
            {t(`value.flag.${f}`, { defaultValue: f })}
          </Tag>
        ))}
      </Space>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('value.col.actualValue')}>
          {formatMoney(v.actualValue, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.col.strategicValue')}>
          {formatMoney(v.strategicValue, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('value.card.rfmScores')}>
          {v.rScore === null ? '—' : `R ${v.rScore} · F ${v.fScore} · M ${v.mScore}`}
        </Descriptions.Item>
        {Object.entries(v.cells).map(([mk, ck]) => {
          const names = cellName(mk, ck);
          return (
            <Descriptions.Item key={mk} label={names.matrixName}>
              {names.cellName}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="value-explanation">
        {v.explanation.map((sentence) => (
          <li key={sentence}>
            <Typography.Text>{sentence}</Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('value.card.asOf', { asOf: v.asOf, run: v.runId })}
      </Typography.Text>
      {value.history.length > 1 && (
        <Suspense fallback={<Skeleton active />}>
          <ValueHistoryChart history={value.history} />
        </Suspense>
      )}
    </Space>
  );
}
