import type { Actor } from '../auth/roles';

/** The assignee of a task as its access rule sees them. */
export type TaskAssignee = { id: number; branchId: number | null };

/**
 * Who may see and change a task: its assignee, the managers of the assignee's branch, and admins.
 * The SQL list filter (tasks.repository.ts `visibleTasksSql`) mirrors this rule.
 */
export function canAccessTask(actor: Actor, assignee: TaskAssignee): boolean {
  if (actor.role === 'admin' || assignee.id === actor.userId) return true;
  return actor.role === 'manager' && actor.branchId !== null && assignee.branchId === actor.branchId;
}

/** Whom the actor may give a task to: themselves; a manager within their branch; an admin anyone. */
export const canAssignTask = canAccessTask;
