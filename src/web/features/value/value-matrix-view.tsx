import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatrixAxis, MatrixDefinition } from '../../../shared/analytics/value-matrix';
import { currentLocale } from '../../lib/i18n';
import type { ValuePolicy } from './value-api';

const compact = (v: number) => new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(v);

/** A factor's name: the built-in ones translated, custom ones as their key. */
export function useFactorName() {
  const { t } = useTranslation();
  return (factor: string) => t(`value.factor.${factor}`, { defaultValue: factor });
}

/** The bands of an axis as labels, lowest first: "< 10", "10 – 20", "≥ 20"; ordered values joined. */
export function useBandLabels() {
  const { t } = useTranslation();
  return (axis: MatrixAxis): string[] => {
    if (axis.kind === 'ordered')
      return axis.bands.map((band) => band.map((v) => t(`value.band.${v}`, { defaultValue: v })).join(' / '));
    const cuts = axis.cuts;
    return [
      `< ${compact(cuts[0]!)}`,
      ...cuts.slice(1).map((c, i) => `${compact(cuts[i]!)} – ${compact(c)}`),
      `≥ ${compact(cuts[cuts.length - 1]!)}`,
    ];
  };
}

/** A policy in a few words: "visit every 30 days · answer in 24 h · dedicated manager · ≤ 5% · retain". */
export function usePolicyWords() {
  const { t } = useTranslation();
  return (p: ValuePolicy): string =>
    [
      p.visitIntervalDays !== null && t('value.policy.visitEvery', { days: p.visitIntervalDays }),
      p.responseHours !== null && t('value.policy.answerIn', { hours: p.responseHours }),
      p.dedicatedManager && t('value.policy.dedicated'),
      p.maxDiscount !== null && t('value.policy.maxDiscountShort', { percent: p.maxDiscount }),
      p.strategy && t(`value.strategy.${p.strategy}`),
    ]
      .filter(Boolean)
      .join(' · ');
}

/**
 * A factor matrix as a grid: the highest y band on top, x from low to high; each cell with its name,
 * its count in the latest run, its strategy and its policy.
 */
export function MatrixGrid({
  matrix,
  counts,
  policies,
}: {
  matrix: MatrixDefinition;
  counts?: Record<string, { count: number; share: number }>;
  policies: ValuePolicy[];
}) {
  const { t } = useTranslation();
  const en = currentLocale() === 'en';
  const bands = useBandLabels();
  const factor = useFactorName();
  const policyWords = usePolicyWords();
  const xs = bands(matrix.x);
  const ys = bands(matrix.y);
  const cellAt = (x: number, y: number) => matrix.cells.find((c) => c.x === x && c.y === y);
  const border = '1px solid #e5e7eb';
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        style={{ borderCollapse: 'collapse', width: '100%', minWidth: 120 * (xs.length + 1) }}
        data-testid="value-matrix"
        aria-label={en ? matrix.nameEn : matrix.nameZh}
      >
        <tbody>
          {ys.map((_, row) => {
            const y = ys.length - 1 - row;
            return (
              <tr key={y}>
                <th
                  scope="row"
                  style={{ border, padding: 6, width: 120, textAlign: 'left', fontWeight: 500 }}
                >
                  {ys[y]}
                </th>
                {xs.map((__, x) => {
                  const cell = cellAt(x, y);
                  // biome-ignore lint/suspicious/noArrayIndexKey: a band's index is its identity
                  if (!cell) return <td key={x} style={{ border }} />;
                  const policy = policies.find(
                    (p) => p.targetKind === 'cell' && p.targetKey === `${matrix.key}:${cell.key}`,
                  );
                  const c = counts?.[cell.key];
                  return (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: a band's index is its identity
                      key={x}
                      style={{ border, padding: 8, verticalAlign: 'top' }}
                      data-testid="value-matrix-cell"
                    >
                      <Typography.Text strong>{en ? cell.nameEn : cell.nameZh}</Typography.Text>{' '}
                      {c && (
                        <Tag color={c.count > 0 ? 'blue' : undefined}>
                          {t('value.matrix.count', { count: c.count })}
                        </Tag>
                      )}
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {en ? cell.strategyEn : cell.strategyZh}
                        </Typography.Text>
                      </div>
                      {policy && (
                        <div>
                          <Typography.Text style={{ fontSize: 12 }}>
                            {t('value.matrix.policy')}: {policyWords(policy)}
                          </Typography.Text>
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          <tr>
            <th style={{ border, padding: 6, fontSize: 12, fontWeight: 400 }}>
              {factor(matrix.y.factor)} ↑ / {factor(matrix.x.factor)} →
            </th>
            {xs.map((label) => (
              <th key={label} scope="col" style={{ border, padding: 6, fontWeight: 500 }}>
                {label}
              </th>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
