/** Helpers for the engine's tests: converted-row streams and a collecting sink. */
import type { DbHandle } from '../../../../db/client';
import type { ConvertedRow, ImportEntity, ImportMode, RowIssue } from '../import.contract';
import { type ImportResult, runImport } from './run-import';

export type Values = Record<string, string | string[] | null | undefined>;

/** Rows as the reader would hand them over: line 2 onwards (the header is line 1). */
export async function* rowsOf(values: Iterable<Values>, issues: Map<number, RowIssue[]> = new Map()) {
  let line = 1;
  for (const v of values) {
    line++;
    yield {
      line,
      values: v as ConvertedRow['values'],
      issues: issues.get(line) ?? [],
    } satisfies ConvertedRow;
  }
}

export async function importRows(
  handle: DbHandle,
  who: { workspaceId: number; userId: number },
  entity: ImportEntity,
  rows: AsyncIterable<ConvertedRow> | Iterable<Values>,
  mode: ImportMode = 'all-or-nothing',
  options: { mergeDuplicates?: boolean; chunkRows?: number; nameCheckMaxRows?: number } = {},
): Promise<ImportResult & { issues: RowIssue[] }> {
  const issues: RowIssue[] = [];
  const source =
    Symbol.asyncIterator in rows ? (rows as AsyncIterable<ConvertedRow>) : rowsOf(rows as Iterable<Values>);
  const result = await runImport(
    handle,
    {
      workspaceId: who.workspaceId,
      actorId: who.userId,
      entity,
      mode,
      locale: 'en',
      mergeDuplicates: options.mergeDuplicates,
    },
    source,
    { onIssue: (i) => issues.push(i) },
    {
      fileName: `${entity}.csv`,
      chunkRows: options.chunkRows ?? 1000,
      nameCheckMaxRows: options.nameCheckMaxRows,
    },
  );
  return { ...result, issues };
}

export const issueSummary = (issues: readonly RowIssue[]) =>
  issues.map((i) => `${i.line}:${i.column ?? '-'}:${i.code}`);
