import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Form, Input, Modal, Segmented, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUILTIN_FACTORS,
  type MatrixCell,
  type MatrixDefinition,
} from '../../../shared/analytics/value-matrix';
import { ApiError } from '../../lib/api';
import { createMatrix, updateMatrix, VALUE_KEY, type ValueMatrix } from './value-api';
import { type AxisText, axisText, bandCount, parseAxis } from './value-axis-text';
import { useBandLabels, useFactorName } from './value-matrix-view';

const EMPTY: MatrixDefinition = {
  key: '',
  nameZh: '',
  nameEn: '',
  x: { kind: 'numeric', factor: 'revenue_12m', cuts: [100000, 1000000] },
  y: { kind: 'numeric', factor: 'profit_12m', cuts: [10000, 100000] },
  cells: [],
};

/** Create a matrix over any numeric or ordered factor, or change one: names, cuts or bands, cells. */
export function MatrixForm({ matrix, onClose }: { matrix: ValueMatrix | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const bands = useBandLabels();
  const factorName = useFactorName();
  const start = matrix?.definition ?? EMPTY;
  const [names, setNames] = useState({ key: start.key, nameZh: start.nameZh, nameEn: start.nameEn });
  const [active, setActive] = useState(matrix?.active ?? true);
  const [axes, setAxes] = useState({ x: axisText(start.x), y: axisText(start.y) });
  const [cells, setCells] = useState<MatrixCell[]>(start.cells);
  const [failure, setFailure] = useState<string | null>(null);
  const x = parseAxis(axes.x);
  const y = parseAxis(axes.y);
  const nx = bandCount(x);
  const ny = bandCount(y);
  const cellAt = (cx: number, cy: number): MatrixCell =>
    cells.find((c) => c.x === cx && c.y === cy) ?? {
      x: cx,
      y: cy,
      key: `cell_${cx}_${cy}`,
      nameZh: `${cx + 1}-${cy + 1}`,
      nameEn: `${cx + 1}-${cy + 1}`,
      strategyZh: '',
      strategyEn: '',
    };
  const setCell = (cell: MatrixCell, patch: Partial<MatrixCell>) =>
    setCells((all) => [...all.filter((c) => !(c.x === cell.x && c.y === cell.y)), { ...cell, ...patch }]);

  const save = useMutation({
    mutationFn: () => {
      const grid: MatrixCell[] = [];
      for (let cy = 0; cy < ny; cy++) for (let cx = 0; cx < nx; cx++) grid.push(cellAt(cx, cy));
      const definition: MatrixDefinition = { ...names, x, y, cells: grid };
      return matrix
        ? updateMatrix(matrix.id, {
            definition: { ...definition, key: matrix.key },
            active,
            version: matrix.version,
          })
        : createMatrix({ definition, active });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: VALUE_KEY });
      onClose();
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fields : [];
      setFailure([err.message, ...fields.map((f) => `${f.field}: ${f.message}`)].join(' '));
    },
  });

  const axisEditor = (which: 'x' | 'y') => {
    const a = axes[which];
    const set = (patch: Partial<AxisText>) =>
      setAxes((all) => ({ ...all, [which]: { ...all[which], ...patch } }));
    const label = t(which === 'x' ? 'valueSettings.matrices.xAxis' : 'valueSettings.matrices.yAxis');
    return (
      <Space orientation="vertical" style={{ flex: 1, minWidth: 240 }}>
        <Typography.Text strong>{label}</Typography.Text>
        <Segmented<AxisText['kind']>
          size="small"
          value={a.kind}
          onChange={(kind) => set({ kind, text: '' })}
          options={(['numeric', 'ordered'] as const).map((k) => ({
            value: k,
            label: t(`valueSettings.matrices.kind.${k}`),
          }))}
        />
        <AutoComplete
          value={a.factor}
          onChange={(factor: string) => set({ factor })}
          aria-label={`${label} · ${t('valueSettings.matrices.factor')}`}
          placeholder={t('valueSettings.matrices.factor')}
          options={BUILTIN_FACTORS.map((f) => ({ value: f, label: `${factorName(f)} (${f})` }))}
          style={{ width: '100%' }}
        />
        <Input.TextArea
          rows={3}
          value={a.text}
          onChange={(e) => set({ text: e.target.value })}
          aria-label={`${label} · ${t(a.kind === 'numeric' ? 'valueSettings.matrices.cuts' : 'valueSettings.matrices.bands')}`}
          placeholder={t(
            a.kind === 'numeric' ? 'valueSettings.matrices.cutsHint' : 'valueSettings.matrices.bandsHint',
          )}
        />
      </Space>
    );
  };

  const xLabels = safe(() => bands(x), nx);
  const yLabels = safe(() => bands(y), ny);
  return (
    <Modal
      open
      width={960}
      title={t(matrix ? 'valueSettings.matrices.edit' : 'valueSettings.matrices.add')}
      okText={t('logTouch.save')}
      cancelText={t('logTouch.cancel')}
      confirmLoading={save.isPending}
      onOk={() => {
        setFailure(null);
        save.mutate();
      }}
      onCancel={onClose}
      style={{ maxWidth: 'calc(100vw - 16px)', top: 24 }}
    >
      {failure && <Alert type="error" showIcon role="alert" title={failure} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={t('valueSettings.matrices.key')}>
            <Input
              value={names.key}
              disabled={Boolean(matrix)}
              aria-label={t('valueSettings.matrices.key')}
              onChange={(e) => setNames({ ...names, key: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('valueSettings.matrices.nameZh')}>
            <Input
              value={names.nameZh}
              aria-label={t('valueSettings.matrices.nameZh')}
              onChange={(e) => setNames({ ...names, nameZh: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('valueSettings.matrices.nameEn')}>
            <Input
              value={names.nameEn}
              aria-label={t('valueSettings.matrices.nameEn')}
              onChange={(e) => setNames({ ...names, nameEn: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('valueSettings.matrices.active')}>
            <Switch checked={active} onChange={setActive} aria-label={t('valueSettings.matrices.active')} />
          </Form.Item>
        </Space>
      </Form>
      <Space align="start" wrap style={{ width: '100%', marginBottom: 12 }}>
        {axisEditor('x')}
        {axisEditor('y')}
      </Space>
      <Typography.Text strong>{t('valueSettings.matrices.cells')}</Typography.Text>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse' }}>
          <tbody>
            {Array.from({ length: ny }, (_, row) => ny - 1 - row).map((cy) => (
              <tr key={cy}>
                <th style={{ padding: 4, textAlign: 'left', fontWeight: 500 }}>{yLabels[cy]}</th>
                {Array.from({ length: nx }, (_, cx) => {
                  const cell = cellAt(cx, cy);
                  const where = `${xLabels[cx]} × ${yLabels[cy]}`;
                  return (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: a band's index is its identity
                      key={cx}
                      style={{ padding: 4, border: '1px solid #e5e7eb', verticalAlign: 'top', minWidth: 180 }}
                    >
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Input
                          size="small"
                          value={cell.key}
                          aria-label={`${where} ${t('valueSettings.matrices.cellKey')}`}
                          placeholder={t('valueSettings.matrices.cellKey')}
                          onChange={(e) => setCell(cell, { key: e.target.value })}
                        />
                        <Input
                          size="small"
                          value={cell.nameZh}
                          aria-label={`${where} ${t('valueSettings.matrices.nameZh')}`}
                          placeholder={t('valueSettings.matrices.nameZh')}
                          onChange={(e) => setCell(cell, { nameZh: e.target.value })}
                        />
                        <Input
                          size="small"
                          value={cell.nameEn}
                          aria-label={`${where} ${t('valueSettings.matrices.nameEn')}`}
                          placeholder={t('valueSettings.matrices.nameEn')}
                          onChange={(e) => setCell(cell, { nameEn: e.target.value })}
                        />
                        <Input.TextArea
                          size="small"
                          rows={2}
                          value={cell.strategyZh}
                          aria-label={`${where} ${t('valueSettings.matrices.strategyZh')}`}
                          placeholder={t('valueSettings.matrices.strategyZh')}
                          onChange={(e) => setCell(cell, { strategyZh: e.target.value })}
                        />
                        <Input.TextArea
                          size="small"
                          rows={2}
                          value={cell.strategyEn}
                          aria-label={`${where} ${t('valueSettings.matrices.strategyEn')}`}
                          placeholder={t('valueSettings.matrices.strategyEn')}
                          onChange={(e) => setCell(cell, { strategyEn: e.target.value })}
                        />
                      </Space>
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th />
              {xLabels.map((l, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a band's index is its identity
                <th key={`${i}:${l}`} style={{ padding: 4, fontWeight: 500 }}>
                  {l}
                </th>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </Modal>
  );
}

/** Band labels, or plain numbers while the typed cuts are not numbers yet. */
function safe(labels: () => string[], n: number): string[] {
  try {
    const out = labels();
    if (out.length === n && out.every((l) => !l.includes('NaN'))) return out;
  } catch {
    // typed half-way
  }
  return Array.from({ length: n }, (_, i) => String(i + 1));
}
