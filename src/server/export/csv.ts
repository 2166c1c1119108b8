/**
 * CSV as RFC 4180 writes it, for spreadsheets: UTF-8 with a byte-order mark (without one Excel reads
 * Chinese text as the local code page), CRLF line ends, fields quoted only when they must be. A text
 * cell a spreadsheet would take for a formula (starting = + - @, or a tab or carriage return that some
 * of them skip) gets a leading apostrophe, so a customer named "=HYPERLINK(…)" stays text (OWASP).
 */
import { type CellValue, type ColumnKind, DECIMAL, type Table } from './table';
import { isoInZone } from './zoned-time';

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

export type CsvValue = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: dates as ISO text, numbers as they print, formulas defused, quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record with its line end. */
export const csvLine = (values: readonly CsvValue[]): string => values.map(csvCell).join(',') + CSV_EOL;

/**
 * The whole file, a chunk at a time: the BOM and the header, then one chunk per batch of rows as the
 * batches come (a page of a keyset list), so memory holds one batch, never the file.
 */
export async function* csvChunks(
  header: readonly string[],
  batches: AsyncIterable<readonly (readonly CsvValue[])[]>,
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(header);
  for await (const rows of batches) {
    if (rows.length) yield rows.map(csvLine).join('');
  }
}

/** `attachment; filename="…"`, with the RFC 5987 form as well when the name is not plain ASCII. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return ascii === filename
    ? `attachment; filename="${filename}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * One typed cell of a table: numbers and exact decimals as they are (a minus sign is not a formula
 * there), business days as `YYYY-MM-DD`, instants as local time with the offset of `timeZone`, text
 * through `csvCell` (formulas defused).
 */
export function csvTypedCell(value: CellValue, kind: ColumnKind, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'integer':
    case 'money':
    case 'quantity':
      if (typeof value === 'number' ? Number.isFinite(value) : DECIMAL.test(String(value)))
        return String(value);
      return csvCell(String(value));
    case 'datetime':
      return value instanceof Date ? isoInZone(value, timeZone) : csvCell(String(value));
    default:
      return csvCell(value instanceof Date ? isoInZone(value, timeZone) : value);
  }
}

/** A table as CSV chunks: the BOM and the header, then one chunk per batch. */
export async function* csvTableChunks(table: Table): AsyncGenerator<string> {
  const { columns, timeZone } = table;
  yield CSV_BOM + csvLine(columns.map((c) => c.header));
  for await (const rows of table.batches) {
    if (!rows.length) continue;
    let chunk = '';
    for (const row of rows)
      chunk += columns.map((c, i) => csvTypedCell(row[i], c.kind, timeZone)).join(',') + CSV_EOL;
    yield chunk;
  }
}
