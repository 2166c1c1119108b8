import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import {
  CreateCustomFieldDefSchema,
  CustomFieldDefSchema,
  UpdateCustomFieldDefSchema,
} from '../../../shared/customers/custom-field.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['settings'];

export const customFieldsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.customFields;
  app.get(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Custom field definitions',
        response: { 200: z.object({ items: z.array(CustomFieldDefSchema) }) },
      },
    },
    async (request) => ({ items: await service.list(requireActor(request)) }),
  );
  app.post(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field (admin)',
        body: CreateCustomFieldDefSchema,
        response: { 201: CustomFieldDefSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );
  app.patch(
    '/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change a custom field definition (admin)',
        params: z.object({ id }),
        body: UpdateCustomFieldDefSchema,
        response: { 200: CustomFieldDefSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );
};
