import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  ContactDeleteQuerySchema,
  ContactListItemSchema,
  ContactListQuerySchema,
  ContactSchema,
  CreateContactSchema,
  CustomerContactsQuerySchema,
  UpdateContactSchema,
} from '../../../shared/contacts/contact.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['contacts'];
const params = z.object({ id });

export const contactsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.contacts;

  app.get(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Contacts of every customer you may see (keyset pagination)',
        querystring: ContactListQuerySchema,
        response: { 200: listResponse(ContactListItemSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    '/customers/:id/contacts',
    {
      schema: {
        tags,
        summary: "A customer's contacts (keyset pagination)",
        params,
        querystring: CustomerContactsQuerySchema,
        response: { 200: listResponse(ContactListItemSchema) },
      },
    },
    async (request) => service.listOfCustomer(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/contacts',
    {
      schema: {
        tags,
        summary: 'Add a contact to a customer',
        body: CreateContactSchema,
        response: { 201: ContactSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/contacts/:id',
    { schema: { tags, summary: 'A contact', params, response: { 200: ContactSchema } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact (send the version you read; 409 when it changed since)',
        params,
        body: UpdateContactSchema,
        response: { 200: ContactSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete a contact (restorable)',
        params,
        querystring: ContactDeleteQuerySchema,
      },
    },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/contacts/:id/restore',
    { schema: { tags, summary: 'Restore a deleted contact', params, response: { 200: ContactSchema } } },
    async (request) => service.restore(requireActor(request), request.params.id),
  );
};
