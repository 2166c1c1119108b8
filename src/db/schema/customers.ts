import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';
import { branches, users } from './org';

export const customers = pgTable(
  'customers',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    type: text('type', { enum: ['enterprise', 'dealer', 'individual', 'internal'] }).notNull(),
    industry: text('industry'),
    province: text('province'),
    city: text('city'),
    address: text('address'),
    taxId: text('tax_id'),
    employees: integer('employees'),
    revenueBand: text('revenue_band'),
    creditRating: text('credit_rating'),
    status: text('status', { enum: ['prospect', 'active', 'dormant', 'lost'] }).notNull(),
    ownerId: bigint('owner_id', { mode: 'number' }),
    branchId: bigint('branch_id', { mode: 'number' }),
    source: text('source'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    parentId: bigint('parent_id', { mode: 'number' }),
    customFields: jsonb('custom_fields').notNull().default(sql`'{}'::jsonb`),
    // Retired by migration 0002 (see customerNameWindows): nothing reads or writes it any more, and it
    // stays only so that backups made before that migration still restore.
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    deletedAt: tstz('deleted_at'),
    ...mutableColumns(),
    // 查重: the name without legal form, punctuation or width differences (nameKey in
    // src/shared/duplicates/name-key.ts is its JavaScript twin). Generated, so every writer (the API,
    // COPY imports, restores) fills it; backups leave it out. The SQL function is in the migration.
    nameKey: text('name_key').generatedAlwaysAs(sql`kehu_name_key(name)`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('customers_code_uq').on(t.workspaceId, t.code),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({ columns: [t.workspaceId, t.branchId], foreignColumns: [branches.workspaceId, branches.id] }),
    foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
    index('customers_owner_idx').on(t.workspaceId, t.ownerId, t.id),
    index('customers_branch_idx').on(t.workspaceId, t.branchId, t.id),
    index('customers_status_idx').on(t.workspaceId, t.status, t.id),
    index('customers_type_idx').on(t.workspaceId, t.type, t.id),
    index('customers_province_idx').on(t.workspaceId, t.province, t.id),
    index('customers_credit_idx').on(t.workspaceId, t.creditRating, t.id),
    index('customers_name_sort_idx').on(t.workspaceId, t.name, t.id),
    // 查重: the same tax ID is the surest sign of a second record of one company.
    index('customers_tax_id_idx').on(t.workspaceId, t.taxId).where(sql`${t.taxId} is not null`),
    index('customers_updated_idx').on(t.workspaceId, t.updatedAt, t.id),
    index('customers_created_idx').on(t.workspaceId, t.createdAt, t.id),
    index('customers_tags_idx').using('gin', t.tags),
    index('customers_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('customers_code_trgm_idx').using('gin', t.code.op('gin_trgm_ops')),
    index('customers_short_trgm_idx').using('gin', t.shortName.op('gin_trgm_ops')),
    index('customers_name_key_trgm_idx').using('gin', t.nameKey.op('gin_trgm_ops')),
  ],
);

export const customerTeamMembers = pgTable(
  'customer_team_members',
  {
    workspaceId: workspaceIdColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    role: text('role').notNull(),
    createdAt: tstz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.userId] }),
    index('customer_team_user_idx').on(t.workspaceId, t.userId),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

// Estimated annual purchasing budget per product category, for share of wallet.
export const customerBudgets = pgTable(
  'customer_budgets',
  {
    workspaceId: workspaceIdColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    category: text('category').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.category] }),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

export const customFieldDefs = pgTable(
  'custom_field_defs',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    entity: text('entity', { enum: ['customer'] }).notNull(),
    key: text('key').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    type: text('type', { enum: ['text', 'number', 'date', 'boolean', 'select'] }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    required: boolean('required').notNull().default(false),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('custom_field_defs_key_uq').on(t.workspaceId, t.entity, t.key),
  ],
);

/**
 * Every window of up to 4 Han characters that starts inside a Han run of a customer's name or short name
 * (NFKC, lower case), kept by triggers on customers (migration 0002). A Chinese fragment of 2–4
 * characters is then one prefix range of the primary key: it reads as many matches as it needs and
 * stops, where a GIN index builds a bitmap of every match first — 100,000 of them for 化工 at a million
 * customers. `win` is COLLATE "C" (in the migration) so that the range is byte order on any server.
 */
export const customerNameWindows = pgTable(
  'customer_name_windows',
  {
    workspaceId: workspaceIdColumn(),
    win: text('win').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.win, t.customerId] })],
);
