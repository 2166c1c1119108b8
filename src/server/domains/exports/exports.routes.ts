import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  EXPORT_ENTITIES,
  EXPORT_OPTION_KEYS,
  type ExportEntity,
  exportQuerySchema,
} from '../../../shared/exports/export.schema';
import { requireActor } from '../../plugins/auth';

/** The list filters of a URL as it gives them (strings; a repeated one as a list), to lay over a view. */
function urlFilters(url: string): Record<string, string | string[]> {
  const params = new URLSearchParams(url.split('?')[1] ?? '');
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    if (EXPORT_OPTION_KEYS.includes(key)) continue;
    const values = params.getAll(key).filter((v) => v.trim() !== '');
    if (!values.length) continue; // an empty parameter is no filter, as in the list's URL
    out[key] = values.length > 1 ? values : values[0]!;
  }
  return out;
}

function exportRoute(entity: ExportEntity): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `/${entity}/export`,
      {
        schema: {
          tags: [entity],
          summary: `Every row of the ${entity} list as CSV or XLSX, streamed page by page`,
          description:
            "Takes the list's filters, search and sort (or a saved view's with `view`), and the caller's " +
            'visibility: the same rows in the same order as the list, all of them. The file is an attachment ' +
            "named after the workspace's day; money is exact, times are the workspace's local time.",
          querystring: exportQuerySchema(entity),
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => {
        const { format, lang, view, lines, ...filters } = request.query as {
          format: 'csv' | 'xlsx';
          lang?: 'zh-CN' | 'en';
          view?: number;
          lines?: boolean;
        } & Record<string, unknown>;
        const file = await app.services.exports.file(
          requireActor(request),
          entity,
          {
            format,
            view,
            lines,
            filters: filters as never,
            overrides: view === undefined ? undefined : urlFilters(request.url),
          },
          lang ?? request.locale,
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', file.disposition)
          .header('cache-control', 'private, no-store')
          .send(Readable.from(file.chunks));
      },
    );
  };
}

/** `GET /<list>/export` for every list that exports. */
export const exportsRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const entity of EXPORT_ENTITIES) await app.register(exportRoute(entity));
};
