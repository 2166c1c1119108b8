import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { branches, teams, users } from '../../../db/schema';

export const userColumns = {
  id: users.id,
  workspaceId: users.workspaceId,
  email: users.email,
  name: users.name,
  role: users.role,
  branchId: users.branchId,
  teamId: users.teamId,
  locale: users.locale,
  active: users.active,
  version: users.version,
};

export function createUsersRepository(db: Db) {
  return {
    db,
    async get(workspaceId: number, userId: number) {
      const [row] = await db
        .select(userColumns)
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)));
      return row;
    },
    list(workspaceId: number) {
      return db
        .select(userColumns)
        .from(users)
        .where(eq(users.workspaceId, workspaceId))
        .orderBy(asc(users.id));
    },
    async emailTaken(email: string) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`);
      return !!row;
    },
    async branch(workspaceId: number, branchId: number) {
      const [row] = await db
        .select()
        .from(branches)
        .where(and(eq(branches.workspaceId, workspaceId), eq(branches.id, branchId)));
      return row;
    },
    async team(workspaceId: number, teamId: number) {
      const [row] = await db
        .select({ id: teams.id, branchId: teams.branchId })
        .from(teams)
        .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
      return row;
    },
    listTeams(workspaceId: number) {
      return db
        .select({ id: teams.id, branchId: teams.branchId, name: teams.name })
        .from(teams)
        .where(eq(teams.workspaceId, workspaceId))
        .orderBy(asc(teams.id));
    },
    listBranches(workspaceId: number) {
      return db
        .select({ id: branches.id, code: branches.code, name: branches.name })
        .from(branches)
        .where(eq(branches.workspaceId, workspaceId))
        .orderBy(asc(branches.id));
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
