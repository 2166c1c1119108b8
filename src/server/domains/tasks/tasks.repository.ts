import { and, asc, eq, gt, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { customers, tasks, users, workspaces } from '../../../db/schema';
import type { Actor } from '../../../shared/auth/roles';
import type { Task, TaskSource } from '../../../shared/tasks/task.schema';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Conn = Pick<Db, 'select'>;

const assignee = alias(users, 'assignee');

/** The SQL twin of `canAccessTask`: tasks whose assignee the actor may act for. */
export function visibleTasksSql(actor: Actor): SQL {
  switch (actor.role) {
    case 'admin':
      return sql`true`;
    case 'manager':
      return actor.branchId === null
        ? eq(tasks.assigneeId, actor.userId)
        : (or(eq(tasks.assigneeId, actor.userId), eq(assignee.branchId, actor.branchId)) as SQL);
    default:
      return eq(tasks.assigneeId, actor.userId);
  }
}

const view = {
  id: tasks.id,
  title: tasks.title,
  notes: tasks.notes,
  dueOn: tasks.dueOn,
  assigneeId: tasks.assigneeId,
  assigneeName: assignee.name,
  assigneeBranchId: assignee.branchId,
  customerId: tasks.customerId,
  customerCode: customers.code,
  customerName: customers.name,
  source: tasks.source,
  sourceKey: tasks.sourceKey,
  done: sql<boolean>`${tasks.doneAt} is not null`,
  doneAt: tasks.doneAt,
  doneBy: tasks.doneBy,
  overdue: sql<boolean>`(${tasks.doneAt} is null and ${tasks.dueOn} < (now() at time zone ${workspaces.timeZone})::date)`,
  version: tasks.version,
  createdAt: tasks.createdAt,
  updatedAt: tasks.updatedAt,
  createdBy: tasks.createdBy,
};
export type TaskRow = Task & { assigneeBranchId: number | null };

export type TaskFilter = {
  status: 'open' | 'done' | 'all';
  assigneeId?: number;
  customerId?: number;
  source?: TaskSource;
  dueBy?: string;
};

function select(conn: Conn) {
  return conn
    .select(view)
    .from(tasks)
    .innerJoin(assignee, and(eq(assignee.workspaceId, tasks.workspaceId), eq(assignee.id, tasks.assigneeId)))
    .innerJoin(workspaces, eq(workspaces.id, tasks.workspaceId))
    .leftJoin(
      customers,
      and(eq(customers.workspaceId, tasks.workspaceId), eq(customers.id, tasks.customerId)),
    );
}

export function createTasksRepository(db: Db) {
  return {
    db,

    async get(conn: Conn, workspaceId: number, id: number, forUpdate = false): Promise<TaskRow | undefined> {
      const q = select(conn).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
      const [row] = forUpdate ? await q.for('update', { of: tasks }) : await q;
      return row as TaskRow | undefined;
    },

    /** Tasks the actor may see, by due day then id (keyset after `after`). */
    async list(actor: Actor, filter: TaskFilter, after: readonly [string, number] | null, limit: number) {
      const rows = await select(db)
        .where(
          and(
            eq(tasks.workspaceId, actor.workspaceId),
            visibleTasksSql(actor),
            filter.status === 'open' ? isNull(tasks.doneAt) : undefined,
            filter.status === 'done' ? isNotNull(tasks.doneAt) : undefined,
            filter.assigneeId !== undefined ? eq(tasks.assigneeId, filter.assigneeId) : undefined,
            filter.customerId !== undefined ? eq(tasks.customerId, filter.customerId) : undefined,
            filter.source ? eq(tasks.source, filter.source) : undefined,
            filter.dueBy ? lte(tasks.dueOn, filter.dueBy) : undefined,
            after
              ? or(gt(tasks.dueOn, after[0]), and(eq(tasks.dueOn, after[0]), gt(tasks.id, after[1])))
              : undefined,
          ),
        )
        .orderBy(asc(tasks.dueOn), asc(tasks.id))
        .limit(limit);
      return rows as TaskRow[];
    },

    async insert(tx: Tx, values: typeof tasks.$inferInsert): Promise<number> {
      const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
      return row!.id;
    },

    async update(tx: Tx, workspaceId: number, id: number, set: Partial<typeof tasks.$inferInsert>) {
      await tx
        .update(tasks)
        .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    },

    async remove(tx: Tx, workspaceId: number, id: number) {
      await tx.delete(tasks).where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
    },

    /** An active user of the workspace (a task's assignee), with their branch. */
    async user(conn: Conn, workspaceId: number, id: number) {
      const [row] = await conn
        .select({ id: users.id, branchId: users.branchId })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, id), eq(users.active, true)));
      return row;
    },
  };
}

export type TasksRepository = ReturnType<typeof createTasksRepository>;
