import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateOrderSchema,
  CustomerOrderListQuerySchema,
  DeleteOrderQuerySchema,
  OrderListItemSchema,
  OrderListQuerySchema,
  OrderSchema,
  UpdateOrderSchema,
} from '../../../shared/orders/order.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['orders'];
const params = z.object({ id });

export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.orders;

  app.get(
    '/orders',
    {
      schema: {
        tags,
        summary:
          'List orders of the customers you may see, newest first, each with its customer’s name and code (keyset pagination)',
        querystring: OrderListQuerySchema,
        response: { 200: listResponse(OrderListItemSchema) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  app.get(
    '/customers/:id/orders',
    {
      schema: {
        tags,
        summary: "A customer's orders, newest first (keyset pagination)",
        params,
        querystring: CustomerOrderListQuerySchema,
        response: { 200: listResponse(OrderListItemSchema) },
      },
    },
    async (request) => service.listOfCustomer(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/orders',
    {
      schema: {
        tags,
        summary: 'Create an order; amounts and totals are computed exactly from the lines',
        body: CreateOrderSchema,
        response: { 201: OrderSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.create(requireActor(request), request.body)),
  );

  app.get(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'An order with its lines, each naming its product (code, name, unit)',
        params,
        response: { 200: OrderSchema },
      },
    },
    async (request) => service.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'Change an order (send the version you read; 409 when it changed since); lines replace all',
        params,
        body: UpdateOrderSchema,
        response: { 200: OrderSchema },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/orders/:id',
    {
      schema: {
        tags,
        summary: 'Soft-delete an order: it leaves lists and customer totals; the audit log keeps it',
        params,
        querystring: DeleteOrderQuerySchema,
      },
    },
    async (request, reply) => {
      await service.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
