/** The first rows of an uploaded file with the suggested mapping, for the user to check before running. */
import type { Locale } from '../../../../shared/common/locale';
import { type ImportPreview, PREVIEW_ROWS } from '../../../../shared/imports/import-api.schema';
import type { ImportEntity } from '../../../../shared/imports/import-fields';
import { importMessage } from '../engine/engine.messages';
import { type Cell, ImportFileError, type OpenedTable } from '../import.contract';
import { suggestMapping } from '../read';
import { openUpload, type Upload } from './import-uploads';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the preview shows it: dates as the calendar day the spreadsheet shows (UTC in XLSX). */
export function cellText(cell: Cell): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) {
    const day = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const time =
      cell.getUTCHours() || cell.getUTCMinutes()
        ? ` ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`
        : '';
    return day + time;
  }
  return String(cell);
}

const empty = (problem: ImportPreview['problem'], sheets: string[] = []): ImportPreview => ({
  format: 'csv',
  encoding: null,
  delimiter: null,
  sheets,
  sheet: null,
  headers: [],
  rows: [],
  mapping: {},
  missing: [],
  extra: [],
  problem,
});

export async function previewUpload(
  upload: Upload,
  entity: ImportEntity,
  sheet: string | undefined,
  locale: Locale,
  template?: Record<string, string>,
): Promise<ImportPreview> {
  let table: OpenedTable;
  try {
    table = await openUpload(upload, { sheet });
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    const p = err.problem;
    const sheets = [...(p.sheets ?? [])];
    return empty({ code: p.code, message: importMessage(p, locale), line: p.line ?? null }, sheets);
  }
  try {
    const rows: ImportPreview['rows'] = [];
    try {
      for await (const raw of table.rows()) {
        rows.push({ line: raw.line, cells: raw.cells.map(cellText) });
        if (rows.length === PREVIEW_ROWS) break;
      }
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      const p = err.problem;
      return {
        ...empty({ code: p.code, message: importMessage(p, locale), line: p.line ?? null }),
        headers: table.headers,
      };
    }
    const suggested = suggestMapping(entity, table.headers, template);
    const mapping = Object.fromEntries(
      Object.entries(suggested.mapping).map(([key, index]) => [key, table.headers[index] ?? '']),
    );
    return {
      format: table.format,
      encoding: table.encoding ?? null,
      delimiter: table.delimiter ?? null,
      sheets: table.sheets ?? [],
      sheet: table.sheet ?? null,
      headers: table.headers,
      rows,
      mapping,
      missing: suggested.missing,
      extra: suggested.extra,
      problem: null,
    };
  } finally {
    await table.close();
  }
}
