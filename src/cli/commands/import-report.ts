/**
 * `kehu import --report FILE`: every bad row of an import — row, column, value and message in the
 * user's language — written as the issues come (streamed), as CSV (UTF-8 with BOM, like our exports)
 * or XLSX, by the file's extension.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { issueMessage } from '../../server/domains/imports/engine/engine.messages';
import type { RowIssue } from '../../server/domains/imports/import.contract';
import { CSV_BOM, csvLine } from '../../server/export/csv';
import type { Locale } from '../../shared/common/locale';

export type IssueReport = { add(issue: RowIssue): void; close(): Promise<void> };

const HEADERS: Record<Locale, string[]> = {
  en: ['Row', 'Column', 'Value', 'Message'],
  'zh-CN': ['行号', '列', '值', '说明'],
};

export const reportFormatOf = (path: string): 'csv' | 'xlsx' | undefined => {
  const ext = extname(path).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
};

const cells = (issue: RowIssue, locale: Locale) =>
  [issue.line, issue.column ?? '', issue.value ?? '', issueMessage(issue, locale)] as const;

function finished(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

export function openIssueReport(path: string, locale: Locale): IssueReport {
  const format = reportFormatOf(path);
  if (format === 'csv') {
    const out = createWriteStream(path);
    out.write(CSV_BOM + csvLine(HEADERS[locale]));
    return {
      add: (issue) => {
        out.write(csvLine(cells(issue, locale)));
      },
      close: () => finished(out),
    };
  }
  if (format === 'xlsx') {
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    const sheet = book.addWorksheet(locale === 'en' ? 'Issues' : '错误');
    sheet.columns = [{ width: 8 }, { width: 20 }, { width: 30 }, { width: 80 }];
    sheet.addRow(HEADERS[locale]).commit();
    return {
      add: (issue) => sheet.addRow([...cells(issue, locale)]).commit(),
      close: async () => {
        sheet.commit();
        await book.commit();
      },
    };
  }
  throw new Error(`report must be a .csv or .xlsx file: ${path}`);
}
