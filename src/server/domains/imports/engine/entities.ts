/** What the engine does per entity: the extra staging columns, the validation and the merge. */
import type { ImportEntity } from '../../../../shared/imports/import-fields';
import { activityExtra, mergeActivities, validateActivities } from './activities.import';
import { contactExtra, mergeContacts, validateContacts } from './contacts.import';
import { detectCustomerDuplicates } from './customers.duplicates';
import { customerExtra, mergeCustomers, validateCustomers } from './customers.import';
import { type MergeCounts, mergeOrders, orderColumns, validateOrders } from './orders.import';
import { mergeProducts, productExtra, validateProducts } from './products.import';
import type { ExtraColumn } from './staging';
import { customerColumns, type EngineContext } from './validate-common';

export type ImportHandler = {
  extra: readonly ExtraColumn[];
  validate(ctx: EngineContext): Promise<void>;
  merge(ctx: EngineContext): Promise<MergeCounts>;
  /** 查重 after validation (customers only): warnings, and with `merge` rows pointed at the look-alike. */
  duplicates?(
    ctx: EngineContext,
    merge: boolean,
    nameCheckMaxRows?: number,
  ): Promise<{ duplicates: number; merged: number; namesUnchecked: number }>;
};

export const IMPORT_HANDLERS: Record<ImportEntity, ImportHandler> = {
  customers: {
    extra: customerExtra,
    validate: validateCustomers,
    merge: mergeCustomers,
    duplicates: detectCustomerDuplicates,
  },
  contacts: { extra: contactExtra, validate: validateContacts, merge: mergeContacts },
  products: { extra: productExtra, validate: validateProducts, merge: mergeProducts },
  orders: { extra: [...customerColumns, ...orderColumns], validate: validateOrders, merge: mergeOrders },
  activities: { extra: activityExtra, validate: validateActivities, merge: mergeActivities },
};
