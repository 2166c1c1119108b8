import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../lib/i18n';
import { listMatrices, listPolicies, type RunSummary, VALUE_KEY } from './value-api';
import { MatrixGrid } from './value-matrix-view';

export const useMatrices = () =>
  useQuery({ queryKey: [...VALUE_KEY, 'matrices'], queryFn: ({ signal }) => listMatrices(signal) });
export const usePolicies = () =>
  useQuery({ queryKey: [...VALUE_KEY, 'policies'], queryFn: ({ signal }) => listPolicies(signal) });

/** Every active factor matrix as a grid with the latest run's counts and the cells' policies. */
export function MatricesCard({ summary }: { summary: RunSummary }) {
  const { t } = useTranslation();
  const en = currentLocale() === 'en';
  const matrices = useMatrices();
  const policies = usePolicies();
  const active = matrices.data?.items.filter((m) => m.active) ?? [];
  return (
    <Card title={t('value.matrix.title')} size="small">
      {matrices.isError && <Alert type="error" showIcon title={matrices.error.message} />}
      {matrices.isPending ? (
        <Skeleton active />
      ) : active.length === 0 ? (
        <Empty description={t('value.matrix.none')} />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          {active.map((m) => (
            <div key={m.id}>
              <Typography.Title level={5}>{en ? m.definition.nameEn : m.definition.nameZh}</Typography.Title>
              <MatrixGrid
                matrix={m.definition}
                counts={summary.cells[m.key]}
                policies={policies.data?.items ?? []}
              />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
