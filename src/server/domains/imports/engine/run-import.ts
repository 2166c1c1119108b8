/**
 * The import engine: converted rows → COPY into a TEMP staging table → set-wise validation → set-wise
 * merge by natural key, all in ONE transaction. A failure, a rollback (dry run, all-or-nothing with a
 * bad row) or a killed process leaves the database exactly as it was.
 */
import { type BulkSession, withBulkSession } from '../../../../db/bulk';
import type { DbHandle } from '../../../../db/client';
import type { Actor } from '../../../../shared/auth/roles';
import { IMPORT_FIELDS } from '../../../../shared/imports/import-fields';
import type {
  ConvertedRow,
  ImportCounts,
  ImportEntity,
  ImportProgress,
  ImportRequest,
  RowIssue,
} from '../import.contract';
import { IMPORT_HANDLERS } from './entities';
import { createStaging, emitIssues, ISSUES, stageRows } from './staging';
import type { EngineContext } from './validate-common';

export type ImportSink = { onIssue(issue: RowIssue): void; onProgress?(p: ImportProgress): void };

export type RunImportOptions = {
  /** Field key → the header as written in the file, for issues (default: the field key). */
  columnNames?: Readonly<Record<string, string>>;
  /** Recorded in the audit entry. */
  fileName?: string;
  /** Rows per COPY (bounds memory). */
  chunkRows?: number;
  /** 查重: compare names for up to this many new customers (default NAME_CHECK_MAX_ROWS), tax IDs always. */
  nameCheckMaxRows?: number;
};

export type ImportResult = ImportCounts & { written: boolean };

/** KEHU_IMPORT_TRACE=1: every statement's time on stderr (where does an import spend its time?). */
function traced(session: BulkSession): BulkSession {
  let copyMs = 0;
  return {
    ...session,
    query: async (text, params) => {
      const start = performance.now();
      try {
        return await session.query(text, params);
      } finally {
        const ms = performance.now() - start;
        if (ms > 50)
          process.stderr.write(
            `[import] ${ms.toFixed(0)} ms (copy so far ${copyMs.toFixed(0)} ms): ${text.replace(/\s+/g, ' ').slice(0, 160)}\n`,
          );
      }
    },
    copy: async (table, lines) => {
      const start = performance.now();
      await session.copy(table, lines);
      copyMs += performance.now() - start;
    },
  } as BulkSession;
}

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('import rolled back');
  }
}

async function loadActor(session: BulkSession, workspaceId: number, userId: number): Promise<Actor> {
  const [u] = await session.query<{
    role: Actor['role'];
    branch_id: string | null;
    email: string;
    name: string;
  }>(
    'select role, branch_id::text as branch_id, email, name from users where workspace_id = $1 and id = $2 and active',
    [workspaceId, userId],
  );
  if (!u) throw new Error(`user ${userId} is not an active user of workspace ${workspaceId}`);
  return {
    userId,
    workspaceId,
    role: u.role,
    branchId: u.branch_id === null ? null : Number(u.branch_id),
    email: u.email,
    name: u.name,
  };
}

async function recordImport(
  ctx: EngineContext,
  entity: ImportEntity,
  request: ImportRequest,
  fileName: string | undefined,
  counts: ImportCounts,
) {
  // One entry for the whole import (never one per row): the records it touched carry the importing
  // user in created_by, and their versions moved only where something changed.
  await ctx.session.query(
    `with n as (select nextval(pg_get_serial_sequence('audit_log', 'id')) as id)
     insert into audit_log (workspace_id, id, entity, entity_id, action, actor_id, after)
     select $1, n.id, 'import', n.id, 'create', $2, $3::jsonb from n`,
    [
      ctx.workspaceId,
      ctx.actor.userId,
      JSON.stringify({ entity, mode: request.mode, fileName: fileName ?? null, ...counts }),
    ],
  );
}

/**
 * Imports `rows` (already read and converted) into `request.entity`. Issues stream to `sink.onIssue`
 * in line order once the file has been validated; `written` says whether the import was committed
 * (false for a dry run and for an all-or-nothing import with an invalid row).
 */
export async function runImport(
  handle: DbHandle,
  request: ImportRequest,
  rows: AsyncIterable<ConvertedRow>,
  sink: ImportSink,
  options: RunImportOptions = {},
): Promise<ImportResult> {
  const fields = IMPORT_FIELDS[request.entity];
  const handler = IMPORT_HANDLERS[request.entity];
  const names = options.columnNames ?? {};
  const columnName = (key: string) => names[key] ?? key;
  try {
    return await withBulkSession(handle, async (bulk) => {
      const session = process.env.KEHU_IMPORT_TRACE ? traced(bulk) : bulk;
      // The server's JIT compiles every big statement of an import anew (the per-statement trigger of the
      // name windows alone spent ~10 s of a 200,000-customer import compiling): interpreted is faster here.
      if (session.kind === 'postgres') await session.query('set local jit = off');
      const actor = await loadActor(session, request.workspaceId, request.actorId);
      const tables = await createStaging(session, fields, handler.extra);
      const columns = [
        'line',
        'has_issue',
        'repeat',
        ...fields.map((f) => f.key),
        ...handler.extra.map((c) => c.name),
      ];
      const ctx: EngineContext = { session, workspaceId: request.workspaceId, actor, fields, columns };
      const staged = await stageRows(session, tables, fields, rows, {
        chunkRows: options.chunkRows ?? 10_000,
        columnName,
        onRows: (done) => sink.onProgress?.({ phase: 'read', done }),
      });
      sink.onProgress?.({ phase: 'validate', done: 0, total: staged.rows });
      await handler.validate(ctx);
      // 查重 (customers): warnings that leave the rows valid; merging points rows at their look-alike.
      const dupes = handler.duplicates
        ? await handler.duplicates(ctx, request.mergeDuplicates === true, options.nameCheckMaxRows)
        : { duplicates: 0, merged: 0, namesUnchecked: 0 };
      const [bad] = await session.query<{ invalid: number }>(
        `select count(*)::int as invalid from imp_rows where has_issue`,
      );
      const invalid = bad?.invalid ?? 0;
      await session.query(`create index on ${ISSUES} (line, seq)`);
      await emitIssues(session, columnName, (issue) => sink.onIssue(issue));
      sink.onProgress?.({ phase: 'validate', done: staged.rows, total: staged.rows });
      const counts: ImportCounts = {
        rows: staged.rows,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        invalid,
        ...dupes,
      };
      if (request.mode === 'all-or-nothing' && invalid > 0) throw new Rollback({ ...counts, written: false });
      sink.onProgress?.({ phase: 'write', done: 0, total: staged.rows });
      // A dry run merges too (so that its counts are what the import would do), then rolls back.
      const merged = await handler.merge(ctx);
      const result = { ...counts, ...merged };
      sink.onProgress?.({ phase: 'write', done: staged.rows, total: staged.rows });
      if (request.mode === 'dry-run') throw new Rollback({ ...result, written: false });
      // Re-importing the same file changes nothing, not even the audit log.
      if (merged.inserted + merged.updated > 0) {
        await recordImport(ctx, request.entity, request, options.fileName, result);
      }
      return { ...result, written: true };
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result;
    throw err;
  }
}
