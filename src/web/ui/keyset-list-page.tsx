import { SettingOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Popover, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Page } from '../lib/wire';
import { useHiddenColumns } from './hidden-columns';

export type ListFilter = { key: string; label: string; options: { value: string; label: string }[] };
export type ListParams = Record<string, string | number | undefined>;

const PAGE_SIZE = 20;

const columnKey = (c: { key?: unknown; dataIndex?: unknown }, i: number) => String(c.key ?? c.dataIndex ?? i);

/** `sort` as the URL holds it ("name", "-name") → the order antd shows on that column. */
const orderOf = (sort: string | undefined, key: string) =>
  sort === key ? ('ascend' as const) : sort === `-${key}` ? ('descend' as const) : null;

/**
 * A server-side paged list (keyset: forward by the answer's cursor, back by the one before), with a search
 * box, filters and the sort kept in the URL, so a view can be bookmarked and shared. A column with
 * `sorter: true` sorts the server's list by its key (`sort=key`, `sort=-key` descending).
 */
export function KeysetListPage<T extends { id: number }>(props: {
  title: string;
  queryKey: string;
  fetch: (params: ListParams, signal: AbortSignal) => Promise<Page<T>>;
  columns: ColumnsType<T>;
  search?: string;
  filters?: ListFilter[];
  empty: string;
  onOpen?: (row: T) => void;
  /** Buttons beside the search, e.g. New. */
  actions?: ReactNode;
  /** Shown above the table, e.g. the saved views of the list. */
  toolbar?: ReactNode;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const keys = ['q', 'sort', ...(props.filters ?? []).map((f) => f.key)];
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined]));
  // The pages walked so far, for the URL they were walked with: a new search, filter or view starts over.
  const walk = JSON.stringify(values);
  const [paging, setPaging] = useState<{ walk: string; cursors: string[] }>({ walk, cursors: [] });
  const cursors = paging.walk === walk ? paging.cursors : [];
  const setCursors = (next: string[]) => setPaging({ walk, cursors: next });
  const cursor = cursors[cursors.length - 1];
  const [hidden, setHidden] = useHiddenColumns(props.queryKey);
  const all = props.columns.map((c, i) => ({
    key: columnKey(c as { key?: unknown; dataIndex?: unknown }, i),
    c,
  }));
  const shown = all
    .filter(({ key }) => !hidden.includes(key))
    .map(({ key, c }) => (c.sorter ? { ...c, sortOrder: orderOf(values.sort, key) } : c));

  const page = useQuery({
    queryKey: [props.queryKey, 'list', values, cursor],
    queryFn: ({ signal }) => props.fetch({ ...values, cursor, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  const setFilter = (key: string, value: string | undefined) => {
    // From the URL as it is now, not as this render saw it: the table calls back a handler it kept from
    // an earlier render, which would otherwise undo the filter set since.
    const next = new URLSearchParams(globalThis.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const onSort = (sorter: SorterResult<T> | SorterResult<T>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? s.field ?? '') : '';
    setFilter('sort', key ? (s?.order === 'descend' ? `-${key}` : key) : undefined);
  };

  return (
    <Card
      title={props.title}
      extra={
        <Space wrap>
          {props.actions}
          <Popover
            trigger="click"
            placement="bottomRight"
            content={
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                value={all.map(({ key }) => key).filter((key) => !hidden.includes(key))}
                onChange={(checked) =>
                  setHidden(all.map(({ key }) => key).filter((key) => !checked.includes(key)))
                }
                options={all.map(({ key, c }) => ({ value: key, label: String(c.title ?? key) }))}
              />
            }
          >
            <Button icon={<SettingOutlined />} aria-label={t('lists.columns')}>
              {t('lists.columns')}
            </Button>
          </Popover>
          {props.search && (
            <Input.Search
              key={values.q ?? ''} // a view that changes the search shows its text
              aria-label={props.search}
              placeholder={props.search}
              defaultValue={values.q}
              allowClear
              onSearch={(value) => setFilter('q', value.trim() || undefined)}
              style={{ width: 260 }}
            />
          )}
          {(props.filters ?? []).map((f) => (
            <Select
              key={f.key}
              aria-label={f.label}
              placeholder={f.label}
              allowClear
              value={values[f.key]}
              onChange={(v) => setFilter(f.key, v)}
              style={{ width: 130 }}
              options={f.options}
            />
          ))}
        </Space>
      }
    >
      {props.toolbar}
      {page.isError && (
        <Alert type="error" showIcon title={page.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<T>
        rowKey="id"
        size="middle"
        loading={page.isFetching}
        dataSource={page.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: props.empty }}
        onRow={(row) =>
          props.onOpen ? { onClick: () => props.onOpen?.(row), style: { cursor: 'pointer' } } : {}
        }
        columns={shown}
        onChange={(_pagination, _filters, sorter, extra) => extra.action === 'sort' && onSort(sorter)}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {t('customers.previous')}
        </Button>
        <Button
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {t('customers.next')}
        </Button>
      </Space>
    </Card>
  );
}
