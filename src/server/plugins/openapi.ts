import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../../shared/common/problem';

// The OpenAPI 3.1 document is generated from the same zod schemas that validate requests.
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kehu API',
        version: '1',
        description:
          'Kehu (客户) CRM REST API. Authenticate with the session cookie from `POST /api/v1/auth/login` or ' +
          '`Authorization: Bearer <API token>`. Errors are RFC 9457 `application/problem+json`.',
      },
      components: {
        // Error bodies are written by the one error handler, not by route schemas, so list them here.
        schemas: { Problem: z.toJSONSchema(ProblemSchema) as Record<string, unknown> },
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'kehu_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(apiReference, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json' } });
});
