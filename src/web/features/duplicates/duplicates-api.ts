import type { Customer } from '../../../shared/customers/customer.schema';
import type { DuplicatePair, MergeChoice, MergeSummary } from '../../../shared/duplicates/duplicate.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type Pair = Wire<DuplicatePair>;
export type Merge = Wire<MergeSummary>;
export type FullCustomer = Wire<Customer>;

export const listPairs = (params: { minScore: number; cursor?: string }, signal?: AbortSignal) =>
  api<Page<Pair>>(`/duplicates${queryString({ ...params, limit: 20 })}`, { signal });

export const listMerges = (signal?: AbortSignal) =>
  api<Page<Merge>>('/duplicates/merges?limit=10', { signal });

export const getCustomer = (id: number, signal?: AbortSignal) =>
  api<FullCustomer>(`/customers/${id}`, { signal });

export const dismissPair = (customerA: number, customerB: number) =>
  api<void>('/duplicates/dismiss', { method: 'POST', body: { customerA, customerB } });

export const mergeCustomers = (body: {
  survivorId: number;
  mergedId: number;
  fields: Record<string, MergeChoice>;
  versions: { survivor: number; merged: number };
}) => api<{ merge: Merge; survivor: FullCustomer }>('/duplicates/merge', { method: 'POST', body });

export const undoMerge = (id: number) =>
  api<{ merge: Merge }>(`/duplicates/merges/${id}/undo`, { method: 'POST' });
