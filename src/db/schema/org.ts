import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { idColumn, mutableColumns, tstz, workspaceIdColumn } from './columns';

export const workspaces = pgTable('workspaces', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  customerCodeRule: text('customer_code_rule').notNull().default('C{yyyy}{seq:6}'),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  /** The settings' version, for optimistic locking of PATCH /workspace. */
  version: integer('version').notNull().default(1),
  createdAt: tstz('created_at').notNull().default(sql`now()`),
});

export const branches = pgTable(
  'branches',
  {
    workspaceId: workspaceIdColumn().references(() => workspaces.id),
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('branches_code_uq').on(t.workspaceId, t.code),
  ],
);

export const teams = pgTable(
  'teams',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    branchId: bigint('branch_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.branchId], foreignColumns: [branches.workspaceId, branches.id] }),
  ],
);

export const users = pgTable(
  'users',
  {
    workspaceId: workspaceIdColumn().references(() => workspaces.id),
    id: idColumn(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'manager', 'sales', 'service', 'analyst'] }).notNull(),
    branchId: bigint('branch_id', { mode: 'number' }),
    teamId: bigint('team_id', { mode: 'number' }),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['zh-CN', 'en'] }),
    active: boolean('active').notNull().default(true),
    ...mutableColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    // Login is by e-mail alone, so e-mails are unique across workspaces (users is a reference table).
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    foreignKey({ columns: [t.workspaceId, t.branchId], foreignColumns: [branches.workspaceId, branches.id] }),
    foreignKey({ columns: [t.workspaceId, t.teamId], foreignColumns: [teams.workspaceId, teams.id] }),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    workspaceId: workspaceIdColumn(),
    // sha256 of the cookie value; the cookie itself is never stored.
    id: text('id').notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    createdAt: tstz('created_at').notNull().default(sql`now()`),
    lastSeenAt: tstz('last_seen_at').notNull().default(sql`now()`),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('sessions_id_uq').on(t.id),
    foreignKey({
      columns: [t.workspaceId, t.userId],
      foreignColumns: [users.workspaceId, users.id],
    }).onDelete('cascade'),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    workspaceId: workspaceIdColumn(),
    id: idColumn(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: tstz('created_at').notNull().default(sql`now()`),
    lastUsedAt: tstz('last_used_at'),
    expiresAt: tstz('expires_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    uniqueIndex('api_tokens_hash_uq').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.workspaceId, t.userId),
    foreignKey({ columns: [t.workspaceId, t.userId], foreignColumns: [users.workspaceId, users.id] }),
  ],
);

// Logins (good and bad) and refused accesses; kept apart from the data audit log.
export const securityEvents = pgTable(
  'security_events',
  {
    workspaceId: bigint('workspace_id', { mode: 'number' }),
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    kind: text('kind', {
      enum: ['login_ok', 'login_failed', 'login_throttled', 'access_denied', 'logout'],
    }).notNull(),
    userId: bigint('user_id', { mode: 'number' }),
    email: text('email'),
    ip: text('ip'),
    detail: jsonb('detail'),
    at: tstz('at').notNull().default(sql`now()`),
  },
  (t) => [index('security_events_at_idx').on(t.workspaceId, t.at)],
);

export const codeSequences = pgTable(
  'code_sequences',
  {
    workspaceId: workspaceIdColumn(),
    scope: text('scope').notNull(),
    period: text('period').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.scope, t.period] })],
);
