import { useSyncExternalStore } from 'react';

/**
 * The columns a user hid in a list, remembered in this browser (`kehu.hiddenColumns.<list>`). One store,
 * so the list and anything else on the page (a saved view that brings its own columns) agree.
 */
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; value: string[] }>();
const storageKey = (list: string) => `kehu.hiddenColumns.${list}`;

function read(list: string): string[] {
  const raw = globalThis.localStorage?.getItem(storageKey(list)) ?? null;
  const cached = cache.get(list);
  if (cached && cached.raw === raw) return cached.value; // the same array while nothing changed
  let value: string[] = [];
  try {
    const parsed: unknown = JSON.parse(raw ?? '[]');
    if (Array.isArray(parsed)) value = parsed.filter((k): k is string => typeof k === 'string');
  } catch {
    value = [];
  }
  cache.set(list, { raw, value });
  return value;
}

export function setHiddenColumns(list: string, hidden: readonly string[]) {
  globalThis.localStorage?.setItem(storageKey(list), JSON.stringify(hidden));
  for (const notify of listeners) notify();
}

const subscribe = (notify: () => void) => {
  listeners.add(notify);
  return () => listeners.delete(notify);
};

export function useHiddenColumns(list: string) {
  const hidden = useSyncExternalStore(subscribe, () => read(list));
  return [hidden, (next: readonly string[]) => setHiddenColumns(list, next)] as const;
}
