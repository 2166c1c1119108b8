import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActivityDeleteQuerySchema,
  ActivityListItemSchema,
  ActivityListQuerySchema,
  ActivitySchema,
  CreateActivitySchema,
  CustomerActivitiesQuerySchema,
  UpdateActivitySchema,
} from '../../../shared/activities/activity.schema';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import { requireActor } from '../../plugins/auth';

const tags = ['activities'];
const params = z.object({ id });

export const activitiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.activities;

  app.get(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Touches on every customer you may see, newest first (keyset pagination)',
        querystring: ActivityListQuerySchema,
        response: { 200: listResponse(ActivityListItemSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    '/customers/:id/activities',
    {
      schema: {
        tags,
        summary: "A customer's touches, newest first (keyset pagination)",
        params,
        querystring: CustomerActivitiesQuerySchema,
        response: { 200: listResponse(ActivityListItemSchema) },
      },
    },
    async (request) => service.listOfCustomer(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/activities',
    {
      schema: {
        tags,
        summary: 'Record a touch (visit, call, e-mail, …) on a customer; you are its author',
        body: CreateActivitySchema,
        response: { 201: ActivitySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/activities/:id',
    { schema: { tags, summary: 'An activity', params, response: { 200: ActivitySchema } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary:
          'Change an activity (author, admin or branch manager; send the version you read, 409 when stale)',
        params,
        body: UpdateActivitySchema,
        response: { 200: ActivitySchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete an activity (author, admin or branch manager)',
        params,
        querystring: ActivityDeleteQuerySchema,
      },
    },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
