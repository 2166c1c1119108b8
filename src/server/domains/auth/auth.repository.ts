import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { apiTokens, securityEvents, sessions, users } from '../../../db/schema';
import { recordAudit } from '../audit/audit.repository';
import { userColumns } from '../users/users.repository';

export type UserRow = {
  id: number;
  workspaceId: number;
  email: string;
  name: string;
  role: 'admin' | 'manager' | 'sales' | 'service' | 'analyst';
  branchId: number | null;
  locale: 'zh-CN' | 'en' | null;
  active: boolean;
};

export type SecurityEvent = {
  workspaceId?: number | null;
  kind: 'login_ok' | 'login_failed' | 'login_throttled' | 'access_denied' | 'logout';
  userId?: number | null;
  email?: string | null;
  ip?: string | null;
  detail?: unknown;
};

type Tx = Pick<Db, 'delete' | 'update'>;

/** Ends every session of a user, inside the caller's transaction; answers how many there were. */
export async function endUserSessions(tx: Tx, workspaceId: number, userId: number): Promise<number> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.workspaceId, workspaceId), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended.length;
}

/** Revokes every live API token of a user, inside the caller's transaction; answers them (no hashes). */
export function revokeUserTokens(tx: Tx, workspaceId: number, userId: number, at: Date) {
  return tx
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(
      and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      revokedAt: apiTokens.revokedAt,
    });
}

export function createAuthRepository(db: Db) {
  return {
    async findUserForLogin(email: string) {
      const [row] = await db
        .select({ ...userColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`)
        .limit(1);
      return row;
    },

    async createSession(s: { id: string; workspaceId: number; userId: number; expiresAt: Date }) {
      await db.insert(sessions).values(s);
    },

    async findSession(
      id: string,
    ): Promise<{ user: UserRow; createdAt: Date; lastSeenAt: Date; expiresAt: Date } | undefined> {
      const [row] = await db
        .select({
          user: userColumns,
          createdAt: sessions.createdAt,
          lastSeenAt: sessions.lastSeenAt,
          expiresAt: sessions.expiresAt,
        })
        .from(sessions)
        .innerJoin(users, and(eq(users.workspaceId, sessions.workspaceId), eq(users.id, sessions.userId)))
        .where(eq(sessions.id, id))
        .limit(1);
      return row;
    },

    async touchSession(id: string, at: Date) {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },

    async deleteSession(id: string) {
      await db.delete(sessions).where(eq(sessions.id, id));
    },

    async findToken(tokenHash: string) {
      const [row] = await db
        .select({
          user: userColumns,
          id: apiTokens.id,
          expiresAt: apiTokens.expiresAt,
          revokedAt: apiTokens.revokedAt,
          lastUsedAt: apiTokens.lastUsedAt,
        })
        .from(apiTokens)
        .innerJoin(users, and(eq(users.workspaceId, apiTokens.workspaceId), eq(users.id, apiTokens.userId)))
        .where(eq(apiTokens.tokenHash, tokenHash))
        .limit(1);
      return row;
    },

    async touchToken(workspaceId: number, id: number, at: Date) {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: at })
        .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.id, id)));
    },

    async insertToken(t: {
      workspaceId: number;
      userId: number;
      name: string;
      prefix: string;
      tokenHash: string;
      expiresAt: Date | null;
    }) {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(apiTokens).values(t).returning();
        const { tokenHash: _h, ...after } = row!;
        await recordAudit(tx, t, { entity: 'api_token', entityId: row!.id, action: 'create', after });
        return row!;
      });
    },

    listTokens(workspaceId: number, userId: number) {
      return db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.workspaceId, workspaceId), eq(apiTokens.userId, userId)))
        .orderBy(desc(apiTokens.id));
    },

    async revokeToken(workspaceId: number, userId: number, id: number, at: Date) {
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(apiTokens)
          .set({ revokedAt: at })
          .where(
            and(
              eq(apiTokens.workspaceId, workspaceId),
              eq(apiTokens.userId, userId),
              eq(apiTokens.id, id),
              isNull(apiTokens.revokedAt),
            ),
          )
          .returning();
        const row = rows[0];
        if (row) {
          const { tokenHash: _h, ...after } = row;
          await recordAudit(
            tx,
            { workspaceId, userId },
            { entity: 'api_token', entityId: id, action: 'delete', after },
          );
        }
        return row;
      });
    },

    async setLocale(workspaceId: number, userId: number, locale: 'zh-CN' | 'en') {
      await db.transaction(async (tx) => {
        const where = and(eq(users.workspaceId, workspaceId), eq(users.id, userId));
        const [before] = await tx.select({ locale: users.locale }).from(users).where(where);
        await tx
          .update(users)
          .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
          .where(where);
        const actor = { workspaceId, userId };
        await recordAudit(tx, actor, {
          entity: 'user',
          entityId: userId,
          action: 'update',
          before,
          after: { locale },
        });
      });
    },

    async logSecurityEvent(e: SecurityEvent) {
      await db.insert(securityEvents).values({ ...e, detail: e.detail ?? null });
    },
  };
}

export type AuthRepository = ReturnType<typeof createAuthRepository>;
