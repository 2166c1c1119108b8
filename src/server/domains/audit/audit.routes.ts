import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../shared/common/fields';
import { requireActor } from '../../plugins/auth';

export const AUDIT_ENTITIES = [
  'customer',
  'contact',
  'activity',
  'order',
  'product',
  'user',
  'custom_field',
  'api_token',
  'workspace',
  // One entry per file import (the import's own id): what was imported, by whom, with what counts.
  'import',
] as const;

const AuditEntrySchema = z
  .object({
    id: z.number(),
    entity: z.string(),
    entityId: z.number(),
    action: z.enum(['create', 'update', 'delete', 'restore']),
    actorId: z.number().nullable(),
    at: z.date(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit/:entity/:id',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Who changed a record, when, and what it was before and after (admin; manager for their branch)',
        params: z.object({ entity: z.enum(AUDIT_ENTITIES), id }),
        response: { 200: z.object({ items: z.array(AuditEntrySchema) }) },
      },
    },
    async (request) => {
      const rows = await app.services.audit.history(
        requireActor(request),
        request.params.entity,
        request.params.id,
      );
      return { items: rows.map(({ workspaceId: _w, ...r }) => r) };
    },
  );
};
