import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../../db/errors';
import { branches, teams, users, workspaces } from '../../../db/schema';
import { canManageUsers } from '../../../shared/auth/policy';
import type { Actor } from '../../../shared/auth/roles';
import type { ResetPassword, UpdateUser } from '../../../shared/users/user.schema';
import { forbidden, notFound, versionConflict } from '../../errors';
import { recordAudit } from '../audit/audit.repository';
import { endUserSessions, revokeUserTokens } from '../auth/auth.repository';
import { hashPassword } from '../auth/password';
import { userErrors, userFieldError } from './users.errors';
import { type UsersRepository, userColumns } from './users.repository';
import { checkPlacement } from './users.service';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Company → branches (分公司) → teams, and changes to users (role, branch, deactivation, a new password);
 * admins only, every change audited. `onUserChanged` drops what the auth cache remembers of the user.
 */
export function createOrgService(repo: UsersRepository, onUserChanged: (userId: number) => void = () => {}) {
  const db = repo.db;

  return {
    async updateUser(actor: Actor, userId: number, input: UpdateUser) {
      const existing = await repo.get(actor.workspaceId, userId);
      if (!existing) throw notFound();
      if (!canManageUsers(actor)) throw forbidden();
      const { version, ...fields } = input;
      const role = fields.role ?? existing.role;
      const branchId = fields.branchId === undefined ? existing.branchId : fields.branchId;
      // Moving to another branch leaves the old branch's team, unless a team comes with the move.
      const teamId =
        fields.teamId !== undefined ? fields.teamId : branchId === existing.branchId ? existing.teamId : null;
      await checkPlacement(repo, actor.workspaceId, role, branchId, teamId);
      const mayLoseAdmin = (fields.role !== undefined && fields.role !== 'admin') || fields.active === false;
      const after = await db.transaction(async (tx) => {
        // Changes that may take an admin away queue on the workspace's row, so two admins demoting
        // each other at once cannot both see the other one still there and leave nobody.
        if (mayLoseAdmin)
          await tx
            .select({ id: workspaces.id })
            .from(workspaces)
            .where(eq(workspaces.id, actor.workspaceId))
            .for('update');
        const where = and(eq(users.workspaceId, actor.workspaceId), eq(users.id, userId));
        const [before] = await tx.select(userColumns).from(users).where(where).for('update');
        if (!before) throw notFound();
        if (before.version !== version) throw versionConflict(before.version);
        const losesAdmin =
          before.role === 'admin' && before.active && (role !== 'admin' || fields.active === false);
        if (losesAdmin) {
          const [other] = await tx
            .select({ id: users.id })
            .from(users)
            .where(
              and(
                eq(users.workspaceId, actor.workspaceId),
                eq(users.role, 'admin'),
                eq(users.active, true),
                ne(users.id, userId),
              ),
            )
            .limit(1);
          // The refusal sits at the field that asked for it: the role, or the active switch.
          if (!other) throw userFieldError('last_admin', role !== 'admin' ? 'role' : 'active');
        }
        const [row] = await tx
          .update(users)
          .set({ ...fields, branchId, teamId, version: sql`${users.version} + 1`, updatedAt: new Date() })
          .where(where)
          .returning(userColumns);
        await recordAudit(tx, actor, {
          entity: 'user',
          entityId: userId,
          action: 'update',
          before,
          after: row,
        });
        // Deactivated means out: no session survives, and no API token comes back with a reactivation.
        if (before.active && fields.active === false) await endAccess(tx, actor, userId);
        return row!;
      });
      onUserChanged(userId); // after the commit, so no request re-reads the old state into the cache
      return after;
    },

    /** Sets a new password for a user (admin) and ends their sessions; the password is never audited. */
    async resetPassword(actor: Actor, userId: number, input: ResetPassword) {
      if (!(await repo.get(actor.workspaceId, userId))) throw notFound();
      if (!canManageUsers(actor)) throw forbidden();
      const passwordHash = await hashPassword(input.password);
      const after = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(users)
          .set({ passwordHash, version: sql`${users.version} + 1`, updatedAt: new Date() })
          .where(and(eq(users.workspaceId, actor.workspaceId), eq(users.id, userId)))
          .returning(userColumns);
        if (!row) throw notFound();
        const sessionsEnded = await endUserSessions(tx, actor.workspaceId, userId);
        await recordAudit(tx, actor, {
          entity: 'user',
          entityId: userId,
          action: 'update',
          after: { passwordReset: true, sessionsEnded, version: row.version },
        });
        return row;
      });
      onUserChanged(userId);
      return after;
    },

    async createBranch(actor: Actor, input: { code: string; name: string }) {
      if (!canManageUsers(actor)) throw forbidden();
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(branches)
            .values({ ...input, workspaceId: actor.workspaceId, createdBy: actor.userId })
            .returning({ id: branches.id, code: branches.code, name: branches.name });
          await recordAudit(tx, actor, { entity: 'branch', entityId: row!.id, action: 'create', after: row });
          return row!;
        });
      } catch (err) {
        if (pgErrorCode(err) === UNIQUE_VIOLATION)
          throw userErrors.error('duplicate_branch', { code: input.code });
        throw err;
      }
    },

    listTeams: (actor: Actor) => repo.listTeams(actor.workspaceId),

    async createTeam(actor: Actor, input: { branchId: number; name: string }) {
      if (!canManageUsers(actor)) throw forbidden();
      if (!(await repo.branch(actor.workspaceId, input.branchId)))
        throw userFieldError('unknown_branch', 'branchId');
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(teams)
          .values({ ...input, workspaceId: actor.workspaceId, createdBy: actor.userId })
          .returning({ id: teams.id, branchId: teams.branchId, name: teams.name });
        await recordAudit(tx, actor, { entity: 'team', entityId: row!.id, action: 'create', after: row });
        return row!;
      });
    },
  };
}

/** Ends a deactivated user's sessions and revokes their API tokens (each revocation audited). */
async function endAccess(tx: Tx, actor: Actor, userId: number) {
  await endUserSessions(tx, actor.workspaceId, userId);
  for (const token of await revokeUserTokens(tx, actor.workspaceId, userId, new Date())) {
    await recordAudit(tx, actor, { entity: 'api_token', entityId: token.id, action: 'delete', after: token });
  }
}

export type OrgService = ReturnType<typeof createOrgService>;
