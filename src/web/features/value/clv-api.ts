import type {
  ChurnListItem,
  ChurnListKind,
  ChurnTasksResult,
  ModelCheck,
  ValueModel,
} from '../../../shared/analytics/churn-api.schema';
import type { ClvByTier } from '../../../shared/analytics/value-charts.schema';
import { api, queryString } from '../../lib/api';
import type { Page } from '../../lib/wire';
import { VALUE_KEY } from './value-api';

export type { ChurnListItem, ChurnListKind, ChurnTasksResult, ClvByTier, ModelCheck, ValueModel };
export type RunModel = NonNullable<ValueModel['model']>;

/** The latest run's BG/NBD and Gamma-Gamma models, with the warnings in the user's language. */
export const getValueModel = (signal?: AbortSignal) => api<ValueModel>('/value/model', { signal });
export const VALUE_MODEL_KEY = [...VALUE_KEY, 'model'] as const;

/** Refits the latest run's models as of a past day, held against what followed (admins, managers). */
export const runModelCheck = () => api<ModelCheck>('/value/model-check', { method: 'POST' });

/** CLV quantiles and churn-risk bands per tier (404 no_runs before the first run). */
export const getClvByTier = (signal?: AbortSignal) => api<ClvByTier>('/value/charts/clv-by-tier', { signal });

export const listChurn = (
  params: { list: ChurnListKind; ownerId?: number; cursor?: string },
  signal?: AbortSignal,
) => api<Page<ChurnListItem>>(`/value/churn${queryString({ ...params, limit: 20 })}`, { signal });

/** One follow-up task per listed customer without an open one (admins and managers). */
export const openChurnTasks = (list: ChurnListKind) =>
  api<ChurnTasksResult>('/value/churn/tasks', { method: 'POST', body: { list } });
