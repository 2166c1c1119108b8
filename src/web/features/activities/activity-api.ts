import type { z } from 'zod';
import type { ActivitySchema, CreateActivity } from '../../../shared/activities/activity.schema';
import type { ContactSchema } from '../../../shared/contacts/contact.schema';
import { api, queryString } from '../../lib/api';
import type { Page, Wire } from '../../lib/wire';

export type Activity = Wire<z.infer<typeof ActivitySchema>>;
export type ContactOption = Pick<Wire<z.infer<typeof ContactSchema>>, 'id' | 'name' | 'title' | 'isPrimary'>;

export const createActivity = (input: Omit<CreateActivity, 'contactIds'> & { contactIds?: number[] }) =>
  api<Activity>('/activities', { method: 'POST', body: input });

export const contactsOf = (customerId: number, signal?: AbortSignal) =>
  api<Page<ContactOption>>(`/customers/${customerId}/contacts${queryString({ limit: 100 })}`, { signal });
