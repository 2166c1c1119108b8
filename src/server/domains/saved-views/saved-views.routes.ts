import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateSavedViewSchema,
  SavedViewDeleteQuerySchema,
  SavedViewListQuerySchema,
  SavedViewSchema,
  UpdateSavedViewSchema,
} from '../../../shared/saved-views/saved-view.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['saved views'];
const params = z.object({ id });

export const savedViewsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.savedViews;

  app.get(
    '/saved-views',
    {
      schema: {
        tags,
        summary: 'Your saved views of a list, by name (all of them: nextCursor is always null)',
        querystring: SavedViewListQuerySchema,
        response: { 200: listResponse(SavedViewSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query.list),
  );

  app.post(
    '/saved-views',
    {
      schema: {
        tags,
        summary: "Save a view: a list's filters, search and sort (as its URL holds them) and hidden columns",
        body: CreateSavedViewSchema,
        response: { 201: SavedViewSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.patch(
    '/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a view or change what it holds (send the version you read; 409 when it changed)',
        params,
        body: UpdateSavedViewSchema,
        response: { 200: SavedViewSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/saved-views/:id',
    { schema: { tags, summary: 'Delete a view', params, querystring: SavedViewDeleteQuerySchema } },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
