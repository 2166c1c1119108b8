import type { z } from 'zod';
import type { ActivityListItemSchema } from '../../shared/activities/activity.schema';
import type { ContactListItemSchema } from '../../shared/contacts/contact.schema';
import type { OrderListItemSchema } from '../../shared/orders/order.schema';
import type { ProductSchema } from '../../shared/products/product.schema';
import { api, queryString } from '../lib/api';
import type { Page, Wire } from '../lib/wire';
import type { ListParams } from '../ui/keyset-list-page';

export type ContactRow = Wire<z.infer<typeof ContactListItemSchema>>;
export type ActivityRow = Wire<z.infer<typeof ActivityListItemSchema>>;
export type ProductRow = Wire<z.infer<typeof ProductSchema>>;
export type OrderRow = Wire<z.infer<typeof OrderListItemSchema>>;

const list =
  <T>(path: string) =>
  (params: ListParams, signal?: AbortSignal) =>
    api<Page<T>>(`${path}${queryString(params)}`, { signal });

export const listContacts = list<ContactRow>('/contacts');
export const listActivities = list<ActivityRow>('/activities');
export const listProducts = list<ProductRow>('/products');
export const listOrders = list<OrderRow>('/orders');
