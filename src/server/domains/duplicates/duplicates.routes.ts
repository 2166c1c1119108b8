import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import { CustomerSchema } from '../../../shared/customers/customer.schema';
import {
  DismissPairSchema,
  DuplicateListQuerySchema,
  DuplicatePairSchema,
  MergeListQuerySchema,
  MergeRequestSchema,
  MergeSummarySchema,
} from '../../../shared/duplicates/duplicate.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['duplicates'];

export const duplicatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.duplicates;

  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        summary:
          'Candidate duplicate pairs among the customers you may see, best score first (tax ID, shared phone or e-mail, name similarity)',
        querystring: DuplicateListQuerySchema,
        response: { 200: listResponse(DuplicatePairSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.post(
    '/duplicates/dismiss',
    {
      schema: {
        tags,
        summary:
          'Mark a pair as "not a duplicate": it leaves the list for everyone (needs write access to both)',
        body: DismissPairSchema,
      },
    },
    async (request, reply) => {
      await service.dismiss(requireActor(request), request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    '/duplicates/merge',
    {
      schema: {
        tags,
        summary:
          'Merge one customer into another: field-by-field choice, everything of the merged customer moves to the survivor; can be undone',
        body: MergeRequestSchema,
        response: { 201: z.object({ merge: MergeSummarySchema, survivor: CustomerSchema }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.merge(requireActor(request), request.body)),
  );

  app.get(
    '/duplicates/merges',
    {
      schema: {
        tags,
        summary: 'Recent merges whose surviving customer you may see, newest first',
        querystring: MergeListQuerySchema,
        response: { 200: listResponse(MergeSummarySchema) },
      },
    },
    async (request) => service.merges(requireActor(request), request.query),
  );

  app.post(
    '/duplicates/merges/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Undo a merge: the merged customer comes back with its id and code, its rows move back; 409 if the survivor changed since',
        params: z.object({ id }),
        response: {
          200: z.object({ merge: MergeSummarySchema, survivor: CustomerSchema, merged: CustomerSchema }),
        },
      },
    },
    async (request) => service.undo(requireActor(request), request.params.id),
  );
};
