import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../shared/auth/roles';
import { localeFromAcceptLanguage } from '../../shared/common/locale';
import type { AuthService } from '../domains/auth/auth.service';
import { commonErrors } from '../errors';

export const SESSION_COOKIE = 'kehu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    authService: AuthService;
  }
}

/** The signed-in user, or a 401 problem. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw commonErrors.error('unauthenticated');
  return request.actor;
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { authService: AuthService }) => {
  await app.register(cookie);
  app.decorate('authService', opts.authService);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    let found = null;
    if (header?.startsWith('Bearer ')) {
      found = await opts.authService.fromToken(header.slice(7).trim());
    } else {
      const sid = request.cookies[SESSION_COOKIE];
      if (sid) found = await opts.authService.fromSession(sid);
    }
    if (!found) return;
    request.actor = found.actor;
    if (found.locale && !localeFromAcceptLanguage(request.headers['accept-language'])) {
      request.locale = found.locale;
    }
  });

  // Every refused access is kept in the security log (hidden records log themselves where they are checked).
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 401 && reply.statusCode !== 403) return;
    if (request.url.startsWith('/api/v1/auth/login')) return;
    await opts.authService
      .logAccessDenied(request.actor, request.ip, {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
      })
      .catch((err) => request.log.warn({ err }, 'could not log refused access'));
  });
});
