import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { idColumn, tstz, workspaceIdColumn } from './columns';

export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    entity: text('entity').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }).notNull(),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    at: tstz('at').notNull().default(sql`now()`),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_log_entity_idx').on(t.workspaceId, t.entity, t.entityId, t.at.desc()),
  ],
);
