import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '../../shared/common/problem';
import { AppError, commonErrors } from '../errors';
import { localizeIssue, translateKehuMessage } from './validation-messages';

/** The part of the request a validation error is about (`body`, `querystring`, `params`, `headers`). */
function requestPart(request: FastifyRequest, where: string | undefined): unknown {
  if (where === 'body') return request.body;
  if (where === 'querystring') return request.query;
  if (where === 'params') return request.params;
  return undefined;
}

function valueAt(root: unknown, path: string[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const TITLES: Record<number, { en: string; zh: string }> = {
  400: { en: 'Bad request', zh: '请求有误' },
  401: { en: 'Not signed in', zh: '未登录' },
  403: { en: 'Forbidden', zh: '禁止访问' },
  404: { en: 'Not found', zh: '未找到' },
  409: { en: 'Conflict', zh: '冲突' },
  413: { en: 'Payload too large', zh: '请求内容过大' },
  415: { en: 'Unsupported media type', zh: '不支持的内容类型' },
  422: { en: 'Validation failed', zh: '校验失败' },
  429: { en: 'Too many requests', zh: '请求过多' },
  500: { en: 'Internal error', zh: '内部错误' },
};

export function problemOf(err: AppError, request: FastifyRequest): Problem {
  const title = TITLES[err.status];
  return {
    ...err.extensions,
    type: `https://kehu.dev/problems/${err.code.replaceAll('_', '-')}`,
    status: err.status,
    code: err.code,
    title: title ? (request.locale === 'en' ? title.en : title.zh) : err.code,
    detail: err.localizedMessage(request.locale),
    instance: request.url.split('?')[0],
    ...(err.fieldErrors
      ? {
          errors: err.fieldErrors.map((e) => ({
            field: e.field,
            message: translateKehuMessage(e.message, request.locale) ?? e.message,
          })),
        }
      : {}),
  };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError) {
  return reply.status(err.status).type('application/problem+json').send(problemOf(err, request));
}

function fromFastifyError(err: FastifyError, request: FastifyRequest): AppError | undefined {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext;
    const fieldErrors: FieldError[] = err.validation.flatMap((v) => {
      const path = v.instancePath.replace(/^\//, '').split('/').filter(Boolean);
      // The value's type is named in "expected array, received string": the issue itself carries no input.
      const input = valueAt(requestPart(request, where), path);
      const issue = { code: v.keyword, message: v.message ?? '', path, input, ...(v.params as object) };
      const message = localizeIssue(issue, request.locale);
      if (v.keyword === 'unrecognized_keys') {
        const keys = ((v.params as { keys?: string[] }).keys ?? []).map((k) => [...path, k].join('.'));
        return keys.map((field) => ({ field, message }));
      }
      const field = path.join('.') || (where === 'body' ? '(body)' : `(${where ?? 'request'})`);
      return [{ field, message }];
    });
    return new AppError('validation_failed', commonErrors.defs.validation_failed, {}, fieldErrors);
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return commonErrors.error('malformed_request');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return commonErrors.error('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return commonErrors.error('unsupported_media_type');
  }
  if (err.statusCode === 429) return commonErrors.error('rate_limited');
  if (err instanceof SyntaxError && err.statusCode === 400) return commonErrors.error('malformed_request');
  return undefined;
}

// One error handler for the whole app: typed errors become problem+json; anything else is logged and
// answered with a generic 500 so no stack trace or SQL text ever reaches a client.
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError =
      error instanceof AppError
        ? error
        : (fromFastifyError(error, request) ??
          (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500
            ? commonErrors.error('malformed_request')
            : undefined));
    if (appError) return sendProblem(reply, request, appError);
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, commonErrors.error('internal_error'));
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, commonErrors.error('route_not_found')),
  );
});
