import ExcelJS from 'exceljs';

/** The bytes of a stream of chunks. */
export async function bytesOf(chunks: AsyncIterable<string | Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

/** An XLSX file read back by exceljs (the reader, not the writer under test). */
export async function readXlsx(file: Buffer | AsyncIterable<string | Buffer>) {
  const bytes = Buffer.isBuffer(file) ? file : await bytesOf(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's values, row by row (header first), cells as exceljs reads them. */
export function sheetRows(workbook: ExcelJS.Workbook): unknown[][] {
  const rows: unknown[][] = [];
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** A small RFC 4180 reader, to check what a spreadsheet would read (without the BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) cell += ch;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) throw new Error('the last record has no CRLF');
  return rows;
}
