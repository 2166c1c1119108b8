import type { z } from 'zod';
import type {
  CreateValueMatrix,
  CreateValuePolicy,
  UpdateValueMatrix,
  UpdateValuePolicy,
  UpdateValueSettings,
  ValueMatrixSchema,
  ValuePolicySchema,
  ValueRunSchema,
  ValueSettingsViewSchema,
} from '../../../shared/analytics/value-api.schema';
import type { Pareto, RfmGrid } from '../../../shared/analytics/value-charts.schema';
import type {
  BreachSchema,
  BreachTasksResult,
  CustomerValueSchema,
  ExpectedValueSchema,
  MigrationDimension,
  MigrationSchema,
  ProjectionSchema,
  ValueListItem,
  ValueListKind,
} from '../../../shared/analytics/value-read-api.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type ValueRun = Wire<z.infer<typeof ValueRunSchema>>;
export type RunSummary = NonNullable<ValueRun['summary']>;
export type ValueSettingsView = Wire<z.infer<typeof ValueSettingsViewSchema>>;
export type ValueMatrix = Wire<z.infer<typeof ValueMatrixSchema>>;
export type ValuePolicy = Wire<z.infer<typeof ValuePolicySchema>>;
export type CustomerValue = Wire<z.infer<typeof CustomerValueSchema>>;
export type Breach = Wire<z.infer<typeof BreachSchema>>;
export type Migration = Wire<z.infer<typeof MigrationSchema>>;
export type Projection = Wire<z.infer<typeof ProjectionSchema>>;
export type ExpectedValue = Wire<z.infer<typeof ExpectedValueSchema>>;
export type { BreachTasksResult, MigrationDimension, Pareto, RfmGrid, ValueListItem, ValueListKind };

/** Everything a run or a change of rules moves: refreshed together. */
export const VALUE_KEY = ['value'] as const;
export const VALUE_SETTINGS_KEY = ['value', 'settings'] as const;

export const getValueSummary = (signal?: AbortSignal) =>
  api<{ latest: ValueRun | null; previous: ValueRun | null }>('/value/summary', { signal });
export const listValueRuns = (limit: number, signal?: AbortSignal) =>
  api<Page<ValueRun>>(`/value/runs${queryString({ limit })}`, { signal });
export const startValueRun = (asOf?: string) =>
  api<ValueRun>('/value/runs', { method: 'POST', body: asOf ? { asOf } : {} });

export const getPareto = (run: number | undefined, signal?: AbortSignal) =>
  api<Pareto>(`/value/charts/pareto${queryString({ run })}`, { signal });
export const getRfmGrid = (run: number | undefined, signal?: AbortSignal) =>
  api<RfmGrid>(`/value/charts/rfm-grid${queryString({ run })}`, { signal });
export const getMigration = (
  params: { from?: number; to?: number; dimension: MigrationDimension },
  signal?: AbortSignal,
) => api<Migration>(`/value/migration${queryString(params)}`, { signal });

export const getProjection = (
  params: { from?: number; to?: number; dimension: MigrationDimension; steps: number },
  signal?: AbortSignal,
) => api<Projection>(`/value/projection${queryString(params)}`, { signal });
export const getExpectedValue = (
  params: { from?: number; to?: number; dimension: MigrationDimension; discountRate: number },
  signal?: AbortSignal,
) => api<ExpectedValue>(`/value/expected-value${queryString(params)}`, { signal });

export const listValueCustomers = (kind: ValueListKind, cursor?: string, signal?: AbortSignal) =>
  api<Page<ValueListItem>>(`/value/lists${queryString({ kind, cursor, limit: 20 })}`, { signal });
export const listBreaches = (cursor?: string, signal?: AbortSignal) =>
  api<Page<Breach>>(`/value/breaches${queryString({ cursor, limit: 20 })}`, { signal });
export const openBreachTasks = () => api<BreachTasksResult>('/value/breaches/tasks', { method: 'POST' });

export const getCustomerValue = (customerId: number, signal?: AbortSignal) =>
  api<CustomerValue>(`/customers/${customerId}/value`, { signal });

export const getValueSettings = (signal?: AbortSignal) =>
  api<ValueSettingsView>('/value/settings', { signal });
export const updateValueSettings = (input: UpdateValueSettings) =>
  api<ValueSettingsView>('/value/settings', { method: 'PUT', body: input });

export const listMatrices = (signal?: AbortSignal) => api<Page<ValueMatrix>>('/value/matrices', { signal });
export const createMatrix = (input: CreateValueMatrix) =>
  api<ValueMatrix>('/value/matrices', { method: 'POST', body: input });
export const updateMatrix = (id: number, input: UpdateValueMatrix) =>
  api<ValueMatrix>(`/value/matrices/${id}`, { method: 'PATCH', body: input });
export const deleteMatrix = (id: number, version: number) =>
  api<void>(`/value/matrices/${id}${queryString({ version })}`, { method: 'DELETE' });

export const listPolicies = (signal?: AbortSignal) => api<Page<ValuePolicy>>('/value/policies', { signal });
export const createPolicy = (
  input: Partial<CreateValuePolicy> & Pick<CreateValuePolicy, 'targetKind' | 'targetKey'>,
) => api<ValuePolicy>('/value/policies', { method: 'POST', body: input });
export const updatePolicy = (id: number, input: UpdateValuePolicy) =>
  api<ValuePolicy>(`/value/policies/${id}`, { method: 'PATCH', body: input });
export const deletePolicy = (id: number, version: number) =>
  api<void>(`/value/policies/${id}${queryString({ version })}`, { method: 'DELETE' });
