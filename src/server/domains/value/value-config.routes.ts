import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateValueMatrixSchema,
  CreateValuePolicySchema,
  UpdateValueMatrixSchema,
  UpdateValuePolicySchema,
  UpdateValueSettingsSchema,
  ValueMatrixSchema,
  ValuePolicySchema,
  ValueSettingsViewSchema,
  VersionQuerySchema,
} from '../../../shared/analytics/value-api.schema';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import { requireActor } from '../../plugins/auth';

const tags = ['value'];
const params = z.object({ id });

/** Settings, factor matrices and tier policies of the value engine (writes: admins and managers). */
export const valueConfigRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.value.config;

  app.get(
    '/value/settings',
    {
      schema: {
        tags,
        summary: 'The value engine’s settings (ABC cuts, RFM window and segments, tiers, costs, schedule)',
        response: { 200: ValueSettingsViewSchema },
      },
    },
    async (request) => service.settings(requireActor(request)),
  );

  app.put(
    '/value/settings',
    {
      schema: {
        tags,
        summary:
          'Replace the settings (admin, manager; send the version you read; cut-offs must increase: 422 naming the field)',
        body: UpdateValueSettingsSchema,
        response: { 200: ValueSettingsViewSchema },
      },
    },
    async (request) => service.updateSettings(requireActor(request), request.body),
  );

  app.get(
    '/value/matrices',
    {
      schema: {
        tags,
        summary: 'Factor matrices (the two built-in ones first, seeded on first read)',
        response: { 200: listResponse(ValueMatrixSchema) },
      },
    },
    async (request) => service.matrices(requireActor(request)),
  );

  app.post(
    '/value/matrices',
    {
      schema: {
        tags,
        summary: 'Add a factor matrix: two factors with cut points, one named cell per band pair',
        body: CreateValueMatrixSchema,
        response: { 201: ValueMatrixSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMatrix(requireActor(request), request.body, request.locale)),
  );

  app.get(
    '/value/matrices/:id',
    { schema: { tags, summary: 'One factor matrix', params, response: { 200: ValueMatrixSchema } } },
    async (request) => service.getMatrix(requireActor(request), request.params.id),
  );

  app.patch(
    '/value/matrices/:id',
    {
      schema: {
        tags,
        summary: 'Change a matrix’s definition (its key stays) or switch it on or off',
        params,
        body: UpdateValueMatrixSchema,
        response: { 200: ValueMatrixSchema },
      },
    },
    async (request) =>
      service.updateMatrix(requireActor(request), request.params.id, request.body, request.locale),
  );

  app.delete(
    '/value/matrices/:id',
    {
      schema: {
        tags,
        summary: 'Delete a matrix of your own (built-in ones: 409, switch them off)',
        params,
        querystring: VersionQuerySchema,
      },
    },
    async (request, reply) => {
      await service.deleteMatrix(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );

  app.get(
    '/value/policies',
    {
      schema: {
        tags,
        summary: 'Tier policies: per tier, ABC class, RFM segment or matrix cell',
        response: { 200: listResponse(ValuePolicySchema) },
      },
    },
    async (request) => service.policies(requireActor(request)),
  );

  app.post(
    '/value/policies',
    {
      schema: {
        tags,
        summary:
          'Add a policy: visit interval, response time, dedicated manager, maximum discount, strategy (one per target)',
        body: CreateValuePolicySchema,
        response: { 201: ValuePolicySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPolicy(requireActor(request), request.body, request.locale)),
  );

  app.get(
    '/value/policies/:id',
    { schema: { tags, summary: 'One policy', params, response: { 200: ValuePolicySchema } } },
    async (request) => service.getPolicy(requireActor(request), request.params.id),
  );

  app.patch(
    '/value/policies/:id',
    {
      schema: {
        tags,
        summary: 'Change a policy (its target stays)',
        params,
        body: UpdateValuePolicySchema,
        response: { 200: ValuePolicySchema },
      },
    },
    async (request) => service.updatePolicy(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/value/policies/:id',
    { schema: { tags, summary: 'Delete a policy', params, querystring: VersionQuerySchema } },
    async (request, reply) => {
      await service.deletePolicy(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
