import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateProductSchema,
  ProductListQuerySchema,
  ProductSchema,
  UpdateProductSchema,
} from '../../../shared/products/product.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['products'];
const params = z.object({ id });

export const productsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.products;

  app.get(
    '/products',
    {
      schema: {
        tags,
        summary: 'List products by code (keyset pagination); q matches a code prefix or part of the name',
        querystring: ProductListQuerySchema,
        response: { 200: listResponse(ProductSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.post(
    '/products',
    {
      schema: {
        tags,
        summary: 'Create a product (admin, manager); 409 when the code is taken',
        body: CreateProductSchema,
        response: { 201: ProductSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/products/:id',
    { schema: { tags, summary: 'A product', params, response: { 200: ProductSchema } } },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product (admin, manager; send the version you read; 409 when it changed since)',
        params,
        body: UpdateProductSchema,
        response: { 200: ProductSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );
};
