import type { Actor } from '../../../shared/auth/roles';
import type { Locale } from '../../../shared/common/locale';
import type { CustomerListQuery } from '../../../shared/customers/customer.schema';
import { csvTableChunks } from '../../export/csv';
import { exportFile } from '../../export/export-file';
import { type ColumnDef, columnsIn, type ExportFormat, rowOf, type Table } from '../../export/table';
import { compactDayInZone } from '../../export/zoned-time';
import type { CustomersRepository } from './customers.repository';
import type { CustomersExportRepository } from './customers-export.repository';

type Row = Awaited<ReturnType<CustomersRepository['list']>>['items'][number];
type Names = { owner: Map<number, string>; branch: Map<number, string>; phone: Map<number, string> };
type Column = ColumnDef<Row, Names>;

const TYPE_LABELS: Record<Row['type'], { en: string; zh: string }> = {
  enterprise: { en: 'Enterprise', zh: '企业' },
  dealer: { en: 'Dealer', zh: '经销商' },
  individual: { en: 'Individual', zh: '个人' },
  internal: { en: 'Internal', zh: '内部' },
};
const STATUS_LABELS: Record<Row['status'], { en: string; zh: string }> = {
  prospect: { en: 'Prospect', zh: '潜在' },
  active: { en: 'Active', zh: '活跃' },
  dormant: { en: 'Dormant', zh: '休眠' },
  lost: { en: 'Lost', zh: '流失' },
};
const label = (l: { en: string; zh: string }, locale: Locale) => (locale === 'en' ? l.en : l.zh);

/** The columns of the customer export, in order, with their header in both languages. */
export const CUSTOMER_EXPORT_COLUMNS: readonly Column[] = [
  { en: 'Code', zh: '客户编码', kind: 'text', width: 14, value: (c) => c.code },
  { en: 'Name', zh: '客户名称', kind: 'text', width: 32, value: (c) => c.name },
  { en: 'Short name', zh: '简称', kind: 'text', value: (c) => c.shortName },
  { en: 'Type', zh: '类型', kind: 'text', width: 10, value: (c, _n, l) => label(TYPE_LABELS[c.type], l) },
  {
    en: 'Status',
    zh: '状态',
    kind: 'text',
    width: 10,
    value: (c, _n, l) => label(STATUS_LABELS[c.status], l),
  },
  { en: 'Province', zh: '省份', kind: 'text', width: 12, value: (c) => c.province },
  { en: 'City', zh: '城市', kind: 'text', width: 12, value: (c) => c.city },
  {
    en: 'Owner',
    zh: '负责人',
    kind: 'text',
    value: (c, n) => (c.ownerId === null ? null : n.owner.get(c.ownerId)),
  },
  {
    en: 'Branch',
    zh: '分公司',
    kind: 'text',
    value: (c, n) => (c.branchId === null ? null : n.branch.get(c.branchId)),
  },
  { en: 'Credit rating', zh: '信用等级', kind: 'text', width: 10, value: (c) => c.creditRating },
  { en: 'Tags', zh: '标签', kind: 'text', value: (c, _n, l) => c.tags.join(l === 'en' ? '; ' : '；') },
  { en: 'Tax ID', zh: '统一社会信用代码', kind: 'text', width: 22, value: (c) => c.taxId },
  { en: 'Phone', zh: '电话', kind: 'text', width: 16, value: (c, n) => n.phone.get(c.id) },
  { en: 'Created', zh: '创建时间', kind: 'datetime', value: (c) => c.createdAt },
  { en: 'Updated', zh: '更新时间', kind: 'datetime', value: (c) => c.updatedAt },
];

export type ExportQuery = Omit<CustomerListQuery, 'limit' | 'cursor'>;

/** Rows read per statement: a keyset page of the list, so memory holds one page whatever the total. */
export const EXPORT_PAGE_SIZE = 500;

/**
 * Every customer of the list's filters, search and sort that the actor may see, as CSV chunks: the
 * list's own keyset pages one after the other (the same rows, in the same order, as the list shows).
 */
export function createCustomerExport(repo: CustomersRepository, lookups: CustomersExportRepository) {
  const ws = (actor: Actor) => actor.workspaceId;

  /** Names of the owners and branches not met on an earlier page, and the page's phones. */
  async function namesFor(actor: Actor, rows: Row[], known: Names): Promise<Names> {
    const newIds = (ids: (number | null)[], map: Map<number, string>) => [
      ...new Set(ids.filter((id): id is number => id !== null && !map.has(id))),
    ];
    const [owners, branchRows, phones] = await Promise.all([
      lookups.userNames(
        ws(actor),
        newIds(
          rows.map((r) => r.ownerId),
          known.owner,
        ),
      ),
      lookups.branchNames(
        ws(actor),
        newIds(
          rows.map((r) => r.branchId),
          known.branch,
        ),
      ),
      lookups.primaryPhones(
        ws(actor),
        rows.map((r) => r.id),
      ),
    ]);
    for (const u of owners) known.owner.set(u.id, u.name);
    for (const b of branchRows) known.branch.set(b.id, b.name);
    return { ...known, phone: new Map(phones.map((p) => [p.customerId, p.phones[0] ?? ''])) };
  }

  async function* pages(actor: Actor, query: ExportQuery, pageSize: number, locale: Locale) {
    const known: Names = { owner: new Map(), branch: new Map(), phone: new Map() };
    let cursor: string | undefined;
    do {
      const page = await repo.list(actor, { ...query, limit: pageSize, cursor });
      const names = await namesFor(actor, page.items, known);
      yield page.items.map((c) => rowOf(CUSTOMER_EXPORT_COLUMNS, c, names, locale));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** The list as a table: its header in `locale`, its rows page by page as the writer takes them. */
  async function table(actor: Actor, query: ExportQuery, locale: Locale, pageSize = EXPORT_PAGE_SIZE) {
    const timeZone = await lookups.timeZone(ws(actor));
    return {
      columns: columnsIn(CUSTOMER_EXPORT_COLUMNS, locale),
      batches: pages(actor, query, pageSize, locale),
      timeZone,
      sheetName: locale === 'en' ? 'Customers' : '客户',
    } satisfies Table;
  }

  return {
    table,

    /** The file name (the workspace's day) and the CSV, produced page by page as the reader takes it. */
    async csv(actor: Actor, query: ExportQuery, locale: Locale, pageSize = EXPORT_PAGE_SIZE) {
      const t = await table(actor, query, locale, pageSize);
      return {
        filename: `customers-${compactDayInZone(new Date(), t.timeZone)}.csv`,
        chunks: csvTableChunks(t),
      };
    },

    /** The list as a CSV or XLSX file. */
    async file(actor: Actor, query: ExportQuery, locale: Locale, format: ExportFormat) {
      return exportFile('customers', format, await table(actor, query, locale));
    },
  };
}

export type CustomerExport = ReturnType<typeof createCustomerExport>;
