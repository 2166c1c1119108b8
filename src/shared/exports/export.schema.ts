import { z } from 'zod';
import { ActivityListQuerySchema } from '../activities/activity.schema';
import { id } from '../common/fields';
import { LOCALES } from '../common/locale';
import { ContactListQuerySchema } from '../contacts/contact.schema';
import { CustomerListQuerySchema } from '../customers/customer.schema';
import { OrderListQuerySchema } from '../orders/order.schema';
import { ProductListQuerySchema } from '../products/product.schema';

/** The lists that export, each with the file name's start. */
export const EXPORT_ENTITIES = ['customers', 'contacts', 'activities', 'products', 'orders'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each list's filters, search and sort: its list query without paging. */
export const EXPORT_FILTER_SCHEMAS = {
  customers: CustomerListQuerySchema.omit({ limit: true, cursor: true }),
  contacts: ContactListQuerySchema.omit({ limit: true, cursor: true }),
  activities: ActivityListQuerySchema.omit({ limit: true, cursor: true }),
  products: ProductListQuerySchema.omit({ limit: true, cursor: true }),
  orders: OrderListQuerySchema.omit({ limit: true, cursor: true }),
} as const satisfies Record<ExportEntity, z.ZodObject>;
export type ExportFilters<E extends ExportEntity> = z.infer<(typeof EXPORT_FILTER_SCHEMAS)[E]>;

/** The parameters every export takes besides the list's filters (and `lines` for orders). */
export const exportOptions = {
  format: z.enum(EXPORT_FORMATS).default('csv').describe('csv (UTF-8 with BOM) or xlsx'),
  lang: z
    .enum(LOCALES)
    .optional()
    .describe("The header row's language (a download link cannot set Accept-Language); else the request's."),
  view: id
    .optional()
    .describe(
      "A saved view of the caller's: its stored filters, search and sort are used; filters given as well override them",
    ),
};

/** Orders only: one row per order line instead of one per order. */
export const orderLinesOption = {
  lines: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: one row per order line (the order named on each), instead of one row per order'),
};

/** `GET /<entity>/export`: the list's filters and the export's options. */
export const exportQuerySchema = (entity: ExportEntity) =>
  entity === 'orders'
    ? EXPORT_FILTER_SCHEMAS.orders.extend({ ...exportOptions, ...orderLinesOption }).strict()
    : EXPORT_FILTER_SCHEMAS[entity].extend(exportOptions).strict();

export const EXPORT_OPTION_KEYS = [...Object.keys(exportOptions), 'lines'];
