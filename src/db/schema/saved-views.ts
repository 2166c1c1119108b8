import { sql } from 'drizzle-orm';
import { bigint, foreignKey, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { SavedViewList } from '../../shared/saved-views/saved-view.schema';
import { idColumn, mutableColumns, workspaceIdColumn } from './columns';
import { users } from './org';

/**
 * A user's saved view of a list: its filters, search and sort as the list's URL holds them (`query`,
 * string values by parameter name) and the columns hidden. `list` names the list ('customers'; contacts
 * and orders can follow), each with its own query schema (src/shared/saved-views). Only the owner sees it.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    list: text('list').$type<SavedViewList>().notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    hiddenColumns: text('hidden_columns').array().notNull().default(sql`'{}'::text[]`),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.ownerId], foreignColumns: [users.workspaceId, users.id] }),
    // One name per user and list, whatever its case; also the index of "my views of this list".
    uniqueIndex('saved_views_name_uq').on(t.workspaceId, t.ownerId, t.list, sql`lower(${t.name})`),
  ],
);
