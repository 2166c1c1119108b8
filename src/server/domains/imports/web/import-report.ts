/** A run's problems as a file: row, column, value, message in the reader's language; streamed. */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '../../../../shared/common/locale';
import type { ImportIssue } from '../../../../shared/imports/import-api.schema';
import { csvChunks } from '../../../export/csv';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADER: Record<Locale, string[]> = {
  'zh-CN': ['行号', '列', '值', '问题'],
  en: ['Row', 'Column', 'Value', 'Problem'],
};

async function* batches(issues: AsyncIterable<ImportIssue>) {
  let batch: (string | number | null)[][] = [];
  for await (const i of issues) {
    batch.push([i.line, i.column, i.value, i.message]);
    if (batch.length === 1000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

async function* xlsxChunks(issues: AsyncIterable<ImportIssue>, locale: Locale): AsyncGenerator<Buffer> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = book.addWorksheet(locale === 'en' ? 'Problems' : '问题');
  sheet.columns = HEADER[locale].map((header, i) => ({ header, width: [8, 20, 30, 60][i] }));
  const writing = (async () => {
    for await (const batch of batches(issues)) for (const row of batch) sheet.addRow(row).commit();
    sheet.commit();
    await book.commit();
  })();
  writing.catch((err) => out.destroy(err));
  for await (const chunk of out) yield chunk as Buffer;
  await writing;
}

export function importReport(issues: AsyncIterable<ImportIssue>, format: 'csv' | 'xlsx', locale: Locale) {
  return format === 'csv'
    ? { contentType: 'text/csv; charset=utf-8', chunks: csvChunks(HEADER[locale], batches(issues)) }
    : { contentType: XLSX_CONTENT_TYPE, chunks: xlsxChunks(issues, locale) };
}
