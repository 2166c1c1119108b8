import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RunListQuerySchema,
  StartValueRunSchema,
  ValueRunSchema,
} from '../../../shared/analytics/value-api.schema';
import {
  BreachQuerySchema,
  BreachSchema,
  BreachTasksResultSchema,
  CustomerValueSchema,
  ValueListItemSchema,
  ValueListQuerySchema,
} from '../../../shared/analytics/value-read-api.schema';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import { requireActor } from '../../plugins/auth';

const tags = ['value'];
const params = z.object({ id });

/** Runs, the summary, a customer's value, the lists and the breaches. */
export const valueRunsRoutes: FastifyPluginAsyncZod = async (app) => {
  const value = app.services.value;

  app.get(
    '/value/summary',
    {
      schema: {
        tags,
        summary:
          'The latest finished classification and the one before: counts and value shares per ABC class, RFM segment, tier and matrix cell (money in cents)',
        response: {
          200: z.object({ latest: ValueRunSchema.nullable(), previous: ValueRunSchema.nullable() }),
        },
      },
    },
    async (request) => value.read.summary(requireActor(request)),
  );

  app.get(
    '/value/runs',
    {
      schema: {
        tags,
        summary: 'Classification runs, newest first (failed ones with their error)',
        querystring: RunListQuerySchema,
        response: { 200: listResponse(ValueRunSchema) },
      },
    },
    async (request) => value.read.runs(requireActor(request), request.query),
  );

  app.post(
    '/value/runs',
    {
      schema: {
        tags,
        summary:
          'Classify every customer now (admin, manager); 409 while another run of the workspace is going',
        body: StartValueRunSchema,
        response: { 201: ValueRunSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await value.start(requireActor(request), request.body.asOf)),
  );

  app.get(
    '/value/runs/:id',
    { schema: { tags, summary: 'One run and its summary', params, response: { 200: ValueRunSchema } } },
    async (request) => value.read.run(requireActor(request), request.params.id),
  );

  app.get(
    '/customers/:id/value',
    {
      schema: {
        tags,
        summary:
          "A customer's latest verdict (ABC, RFM, tier, cells) with its explanation, and its history across runs",
        params,
        response: { 200: CustomerValueSchema },
      },
    },
    async (request) => value.read.customerValue(requireActor(request), request.params.id, request.locale),
  );

  app.get(
    '/value/lists',
    {
      schema: {
        tags,
        summary:
          'Customers I may see from the latest run: MVCs that moved down since the run before, BZs, high-potential STCs',
        querystring: ValueListQuerySchema,
        response: { 200: listResponse(ValueListItemSchema) },
      },
    },
    async (request) => value.read.list(requireActor(request), request.query),
  );

  app.get(
    '/value/breaches',
    {
      schema: {
        tags,
        summary:
          'Policy breaches of the latest run among customers I may see ("MVC not visited in 45 days; policy 30")',
        querystring: BreachQuerySchema,
        response: { 200: listResponse(BreachSchema) },
      },
    },
    async (request) => value.breachList(requireActor(request), request.query, request.locale),
  );

  app.post(
    '/value/breaches/tasks',
    {
      schema: {
        tags,
        summary:
          'Open a follow-up task for the owner of each breach (among customers I may see) that has none open (admin, manager)',
        response: { 200: BreachTasksResultSchema },
      },
    },
    async (request) => value.openBreachTasks(requireActor(request)),
  );
};
