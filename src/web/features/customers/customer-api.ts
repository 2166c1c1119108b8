import type { z } from 'zod';
import type {
  CreateCustomer,
  CustomerSchema,
  CustomerSummarySchema,
  UpdateCustomer,
} from '../../../shared/customers/customer.schema';
import type { Customer360Schema, MonthlyRevenue } from '../../../shared/customers/customer360.schema';
import type { SimilarCustomer, SimilarCustomersQuery } from '../../../shared/customers/similar.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type CustomerSummary = Wire<z.infer<typeof CustomerSummarySchema>>;
export type Customer360 = Wire<z.infer<typeof Customer360Schema>>;

export type CustomerListParams = Record<string, string | number | undefined>;

export const listCustomers = (params: CustomerListParams, signal?: AbortSignal) =>
  api<Page<CustomerSummary>>(`/customers${queryString(params)}`, { signal });

export const similarCustomers = (query: SimilarCustomersQuery, signal?: AbortSignal) =>
  api<SimilarCustomer[]>(`/customers/similar${queryString(query)}`, { signal });
export const revenueByMonth = (id: number, signal?: AbortSignal) =>
  api<MonthlyRevenue>(`/customers/${id}/revenue-by-month`, { signal });

export const updateCustomer = (id: number, input: Partial<UpdateCustomer> & { version: number }) =>
  api<unknown>(`/customers/${id}`, { method: 'PATCH', body: input });

export const createCustomer = (input: Partial<CreateCustomer> & { name: string }) =>
  api<Wire<z.infer<typeof CustomerSchema>>>('/customers', { method: 'POST', body: input });

export const getCustomer360 = (id: string, signal?: AbortSignal) =>
  api<Customer360>(`/customers/${encodeURIComponent(id)}/360`, { signal });
