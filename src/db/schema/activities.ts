import { sql } from 'drizzle-orm';
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';
import { contacts } from './contacts';
import { customers } from './customers';
import { users } from './org';

export const activities = pgTable(
  'activities',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    type: text('type', {
      enum: ['visit', 'call', 'email', 'letter', 'meeting', 'web', 'wechat', 'note'],
    }).notNull(),
    direction: text('direction', { enum: ['inbound', 'outbound'] }),
    subject: text('subject').notNull(),
    body: text('body'),
    outcome: text('outcome'),
    occurredAt: tstz('occurred_at').notNull(),
    durationMinutes: integer('duration_minutes'),
    nextFollowUpOn: date('next_follow_up_on', { mode: 'string' }),
    authorId: bigint('author_id', { mode: 'number' }).notNull(),
    deletedAt: tstz('deleted_at'),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    foreignKey({ columns: [t.workspaceId, t.authorId], foreignColumns: [users.workspaceId, users.id] }),
    index('activities_customer_time_idx').on(t.workspaceId, t.customerId, t.occurredAt.desc(), t.id.desc()),
    index('activities_author_time_idx').on(t.workspaceId, t.authorId, t.occurredAt.desc(), t.id.desc()),
    index('activities_time_idx').on(t.workspaceId, t.occurredAt.desc(), t.id.desc()),
    index('activities_follow_up_idx')
      .on(t.workspaceId, t.nextFollowUpOn)
      .where(sql`${t.nextFollowUpOn} is not null`),
  ],
);

export const activityContacts = pgTable(
  'activity_contacts',
  {
    workspaceId: workspaceIdColumn(),
    activityId: bigint('activity_id', { mode: 'number' }).notNull(),
    contactId: bigint('contact_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.activityId, t.contactId] }),
    index('activity_contacts_contact_idx').on(t.workspaceId, t.contactId),
    foreignKey({
      columns: [t.workspaceId, t.activityId],
      foreignColumns: [activities.workspaceId, activities.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.workspaceId, t.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }),
  ],
);
