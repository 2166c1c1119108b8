import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateTaskSchema,
  MyTasksQuerySchema,
  TaskDeleteQuerySchema,
  TaskListQuerySchema,
  TaskSchema,
  UpdateTaskSchema,
} from '../../../shared/tasks/task.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['tasks'];
const params = z.object({ id });

export const tasksRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.tasks;

  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary:
          'Tasks I may see (mine; managers: their branch’s; admins: all), soonest due first, keyset-paginated',
        querystring: TaskListQuerySchema,
        response: { 200: listResponse(TaskSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    '/tasks/mine',
    {
      schema: {
        tags,
        summary: 'My open tasks, soonest due first (the home page)',
        querystring: MyTasksQuerySchema,
        response: { 200: listResponse(TaskSchema) },
      },
    },
    async (request) => service.mine(requireActor(request), request.query),
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Create a task (for myself; managers: for a user of their branch; admins: for anyone)',
        body: CreateTaskSchema,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/tasks/:id',
    { schema: { tags, summary: 'One task', params, response: { 200: TaskSchema } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change a task or mark it done (send the version you read; 409 when it changed)',
        params,
        body: UpdateTaskSchema,
        response: { 200: TaskSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/tasks/:id',
    { schema: { tags, summary: 'Delete a task', params, querystring: TaskDeleteQuerySchema } },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
