import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../../shared/imports/import-fields';
import { ImportFileError, type OpenOptions, type RawRow } from '../import.contract';
import { convertRow } from './convert-row';
import { suggestMapping } from './mapping';
import { openTable } from './open-table';

let dir: string;
let several: string;
let single: Buffer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kehu-xlsx-'));
  const book = new ExcelJS.Workbook();
  const customers = book.addWorksheet('客户');
  customers.addRow(['客户编码', '客户名称']);
  customers.addRow(['C001', '上海明达']);
  const orders = book.addWorksheet('订单 2024');
  // A title row left empty, the header on row 2, an empty row 4 in the data.
  orders.getRow(2).values = ['客户编码', '订单号', '下单日期', '金额', '数量', '备注', '启用', '日期数'];
  orders.getRow(3).values = [
    'C001',
    { richText: [{ text: 'SO-' }, { font: { bold: true }, text: '0001' }] },
    new Date(Date.UTC(2024, 2, 5)),
    1234.5,
    { formula: 'B1*2', result: 4 },
    { text: '链接', hyperlink: 'https://example.com' },
    true,
    45356,
  ];
  orders.getRow(5).values = [
    10002,
    'SO-2',
    new Date(Date.UTC(2023, 11, 31, 16, 30)),
    -12,
    1.5,
    null,
    false,
    45357.5,
  ];
  book.addWorksheet('Empty');
  several = join(dir, 'several.xlsx');
  await book.xlsx.writeFile(several);

  const one = new ExcelJS.Workbook();
  const sheet = one.addWorksheet('Sheet1');
  sheet.addRow(['名称', '城市', null, null]);
  sheet.addRow(['甲', '上海']);
  one.addWorksheet('Lists', { state: 'hidden' }).addRow(['企业', '经销商']);
  single = Buffer.from(await one.xlsx.writeBuffer());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function readAll(options: OpenOptions, path = several) {
  const table = await openTable({ path }, options);
  const rows: RawRow[] = [];
  for await (const row of table.rows()) rows.push(row);
  return { table, rows };
}

async function fileError(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportFileError) return error.problem;
    throw error;
  }
  throw new Error('no ImportFileError');
}

describe('openTable: XLSX', () => {
  it('asks which sheet when a workbook has several, listing them', async () => {
    expect(await fileError(() => openTable({ path: several }))).toEqual({
      code: 'choose_sheet',
      params: { sheets: '客户, 订单 2024, Empty' },
      sheets: ['客户', '订单 2024', 'Empty'],
    });
    expect(await fileError(() => openTable({ path: several }, { sheet: 'Orders' }))).toEqual({
      code: 'unknown_sheet',
      params: { sheet: 'Orders', sheets: '客户, 订单 2024, Empty' },
      sheets: ['客户', '订单 2024', 'Empty'],
    });
  });

  it('reads the chosen sheet with its own row numbers and the values cells hold', async () => {
    const { table, rows } = await readAll({ sheet: '订单 2024' });
    expect(table).toMatchObject({
      format: 'xlsx',
      sheet: '订单 2024',
      sheets: ['客户', '订单 2024', 'Empty'],
    });
    expect(table.headers).toEqual([
      '客户编码',
      '订单号',
      '下单日期',
      '金额',
      '数量',
      '备注',
      '启用',
      '日期数',
    ]);
    expect(rows).toEqual([
      {
        line: 3,
        cells: ['C001', 'SO-0001', new Date(Date.UTC(2024, 2, 5)), 1234.5, 4, '链接', true, 45356],
      },
      {
        line: 5,
        cells: [10002, 'SO-2', new Date(Date.UTC(2023, 11, 31, 16, 30)), -12, 1.5, null, false, 45357.5],
      },
    ]);
  });

  it('reads the first sheet when chosen, and an empty sheet as an empty file', async () => {
    const { rows } = await readAll({ sheet: '客户' });
    expect(rows).toEqual([{ line: 2, cells: ['C001', '上海明达'] }]);
    expect(await fileError(() => readAll({ sheet: 'Empty' }))).toEqual({ code: 'empty_file' });
  });

  it('reads a single-sheet workbook from a stream without naming the sheet', async () => {
    const table = await openTable({ stream: Readable.from([single]), fileName: '客户.xlsx' });
    // The hidden lookup sheet is no choice.
    expect(table.sheets).toEqual(['Sheet1']);
    expect(table.headers).toEqual(['名称', '城市']);
    const rows: RawRow[] = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toEqual([{ line: 2, cells: ['甲', '上海'] }]);
  });

  it('converts date cells by their UTC day and serial numbers as Excel dates', async () => {
    const { table, rows } = await readAll({ sheet: '订单 2024' });
    const fields = [
      ...IMPORT_FIELDS.orders,
      { key: 'serial_date', type: 'date', required: false, aliases: ['日期数'] },
    ] as const;
    const { mapping } = suggestMapping(fields, table.headers);
    const [first, second] = rows.map((row) =>
      convertRow(fields, mapping, row, { timeZone: 'Asia/Shanghai', headers: table.headers }),
    );
    expect(first!.issues).toEqual([]);
    expect(first!.values).toMatchObject({
      customer_code: 'C001',
      order_no: 'SO-0001',
      ordered_at: '2024-03-05',
      amount: '1234.50',
      quantity: '4',
      notes: '链接',
      serial_date: '2024-03-05',
    });
    expect(second!.values).toMatchObject({
      customer_code: '10002',
      ordered_at: '2023-12-31',
      amount: '-12.00',
      quantity: '1.5',
      serial_date: '2024-03-06',
    });
  });

  it('reads a hidden sheet when it is named', async () => {
    const table = await openTable(
      { stream: Readable.from([single]), fileName: 'x.xlsx' },
      { sheet: 'Lists' },
    );
    expect(table.headers).toEqual(['企业', '经销商']);
    await table.close();
  });

  it('streams a large sheet row by row', async () => {
    const path = join(dir, 'large.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = writer.addWorksheet('Data');
    sheet.addRow(['客户编码', '客户名称', '金额']).commit();
    for (let i = 1; i <= 30_000; i++) sheet.addRow([`C${i}`, `客户${i}`, i * 1.5]).commit();
    sheet.commit();
    await writer.commit();
    const table = await openTable({ path });
    let count = 0;
    let last: RawRow | undefined;
    for await (const row of table.rows()) {
      count++;
      last = row;
    }
    expect(count).toBe(30_000);
    expect(last).toEqual({ line: 30_001, cells: ['C30000', '客户30000', 45_000] });
  });

  it('refuses a file that is not a workbook', async () => {
    const bad = Readable.from([Buffer.from('名称,城市\n甲,上海\n')]);
    expect(await fileError(() => openTable({ stream: bad, fileName: 'renamed.xlsx' }))).toMatchObject({
      code: 'not_xlsx',
    });
  });
});
