import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  Customer360Schema,
  MonthlyRevenueQuerySchema,
  MonthlyRevenueSchema,
  TimelineEntrySchema,
  TimelineQuerySchema,
} from '../../../shared/customers/customer360.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['customers'];
const params = z.object({ id });

export const timelineRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.timeline;
  app.get(
    '/customers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Every touch and order of a customer, newest first',
        params,
        querystring: TimelineQuerySchema,
        response: { 200: listResponse(TimelineEntrySchema) },
      },
    },
    async (request) => service.timeline(requireActor(request), request.params.id, request.query),
  );
  app.get(
    '/customers/:id/revenue-by-month',
    {
      schema: {
        tags,
        summary: "A customer's revenue per month (default the last 24), months without orders as 0",
        params,
        querystring: MonthlyRevenueQuerySchema,
        response: { 200: MonthlyRevenueSchema },
      },
    },
    async (request) => service.revenueByMonth(requireActor(request), request.params.id, request.query.months),
  );
  app.get(
    '/customers/:id/360',
    {
      schema: {
        tags,
        summary: 'The 360° view: profile, contacts, latest 20 timeline entries, order totals, open items',
        params,
        response: { 200: Customer360Schema },
      },
    },
    async (request) => service.view360(requireActor(request), request.params.id),
  );
};
