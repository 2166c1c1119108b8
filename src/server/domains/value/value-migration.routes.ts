import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ExpectedValueQuerySchema,
  ExpectedValueSchema,
  MigrationQuerySchema,
  MigrationSchema,
  ProjectionQuerySchema,
  ProjectionSchema,
} from '../../../shared/analytics/value-read-api.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['value'];

/** Tier (ABC, segment) migration between runs, its projection and expected value per state. */
export const valueMigrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const migration = app.services.value.migration;

  app.get(
    '/value/migration',
    {
      schema: {
        tags,
        summary:
          'Movement between two finished runs (default: the last two) as a transition matrix with counts, among the customers I may see',
        querystring: MigrationQuerySchema,
        response: { 200: MigrationSchema },
      },
    },
    async (request) => migration.migration(requireActor(request), request.query),
  );

  app.get(
    '/value/projection',
    {
      schema: {
        tags,
        summary: 'The distribution over states projected k runs ahead with the transition matrix (Markov)',
        querystring: ProjectionQuerySchema,
        response: { 200: ProjectionSchema },
      },
    },
    async (request) => migration.projection(requireActor(request), request.query),
  );

  app.get(
    '/value/expected-value',
    {
      schema: {
        tags,
        summary:
          'Expected value per state (Pfeifer & Carraway): V = (I − P/(1+d))⁻¹R, R = the state’s mean actual value; or summed over a finite horizon',
        querystring: ExpectedValueQuerySchema,
        response: { 200: ExpectedValueSchema },
      },
    },
    async (request) => migration.expectedValue(requireActor(request), request.query),
  );
};
