/**
 * Runs an uploaded file's import in the background while the client polls its state: the file is
 * checked (readable, the chosen sheet, the mapped columns present) before the run starts, so those
 * problems answer the request itself; row problems stream to the upload's issue file as they are found.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../../../db/client';
import { workspaces } from '../../../../db/schema';
import { canImport } from '../../../../shared/auth/policy';
import type { Actor } from '../../../../shared/auth/roles';
import type { Locale } from '../../../../shared/common/locale';
import type { ImportIssue, ImportRun, RunImport } from '../../../../shared/imports/import-api.schema';
import { IMPORT_FIELDS } from '../../../../shared/imports/import-fields';
import { validationError } from '../../../errors';
import { importMessage, issueMessage } from '../engine/engine.messages';
import { runImport } from '../engine/run-import';
import type { ColumnMapping, OpenedTable, RowIssue } from '../import.contract';
import { ImportFileError } from '../import.contract';
import { rowConverter } from '../read';
import { openUpload, type Upload } from './import-uploads';
import { importErrors } from './import-web.errors';

/** The header of each mapped field → its column index; a 422 naming each field whose column is absent. */
export function columnMapping(input: RunImport, headers: readonly string[]): ColumnMapping {
  const errors: { field: string; message: string }[] = [];
  const mapping: Record<string, number> = {};
  for (const field of IMPORT_FIELDS[input.entity]) {
    const header = input.mapping[field.key];
    const index = header === undefined || header === '' ? -1 : headers.indexOf(header);
    if (index >= 0) mapping[field.key] = index;
    else if (header) errors.push({ field: `mapping.${field.key}`, message: 'kehu.unknown_import_column' });
    else if (field.required)
      errors.push({ field: `mapping.${field.key}`, message: 'kehu.required_import_column' });
  }
  for (const key of Object.keys(input.mapping))
    if (!IMPORT_FIELDS[input.entity].some((f) => f.key === key))
      errors.push({ field: `mapping.${key}`, message: 'kehu.unknown_import_field' });
  if (errors.length) throw validationError(errors);
  return mapping;
}

/** A file that cannot be read at all, as the run's problem in the user's language. */
export const fileProblem = (err: ImportFileError, locale: Locale) => ({
  code: err.problem.code,
  message: importMessage(err.problem, locale),
  line: err.problem.line ?? null,
});

/** The run's state as a client sees it, its problem in the client's language. */
export const runView = (upload: Upload, locale: Locale): ImportRun => ({
  ...upload.run,
  problem: upload.problem
    ? {
        code: upload.problem.code,
        message: importMessage(upload.problem, locale),
        line: upload.problem.line ?? null,
      }
    : null,
});

export function createImportRuns(
  handle: DbHandle,
  hooks: {
    /** After an import that wrote rows (e.g. the value engine's run). */ onImported?: (
      workspaceId: number,
    ) => void;
  } = {},
) {
  async function timeZoneOf(workspaceId: number): Promise<string> {
    const [row] = await handle.db
      .select({ timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId));
    return row?.timeZone ?? 'Asia/Shanghai';
  }

  async function execute(
    upload: Upload,
    actor: Actor,
    input: RunImport,
    table: OpenedTable,
    mapping: ColumnMapping,
  ) {
    const run = upload.run;
    const fields = IMPORT_FIELDS[input.entity];
    const timeZone = await timeZoneOf(actor.workspaceId);
    const issues = createWriteStream(upload.issuesPath);
    const convert = rowConverter(fields, mapping, { timeZone, headers: table.headers });
    const rows = (async function* () {
      for await (const raw of table.rows()) {
        run.done++;
        yield convert(raw);
      }
    })();
    const columnNames = Object.fromEntries(
      Object.entries(mapping).map(([key, index]) => [key, table.headers[index] ?? key]),
    );
    let outcome: Pick<ImportRun, 'status'> & Partial<ImportRun> = { status: 'failed' };
    try {
      const result = await runImport(
        handle,
        {
          workspaceId: actor.workspaceId,
          actorId: actor.userId,
          entity: input.entity,
          mode: input.mode,
          mergeDuplicates: input.mergeDuplicates === true,
          locale: 'en',
        },
        rows,
        {
          onIssue(issue: RowIssue) {
            run.issueCount++;
            if (!issues.write(`${JSON.stringify(issue)}\n`)) issues.once('drain', () => {});
          },
          onProgress(p) {
            run.phase = p.phase;
            if (p.phase !== 'read') {
              run.done = p.done;
              run.total = p.total ?? null;
            }
          },
        },
        { columnNames, fileName: run.fileName },
      );
      const { written, ...counts } = result;
      outcome = { status: 'done', counts, written };
    } catch (err) {
      outcome = { status: 'failed' };
      upload.problem =
        err instanceof ImportFileError
          ? err.problem
          : { code: 'import_failed', params: { message: err instanceof Error ? err.message : String(err) } };
    } finally {
      // The run says it ended only once its issues are on disk: a client that sees 'done' reads them next.
      issues.end();
      await once(issues, 'close').catch(() => {});
      await table.close().catch(() => {});
      Object.assign(run, outcome, { finishedAt: new Date() });
    }
    if (run.status === 'done' && run.written) hooks.onImported?.(actor.workspaceId);
  }

  return {
    /** Checks the file and the mapping, then starts the run; the answer is the run's first state. */
    async start(upload: Upload, actor: Actor, input: RunImport, locale: Locale): Promise<ImportRun> {
      if (upload.run.status === 'running') throw importErrors.error('import_running');
      if (!canImport(actor, input.entity)) throw importErrors.error('import_not_allowed');
      let table: OpenedTable;
      try {
        table = await openUpload(upload, { sheet: input.sheet });
      } catch (err) {
        if (err instanceof ImportFileError)
          throw validationError([{ field: 'file', message: fileProblem(err, locale).message }]);
        throw err;
      }
      let mapping: ColumnMapping;
      try {
        mapping = columnMapping(input, table.headers);
      } catch (err) {
        await table.close();
        throw err;
      }
      Object.assign(upload.run, {
        status: 'running',
        entity: input.entity,
        mode: input.mode,
        phase: 'read',
        done: 0,
        total: null,
        counts: null,
        written: false,
        issueCount: 0,
        finishedAt: null,
      } satisfies Partial<ImportRun>);
      upload.problem = undefined;
      void execute(upload, actor, input, table, mapping);
      return runView(upload, locale);
    },

    /** A page of the run's issues, each message in the reader's language. */
    async issues(upload: Upload, locale: Locale, offset: number, limit: number): Promise<ImportIssue[]> {
      const out: ImportIssue[] = [];
      if (upload.run.issueCount === 0) return out;
      const lines = createInterface({ input: createReadStream(upload.issuesPath), crlfDelay: Infinity });
      let i = 0;
      for await (const line of lines) {
        if (!line) continue;
        if (i++ < offset) continue;
        const issue = JSON.parse(line) as RowIssue;
        out.push({ ...issue, severity: issue.severity ?? 'error', message: issueMessage(issue, locale) });
        if (out.length === limit) break;
      }
      lines.close();
      return out;
    },

    /** Every issue, in file order, for a report. */
    async *allIssues(upload: Upload, locale: Locale): AsyncGenerator<ImportIssue> {
      if (upload.run.issueCount === 0) return;
      const lines = createInterface({ input: createReadStream(upload.issuesPath), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line) continue;
        const issue = JSON.parse(line) as RowIssue;
        yield { ...issue, severity: issue.severity ?? 'error', message: issueMessage(issue, locale) };
      }
    },
  };
}

export type ImportRuns = ReturnType<typeof createImportRuns>;
