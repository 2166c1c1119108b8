import type { Actor } from '../../../shared/auth/roles';
import { encodeCursor } from '../../../shared/common/pagination';
import type {
  CreateTask,
  MyTasksQuery,
  Task,
  TaskListQuery,
  UpdateTask,
} from '../../../shared/tasks/task.schema';
import { canAccessTask, canAssignTask } from '../../../shared/tasks/task-access';
import { readCursor } from '../../cursor';
import { notFound, validationError, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import type { CustomerGateApi } from '../customers/customers.access';
import { taskErrors } from './tasks.errors';
import type { TaskRow, TasksRepository, Tx } from './tasks.repository';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const publicView = ({ assigneeBranchId: _b, ...task }: TaskRow): Task => task;

/**
 * Follow-up tasks (待办): each belongs to its assignee, whom its managers (per branch) and admins may act
 * for; a task linked to a customer needs read access to that customer. Every write is audited.
 */
export function createTasksService(repo: TasksRepository, gate: CustomerGateApi) {
  const db = repo.db;

  async function assignable(tx: Tx, actor: Actor, assigneeId: number) {
    const user = await repo.user(tx, actor.workspaceId, assigneeId);
    if (!user) throw validationError([{ field: 'assigneeId', message: 'kehu.unknown_user' }]);
    if (!canAssignTask(actor, user)) throw taskErrors.error('assignee_not_allowed');
  }

  async function load(tx: Tx, actor: Actor, id: number, forUpdate = false) {
    const row = await repo.get(tx, actor.workspaceId, id, forUpdate);
    if (!row || !canAccessTask(actor, { id: row.assigneeId, branchId: row.assigneeBranchId }))
      throw notFound();
    return row;
  }

  async function page(actor: Actor, filter: Parameters<TasksRepository['list']>[1], q: MyTasksQuery) {
    const after = q.cursor ? readCursor(q.cursor, [DAY, 'id'] as const) : null;
    const rows = await repo.list(actor, filter, after, q.limit + 1);
    const items = rows.slice(0, q.limit).map(publicView);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > q.limit && last ? encodeCursor([last.dueOn, last.id]) : null,
    };
  }

  return {
    get: (actor: Actor, id: number) => db.transaction(async (tx) => publicView(await load(tx, actor, id))),

    list: (actor: Actor, q: TaskListQuery) =>
      page(
        actor,
        {
          status: q.status,
          assigneeId: q.assignee === 'me' ? actor.userId : q.assignee,
          customerId: q.customerId,
          source: q.source,
          dueBy: q.dueBy,
        },
        q,
      ),

    /** The caller's open tasks, soonest due first (the home page). */
    mine: (actor: Actor, q: MyTasksQuery) => page(actor, { status: 'open', assigneeId: actor.userId }, q),

    async create(actor: Actor, input: CreateTask) {
      return db.transaction(async (tx) => {
        const assigneeId = input.assigneeId ?? actor.userId;
        await assignable(tx, actor, assigneeId);
        if (input.customerId) await gate.require(actor, input.customerId, 'read', tx);
        const id = await repo.insert(tx, {
          workspaceId: actor.workspaceId,
          title: input.title,
          notes: input.notes ?? null,
          dueOn: input.dueOn,
          assigneeId,
          customerId: input.customerId ?? null,
          source: 'manual',
          createdBy: actor.userId,
        });
        const row = publicView((await repo.get(tx, actor.workspaceId, id))!);
        await recordAudit(tx, actor, { entity: 'task', entityId: id, action: 'create', after: row });
        return row;
      });
    },

    async update(actor: Actor, id: number, input: UpdateTask) {
      return db.transaction(async (tx) => {
        const before = await load(tx, actor, id, true);
        if (before.version !== input.version) throw versionConflict(before.version);
        if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId)
          await assignable(tx, actor, input.assigneeId);
        if (input.customerId && input.customerId !== before.customerId)
          await gate.require(actor, input.customerId, 'read', tx);
        const set: Parameters<TasksRepository['update']>[3] = {};
        if (input.title !== undefined) set.title = input.title;
        if (input.notes !== undefined) set.notes = input.notes;
        if (input.dueOn !== undefined) set.dueOn = input.dueOn;
        if (input.assigneeId !== undefined) set.assigneeId = input.assigneeId;
        if (input.customerId !== undefined) set.customerId = input.customerId;
        if (input.done === true && !before.done)
          Object.assign(set, { doneAt: new Date(), doneBy: actor.userId });
        if (input.done === false && before.done) Object.assign(set, { doneAt: null, doneBy: null });
        if (Object.keys(set).length === 0) return publicView(before);
        await repo.update(tx, actor.workspaceId, id, set);
        const after = publicView((await repo.get(tx, actor.workspaceId, id))!);
        await recordAudit(tx, actor, {
          entity: 'task',
          entityId: id,
          action: 'update',
          before: publicView(before),
          after,
        });
        return after;
      });
    },

    async remove(actor: Actor, id: number, version: number) {
      await db.transaction(async (tx) => {
        const before = await load(tx, actor, id, true);
        if (before.version !== version) throw versionConflict(before.version);
        await repo.remove(tx, actor.workspaceId, id);
        await recordAudit(tx, actor, {
          entity: 'task',
          entityId: id,
          action: 'delete',
          before: publicView(before),
        });
      });
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
