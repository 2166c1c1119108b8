import { sql } from 'drizzle-orm';
import { bigint, foreignKey, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ImportEntity } from '../../shared/imports/import-fields';
import { idColumn, mutableColumns, workspaceIdColumn } from './columns';
import { users } from './org';

/**
 * A user's saved column mapping for importing one entity ("ERP order export"): field key → the header
 * it is read from. Only its owner sees it.
 */
export const importTemplates = pgTable(
  'import_templates',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    entity: text('entity').$type<ImportEntity>().notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    uniqueIndex('import_templates_name_uq').on(t.workspaceId, t.ownerId, t.entity, sql`lower(${t.name})`),
  ],
);
