import type { z } from 'zod';
import type { OrderSchema, UpdateOrder } from '../../../shared/orders/order.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type Order = Wire<z.infer<typeof OrderSchema>>;

export const orderKey = (id: number | string) => ['orders', 'one', String(id)];

export const getOrder = (id: number | string, signal?: AbortSignal) =>
  api<Order>(`/orders/${encodeURIComponent(String(id))}`, { signal });

export const updateOrder = (id: number, input: Partial<Omit<UpdateOrder, 'lines'>> & { version: number }) =>
  api<Order>(`/orders/${id}`, { method: 'PATCH', body: input });
