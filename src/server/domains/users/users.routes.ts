import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import {
  BranchSchema,
  CreateBranchSchema,
  CreateTeamSchema,
  CreateUserSchema,
  ResetPasswordSchema,
  TeamSchema,
  UpdateUserSchema,
  UserSchema,
} from '../../../shared/users/user.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['organisation'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users, org } = app.services;
  app.get(
    '/users',
    { schema: { tags, summary: 'Users of my workspace', response: { 200: items(UserSchema) } } },
    async (request) => ({ items: await users.list(requireActor(request)) }),
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
      return reply.status(201).send(await users.create(actor, actor.workspaceId, request.body));
    },
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user’s name, role, branch or deactivate them (admin)',
        params: z.object({ id }),
        body: UpdateUserSchema,
        response: { 200: UserSchema },
      },
    },
    async (request) => org.updateUser(requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Set a new password for a user and end their sessions (admin)',
        params: z.object({ id }),
        body: ResetPasswordSchema,
      },
    },
    async (request, reply) => {
      await org.resetPassword(requireActor(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  app.get(
    '/branches',
    {
      schema: { tags, summary: 'Branches (分公司) of my workspace', response: { 200: items(BranchSchema) } },
    },
    async (request) => ({ items: await users.listBranches(requireActor(request)) }),
  );
  app.post(
    '/branches',
    {
      schema: {
        tags,
        summary: 'Create a branch (admin)',
        body: CreateBranchSchema,
        response: { 201: BranchSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await org.createBranch(requireActor(request), request.body)),
  );
  app.get(
    '/teams',
    { schema: { tags, summary: 'Teams of my workspace', response: { 200: items(TeamSchema) } } },
    async (request) => ({ items: await org.listTeams(requireActor(request)) }),
  );
  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team in a branch (admin)',
        body: CreateTeamSchema,
        response: { 201: TeamSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await org.createTeam(requireActor(request), request.body)),
  );
};
