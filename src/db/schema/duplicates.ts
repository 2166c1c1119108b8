import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, numeric, pgTable, primaryKey, real, text } from 'drizzle-orm/pg-core';
import { idColumn, tstz, workspaceIdColumn } from './columns';

/**
 * What a merge of two customers changed, so that it can be undone exactly: the merged customer's row
 * (it is deleted, and comes back with its own id and code), the survivor's row before, and the ids of
 * the rows that moved. No foreign keys to customers: the merged customer is gone until the undo, and
 * the survivor may itself be merged away later (its undo then answers a conflict).
 */
export const customerMerges = pgTable(
  'customer_merges',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    survivorId: bigint('survivor_id', { mode: 'number' }).notNull(),
    mergedId: bigint('merged_id', { mode: 'number' }).notNull(),
    mergedCode: text('merged_code').notNull(),
    mergedName: text('merged_name').notNull(),
    survivorName: text('survivor_name').notNull(),
    /** The field choices as asked ({ name: 'merged', tags: 'union', 'customFields.x': 'survivor' … }). */
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
    /** Both rows as they were (every column but the generated ones), and the merged one's team and budgets. */
    snapshot: jsonb('snapshot').notNull(),
    /** The ids (and keys) of every row moved to the survivor, by table. */
    moved: jsonb('moved').notNull(),
    /** The survivor's version right after the merge: an undo needs it unchanged. */
    survivorVersion: integer('survivor_version').notNull(),
    mergedBy: bigint('merged_by', { mode: 'number' }),
    mergedAt: tstz('merged_at').notNull().default(sql`now()`),
    undoneBy: bigint('undone_by', { mode: 'number' }),
    undoneAt: tstz('undone_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('customer_merges_recent_idx').on(t.workspaceId, t.mergedAt.desc(), t.id.desc()),
  ],
);

/**
 * Pairs a user said are not duplicates ("not a duplicate"): left out of the duplicates list for
 * everyone. `customer_a` < `customer_b`. No foreign keys: a dismissal outlives a merge and its undo.
 */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    workspaceId: workspaceIdColumn(),
    customerA: bigint('customer_a', { mode: 'number' }).notNull(),
    customerB: bigint('customer_b', { mode: 'number' }).notNull(),
    dismissedBy: bigint('dismissed_by', { mode: 'number' }),
    dismissedAt: tstz('dismissed_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerA, t.customerB] })],
);

/**
 * The workspace's candidate pairs (customer_a < customer_b), kept by `refreshPairs` (duplicates.scan.ts):
 * a full scan the first time, then only the customers changed since `duplicate_scans.scanned_at`. Who may
 * see a pair, and whether both customers still exist, is decided when the list is read.
 */
export const duplicatePairs = pgTable(
  'duplicate_pairs',
  {
    workspaceId: workspaceIdColumn(),
    customerA: bigint('customer_a', { mode: 'number' }).notNull(),
    customerB: bigint('customer_b', { mode: 'number' }).notNull(),
    score: numeric('score', { precision: 4, scale: 3 }).notNull(),
    nameSimilarity: real('name_similarity'),
    taxId: text('tax_id'),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerA, t.customerB] }),
    index('duplicate_pairs_rank_idx').on(t.workspaceId, t.score.desc(), t.customerA, t.customerB),
    index('duplicate_pairs_b_idx').on(t.workspaceId, t.customerB),
  ],
);

/** When the pairs of a workspace were last brought up to date (customers changed later are rescanned). */
export const duplicateScans = pgTable('duplicate_scans', {
  workspaceId: bigint('workspace_id', { mode: 'number' }).primaryKey(),
  scannedAt: tstz('scanned_at').notNull(),
});
