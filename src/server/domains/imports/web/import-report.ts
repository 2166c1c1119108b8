/** A run's problems as a file: row, column, value, message in the reader's language; streamed. */
import type { Locale } from '../../../../shared/common/locale';
import type { ImportIssue } from '../../../../shared/imports/import-api.schema';
import { CSV_CONTENT_TYPE, csvTableChunks } from '../../../export/csv';
import type { CellValue, Table, TableColumn } from '../../../export/table';
import { XLSX_CONTENT_TYPE, xlsxChunks } from '../../../export/xlsx';

const COLUMNS: Record<Locale, TableColumn[]> = {
  'zh-CN': [
    { header: '行号', kind: 'integer', width: 8 },
    { header: '列', kind: 'text', width: 20 },
    { header: '值', kind: 'text', width: 30 },
    { header: '问题', kind: 'text', width: 60 },
  ],
  en: [
    { header: 'Row', kind: 'integer', width: 8 },
    { header: 'Column', kind: 'text', width: 20 },
    { header: 'Value', kind: 'text', width: 30 },
    { header: 'Problem', kind: 'text', width: 60 },
  ],
};

async function* batches(issues: AsyncIterable<ImportIssue>) {
  let batch: CellValue[][] = [];
  for await (const i of issues) {
    batch.push([i.line, i.column, i.value, i.message]);
    if (batch.length === 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export function importReport(issues: AsyncIterable<ImportIssue>, format: 'csv' | 'xlsx', locale: Locale) {
  const table: Table = {
    columns: COLUMNS[locale],
    batches: batches(issues),
    timeZone: 'UTC', // no times in a report
    sheetName: locale === 'en' ? 'Problems' : '问题',
  };
  return format === 'csv'
    ? { contentType: CSV_CONTENT_TYPE, chunks: csvTableChunks(table) }
    : { contentType: XLSX_CONTENT_TYPE, chunks: xlsxChunks(table) };
}
