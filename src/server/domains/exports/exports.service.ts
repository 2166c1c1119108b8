import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import {
  EXPORT_FILTER_SCHEMAS,
  type ExportEntity,
  type ExportFilters,
  type ExportFormat,
} from '../../../shared/exports/export.schema';
import { INVALID_VIEW_FILTER } from '../../../shared/saved-views/saved-view.schema';
import { notFound, validationError } from '../../errors';
import { type ExportFile, exportFile } from '../../export/export-file';
import { type CellValue, type ColumnDef, columnsIn, rowOf, type Table } from '../../export/table';
import type { ActivitiesService } from '../activities';
import type { ContactsService } from '../contacts';
import { type CustomerExport, EXPORT_PAGE_SIZE } from '../customers/customers.export';
import type { CustomersExportRepository } from '../customers/customers-export.repository';
import type { OrdersService } from '../orders';
import type { ProductsService } from '../products';
import type { SavedViewsService } from '../saved-views';
import {
  ACTIVITY_EXPORT_COLUMNS,
  type AuthorNames,
  CONTACT_EXPORT_COLUMNS,
  ORDER_EXPORT_COLUMNS,
  ORDER_LINE_EXPORT_COLUMNS,
  type OrderWithLine,
  PRODUCT_EXPORT_COLUMNS,
} from './exports.columns';
import type { ExportsRepository } from './exports.repository';

type Deps = {
  customerExport: CustomerExport;
  lookups: CustomersExportRepository;
  contacts: ContactsService;
  activities: ActivitiesService;
  products: ProductsService;
  orders: OrdersService;
  savedViews: SavedViewsService;
  repo: ExportsRepository;
};

/** What to export: the format, and the list's filters, or a saved view's with `overrides` on top. */
export type ExportRequest<E extends ExportEntity = ExportEntity> = {
  format: ExportFormat;
  filters?: ExportFilters<E>;
  view?: number;
  /** Filters as the URL gives them (strings), laid over the view's stored ones. */
  overrides?: Record<string, string | string[]>;
  /** Rows per keyset page (one statement each). */
  pageSize?: number;
  /** Orders: one row per order line. */
  lines?: boolean;
  /** Told after each page is written, with the rows written so far. */
  onProgress?: (rows: number) => void;
};

const SHEETS: Record<ExportEntity, { en: string; zh: string }> = {
  customers: { en: 'Customers', zh: '客户' },
  contacts: { en: 'Contacts', zh: '联系人' },
  activities: { en: 'Activities', zh: '跟进记录' },
  products: { en: 'Products', zh: '产品' },
  orders: { en: 'Orders', zh: '订单' },
};

type Page<R> = { items: R[]; nextCursor: string | null };

/** A list's keyset pages one after the other, each turned into rows as it arrives. */
async function* pagesOf<R>(
  list: (cursor: string | undefined) => Promise<Page<R>>,
  rows: (items: R[]) => Promise<CellValue[][]> | CellValue[][],
) {
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    yield await rows(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** Counts the rows that pass, telling `onProgress` after each batch. */
async function* counted(
  batches: AsyncIterable<readonly (readonly CellValue[])[]>,
  count: { rows: number },
  onProgress?: (rows: number) => void,
) {
  for await (const batch of batches) {
    yield batch;
    count.rows += batch.length;
    onProgress?.(count.rows);
  }
}

/**
 * Every list as a CSV or XLSX file: the list's own keyset pages (its filters, search, sort and the
 * caller's visibility, the same rows in the same order), a page at a time, so memory holds one page.
 * A saved view's stored query stands for the filters; a view the caller does not own is 404.
 */
export function createExports(deps: Deps) {
  const { lookups } = deps;

  async function filtersOf<E extends ExportEntity>(actor: Actor, entity: E, request: ExportRequest<E>) {
    const schema = EXPORT_FILTER_SCHEMAS[entity];
    if (request.view === undefined) return (request.filters ?? schema.parse({})) as ExportFilters<E>;
    const view = await deps.savedViews.get(actor, request.view);
    if (view.list !== entity) throw notFound();
    const parsed = schema.safeParse({ ...view.query, ...request.overrides });
    if (!parsed.success) throw validationError([{ field: 'view', message: INVALID_VIEW_FILTER }]);
    return parsed.data as ExportFilters<E>;
  }

  function tableOf<R, C>(
    defs: readonly ColumnDef<R, C>[],
    locale: Locale,
    list: (cursor: string | undefined) => Promise<Page<R>>,
    context: (items: R[]) => Promise<C> | C,
  ) {
    return {
      columns: columnsIn(defs, locale),
      batches: pagesOf(list, async (items) => {
        const ctx = await context(items);
        return items.map((item) => rowOf(defs, item, ctx, locale));
      }),
    };
  }

  async function tableFor(
    actor: Actor,
    entity: ExportEntity,
    filters: ExportFilters<ExportEntity>,
    locale: Locale,
    limit: number,
    lines = false,
  ): Promise<Table> {
    if (entity === 'customers')
      return deps.customerExport.table(actor, filters as ExportFilters<'customers'>, locale, limit);
    const timeZone = await lookups.timeZone(actor.workspaceId);
    const sheetName = locale === 'en' ? SHEETS[entity].en : SHEETS[entity].zh;
    const none = () => undefined;
    switch (entity) {
      case 'contacts': {
        const f = filters as ExportFilters<'contacts'>;
        const list = (cursor?: string) => deps.contacts.list(actor, { ...f, limit, cursor });
        return { ...tableOf(CONTACT_EXPORT_COLUMNS, locale, list, none), timeZone, sheetName };
      }
      case 'activities': {
        const f = filters as ExportFilters<'activities'>;
        const authors: AuthorNames = new Map();
        const list = (cursor?: string) => deps.activities.list(actor, { ...f, limit, cursor });
        const names = async (items: { authorId: number }[]) => {
          const ids = [...new Set(items.map((a) => a.authorId).filter((id) => !authors.has(id)))];
          for (const u of await lookups.userNames(actor.workspaceId, ids)) authors.set(u.id, u.name);
          return authors;
        };
        return { ...tableOf(ACTIVITY_EXPORT_COLUMNS, locale, list, names), timeZone, sheetName };
      }
      case 'products': {
        const f = filters as ExportFilters<'products'>;
        const list = (cursor?: string) => deps.products.list(actor, { ...f, limit, cursor });
        return { ...tableOf(PRODUCT_EXPORT_COLUMNS, locale, list, none), timeZone, sheetName };
      }
      case 'orders': {
        const f = filters as ExportFilters<'orders'>;
        const list = (cursor?: string) => deps.orders.list(actor, { ...f, limit, cursor });
        if (!lines) return { ...tableOf(ORDER_EXPORT_COLUMNS, locale, list, none), timeZone, sheetName };
        // A page of orders, then their lines in one statement: the orders' order, each by line number.
        const withLines = async (cursor?: string) => {
          const page = await list(cursor);
          const found = await deps.repo.orderLines(
            actor.workspaceId,
            page.items.map((o) => o.id),
          );
          const byOrder = new Map<number, typeof found>();
          for (const line of found) {
            const of = byOrder.get(line.orderId);
            if (of) of.push(line);
            else byOrder.set(line.orderId, [line]);
          }
          const items: OrderWithLine[] = page.items.flatMap((order) =>
            (byOrder.get(order.id) ?? []).map((line) => ({ order, line })),
          );
          return { items, nextCursor: page.nextCursor };
        };
        const name = locale === 'en' ? 'Order lines' : '订单明细';
        return { ...tableOf(ORDER_LINE_EXPORT_COLUMNS, locale, withLines, none), timeZone, sheetName: name };
      }
    }
  }

  return {
    /**
     * The file, produced as the reader takes it; `rows()` tells how many rows have been written (all of
     * them once the chunks are read to the end).
     */
    async file<E extends ExportEntity>(
      actor: Actor,
      entity: E,
      request: ExportRequest<E>,
      locale: Locale,
    ): Promise<ExportFile & { rows: () => number }> {
      const filters = await filtersOf(actor, entity, request);
      const pageSize = request.pageSize ?? EXPORT_PAGE_SIZE;
      const table = await tableFor(actor, entity, filters, locale, pageSize, request.lines);
      const count = { rows: 0 };
      const base = entity === 'orders' && request.lines ? 'order-lines' : entity;
      const file = exportFile(base, request.format, {
        ...table,
        batches: counted(table.batches, count, request.onProgress),
      });
      return { ...file, rows: () => count.rows };
    },
  };
}

export type Exports = ReturnType<typeof createExports>;
