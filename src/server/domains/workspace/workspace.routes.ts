import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UpdateWorkspaceSchema, WorkspaceSchema } from '../../../shared/workspace/workspace.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['settings'];

export const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.workspace;
  app.get(
    '/workspace',
    {
      schema: {
        tags,
        summary: 'My workspace’s settings: name, time zone, customer code rule',
        response: { 200: WorkspaceSchema },
      },
    },
    async (request) => service.get(requireActor(request)),
  );
  app.patch(
    '/workspace',
    {
      schema: {
        tags,
        summary: 'Change the workspace’s name, time zone or customer code rule (admin)',
        body: UpdateWorkspaceSchema,
        response: { 200: WorkspaceSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.body),
  );
};
