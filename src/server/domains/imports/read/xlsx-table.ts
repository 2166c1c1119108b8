/**
 * An XLSX workbook as an OpenedTable, read by exceljs' streaming WorkbookReader: rows are parsed as the
 * zip inflates, never the whole sheet at once. exceljs hands over the worksheets in file order after it
 * has read the workbook part, so the first one tells every sheet's name; the sheets before the chosen
 * one are read through and dropped. Hidden sheets (a template's lookup lists) are not offered. A row's `line` is the sheet's own row number.
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  type Cell,
  ImportFileError,
  type OpenedTable,
  type OpenOptions,
  type RawRow,
} from '../import.contract';
import { headerCells, isBlankRow } from './header';

type SheetRow = { number: number; values: unknown };
type SheetReader = AsyncIterable<SheetRow> & { name?: string; id?: number | string };
type BookReader = {
  parse(): AsyncGenerator<{ eventType: string; value: unknown }>;
  model?: { sheets?: { name: string; id: number; state?: string }[] };
};

/** One exceljs cell value as a Cell: rich text joined, a formula's cached result, a link's text. */
export function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as { text?: string }[]).map((run) => run.text ?? '').join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellOf(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellOf(v.text);
  }
  return String(value);
}

/** A row's cells from exceljs' 1-based, possibly sparse `values`. */
function cellsOf(values: unknown): Cell[] {
  if (!Array.isArray(values)) return [];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
  return cells;
}

export async function openXlsx(bytes: Readable, options: OpenOptions): Promise<OpenedTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as BookReader;
  const events = reader.parse();
  const close = async () => {
    bytes.destroy();
    await events.return(undefined).catch(() => undefined);
  };
  const fail = async (error: unknown): Promise<never> => {
    await close();
    throw error;
  };

  let sheets: string[] | undefined;
  let sheetName: string | undefined;
  let worksheet: SheetReader | undefined;
  try {
    for (;;) {
      const next = await events.next();
      if (next.done) break;
      if (next.value.eventType !== 'worksheet') continue;
      const ws = next.value.value as SheetReader;
      if (!sheets) {
        const all = reader.model?.sheets ?? [];
        // The sheets a user sees: a template's hidden lookup sheet is no choice (but may be named).
        sheets = all.filter((sheet) => !sheet.state || sheet.state === 'visible').map((sheet) => sheet.name);
        if (all.length === 0 && ws.name) sheets = [ws.name];
        const names = all.length ? all.map((sheet) => sheet.name) : sheets;
        sheetName = options.sheet;
        if (sheetName === undefined) {
          if (sheets.length > 1) {
            return await fail(
              new ImportFileError({ code: 'choose_sheet', params: { sheets: sheets.join(', ') }, sheets }),
            );
          }
          sheetName = sheets[0] ?? ws.name;
        } else if (!names.includes(sheetName)) {
          return await fail(
            new ImportFileError({
              code: 'unknown_sheet',
              params: { sheet: sheetName, sheets: sheets.join(', ') },
              sheets,
            }),
          );
        }
      }
      if (ws.name === sheetName) {
        worksheet = ws;
        break;
      }
      // Another sheet: read through it so the zip stream moves on.
      for await (const _ of ws) {
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    return fail(new ImportFileError({ code: 'not_xlsx', params: { detail: String(error) } }));
  }
  if (!worksheet) return fail(new ImportFileError({ code: 'empty_file' }));

  const rowIterator = worksheet[Symbol.asyncIterator]();
  const next = async (): Promise<{ line: number; cells: Cell[] } | undefined> => {
    let r: IteratorResult<SheetRow>;
    try {
      r = await rowIterator.next();
    } catch (error) {
      throw new ImportFileError({ code: 'not_xlsx', params: { detail: String(error) } });
    }
    return r.done ? undefined : { line: r.value.number, cells: cellsOf(r.value.values) };
  };

  let header: { line: number; cells: Cell[] } | undefined;
  let headers: string[];
  try {
    do header = await next();
    while (header && isBlankRow(header.cells));
    if (!header) throw new ImportFileError({ code: 'empty_file' });
    headers = headerCells(header.cells, header.line);
  } catch (error) {
    return fail(error);
  }

  let started = false;
  return {
    format: 'xlsx',
    sheets,
    sheet: sheetName,
    headers,
    rows(): AsyncIterable<RawRow> {
      if (started) throw new Error('rows() reads the file once');
      started = true;
      return (async function* () {
        try {
          for (let r = await next(); r; r = await next()) {
            if (!isBlankRow(r.cells)) yield r;
          }
        } finally {
          await close();
        }
      })();
    },
    close,
  };
}
