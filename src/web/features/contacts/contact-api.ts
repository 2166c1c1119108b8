import type { z } from 'zod';
import type { ContactSchema } from '../../../shared/contacts/contact.schema';
import { api } from '../../lib/api';
import type { Wire } from '../../lib/wire';

export type Contact = Wire<z.infer<typeof ContactSchema>>;

/** One contact's cache key; every page that shows a contact by its id shares it. */
export const contactKey = (id: number | string) => ['contacts', 'one', String(id)];

export const getContact = (id: number | string, signal?: AbortSignal) =>
  api<Contact>(`/contacts/${encodeURIComponent(String(id))}`, { signal });
