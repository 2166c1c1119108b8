import { sql } from 'drizzle-orm';
import { bigint, boolean, date, foreignKey, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';
import { customers } from './customers';

export const contacts = pgTable(
  'contacts',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    wechat: text('wechat'),
    decisionRole: text('decision_role', { enum: ['decision_maker', 'influencer', 'user', 'gatekeeper'] }),
    attitude: text('attitude', { enum: ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'] }),
    birthday: date('birthday', { mode: 'string' }),
    isPrimary: boolean('is_primary').notNull().default(false),
    notes: text('notes'),
    deletedAt: tstz('deleted_at'),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    index('contacts_customer_idx').on(t.workspaceId, t.customerId, t.id),
    index('contacts_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('contacts_phones_idx').using('gin', t.phones),
    index('contacts_email_idx').on(t.workspaceId, sql`lower(${t.email})`),
    // 查重 rescans the customers whose contacts changed since its last scan (duplicates.scan.ts).
    index('contacts_updated_idx').on(t.workspaceId, t.updatedAt),
  ],
);
