import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listResponse } from '../../../shared/common/pagination';
import {
  CreateImportTemplateSchema,
  DeleteImportTemplateQuerySchema,
  ImportIssueSchema,
  ImportIssuesQuerySchema,
  ImportPreviewSchema,
  ImportReportQuerySchema,
  ImportRunParamsSchema,
  ImportRunSchema,
  ImportTemplateListQuerySchema,
  ImportTemplateParamsSchema,
  ImportTemplateSchema,
  MAX_UPLOAD_BYTES,
  PreviewQuerySchema,
  RunImportSchema,
  UploadQuerySchema,
} from '../../../shared/imports/import-api.schema';
import { attachment } from '../../export/csv';
import { requireActor } from '../../plugins/auth';
import { previewUpload } from './web/import-preview';
import { importReport } from './web/import-report';
import { runView } from './web/import-runs';

const tags = ['imports'];

export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { importUploads: uploads, importRuns: runs, importTemplates: templates } = app.services;

  // The file arrives as the raw body and is streamed to disk; this plugin's scope alone reads it so.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file to import (the raw file as application/octet-stream)',
        description: `Streamed to disk, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Preview it, then run it.`,
        querystring: UploadQuerySchema,
        response: { 201: ImportRunSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = await uploads.receive(actor, request.query.fileName, request.body as Readable);
      return reply.status(201).send(runView(upload, request.locale));
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: "An upload and its run's state: phase, rows done, counts, issues found",
        params: ImportRunParamsSchema,
        response: { 200: ImportRunSchema },
      },
    },
    async (request) => runView(uploads.get(requireActor(request), request.params.id), request.locale),
  );

  app.get(
    '/imports/:id/preview',
    {
      schema: {
        tags,
        summary: "The file's first rows, sheets and headers, with the suggested column mapping",
        params: ImportRunParamsSchema,
        querystring: PreviewQuerySchema,
        response: { 200: ImportPreviewSchema },
      },
    },
    async (request) => {
      const upload = uploads.get(requireActor(request), request.params.id);
      return previewUpload(upload, request.query.entity, request.query.sheet, request.locale);
    },
  );

  app.post(
    '/imports/:id/run',
    {
      schema: {
        tags,
        summary: 'Import the file (dry run, all or nothing, or skipping invalid rows); follow it with GET',
        description: 'A missing required column or an unreadable file answers 422 before any row is read.',
        params: ImportRunParamsSchema,
        body: RunImportSchema,
        response: { 202: ImportRunSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const upload = uploads.get(actor, request.params.id);
      return reply.status(202).send(await runs.start(upload, actor, request.body, request.locale));
    },
  );

  app.get(
    '/imports/:id/issues',
    {
      schema: {
        tags,
        summary: "A page of the run's problems: row, column, value and message in your language",
        params: ImportRunParamsSchema,
        querystring: ImportIssuesQuerySchema,
        response: { 200: listResponse(ImportIssueSchema) },
      },
    },
    async (request) => {
      const upload = uploads.get(requireActor(request), request.params.id);
      const { offset, limit } = request.query;
      const items = await runs.issues(upload, request.locale, offset, limit);
      const more = offset + items.length < upload.run.issueCount;
      return { items, nextCursor: more ? String(offset + items.length) : null };
    },
  );

  app.get(
    '/imports/:id/report',
    {
      schema: {
        tags,
        summary: 'Every problem of the run as CSV or XLSX (row, column, value, message), streamed',
        params: ImportRunParamsSchema,
        querystring: ImportReportQuerySchema,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const upload = uploads.get(requireActor(request), request.params.id);
      const locale = request.query.lang ?? request.locale;
      const report = importReport(runs.allIssues(upload, locale), request.query.format, locale);
      const name = `${upload.run.fileName.replace(/\.[^.]*$/, '')}-report.${request.query.format}`;
      return reply
        .type(report.contentType)
        .header('content-disposition', attachment(name))
        .header('cache-control', 'private, no-store')
        .send(Readable.from(report.chunks));
    },
  );

  app.get(
    '/import-templates',
    {
      schema: {
        tags,
        summary: 'Your saved column mappings for importing one kind of record',
        querystring: ImportTemplateListQuerySchema,
        response: { 200: listResponse(ImportTemplateSchema) },
      },
    },
    async (request) => templates.list(requireActor(request), request.query.entity),
  );

  app.post(
    '/import-templates',
    {
      schema: {
        tags,
        summary: 'Save a column mapping as a template (field → header)',
        body: CreateImportTemplateSchema,
        response: { 201: ImportTemplateSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await templates.create(requireActor(request), request.body)),
  );

  app.delete(
    '/import-templates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a template',
        params: ImportTemplateParamsSchema,
        querystring: DeleteImportTemplateQuerySchema,
      },
    },
    async (request, reply) => {
      await templates.remove(requireActor(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
};
