import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';
import type { RequiredField } from '../../shared/quality/quality-fields';
import { tstz } from './columns';
import { workspaces } from './org';

/**
 * A workspace's data-quality rules (数据质量): the customer fields it requires and after how many days
 * without an activity or order a customer is stale. No row: the defaults (src/shared/quality).
 */
export const qualitySettings = pgTable('quality_settings', {
  workspaceId: bigint('workspace_id', { mode: 'number' })
    .primaryKey()
    .references(() => workspaces.id),
  requiredFields: text('required_fields').array().$type<RequiredField[]>().notNull(),
  staleDays: integer('stale_days').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().default(sql`now()`),
  updatedBy: bigint('updated_by', { mode: 'number' }),
});
