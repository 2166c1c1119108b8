import { useQuery } from '@tanstack/react-query';
import type { SavedView, SavedViewList } from '../../../shared/saved-views/saved-view.schema';
import { api } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type View = Wire<SavedView>;
export type ViewQuery = Record<string, string>;

export const viewsKey = (list: SavedViewList) => ['saved-views', list] as const;

export const useSavedViews = (list: SavedViewList) =>
  useQuery({
    queryKey: viewsKey(list),
    queryFn: ({ signal }) => api<Page<View>>(`/saved-views?list=${list}`, { signal }),
  });

export const createView = (body: {
  list: SavedViewList;
  name: string;
  query: ViewQuery;
  hiddenColumns: string[];
}) => api<View>('/saved-views', { method: 'POST', body });

export const updateView = (
  view: View,
  change: Partial<{ name: string; query: ViewQuery; hiddenColumns: string[] }>,
) => api<View>(`/saved-views/${view.id}`, { method: 'PATCH', body: { ...change, version: view.version } });

export const deleteView = (view: View) =>
  api<void>(`/saved-views/${view.id}?version=${view.version}`, { method: 'DELETE' });

/** The view's part of a URL: its parameters that are set, by name (what a view stores). */
export function viewQueryOf(params: URLSearchParams, keys: readonly string[]): ViewQuery {
  const out: ViewQuery = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

export const sameQuery = (a: ViewQuery, b: ViewQuery) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};
