import { DownOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, type MenuProps, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type SavedViewList, viewQueryKeys } from '../../../shared/saved-views/saved-view.schema';
import { useHiddenColumns } from '../../ui/hidden-columns';
import {
  createView,
  deleteView,
  sameQuery,
  updateView,
  useSavedViews,
  type View,
  type ViewQuery,
  viewQueryOf,
  viewsKey,
} from './saved-views-api';
import { ViewNameForm } from './view-name-form';

export type BuiltInView = { key: string; label: string; query: ViewQuery };
type Option = { value: string; label: string; query: ViewQuery; view?: View };
type Dialog = { kind: 'save' } | { kind: 'rename'; view: View } | null;

/**
 * The views of a list: the built-in ones, then the user's saved ones. Picking one puts its filters, search
 * and sort in the URL (and its hidden columns on the list); the one the URL matches shows selected.
 * The menu saves the current URL as a new view, or updates, renames or deletes the view in use.
 */
export function ViewsBar(props: { list: SavedViewList; builtIns: BuiltInView[] }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [hidden, setHidden] = useHiddenColumns(props.list);
  const views = useSavedViews(props.list);
  const [picked, setPicked] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);

  const keys = viewQueryKeys(props.list);
  const current = viewQueryOf(params, keys);
  const options: Option[] = [
    ...props.builtIns.map((b) => ({ value: `builtin:${b.key}`, label: b.label, query: b.query })),
    ...(views.data?.items ?? []).map((v) => ({
      value: `view:${v.id}`,
      label: v.name,
      query: v.query,
      view: v,
    })),
  ];
  const matching = options.filter((o) => sameQuery(o.query, current));
  const selected = matching.find((o) => o.value === picked) ?? matching[0];
  // The saved view the menu acts on: the one picked last (its filters may have changed since), else the
  // one the URL matches.
  const target = options.find((o) => o.value === picked)?.view ?? selected?.view;
  const modified = target !== undefined && !sameQuery(target.query, current);

  const refresh = () => client.invalidateQueries({ queryKey: viewsKey(props.list) });
  const apply = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (!option) return;
    setPicked(value);
    const next = new URLSearchParams(globalThis.location.search);
    for (const key of keys) next.delete(key);
    for (const [key, v] of Object.entries(option.query)) next.set(key, v);
    setParams(next);
    if (option.view) setHidden(option.view.hiddenColumns);
  };
  const failed = (err: unknown) => message.error((err as Error).message);

  const items: MenuProps['items'] = [
    { key: 'save', label: t('views.saveNew') },
    ...(target
      ? [
          { type: 'divider' as const },
          { key: 'update', label: t('views.update', { name: target.name }), disabled: !modified },
          { key: 'rename', label: t('views.rename', { name: target.name }) },
          { key: 'delete', label: t('views.delete', { name: target.name }), danger: true },
        ]
      : []),
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'save') setDialog({ kind: 'save' });
    if (!target) return;
    if (key === 'rename') setDialog({ kind: 'rename', view: target });
    if (key === 'update')
      updateView(target, { query: current, hiddenColumns: [...hidden] })
        .then(async () => {
          await refresh();
          message.success(t('views.updated', { name: target.name }));
        })
        .catch(failed);
    if (key === 'delete')
      modal.confirm({
        title: t('views.deleteConfirm', { name: target.name }),
        okText: t('views.deleteOk'),
        okButtonProps: { danger: true },
        cancelText: t('logTouch.cancel'),
        onOk: () =>
          deleteView(target)
            .then(async () => {
              setPicked(null);
              await refresh();
            })
            .catch(failed),
      });
  };

  return (
    <Space wrap style={{ marginBottom: 12, maxWidth: '100%' }} align="center">
      <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
        <Segmented
          aria-label={t('views.label')}
          value={selected?.value ?? ''}
          onChange={(value) => apply(String(value))}
          options={options.map((o) => ({ value: o.value, label: o.label }))}
        />
      </div>
      <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']}>
        <Button aria-label={t('views.menu')}>
          <Space>
            {t('views.menu')}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      {modified && (
        <Typography.Text type="secondary">{t('views.modified', { name: target.name })}</Typography.Text>
      )}
      {dialog && (
        <ViewNameForm
          title={dialog.kind === 'save' ? t('views.saveTitle') : t('views.renameTitle')}
          initial={dialog.kind === 'rename' ? dialog.view.name : undefined}
          save={(name) =>
            dialog.kind === 'rename'
              ? updateView(dialog.view, { name })
              : createView({ list: props.list, name, query: current, hiddenColumns: [...hidden] })
          }
          onSaved={(view) => {
            setPicked(`view:${view.id}`);
            void refresh();
            message.success(t('views.saved', { name: view.name }));
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </Space>
  );
}
