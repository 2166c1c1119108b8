import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { listResponse } from '../../../shared/common/pagination';
import {
  CustomerQualitySchema,
  QualityIssueSchema,
  QualityIssuesQuerySchema,
  QualitySettingsSchema,
  QualitySummaryQuerySchema,
  QualitySummarySchema,
  UpdateQualitySettingsSchema,
} from '../../../shared/quality/quality.schema';
import { requireActor } from '../../plugins/auth';

const tags = ['data quality'];

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = app.services.quality;

  app.get(
    '/quality/settings',
    {
      schema: {
        tags,
        summary: 'The required customer fields and the stale threshold (days) of my workspace',
        response: { 200: QualitySettingsSchema },
      },
    },
    async (request) => service.settings(requireActor(request)),
  );

  app.patch(
    '/quality/settings',
    {
      schema: {
        tags,
        summary:
          'Choose the required fields (profile fields, contact facts, custom:<key>) or the stale days (admin)',
        body: UpdateQualitySettingsSchema,
        response: { 200: QualitySettingsSchema },
      },
    },
    async (request) => service.updateSettings(requireActor(request), request.body),
  );

  app.get(
    '/quality/summary',
    {
      schema: {
        tags,
        summary:
          'Completeness %, duplicate and stale rates per owner, team or branch, of the customers I may see',
        querystring: QualitySummaryQuerySchema,
        response: { 200: QualitySummarySchema },
      },
    },
    async (request) => service.summary(requireActor(request), request.query.groupBy),
  );

  app.get(
    '/quality/issues',
    {
      schema: {
        tags,
        summary: 'The customers to fix (missing fields, stale, suspected duplicate), worst first',
        querystring: QualityIssuesQuerySchema,
        response: { 200: listResponse(QualityIssueSchema) },
      },
    },
    async (request) => service.issues(requireActor(request), request.query),
  );

  app.get(
    '/customers/:id/quality',
    {
      schema: {
        tags,
        summary: "A customer's data quality: completeness, missing fields, staleness, duplicate suspicion",
        params: z.object({ id }),
        response: { 200: CustomerQualitySchema },
      },
    },
    async (request) => service.customerQuality(requireActor(request), request.params.id),
  );
};
