import { createReadStream } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { ImportFileError, type OpenedTable, type OpenOptions, type TableSource } from '../import.contract';
import { openCsv } from './csv-table';
import { openXlsx } from './xlsx-table';

export type TableFormat = 'csv' | 'xlsx';

/** The format a file name says: .csv/.txt/.tsv are text, .xlsx/.xlsm a workbook; anything else is refused. */
export function formatOf(fileName: string): TableFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  throw new ImportFileError({
    code: ext === '.xls' ? 'xls_not_supported' : 'unsupported_format',
    params: { file: basename(fileName), ext: ext || '-' },
  });
}

/**
 * Opens a CSV or XLSX file: reads its header (and, for CSV, decides the encoding and the delimiter), and
 * hands back the data rows as a stream. A file that cannot be read throws ImportFileError. The caller
 * reads `rows()` once, or calls `close()`.
 */
export async function openTable(source: TableSource, options: OpenOptions = {}): Promise<OpenedTable> {
  const fileName = 'path' in source ? source.path : source.fileName;
  let format: TableFormat;
  try {
    format = formatOf(fileName);
  } catch (error) {
    if ('stream' in source) source.stream.destroy();
    throw error;
  }
  const bytes: Readable = 'path' in source ? createReadStream(source.path) : source.stream;
  if ('path' in source) {
    // A missing file is the caller's error (a path the CLI was given), not the file's.
    await new Promise<void>((resolve, reject) => {
      bytes.once('open', () => resolve());
      bytes.once('error', reject);
    });
  }
  return format === 'csv' ? openCsv(bytes, options) : openXlsx(bytes, options);
}
