import { sql } from 'drizzle-orm';
import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';

// Every business row carries its tenant so tables can be distributed by workspace_id (Citus).
export const workspaceIdColumn = () => bigint('workspace_id', { mode: 'number' }).notNull();

export const idColumn = () => bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().notNull();

export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// Optimistic locking and provenance for every mutable row.
export const mutableColumns = () => ({
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull().default(sql`now()`),
  updatedAt: tstz('updated_at').notNull().default(sql`now()`),
  createdBy: bigint('created_by', { mode: 'number' }),
});
