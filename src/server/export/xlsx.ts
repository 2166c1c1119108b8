/**
 * A table as an XLSX workbook, streamed: exceljs's streaming writer commits each row as it comes, the
 * zip is written as the reader takes it, and the next batch is read only when the output has drained,
 * so memory holds about one batch whatever the number of rows.
 *
 * Cells keep their types: money and quantities are number cells written from their exact decimal
 * strings (`Number("1234.50")` is the double nearest the decimal, whose shortest form the file stores:
 * 1234.5; numeric(14,2) has at most 14 digits, well inside a double's 15), shown with 2 (3) decimals;
 * days and instants are date cells (instants at the workspace's wall clock, as Excel has no time
 * zones); text is always a string cell, so "=1+2" stays the text "=1+2" (no apostrophe needed).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { type CellValue, type ColumnKind, DECIMAL, type Table } from './table';
import { isoInZone } from './zoned-time';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel keeps at most this many characters in a cell. */
export const XLSX_MAX_TEXT = 32_767;

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  integer: '0',
  money: '#,##0.00',
  quantity: '#,##0.000',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
};
const WIDTH: Record<ColumnKind, number> = {
  text: 18,
  integer: 10,
  money: 14,
  quantity: 12,
  date: 12,
  datetime: 20,
};

// Characters XML 1.0 cannot hold at all (a workbook with one does not open).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day as the date cell Excel shows as that day (exceljs counts serials from UTC). */
function dayCell(day: string): Date | string {
  const m = DAY.exec(day);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : day;
}

/** An instant as the date cell of its wall clock in `timeZone`, to the second. */
export function wallClockCell(at: Date, timeZone: string): Date {
  return new Date(`${isoInZone(at, timeZone).slice(0, 19)}Z`);
}

const textCell = (value: string) => {
  const clean = value.replace(NOT_XML, '');
  return clean.length > XLSX_MAX_TEXT ? clean.slice(0, XLSX_MAX_TEXT) : clean;
};

/** The cell value exceljs writes for a typed value. */
export function xlsxValue(
  value: CellValue,
  kind: ColumnKind,
  timeZone: string,
): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'integer':
    case 'money':
    case 'quantity':
      if (typeof value === 'number') return value;
      return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : textCell(String(value));
    case 'date':
      return typeof value === 'string' ? dayCell(value) : value instanceof Date ? value : String(value);
    case 'datetime':
      return value instanceof Date ? wallClockCell(value, timeZone) : textCell(String(value));
    default:
      return textCell(value instanceof Date ? isoInZone(value, timeZone) : String(value));
  }
}

/** Excel's limits on a sheet name: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

/** Start waiting for the output to drain when this much is buffered. */
const BUFFERED = 1 << 20;

type State = { length?: number };
type Buffered = { _writableState?: State; _readableState?: State };
// exceljs's zip streams come from an older readable-stream, without writableLength: read the states.
const held = (s: Buffered | undefined) => (s?._writableState?.length ?? 0) + (s?._readableState?.length ?? 0);
/**
 * Bytes written and not yet read: in the output, and inside exceljs, which pushes each 64 KB of the
 * sheet into the zip without waiting (its sheet buffer's pipes, the archiver). Reading the next batch
 * only when this is small is what keeps memory bounded when the reader is slower than the database.
 */
function pending(out: PassThrough, sheet: unknown, workbook: unknown): number {
  const pipes = (sheet as { stream?: { pipes?: Buffered[] } }).stream?.pipes ?? [];
  let bytes = out.readableLength + out.writableLength + held((workbook as { zip?: Buffered }).zip);
  for (const p of pipes) bytes += held(p);
  return bytes;
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The workbook, as chunks of bytes. Stopping the iteration stops the reading of batches. */
export async function* xlsxChunks(table: Table): AsyncGenerator<Buffer> {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(table.sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? WIDTH[c.kind],
    style: NUM_FMT[c.kind] ? { numFmt: NUM_FMT[c.kind] } : {},
  }));
  let stopped = false;

  const produce = async () => {
    const header = sheet.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const rows of table.batches) {
      if (stopped) return;
      for (const row of rows) {
        sheet.addRow(table.columns.map((c, i) => xlsxValue(row[i], c.kind, table.timeZone))).commit();
      }
      // Wait for the reader (and the zip behind it) before reading the next batch.
      while (!stopped && pending(out, sheet, workbook) > BUFFERED) await tick();
      if (stopped) return;
    }
    sheet.commit();
    await workbook.commit();
  };
  const producing = produce().catch((err: unknown) => {
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  try {
    for await (const chunk of out) yield chunk as Buffer;
    await producing;
  } finally {
    stopped = true;
    if (!out.destroyed) out.destroy();
  }
}
