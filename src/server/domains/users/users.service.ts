import { users } from '../../../db/schema';
import { canManageUsers } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { CreateUser } from '../../../shared/users/user.schema';
import { forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password';
import { userErrors } from './users.errors';
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
      if (input.role === 'manager' && !input.branchId) throw userErrors.error('branch_required');
      if (input.branchId && !(await repo.branch(workspaceId, input.branchId))) {
        throw userErrors.error('unknown_branch');
      }
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

export type UsersService = ReturnType<typeof createUsersService>;
