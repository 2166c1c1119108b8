import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateCustomerSchema,
  CustomerExportQuerySchema,
  CustomerListQuerySchema,
  CustomerSchema,
  CustomerSummarySchema,
  DeleteQuerySchema,
  UpdateCustomerSchema,
} from '../../../shared/customers/customer.schema';
import { SimilarCustomerSchema, SimilarCustomersQuerySchema } from '../../../shared/customers/similar.schema';
import { attachment, CSV_CONTENT_TYPE } from '../../export/csv';
import { requireActor } from '../../plugins/auth';

const tags = ['customers'];
const params = z.object({ id });

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.customers;

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'List and search customers (keyset pagination)',
        querystring: CustomerListQuerySchema,
        response: { 200: listResponse(CustomerSummarySchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    '/customers/similar',
    {
      schema: {
        tags,
        summary:
          'Existing customers like a new one (查重): same tax ID, a contact with the phone, a like name',
        description:
          'Looks in the whole workspace. A customer the caller may not see is named with its code and owner, ' +
          'so two reps learn of each other, but comes without id; at most 5 per kind of match.',
        querystring: SimilarCustomersQuerySchema,
        response: { 200: z.array(SimilarCustomerSchema) },
      },
    },
    async (request) => app.services.similarCustomers(requireActor(request), request.query),
  );

  app.get(
    '/customers/export.csv',
    {
      schema: {
        tags,
        summary: 'Every customer of a list view as CSV (UTF-8 with BOM, CRLF), streamed page by page',
        description:
          "Takes the list's filters, search and sort; the same rows in the same order, all of them.",
        querystring: CustomerExportQuerySchema,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { lang, ...query } = request.query;
      const file = await app.services.customerExport.csv(
        requireActor(request),
        query,
        lang ?? request.locale,
      );
      return reply
        .type(CSV_CONTENT_TYPE)
        .header('content-disposition', attachment(file.filename))
        .header('cache-control', 'private, no-store')
        .send(Readable.from(file.chunks));
    },
  );

  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer',
        body: CreateCustomerSchema,
        response: { 201: CustomerSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/customers/:id',
    { schema: { tags, summary: 'A customer profile', params, response: { 200: CustomerSchema } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Change a customer (send the version you read; 409 when it changed since)',
        params,
        body: UpdateCustomerSchema,
        response: { 200: CustomerSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/customers/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete a customer (restorable)',
        params,
        querystring: DeleteQuerySchema,
      },
    },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/customers/:id/restore',
    { schema: { tags, summary: 'Restore a deleted customer', params, response: { 200: CustomerSchema } } },
    async (request) => service.restore(requireActor(request), request.params.id),
  );
};
