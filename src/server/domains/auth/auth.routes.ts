import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenSchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  LoginBodySchema,
  MeSchema,
  SessionSchema,
  UpdateMeBodySchema,
} from '../../../shared/auth/auth.schema';
import { id } from '../../../shared/common/fields';
import { requireActor, SESSION_COOKIE } from '../../plugins/auth';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{ secureCookies: boolean }> = async (app, opts) => {
  const auth = app.authService;

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: LoginBodySchema,
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      const { cookieValue, user, maxAgeSeconds } = await auth.login(
        request.body.email,
        request.body.password,
        request.ip,
      );
      reply.setCookie(SESSION_COOKIE, cookieValue, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.secureCookies || request.protocol === 'https',
        maxAge: maxAgeSeconds,
      });
      return user;
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out' } }, async (request, reply) => {
    const sid = request.cookies[SESSION_COOKIE];
    if (sid) await auth.logout(sid, request.actor, request.ip);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: MeSchema } } },
    async (request) => {
      const actor = requireActor(request);
      const user = await app.services.users.get(actor, actor.userId);
      return user;
    },
  );

  // The web app asks who is signed in before anything else: "nobody" is an answer, not an error.
  app.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, if anyone (200 either way)',
        response: { 200: SessionSchema },
      },
    },
    async (request) => ({
      user: request.actor ? await app.services.users.get(request.actor, request.actor.userId) : null,
    }),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Save the language of the signed-in user',
        body: UpdateMeBodySchema,
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await auth.setLocale(actor, request.body.locale);
      return app.services.users.get(actor, actor.userId);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'My API tokens',
        response: { 200: z.object({ items: z.array(ApiTokenSchema) }) },
      },
    },
    async (request) => ({ items: await auth.listTokens(requireActor(request)) }),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token (shown once)',
        body: CreateTokenBodySchema,
        response: { 201: CreatedTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await auth.createToken(
        requireActor(request),
        request.body.name,
        request.body.expiresInDays,
      );
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: z.object({ id }) } },
    async (request, reply) => {
      await auth.revokeToken(requireActor(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
