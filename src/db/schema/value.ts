import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';
import { customers } from './customers';
import { users, workspaces } from './org';

/**
 * Customer value engine (价值分析). The three metric tables are kept by statement-level triggers on
 * orders and activities (migration 0010), so a classification run reads customers, never every order.
 * Counted orders: not deleted and not cancelled. Profit = revenue − cost (a missing cost counts as 0).
 */

/** Lifetime figures per customer (a row once the customer has a counted order). */
export const customerMetrics = pgTable(
  'customer_metrics',
  {
    workspaceId: workspaceIdColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    orders: integer('orders').notNull().default(0),
    purchaseDays: integer('purchase_days').notNull().default(0),
    revenue: numeric('revenue', { precision: 16, scale: 2 }).notNull().default('0'),
    cost: numeric('cost', { precision: 16, scale: 2 }).notNull().default('0'),
    firstOrderOn: date('first_order_on', { mode: 'string' }),
    lastOrderOn: date('last_order_on', { mode: 'string' }),
    /** Revenue of the first order day: Gamma-Gamma's mean spend counts the repeat purchase days only. */
    firstDayRevenue: numeric('first_day_revenue', { precision: 16, scale: 2 }).notNull().default('0'),
    updatedAt: tstz('updated_at').notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId] }),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

/** One row per customer and distinct order day: purchase days survive deletes exactly. */
export const customerOrderDays = pgTable(
  'customer_order_days',
  {
    workspaceId: workspaceIdColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    orders: integer('orders').notNull(),
    revenue: numeric('revenue', { precision: 16, scale: 2 }).notNull(),
    cost: numeric('cost', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId, t.day] })],
);

/**
 * Per customer and calendar month (first day of the month): orders, purchase days, revenue and cost,
 * and the activities of the month by type (cost-to-serve is priced at run time, so a price change
 * needs no rebuild). Rolling windows are sums of whole months.
 */
export const customerMonthMetrics = pgTable(
  'customer_month_metrics',
  {
    workspaceId: workspaceIdColumn(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    orders: integer('orders').notNull().default(0),
    purchaseDays: integer('purchase_days').notNull().default(0),
    revenue: numeric('revenue', { precision: 16, scale: 2 }).notNull().default('0'),
    cost: numeric('cost', { precision: 16, scale: 2 }).notNull().default('0'),
    /** Activity type → count in the month. */
    activities: jsonb('activities').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.month] }),
    index('customer_month_metrics_month_idx').on(t.workspaceId, t.month),
  ],
);

/** A workspace's value-engine configuration (src/shared/analytics/value-settings.ts); no row: defaults. */
export const valueSettings = pgTable('value_settings', {
  workspaceId: bigint('workspace_id', { mode: 'number' })
    .primaryKey()
    .references(() => workspaces.id),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tstz('updated_at').notNull().default(sql`now()`),
  updatedBy: bigint('updated_by', { mode: 'number' }),
});

/** Factor matrices (src/shared/analytics/value-matrix.ts): two factors with cut points, named cells. */
export const valueMatrices = pgTable(
  'value_matrices',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    key: text('key').notNull(),
    definition: jsonb('definition').notNull(),
    builtin: boolean('builtin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('value_matrices_key_uq').on(t.workspaceId, t.key),
  ],
);

/**
 * Resource allocation per tier, ABC class, RFM segment or matrix cell (target_key 'matrixKey:cellKey').
 * Null limits are not enforced.
 */
export const valuePolicies = pgTable(
  'value_policies',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    targetKind: text('target_kind', { enum: ['tier', 'abc', 'segment', 'cell'] }).notNull(),
    targetKey: text('target_key').notNull(),
    visitIntervalDays: integer('visit_interval_days'),
    responseHours: integer('response_hours'),
    dedicatedManager: boolean('dedicated_manager').notNull().default(false),
    maxDiscount: numeric('max_discount', { precision: 5, scale: 2 }),
    strategy: text('strategy', { enum: ['retain', 'grow', 'cross_sell', 'maintain', 'reduce_cost', 'exit'] }),
    notesZh: text('notes_zh'),
    notesEn: text('notes_en'),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('value_policies_target_uq').on(t.workspaceId, t.targetKind, t.targetKey),
  ],
);

/** One classification run; every customer's verdicts are in value_run_customers. */
export const valueRuns = pgTable(
  'value_runs',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    trigger: text('trigger', { enum: ['manual', 'schedule', 'import', 'cli'] }).notNull(),
    /** The day the run judged as "today" (workspace time zone). */
    asOf: date('as_of', { mode: 'string' }).notNull(),
    startedAt: tstz('started_at').notNull().default(sql`now()`),
    finishedAt: tstz('finished_at'),
    startedBy: bigint('started_by', { mode: 'number' }),
    /** The settings and matrices the run used, as they were. */
    settings: jsonb('settings').notNull(),
    /** Counts and value shares per ABC class, RFM segment, tier and matrix cell. */
    summary: jsonb('summary'),
    customers: integer('customers').notNull().default(0),
    /** The lifetime-value models fitted in the run (parameters, errors, warnings); null before issue 6. */
    model: jsonb('model'),
    /** The model check of the run, when it made one: calibration vs holdout, tracking, churn AUC. */
    modelCheck: jsonb('model_check'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('value_runs_started_idx').on(t.workspaceId, t.startedAt.desc()),
    foreignKey({ columns: [t.workspaceId, t.startedBy], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

/** Every customer's classes in a run: the customer's history and the base's movement (Markov). */
export const valueRunCustomers = pgTable(
  'value_run_customers',
  {
    workspaceId: workspaceIdColumn(),
    runId: bigint('run_id', { mode: 'number' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    abc: char('abc', { length: 1 }).notNull(),
    abcValue: numeric('abc_value', { precision: 16, scale: 2 }).notNull(),
    abcRank: integer('abc_rank').notNull(),
    abcCumShare: doublePrecision('abc_cum_share'),
    rScore: smallint('r_score'),
    fScore: smallint('f_score'),
    mScore: smallint('m_score'),
    recencyDays: integer('recency_days'),
    frequency: integer('frequency').notNull().default(0),
    monetary: numeric('monetary', { precision: 16, scale: 2 }).notNull().default('0'),
    segment: text('segment'),
    tier: text('tier', { enum: ['MVC', 'STC', 'BZ'] }).notNull(),
    highPotential: boolean('high_potential').notNull().default(false),
    actualValue: numeric('actual_value', { precision: 16, scale: 2 }).notNull(),
    strategicValue: numeric('strategic_value', { precision: 16, scale: 2 }),
    /** Matrix key → cell key. */
    cells: jsonb('cells').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    /** e.g. negative_value, no_orders, future_orders_ignored. */
    flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
    /** Predictions (null when the models were withheld): P(alive), purchases and spend over the horizon. */
    pAlive: doublePrecision('p_alive'),
    expectedPurchases: doublePrecision('expected_purchases'),
    expectedSpend: numeric('expected_spend', { precision: 16, scale: 2 }),
    clv: numeric('clv', { precision: 16, scale: 2 }),
    /** Churn risk 0–100 and its reason codes (the reasons are listed even when the score is withheld). */
    churnRisk: smallint('churn_risk'),
    churnReasons: text('churn_reasons').array().notNull().default(sql`'{}'::text[]`),
    /** The figures the reasons quote: days since the last order, the usual interval, the trend %/year. */
    daysSinceLastOrder: integer('days_since_last_order'),
    meanIntervalDays: doublePrecision('mean_interval_days'),
    trendPct: doublePrecision('trend_pct'),
  },
  (t) => [
    // No index by customer: a customer's history probes the key once per run (value-read.repository.ts),
    // and a second index on a million-row COPY per run costs more than the rest of the write.
    primaryKey({ columns: [t.workspaceId, t.runId, t.customerId] }),
  ],
);

/** Follow-up tasks (待办): from policy breaches (source_key dedupes an open one) or made by hand. */
export const tasks = pgTable(
  'tasks',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    title: text('title').notNull(),
    notes: text('notes'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    assigneeId: bigint('assignee_id', { mode: 'number' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }),
    source: text('source', { enum: ['manual', 'policy', 'churn'] })
      .notNull()
      .default('manual'),
    sourceKey: text('source_key'),
    doneAt: tstz('done_at'),
    doneBy: bigint('done_by', { mode: 'number' }),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.assigneeId], foreignColumns: [users.workspaceId, users.id] }),
    foreignKey({
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
    index('tasks_assignee_open_idx').on(t.workspaceId, t.assigneeId, t.dueOn).where(sql`${t.doneAt} is null`),
    index('tasks_customer_idx').on(t.workspaceId, t.customerId),
    uniqueIndex('tasks_source_open_uq').on(t.workspaceId, t.sourceKey).where(sql`${t.doneAt} is null`),
  ],
);
