import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Modal, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS, type MergeChoice } from '../../../shared/duplicates/duplicate.schema';
import { ApiError } from '../../lib/api';
import { usePeople } from '../people';
import { type FullCustomer, getCustomer, type Merge, mergeCustomers, type Pair } from './duplicates-api';

type Side = 'a' | 'b' | 'union';
type Row = { key: string; label: string; a: unknown; b: unknown };

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The rows to choose from: the profile fields, then every custom field either customer has. */
function rowsOf(a: FullCustomer, b: FullCustomer, label: (key: string) => string): Row[] {
  const profile = MERGE_FIELDS.map((f) => ({ key: f, label: label(f), a: a[f], b: b[f] }));
  const custom = [...new Set([...Object.keys(a.customFields), ...Object.keys(b.customFields)])].sort();
  return [
    ...profile,
    ...custom.map((k) => ({
      key: `customFields.${k}`,
      label: k,
      a: a.customFields[k] ?? null,
      b: b.customFields[k] ?? null,
    })),
  ];
}

/** Where each value comes from by default: the survivor's, unless it has none and the other one has. */
function defaults(rows: Row[], survivor: 'a' | 'b'): Record<string, Side> {
  const other = survivor === 'a' ? 'b' : 'a';
  return Object.fromEntries(
    rows.map((r) => [r.key, isEmpty(r[survivor]) && !isEmpty(r[other]) ? other : survivor]),
  );
}

/** Side-by-side compare of a candidate pair: pick the customer to keep and each surviving value, then merge. */
export function DuplicateCompare({
  pair,
  onClose,
  onMerged,
}: {
  pair: Pair;
  onClose: () => void;
  onMerged: (merge: Merge) => void;
}) {
  const { t } = useTranslation();
  const { nameOf } = usePeople();
  const both = useQuery({
    queryKey: ['duplicates', 'compare', pair.a.id, pair.b.id],
    queryFn: async ({ signal }) =>
      Promise.all([getCustomer(pair.a.id, signal), getCustomer(pair.b.id, signal)]),
  });
  const [survivor, setSurvivor] = useState<'a' | 'b'>('a');
  const [choices, setChoices] = useState<Record<string, Side> | null>(null);
  const rows = useMemo(
    () => (both.data ? rowsOf(both.data[0], both.data[1], (k) => t(`duplicates.field.${k}`)) : []),
    [both.data, t],
  );
  const chosen = choices ?? defaults(rows, survivor);

  const merge = useMutation({
    mutationFn: () => {
      const [a, b] = both.data!;
      const [keep, drop] = survivor === 'a' ? [a, b] : [b, a];
      const fields: Record<string, MergeChoice> = {};
      for (const [key, side] of Object.entries(chosen))
        fields[key] = side === 'union' ? 'union' : side === survivor ? 'survivor' : 'merged';
      return mergeCustomers({
        survivorId: keep.id,
        mergedId: drop.id,
        fields,
        versions: { survivor: keep.version, merged: drop.version },
      });
    },
    onSuccess: (res) => onMerged(res.merge),
  });

  const show = (key: string, v: unknown): string => {
    if (isEmpty(v)) return '—';
    if (key === 'ownerId') return nameOf(v as number);
    if (key === 'type') return t(`customerType.${v}`);
    if (key === 'status') return t(`customerStatus.${v}`);
    if (Array.isArray(v)) return v.join('、');
    return String(v);
  };
  const cell = (side: 'a' | 'b') => (v: unknown, r: Row) => (
    <Radio
      checked={chosen[r.key] === side}
      onChange={() => setChoices({ ...chosen, [r.key]: side })}
      data-testid={`pick-${r.key}-${side}`}
    >
      {show(r.key, v)}
    </Radio>
  );
  const customerTitle = (c: Pair['a'], side: 'a' | 'b') => (
    <Radio value={side} data-testid={`keep-${side}`}>
      {t('duplicates.keep')} <Typography.Text strong>{c.name}</Typography.Text>{' '}
      <Typography.Text type="secondary">{c.code}</Typography.Text>
    </Radio>
  );

  return (
    <Modal
      open
      width={960}
      title={t('duplicates.compareTitle')}
      okText={t('duplicates.merge')}
      okButtonProps={{ disabled: !both.data, loading: merge.isPending }}
      onOk={() => merge.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      {both.isPending ? (
        <Spin />
      ) : both.isError ? (
        <Alert type="error" title={(both.error as Error).message} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={survivor}
            onChange={(e) => {
              setSurvivor(e.target.value);
              setChoices(null);
            }}
          >
            <Space orientation="vertical">
              {customerTitle(pair.a, 'a')}
              {customerTitle(pair.b, 'b')}
            </Space>
          </Radio.Group>
          <Typography.Text type="secondary">{t('duplicates.compareHint')}</Typography.Text>
          {merge.isError && (
            <Alert
              type="error"
              showIcon
              title={(merge.error as Error).message}
              description={
                merge.error instanceof ApiError && merge.error.status === 409
                  ? t('duplicates.reload')
                  : undefined
              }
            />
          )}
          <Table<Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rows}
            scroll={{ y: 420 }}
            columns={[
              { title: t('duplicates.fieldColumn'), dataIndex: 'label', width: 140 },
              { title: pair.a.code, dataIndex: 'a', render: cell('a') },
              { title: pair.b.code, dataIndex: 'b', render: cell('b') },
              {
                title: '',
                key: 'union',
                width: 110,
                render: (_: unknown, r: Row) =>
                  r.key === 'tags' ? (
                    <Radio
                      checked={chosen.tags === 'union'}
                      onChange={() => setChoices({ ...chosen, tags: 'union' })}
                      data-testid="pick-tags-union"
                    >
                      <Tag>{t('duplicates.union')}</Tag>
                    </Radio>
                  ) : null,
              },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
