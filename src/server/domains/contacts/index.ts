import type { Db } from '../../../db/client';
import type { CustomerGateApi } from '../customers/customers.access';
import { createContactsRepository } from './contacts.repository';
import { createContactsService } from './contacts.service';

export {
  type ContactRow,
  contactsOfCustomerByIds,
  contactsOfCustomerJson,
  readContacts,
} from './contacts.repository';
export { contactsRoutes } from './contacts.routes';
export type { ContactsService } from './contacts.service';

export const createContacts = (db: Db, gate: CustomerGateApi) =>
  createContactsService(createContactsRepository(db), gate);
