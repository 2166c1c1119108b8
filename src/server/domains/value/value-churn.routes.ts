import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ChurnListItemSchema,
  ChurnListQuerySchema,
  ChurnTasksBodySchema,
  ChurnTasksResultSchema,
  ModelCheckSchema,
  ValueModelSchema,
} from '../../../shared/analytics/churn-api.schema';
import { listResponse } from '../../../shared/common/pagination';
import { requireActor } from '../../plugins/auth';

const tags = ['value'];

/** The lifetime-value models of the latest run, the churn lists and their follow-up tasks (issue 6). */
export const valueChurnRoutes: FastifyPluginAsyncZod = async (app) => {
  const value = app.services.value;

  app.get(
    '/value/model',
    {
      schema: {
        tags,
        summary:
          "The latest run's lifetime-value models (BG/NBD, Gamma-Gamma): parameters, standard errors, warnings in words",
        response: { 200: ValueModelSchema },
      },
    },
    async (request) => value.model(requireActor(request), request.locale),
  );

  app.post(
    '/value/model-check',
    {
      schema: {
        tags,
        summary:
          "Check the latest run's models: refit them on the history up to the churn horizon before the run's day, compare with what happened since (calibration vs holdout, tracking, churn AUC); admin, manager",
        response: { 200: ModelCheckSchema },
      },
    },
    async (request) => value.checkModel(requireActor(request)),
  );

  app.get(
    '/value/churn',
    {
      schema: {
        tags,
        summary:
          'Customers I may see at risk of churning (MVCs first), or dormant customers of high past value to win back with a suggested action',
        querystring: ChurnListQuerySchema,
        response: { 200: listResponse(ChurnListItemSchema) },
      },
    },
    async (request) => value.churnList(requireActor(request), request.query, request.locale),
  );

  app.post(
    '/value/churn/tasks',
    {
      schema: {
        tags,
        summary:
          'Open a follow-up task for the owner of each listed customer (among those I may see) that has none open (admin, manager)',
        body: ChurnTasksBodySchema,
        response: { 200: ChurnTasksResultSchema },
      },
    },
    async (request) => value.openChurnTasks(requireActor(request), request.body.list, request.locale),
  );
};
