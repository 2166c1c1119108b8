/** The web import's API: upload a file, preview it with a suggested mapping, run it, follow it, templates. */
import { z } from 'zod';
import { id, text, version } from '../common/fields';
import { LOCALES } from '../common/locale';
import { IMPORT_ENTITIES } from './import-fields';

export const IMPORT_MODES = ['dry-run', 'all-or-nothing', 'skip-invalid'] as const;
export const IMPORT_STATUSES = ['uploaded', 'running', 'done', 'failed'] as const;

/** The largest file the web upload takes (streamed to disk, never held in memory). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
/** Rows a preview shows. */
export const PREVIEW_ROWS = 20;

const Mapping = z.record(z.string().min(1).max(64), z.string().max(200));

export const UploadQuerySchema = z.object({ fileName: text(255) }).strict();

export const ImportProblemSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().nullable(),
});

export const PreviewQuerySchema = z
  .object({ entity: z.enum(IMPORT_ENTITIES), sheet: text(100).optional() })
  .strict();

export const ImportPreviewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string().nullable(),
    delimiter: z.string().nullable(),
    sheets: z.array(z.string()),
    sheet: z.string().nullable(),
    headers: z.array(z.string()),
    /** The first rows as text, cell by cell. */
    rows: z.array(z.object({ line: z.number(), cells: z.array(z.string().nullable()) })),
    /** Suggested mapping: field key → header. */
    mapping: Mapping,
    missing: z.array(z.string()),
    extra: z.array(z.string()),
    /** Set when the file cannot be read at all (wrong encoding, several sheets and none chosen …). */
    problem: ImportProblemSchema.nullable(),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const RunImportSchema = z
  .object({
    entity: z.enum(IMPORT_ENTITIES),
    mode: z.enum(IMPORT_MODES),
    sheet: text(100).optional(),
    /** Field key → header as written in the file; fields left out are not read. */
    mapping: Mapping,
    /** Customers: a new row that clearly matches an existing customer (查重) updates it instead. */
    mergeDuplicates: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'RunImport' });
export type RunImport = z.infer<typeof RunImportSchema>;

export const ImportCountsSchema = z.object({
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  invalid: z.number(),
  /** Valid rows reported as look-alikes of an existing customer (查重) or of another row, not merged. */
  duplicates: z.number(),
  /** Rows merged into the existing customer they resemble (mergeDuplicates). */
  merged: z.number(),
  /** New customer rows whose names were not compared (a file of more than 5,000 new customers). */
  namesUnchecked: z.number(),
});

export const ImportRunSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    size: z.number(),
    status: z.enum(IMPORT_STATUSES),
    entity: z.enum(IMPORT_ENTITIES).nullable(),
    mode: z.enum(IMPORT_MODES).nullable(),
    phase: z.enum(['read', 'validate', 'write']).nullable(),
    done: z.number(),
    total: z.number().nullable(),
    counts: ImportCountsSchema.nullable(),
    written: z.boolean(),
    issueCount: z.number(),
    problem: ImportProblemSchema.nullable(),
    createdAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'ImportRun' });
export type ImportRun = z.infer<typeof ImportRunSchema>;

export const ImportRunParamsSchema = z.object({ id: z.string().regex(/^[0-9a-f-]{36}$/) });

export const ImportIssueSchema = z.object({
  line: z.number(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  /** 'warning': reported, but the row is valid and written (a look-alike of an existing customer). */
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportIssuesQuerySchema = z
  .object({
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const ImportReportQuerySchema = z
  .object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(LOCALES).optional() })
  .strict();

export const ImportTemplateSchema = z
  .object({
    id: z.number(),
    entity: z.enum(IMPORT_ENTITIES),
    name: z.string(),
    mapping: z.record(z.string(), z.string()),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ImportTemplate' });
export type ImportTemplate = z.infer<typeof ImportTemplateSchema>;

export const ImportTemplateListQuerySchema = z.object({ entity: z.enum(IMPORT_ENTITIES) }).strict();

export const CreateImportTemplateSchema = z
  .object({ entity: z.enum(IMPORT_ENTITIES), name: text(100), mapping: Mapping })
  .strict()
  .meta({ id: 'CreateImportTemplate' });
export type CreateImportTemplate = z.infer<typeof CreateImportTemplateSchema>;

export const DeleteImportTemplateQuerySchema = z
  .object({ version: z.coerce.number().int().positive() })
  .strict();

export const ImportTemplateParamsSchema = z.object({ id });
export { version };
