import type { z } from 'zod';
import type {
  CustomerQualitySchema,
  QualityGroupBy,
  QualityIssue,
  QualitySettingsSchema,
  QualitySummary,
  UpdateQualitySettings,
} from '../../../shared/quality/quality.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type QualitySettings = Wire<z.infer<typeof QualitySettingsSchema>>;
export type CustomerQuality = z.infer<typeof CustomerQualitySchema>;
export type { QualityGroupBy, QualityIssue, QualitySummary };
export type IssueKind = QualityIssue['problems'][number];

/** Everything computed from the rules: a change to them refreshes it all. */
export const QUALITY_KEY = ['quality'] as const;
export const QUALITY_SETTINGS_KEY = ['quality', 'settings'] as const;

export const getQualitySettings = (signal?: AbortSignal) =>
  api<QualitySettings>('/quality/settings', { signal });
export const updateQualitySettings = (input: UpdateQualitySettings) =>
  api<QualitySettings>('/quality/settings', { method: 'PATCH', body: input });

export const getQualitySummary = (groupBy: QualityGroupBy, signal?: AbortSignal) =>
  api<QualitySummary>(`/quality/summary${queryString({ groupBy })}`, { signal });

export const listQualityIssues = (
  params: { kind?: IssueKind; owner?: number; cursor?: string; limit?: number },
  signal?: AbortSignal,
) => api<Page<QualityIssue>>(`/quality/issues${queryString(params)}`, { signal });

export const getCustomerQuality = (customerId: number, signal?: AbortSignal) =>
  api<CustomerQuality>(`/customers/${customerId}/quality`, { signal });
