/** How the demo streams map onto COPY: the column lists, and which tables travel together. */
import {
  activities,
  activityContacts,
  contacts,
  customerBudgets,
  customers,
  customerTeamMembers,
  orderLines,
  orders,
  products,
} from '../../../db/schema';
import type {
  ActivityBundle,
  ActivityContactRow,
  ActivityRow,
  ContactRow,
  CustomerBudgetRow,
  CustomerBundle,
  CustomerRow,
  CustomerTeamMemberRow,
  DemoCounts,
  OrderBundle,
  OrderLineRow,
  OrderRow,
  ProductRow,
} from './demo.context';
import { copyTable, type LoadGroup } from './demo.loader';

const productTable = copyTable<ProductRow>(products, [
  'workspaceId',
  'id',
  'code',
  'name',
  'category',
  'unit',
  'listPrice',
  'standardCost',
  'active',
  'createdAt',
  'updatedAt',
]);

const customerTable = copyTable<CustomerRow>(customers, [
  'workspaceId',
  'id',
  'code',
  'name',
  'shortName',
  'type',
  'industry',
  'province',
  'city',
  'address',
  'taxId',
  'employees',
  'revenueBand',
  'creditRating',
  'status',
  'ownerId',
  'branchId',
  'source',
  'tags',
  'parentId',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
]);

const budgetTable = copyTable<CustomerBudgetRow>(customerBudgets, [
  'workspaceId',
  'customerId',
  'category',
  'amount',
]);

const teamTable = copyTable<CustomerTeamMemberRow>(customerTeamMembers, [
  'workspaceId',
  'customerId',
  'userId',
  'role',
  'createdAt',
]);

const contactTable = copyTable<ContactRow>(contacts, [
  'workspaceId',
  'id',
  'customerId',
  'name',
  'title',
  'department',
  'phones',
  'email',
  'wechat',
  'decisionRole',
  'attitude',
  'birthday',
  'isPrimary',
  'notes',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
]);

const orderTable = copyTable<OrderRow>(orders, [
  'workspaceId',
  'id',
  'orderNo',
  'customerId',
  'orderedAt',
  'status',
  'currency',
  'totalAmount',
  'totalCost',
  'source',
  'notes',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
]);

const lineTable = copyTable<OrderLineRow>(orderLines, [
  'workspaceId',
  'orderId',
  'lineNo',
  'productId',
  'description',
  'quantity',
  'unitPrice',
  'unitCost',
  'amount',
  'cost',
]);

const activityTable = copyTable<ActivityRow>(activities, [
  'workspaceId',
  'id',
  'customerId',
  'type',
  'direction',
  'subject',
  'body',
  'outcome',
  'occurredAt',
  'durationMinutes',
  'nextFollowUpOn',
  'authorId',
  'version',
  'createdAt',
  'updatedAt',
  'createdBy',
]);

const activityContactTable = copyTable<ActivityContactRow>(activityContacts, [
  'workspaceId',
  'activityId',
  'contactId',
]);

/** Every table the demo writes, in foreign-key order. */
export const DEMO_TABLES = [
  'products',
  'customers',
  'customer_budgets',
  'customer_team_members',
  'contacts',
  'orders',
  'order_lines',
  'activities',
  'activity_contacts',
] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];

export function productGroup(rows: Iterable<ProductRow>, counts: DemoCounts): LoadGroup<ProductRow> {
  return {
    tables: [productTable],
    totals: [counts.products],
    items: rows,
    split: (row, out) => out(0, row),
  };
}

export function customerGroup(
  items: Iterable<CustomerBundle>,
  counts: DemoCounts,
): LoadGroup<CustomerBundle> {
  return {
    tables: [customerTable, budgetTable, teamTable],
    // Children are estimates, on the low side: progress totals only grow (≈0.67 and ≈0.4 per customer).
    totals: [counts.customers, Math.round(counts.customers * 0.6), Math.round(counts.customers * 0.35)],
    items,
    split: (item, out) => {
      out(0, item.customer);
      for (const b of item.budgets) out(1, b);
      for (const t of item.team) out(2, t);
    },
  };
}

export function contactGroup(rows: Iterable<ContactRow>, counts: DemoCounts): LoadGroup<ContactRow> {
  return { tables: [contactTable], totals: [counts.contacts], items: rows, split: (row, out) => out(0, row) };
}

export function orderGroup(items: Iterable<OrderBundle>, counts: DemoCounts): LoadGroup<OrderBundle> {
  return {
    tables: [orderTable, lineTable],
    totals: [counts.orders, Math.round(counts.orders * 2.2)],
    items,
    split: (item, out) => {
      out(0, item.order);
      for (const l of item.lines) out(1, l);
    },
  };
}

export function activityGroup(
  items: Iterable<ActivityBundle>,
  counts: DemoCounts,
): LoadGroup<ActivityBundle> {
  return {
    tables: [activityTable, activityContactTable],
    totals: [counts.activities, Math.round(counts.activities * 0.72)],
    items,
    split: (item, out) => {
      out(0, item.activity);
      for (const c of item.contacts) out(1, c);
    },
  };
}
