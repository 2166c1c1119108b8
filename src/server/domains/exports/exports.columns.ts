/**
 * The columns of each list's export besides customers (`customers.export.ts`), in order, with their
 * header in both languages and the kind of value each holds (money stays an exact decimal string).
 */

import type { z } from 'zod';
import type { ActivityListItemSchema } from '../../../shared/activities/activity.schema';
import type { ContactListItemSchema } from '../../../shared/contacts/contact.schema';
import type { OrderListItem } from '../../../shared/orders/order.schema';
import type { Product } from '../../../shared/products/product.schema';
import { type ColumnDef, type Label, labelIn } from '../../export/table';
import type { OrderLineRow } from './exports.repository';

type ContactRow = z.infer<typeof ContactListItemSchema>;
type ActivityRow = z.infer<typeof ActivityListItemSchema>;

const yesNo = (v: boolean): Label => (v ? { en: 'Yes', zh: '是' } : { en: 'No', zh: '否' });

const DECISION_ROLES: Record<string, Label> = {
  decision_maker: { en: 'Decision maker', zh: '决策者' },
  influencer: { en: 'Influencer', zh: '影响者' },
  user: { en: 'User', zh: '使用者' },
  gatekeeper: { en: 'Gatekeeper', zh: '把关者' },
};
const ATTITUDES: Record<string, Label> = {
  champion: { en: 'Champion', zh: '支持者（内线）' },
  supporter: { en: 'Supporter', zh: '友好' },
  neutral: { en: 'Neutral', zh: '中立' },
  skeptic: { en: 'Skeptic', zh: '怀疑' },
  opponent: { en: 'Opponent', zh: '反对' },
};
const ACTIVITY_TYPES: Record<string, Label> = {
  visit: { en: 'Visit', zh: '拜访' },
  call: { en: 'Call', zh: '电话' },
  email: { en: 'E-mail', zh: '邮件' },
  letter: { en: 'Letter', zh: '信函' },
  meeting: { en: 'Meeting', zh: '会议' },
  web: { en: 'Web', zh: '网站' },
  wechat: { en: 'WeChat', zh: '微信' },
  note: { en: 'Note', zh: '备注' },
};
const DIRECTIONS: Record<string, Label> = {
  inbound: { en: 'Inbound', zh: '客户来访/来电' },
  outbound: { en: 'Outbound', zh: '我方主动' },
};
const ORDER_STATUSES: Record<string, Label> = {
  draft: { en: 'Draft', zh: '草稿' },
  confirmed: { en: 'Confirmed', zh: '已确认' },
  shipped: { en: 'Shipped', zh: '已发货' },
  completed: { en: 'Completed', zh: '已完成' },
  cancelled: { en: 'Cancelled', zh: '已取消' },
};
const ORDER_SOURCES: Record<string, Label> = {
  erp: { en: 'ERP sync', zh: 'ERP 同步' },
  manual: { en: 'Entered by hand', zh: '手工录入' },
  import: { en: 'Bulk import', zh: '批量导入' },
};
const of = (labels: Record<string, Label>, key: string | null) => (key === null ? undefined : labels[key]);

const customerCode: ColumnDef<{ customerCode: string }, unknown> = {
  en: 'Customer code',
  zh: '客户编码',
  kind: 'text',
  width: 14,
  value: (r) => r.customerCode,
};
const customerName: ColumnDef<{ customerName: string }, unknown> = {
  en: 'Customer',
  zh: '客户名称',
  kind: 'text',
  width: 32,
  value: (r) => r.customerName,
};

export const CONTACT_EXPORT_COLUMNS: readonly ColumnDef<ContactRow, unknown>[] = [
  { en: 'Name', zh: '姓名', kind: 'text', width: 12, value: (c) => c.name },
  customerCode,
  customerName,
  { en: 'Title', zh: '职务', kind: 'text', value: (c) => c.title },
  { en: 'Department', zh: '部门', kind: 'text', value: (c) => c.department },
  {
    en: 'Phones',
    zh: '电话',
    kind: 'text',
    width: 16,
    value: (c, _x, l) => c.phones.join(l === 'en' ? '; ' : '；'),
  },
  { en: 'E-mail', zh: '邮箱', kind: 'text', width: 24, value: (c) => c.email },
  { en: 'WeChat', zh: '微信', kind: 'text', value: (c) => c.wechat },
  {
    en: 'Decision role',
    zh: '决策角色',
    kind: 'text',
    width: 10,
    value: (c, _x, l) => labelIn(of(DECISION_ROLES, c.decisionRole), l),
  },
  {
    en: 'Attitude',
    zh: '态度',
    kind: 'text',
    width: 10,
    value: (c, _x, l) => labelIn(of(ATTITUDES, c.attitude), l),
  },
  { en: 'Birthday', zh: '生日', kind: 'date', value: (c) => c.birthday },
  {
    en: 'Primary',
    zh: '主联系人',
    kind: 'text',
    width: 8,
    value: (c, _x, l) => labelIn(yesNo(c.isPrimary), l),
  },
  { en: 'Notes', zh: '备注', kind: 'text', width: 30, value: (c) => c.notes },
  { en: 'Created', zh: '创建时间', kind: 'datetime', value: (c) => c.createdAt },
  { en: 'Updated', zh: '更新时间', kind: 'datetime', value: (c) => c.updatedAt },
];

/** What an activity row needs besides itself: the names of authors. */
export type AuthorNames = Map<number, string>;

export const ACTIVITY_EXPORT_COLUMNS: readonly ColumnDef<ActivityRow, AuthorNames>[] = [
  { en: 'Occurred', zh: '发生时间', kind: 'datetime', value: (a) => a.occurredAt },
  {
    en: 'Type',
    zh: '类型',
    kind: 'text',
    width: 8,
    value: (a, _n, l) => labelIn(of(ACTIVITY_TYPES, a.type), l),
  },
  {
    en: 'Direction',
    zh: '方向',
    kind: 'text',
    width: 12,
    value: (a, _n, l) => labelIn(of(DIRECTIONS, a.direction ?? null), l),
  },
  { en: 'Subject', zh: '主题', kind: 'text', width: 30, value: (a) => a.subject },
  customerCode,
  customerName,
  { en: 'Author', zh: '记录人', kind: 'text', width: 12, value: (a, n) => n.get(a.authorId) },
  { en: 'Duration (min)', zh: '时长（分钟）', kind: 'integer', value: (a) => a.durationMinutes },
  { en: 'Outcome', zh: '结果', kind: 'text', width: 30, value: (a) => a.outcome },
  { en: 'Next follow-up', zh: '下次跟进', kind: 'date', value: (a) => a.nextFollowUpOn },
  { en: 'Body', zh: '内容', kind: 'text', width: 40, value: (a) => a.body },
  { en: 'Created', zh: '创建时间', kind: 'datetime', value: (a) => a.createdAt },
];

export const PRODUCT_EXPORT_COLUMNS: readonly ColumnDef<Product, unknown>[] = [
  { en: 'Code', zh: '产品编码', kind: 'text', width: 14, value: (p) => p.code },
  { en: 'Name', zh: '产品名称', kind: 'text', width: 30, value: (p) => p.name },
  { en: 'Category', zh: '类别', kind: 'text', value: (p) => p.category },
  { en: 'Unit', zh: '单位', kind: 'text', width: 8, value: (p) => p.unit },
  { en: 'List price', zh: '标准价', kind: 'money', value: (p) => p.listPrice },
  { en: 'Standard cost', zh: '标准成本', kind: 'money', value: (p) => p.standardCost },
  { en: 'Active', zh: '启用', kind: 'text', width: 8, value: (p, _x, l) => labelIn(yesNo(p.active), l) },
  { en: 'Created', zh: '创建时间', kind: 'datetime', value: (p) => p.createdAt },
  { en: 'Updated', zh: '更新时间', kind: 'datetime', value: (p) => p.updatedAt },
];

export const ORDER_EXPORT_COLUMNS: readonly ColumnDef<OrderListItem, unknown>[] = [
  { en: 'Order no.', zh: '订单号', kind: 'text', width: 18, value: (o) => o.orderNo },
  { en: 'Ordered on', zh: '下单日期', kind: 'date', value: (o) => o.orderedAt },
  customerCode,
  customerName,
  {
    en: 'Status',
    zh: '状态',
    kind: 'text',
    width: 10,
    value: (o, _x, l) => labelIn(of(ORDER_STATUSES, o.status), l),
  },
  { en: 'Currency', zh: '币种', kind: 'text', width: 8, value: (o) => o.currency },
  { en: 'Amount', zh: '金额', kind: 'money', value: (o) => o.totalAmount },
  { en: 'Cost', zh: '成本', kind: 'money', value: (o) => o.totalCost },
  {
    en: 'Source',
    zh: '来源',
    kind: 'text',
    width: 12,
    value: (o, _x, l) => labelIn(of(ORDER_SOURCES, o.source), l),
  },
  { en: 'Notes', zh: '备注', kind: 'text', width: 30, value: (o) => o.notes },
  { en: 'Created', zh: '创建时间', kind: 'datetime', value: (o) => o.createdAt },
];

/** One row per order line: the order's columns that name it, then the line's. */
export type OrderWithLine = { order: OrderListItem; line: OrderLineRow };
const orderPart = (i: number): ColumnDef<OrderWithLine, unknown> => {
  const def = ORDER_EXPORT_COLUMNS[i]!;
  return { ...def, value: (r, ctx, l) => def.value(r.order, ctx, l) };
};

export const ORDER_LINE_EXPORT_COLUMNS: readonly ColumnDef<OrderWithLine, unknown>[] = [
  ...[0, 1, 2, 3, 4, 5].map(orderPart),
  { en: 'Line', zh: '行号', kind: 'integer', width: 6, value: (r) => r.line.lineNo },
  { en: 'Product code', zh: '产品编码', kind: 'text', width: 14, value: (r) => r.line.productCode },
  { en: 'Product', zh: '产品名称', kind: 'text', width: 24, value: (r) => r.line.productName },
  { en: 'Description', zh: '说明', kind: 'text', width: 24, value: (r) => r.line.description },
  { en: 'Quantity', zh: '数量', kind: 'quantity', value: (r) => r.line.quantity },
  { en: 'Unit', zh: '单位', kind: 'text', width: 8, value: (r) => r.line.productUnit },
  { en: 'Unit price', zh: '单价', kind: 'money', value: (r) => r.line.unitPrice },
  { en: 'Unit cost', zh: '单位成本', kind: 'money', value: (r) => r.line.unitCost },
  { en: 'Amount', zh: '金额', kind: 'money', value: (r) => r.line.amount },
  { en: 'Cost', zh: '成本', kind: 'money', value: (r) => r.line.cost },
];
