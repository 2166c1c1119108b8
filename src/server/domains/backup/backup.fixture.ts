import { asc, eq, getTableName, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema';
import {
  activities,
  activityContacts,
  auditLog,
  branches,
  codeSequences,
  contacts,
  customerBudgets,
  customers,
  customerTeamMembers,
  orderLines,
  orders,
  products,
  qualitySettings,
  savedViews,
  securityEvents,
  sessions,
  teams,
  users,
  workspaces,
} from '../../../db/schema';

/** Test data touching every column kind a backup must carry: money, Chinese text, arrays, jsonb, nulls, times. */
export async function seedBackupFixture(db: Db): Promise<void> {
  const t0 = new Date('2024-03-01T08:30:15.123Z');
  await db.insert(workspaces).values([
    { id: 1, slug: 'acme', name: '杭州西湖精细化工有限公司', createdAt: t0 },
    { id: 2, slug: 'other', name: 'Other "Co", Ltd.' },
  ]);
  await db.insert(branches).values([
    { workspaceId: 1, id: 1, code: 'EAST', name: '华东分公司' },
    { workspaceId: 1, id: 2, code: 'NORTH', name: '华北分公司' },
  ]);
  await db.insert(teams).values({ workspaceId: 1, id: 1, branchId: 1, name: '一组' });
  await db.insert(users).values([
    { workspaceId: 1, id: 1, email: 'admin@b.test', name: '管理员', role: 'admin', passwordHash: 'x' },
    { workspaceId: 1, id: 2, email: 'sales@b.test', name: '张三', role: 'sales', branchId: 1, teamId: 1 },
    { workspaceId: 2, id: 3, email: 'o@b.test', name: 'Other', role: 'admin', locale: 'en' },
  ]);
  await db.insert(sessions).values({ workspaceId: 1, id: 'abc', userId: 1, expiresAt: t0 });
  const base = { workspaceId: 1, type: 'enterprise', status: 'active', ownerId: 2, branchId: 1 } as const;
  await db.insert(customers).values([
    { ...base, id: 1, code: 'C001', name: '杭州西湖精细化工有限公司', tags: ['重点', 'a,b', 'say "hi"'] },
    { ...base, id: 2, code: 'C002', name: 'Line\nbreak, comma', shortName: '', city: null, parentId: 1 },
    { ...base, id: 3, code: 'C003', name: '上海', customFields: { 级别: 'A', n: 1.5, list: [1, null] } },
    { ...base, id: 7, code: 'C007', name: 'NULL', province: '\\N', searchGrams: ['上海', '海市'] },
  ]);
  // A parent that comes after its child in id order: restored in a second pass.
  await db.update(customers).set({ parentId: 7 }).where(eq(customers.id, 3));
  await db
    .insert(customerBudgets)
    .values({ workspaceId: 1, customerId: 1, category: '化工', amount: '99999999.99' });
  await db.insert(customerTeamMembers).values({ workspaceId: 1, customerId: 1, userId: 1, role: 'support' });
  await db.insert(contacts).values([
    {
      workspaceId: 1,
      id: 1,
      customerId: 1,
      name: '李四',
      phones: ['13800000000', '0571-8888'],
      birthday: '1980-02-29',
    },
    { workspaceId: 1, id: 2, customerId: 1, name: 'Ann', phones: [], email: null, isPrimary: true },
  ]);
  await db
    .insert(products)
    .values({ workspaceId: 1, id: 1, code: 'P1', name: '乙醇', unit: '吨', listPrice: '0.01' });
  await db.insert(orders).values([
    {
      workspaceId: 1,
      id: 1,
      orderNo: 'SO1',
      customerId: 1,
      orderedAt: '2024-02-29',
      status: 'completed',
      totalAmount: '12345.67',
    },
    {
      workspaceId: 1,
      id: 2,
      orderNo: 'SO2',
      customerId: 3,
      orderedAt: '2023-12-31',
      status: 'draft',
      totalAmount: '-0.50',
      totalCost: null,
    },
  ]);
  await db.insert(orderLines).values([
    {
      workspaceId: 1,
      orderId: 1,
      lineNo: 1,
      productId: 1,
      quantity: '1.234',
      unitPrice: '10000.00',
      amount: '12340.00',
    },
    {
      workspaceId: 1,
      orderId: 1,
      lineNo: 2,
      description: '运费',
      quantity: '1',
      unitPrice: '5.67',
      amount: '5.67',
    },
  ]);
  await db.insert(activities).values({
    workspaceId: 1,
    id: 1,
    customerId: 1,
    type: 'visit',
    subject: '拜访',
    body: '第一行\n"第二行"',
    occurredAt: t0,
    authorId: 2,
  });
  await db.insert(activityContacts).values({ workspaceId: 1, activityId: 1, contactId: 1 });
  await db.insert(auditLog).values({
    workspaceId: 1,
    id: 1,
    entity: 'customer',
    entityId: 1,
    action: 'update',
    actorId: 1,
    at: t0,
    before: { name: '旧', tags: [] },
    after: { name: '新', nested: { x: null } },
  });
  await db.insert(securityEvents).values([
    { id: 1, kind: 'login_failed', email: 'x@y', ip: '::1', detail: { reason: '密码错误' }, at: t0 },
    { id: 2, workspaceId: 1, kind: 'login_ok', userId: 1 },
  ]);
  await db.insert(savedViews).values({
    workspaceId: 1,
    id: 1,
    ownerId: 2,
    list: 'customers',
    name: '浙江休眠经销商',
    query: { status: 'dormant,lost', type: 'dealer', q: 'a "b", c', sort: '-updatedAt' },
    hiddenColumns: ['tags', 'a,b'],
    createdAt: t0,
  });
  await db.insert(qualitySettings).values({
    workspaceId: 1,
    requiredFields: ['taxId', 'contactPhone', 'custom:erp_code'],
    staleDays: 45,
    version: 3,
    updatedAt: t0,
    updatedBy: 1,
  });
  await db.insert(codeSequences).values({ workspaceId: 1, scope: 'customer', period: '2024', value: 7 });
}

/** Every table's rows, read through Drizzle (so both drivers map values the same way), by primary key. */
export async function readAllTables(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const cfg = getTableConfig(table);
    const keyNames = cfg.primaryKeys[0]?.columns.map((c) => c.name) ?? ['id'];
    const order = cfg.columns.filter((c) => keyNames.includes(c.name)).map((c) => asc(c));
    out[getTableName(table)] = await db
      .select()
      .from(table)
      .orderBy(...order);
  }
  return out;
}
