import { users } from '../../../db/schema';
import { canManageUsers } from '../../../shared/auth/policy';
import type { Actor, Role } from '../../../shared/auth/roles';
import type { CreateUser } from '../../../shared/users/user.schema';
import { forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password';
import { userErrors, userFieldError } from './users.errors';
import { type UsersRepository, userColumns } from './users.repository';

export function createUsersService(repo: UsersRepository) {
  return {
    async get(actor: Actor, userId: number) {
      const user = await repo.get(actor.workspaceId, userId);
      if (!user) throw notFound();
      return user;
    },

    // Everyone in a workspace sees its people: owners and account teams are picked from this list.
    list: (actor: Actor) => repo.list(actor.workspaceId),
    listBranches: (actor: Actor) => repo.listBranches(actor.workspaceId),

    /** Creates a user; `actor` null means the operator at the CLI, acting for the given workspace. */
    async create(actor: Actor | null, workspaceId: number, input: CreateUser) {
      if (actor && (!canManageUsers(actor) || actor.workspaceId !== workspaceId)) throw forbidden();
      await checkPlacement(repo, workspaceId, input.role, input.branchId ?? null, input.teamId ?? null);
      if (await repo.emailTaken(input.email))
        throw userErrors.error('duplicate_email', { email: input.email });
      const passwordHash = await hashPassword(input.password);
      return repo.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            workspaceId,
            email: input.email,
            name: input.name,
            role: input.role,
            branchId: input.branchId ?? null,
            teamId: input.teamId ?? null,
            locale: input.locale ?? null,
            passwordHash,
            createdBy: actor?.userId ?? null,
          })
          .returning(userColumns);
        await recordAudit(tx, actor, {
          workspaceId,
          entity: 'user',
          entityId: row!.id,
          action: 'create',
          after: row,
        });
        return row!;
      });
    },
  };
}

/**
 * Where a user sits: a manager needs a branch, the branch and the team exist in the workspace, and the
 * team is one of the user's branch. Each refusal names its field (`branchId`, `teamId`).
 */
export async function checkPlacement(
  repo: UsersRepository,
  workspaceId: number,
  role: Role,
  branchId: number | null,
  teamId: number | null,
) {
  if (role === 'manager' && !branchId) throw userFieldError('branch_required', 'branchId');
  if (branchId && !(await repo.branch(workspaceId, branchId)))
    throw userFieldError('unknown_branch', 'branchId');
  if (teamId) {
    const team = await repo.team(workspaceId, teamId);
    if (!team) throw userFieldError('unknown_team', 'teamId');
    if (team.branchId !== branchId) throw userFieldError('team_not_in_branch', 'teamId');
  }
}

export type UsersService = ReturnType<typeof createUsersService>;
