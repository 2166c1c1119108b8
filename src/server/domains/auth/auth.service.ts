import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../shared/auth/roles';
import { authErrors } from './auth.errors';
import type { AuthRepository, UserRow } from './auth.repository';
import { AuthCache } from './auth-cache';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';

export type SessionPolicy = { idleMinutes: number; absoluteHours: number };
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 8 * 60, absoluteHours: 24 };

// A hash of a real password, so a login for an unknown e-mail costs the same time as a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$9oPbfYloiAPjmjli6zxIew$hAEud6fxWmHSpZURpxj2BWC6CcEgpT4cC6tAhkYA3z8';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
/** 256 random bits, URL-safe. */
const secret = () => randomBytes(32).toString('base64url');

export type Authenticated = { actor: Actor; locale: UserRow['locale'] };

function toActor(u: UserRow): Actor {
  return {
    userId: u.id,
    workspaceId: u.workspaceId,
    role: u.role,
    branchId: u.branchId,
    email: u.email,
    name: u.name,
  };
}

export function createAuthService(
  repo: AuthRepository,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  throttle = new LoginThrottle(),
) {
  const cache = new AuthCache<Authenticated>();
  return {
    async login(email: string, password: string, ip: string) {
      const key = `${email.trim().toLowerCase()}|${ip}`;
      const wait = throttle.retryAfterMs(key);
      if (wait > 0) {
        await repo.logSecurityEvent({ kind: 'login_throttled', email, ip });
        throw authErrors.error('login_throttled', { seconds: Math.ceil(wait / 1000) });
      }
      const user = await repo.findUserForLogin(email.trim());
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !ok || !user.active || !user.passwordHash) {
        throttle.fail(key);
        await repo.logSecurityEvent({
          kind: 'login_failed',
          workspaceId: user?.workspaceId,
          userId: user?.id,
          email,
          ip,
        });
        throw authErrors.error('invalid_credentials');
      }
      throttle.succeed(key);
      const cookieValue = secret();
      const now = new Date();
      await repo.createSession({
        id: sha256(cookieValue),
        workspaceId: user.workspaceId,
        userId: user.id,
        expiresAt: new Date(now.getTime() + policy.absoluteHours * 3_600_000),
      });
      await repo.logSecurityEvent({
        kind: 'login_ok',
        workspaceId: user.workspaceId,
        userId: user.id,
        email,
        ip,
      });
      return { cookieValue, user, maxAgeSeconds: policy.absoluteHours * 3600 };
    },

    /** The user behind a session cookie, or null when unknown, idle too long or past its absolute end. */
    async fromSession(cookieValue: string): Promise<Authenticated | null> {
      const id = sha256(cookieValue);
      const cached = cache.get(`s:${id}`);
      if (cached) return cached;
      const s = await repo.findSession(id);
      if (!s?.user.active) return null;
      const now = Date.now();
      if (s.expiresAt.getTime() <= now || s.lastSeenAt.getTime() + policy.idleMinutes * 60_000 <= now) {
        await repo.deleteSession(id);
        return null;
      }
      // Sliding the idle window costs a write; once a minute is precise enough.
      if (now - s.lastSeenAt.getTime() > 60_000) await repo.touchSession(id, new Date(now));
      const found = { actor: toActor(s.user), locale: s.user.locale };
      cache.set(`s:${id}`, found, s.user.id, s.expiresAt.getTime());
      return found;
    },

    async fromToken(token: string): Promise<Authenticated | null> {
      const hash = sha256(token);
      const cached = cache.get(`t:${hash}`);
      if (cached) return cached;
      const t = await repo.findToken(hash);
      if (!t || t.revokedAt || !t.user.active) return null;
      const now = Date.now();
      if (t.expiresAt && t.expiresAt.getTime() <= now) return null;
      if (!t.lastUsedAt || now - t.lastUsedAt.getTime() > 60_000) {
        await repo.touchToken(t.user.workspaceId, t.id, new Date(now));
      }
      const found = { actor: toActor(t.user), locale: t.user.locale };
      cache.set(`t:${hash}`, found, t.user.id, t.expiresAt?.getTime());
      return found;
    },

    async logout(cookieValue: string, actor: Actor | null, ip: string) {
      cache.delete(`s:${sha256(cookieValue)}`);
      await repo.deleteSession(sha256(cookieValue));
      if (actor) {
        await repo.logSecurityEvent({
          kind: 'logout',
          workspaceId: actor.workspaceId,
          userId: actor.userId,
          ip,
        });
      }
    },

    async createToken(actor: Actor, name: string, expiresInDays?: number) {
      const token = `kehu_${secret()}`;
      const row = await repo.insertToken({
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        name,
        prefix: token.slice(0, 12),
        tokenHash: sha256(token),
        expiresAt: expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null,
      });
      return { ...publicToken(row), token };
    },

    async listTokens(actor: Actor) {
      return (await repo.listTokens(actor.workspaceId, actor.userId)).map(publicToken);
    },

    async revokeToken(actor: Actor, id: number) {
      const row = await repo.revokeToken(actor.workspaceId, actor.userId, id, new Date());
      if (!row) throw authErrors.error('token_not_found');
      cache.delete(`t:${row.tokenHash}`);
    },

    async setLocale(actor: Actor, locale: 'zh-CN' | 'en') {
      await repo.setLocale(actor.workspaceId, actor.userId, locale);
      cache.forgetUser(actor.userId);
    },
    /** Call when a user's role, branch or status changed, so their next request reads them afresh. */
    forgetUser: (userId: number) => cache.forgetUser(userId),
    logAccessDenied: (actor: Actor | null, ip: string | null, detail: unknown) =>
      repo.logSecurityEvent({
        kind: 'access_denied',
        workspaceId: actor?.workspaceId,
        userId: actor?.userId,
        ip,
        detail,
      }),
  };
}

function publicToken(row: {
  id: number;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}) {
  const { id, name, prefix, createdAt, lastUsedAt, expiresAt, revokedAt } = row;
  return { id, name, prefix, createdAt, lastUsedAt, expiresAt, revokedAt };
}

export type AuthService = ReturnType<typeof createAuthService>;
