import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvTableChunks } from './csv';
import { readXlsx } from './export.test-support';
import type { CellValue, Table, TableColumn } from './table';
import { XLSX_MAX_TEXT, xlsxChunks } from './xlsx';

const columns: TableColumn[] = [
  { header: '名称', kind: 'text' },
  { header: '金额', kind: 'money' },
  { header: 'Qty', kind: 'quantity' },
  { header: 'Day', kind: 'date' },
  { header: 'At', kind: 'datetime' },
  { header: 'N', kind: 'integer' },
];

async function* batchesOf(...batches: CellValue[][][]) {
  for (const batch of batches) yield batch;
}

const table = (...batches: CellValue[][][]): Table => ({
  columns,
  batches: batchesOf(...batches),
  timeZone: 'Asia/Shanghai',
  sheetName: '客户/导出',
});

describe('xlsx writer', () => {
  it('round-trips every kind of cell as its type', async () => {
    const rows: CellValue[][] = [
      ['=HYPERLINK("http://x","y")', '1234.50', '2.125', '2024-02-29', new Date('2026-01-05T17:30:05Z'), 7],
      ['杭州西湖\u0001精细化工', '-0.10', '-3', '2026-12-31', null, null],
      ['', '99999999999.99', null, null, new Date('2026-07-01T00:00:00Z'), 0],
    ];
    const book = await readXlsx(xlsxChunks(table([rows[0]!], [], [rows[1]!, rows[2]!])));
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('客户 导出');
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(columns.map((c) => c.header));
    const r2 = sheet.getRow(2);
    expect(r2.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(r2.getCell(1).value).toBe('=HYPERLINK("http://x","y")');
    expect(r2.getCell(2).value).toBe(1234.5);
    expect(r2.getCell(2).numFmt).toBe('#,##0.00');
    expect(r2.getCell(3).value).toBe(2.125);
    expect(r2.getCell(4).value).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(r2.getCell(4).numFmt).toBe('yyyy-mm-dd');
    // 17:30:05 UTC is 01:30:05 the next day in Shanghai: the cell shows that wall clock.
    expect(r2.getCell(5).value).toEqual(new Date('2026-01-06T01:30:05Z'));
    expect(r2.getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(r2.getCell(6).value).toBe(7);
    const r3 = sheet.getRow(3);
    expect(r3.getCell(1).value).toBe('杭州西湖精细化工');
    expect(r3.getCell(2).value).toBe(-0.1);
    expect(r3.getCell(5).value).toBeNull();
    const r4 = sheet.getRow(4);
    expect(r4.getCell(1).value).toBeNull();
    expect(r4.getCell(2).value).toBe(99999999999.99);
    expect((r4.getCell(2).value as number).toFixed(2)).toBe('99999999999.99');
    expect(r4.getCell(6).value).toBe(0);
  });

  it('cuts text at the cell limit and writes a header-only file', async () => {
    const long = 'x'.repeat(XLSX_MAX_TEXT + 10);
    const book = await readXlsx(xlsxChunks(table([[long, null, null, null, null, null]])));
    expect((book.worksheets[0]!.getRow(2).getCell(1).value as string).length).toBe(XLSX_MAX_TEXT);
    const empty = await readXlsx(xlsxChunks(table()));
    expect(empty.worksheets[0]!.rowCount).toBe(1);
  });

  it('streams many batches and stops reading them when the reader stops', async () => {
    let read = 0;
    async function* many() {
      for (let b = 0; b < 40; b++) {
        read++;
        yield Array.from({ length: 500 }, (_, i) => [
          `row ${b}-${i} ${'汉字'.repeat(20)}`,
          `${b}.${i % 100}`,
          null,
          null,
          null,
          i,
        ]);
      }
    }
    const all = await readXlsx(xlsxChunks({ ...table(), batches: many() }));
    expect(all.worksheets[0]!.rowCount).toBe(20_001);
    expect(all.worksheets[0]!.getRow(20_001).getCell(2).value).toBe(39.99);
    read = 0;
    for await (const _chunk of xlsxChunks({ ...table(), batches: many() })) break;
    expect(read).toBeLessThan(40);
  });

  it('writes the same table as CSV with typed cells', async () => {
    let text = '';
    for await (const c of csvTableChunks(
      table([['-x', '-12.50', '1.000', '2024-03-05', new Date('2026-01-05T17:30:05Z'), 3]]),
    ))
      text += c;
    expect(text).toBe(
      `\uFEFF名称,金额,Qty,Day,At,N\r\n'-x,-12.50,1.000,2024-03-05,2026-01-06T01:30:05+08:00,3\r\n`,
    );
  });
});
