import { attachment, CSV_CONTENT_TYPE, csvTableChunks } from './csv';
import type { ExportFormat, Table } from './table';
import { XLSX_CONTENT_TYPE, xlsxChunks } from './xlsx';
import { compactDayInZone } from './zoned-time';

/** A file to send: its name (with the workspace's day), its type and its content as it is produced. */
export type ExportFile = {
  filename: string;
  contentType: string;
  disposition: string;
  chunks: AsyncIterable<string | Buffer>;
};

/** `table` written in `format`, named `<base>-YYYYMMDD.<format>` after the workspace's day. */
export function exportFile(base: string, format: ExportFormat, table: Table, now = new Date()): ExportFile {
  const filename = `${base}-${compactDayInZone(now, table.timeZone)}.${format}`;
  return format === 'xlsx'
    ? {
        filename,
        contentType: XLSX_CONTENT_TYPE,
        disposition: attachment(filename),
        chunks: xlsxChunks(table),
      }
    : {
        filename,
        contentType: CSV_CONTENT_TYPE,
        disposition: attachment(filename),
        chunks: csvTableChunks(table),
      };
}
