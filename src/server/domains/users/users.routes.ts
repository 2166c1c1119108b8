import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BranchSchema, CreateUserSchema, UserSchema } from '../../../shared/users/user.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['users'];

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.usersService;
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Users of my workspace',
        response: { 200: z.object({ items: z.array(UserSchema) }) },
      },
    },
    async (request) => ({ items: await service.list(requireActor(request)) }),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: CreateUserSchema,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await service.create(actor, actor.workspaceId, request.body));
    },
  );
  app.get(
    '/branches',
    {
      schema: {
        tags,
        summary: 'Branches (分公司) of my workspace',
        response: { 200: z.object({ items: z.array(BranchSchema) }) },
      },
    },
    async (request) => ({ items: await service.listBranches(requireActor(request)) }),
  );
};
