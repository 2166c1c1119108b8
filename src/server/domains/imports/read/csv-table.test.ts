import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../../shared/imports/import-fields';
import { ImportFileError, type OpenOptions, type RawRow } from '../import.contract';
import { convertedRows } from './convert-row';
import { SNIFF_BYTES } from './decode';
import { suggestMapping } from './mapping';
import { openTable } from './open-table';

/** The file as a stream of `chunkSize`-byte chunks (so multi-byte characters get cut between them). */
const source = (bytes: Buffer | string, chunkSize = 1 << 16, fileName = 'data.csv') => {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  return { stream: Readable.from(chunks), fileName };
};

async function readAll(bytes: Buffer | string, options: OpenOptions = {}, chunkSize?: number) {
  const table = await openTable(source(bytes, chunkSize), options);
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

const CHINESE = '客户编码,客户名称,城市\nC001,上海明达机械有限公司,上海\nC002,"北京𠀀科技, 有限公司",北京\n';

describe('openTable: CSV encodings', () => {
  it('reads UTF-8 with a byte-order mark', async () => {
    const { table, rows } = await readAll(`\uFEFF${CHINESE}`);
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(table.headers).toEqual(['客户编码', '客户名称', '城市']);
    expect(rows).toEqual([
      { line: 2, cells: ['C001', '上海明达机械有限公司', '上海'] },
      { line: 3, cells: ['C002', '北京𠀀科技, 有限公司', '北京'] },
    ]);
  });

  it('reads UTF-8 without one, also cut into 1-byte chunks', async () => {
    const { table, rows } = await readAll(CHINESE, {}, 1);
    expect(table.encoding).toBe('utf-8');
    expect(rows[1]!.cells[1]).toBe('北京𠀀科技, 有限公司');
  });

  it('reads GB18030 (GBK) as Excel on Chinese Windows saves it, four-byte characters included', async () => {
    const bytes = iconv.encode(CHINESE, 'gb18030');
    expect(bytes.equals(Buffer.from(CHINESE))).toBe(false);
    for (const chunkSize of [1 << 16, 3]) {
      const { table, rows } = await readAll(bytes, {}, chunkSize);
      expect(table.encoding).toBe('gb18030');
      expect(table.headers).toEqual(['客户编码', '客户名称', '城市']);
      expect(rows.map((r) => r.cells[1])).toEqual(['上海明达机械有限公司', '北京𠀀科技, 有限公司']);
    }
  });

  it('decides on GB18030 at the first non-ASCII byte, past a long English start', async () => {
    const ascii = `code,name\n${'C0,plain ascii name\n'.repeat(Math.ceil((2 * SNIFF_BYTES) / 19))}`;
    const bytes = Buffer.concat([Buffer.from(ascii), iconv.encode('C9,广州市白云区\n', 'gb18030')]);
    const { table, rows } = await readAll(bytes, {}, 1000);
    expect(rows.at(-1)!.cells).toEqual(['C9', '广州市白云区']);
    expect(table.encoding).toBe('gb18030');
    // The GB18030 part a byte at a time: a lone lead byte (valid as the start of UTF-8) decides nothing.
    const gbk = iconv.encode('C9,广州市白云区\n'.repeat(3), 'gb18030');
    const stream = Readable.from([Buffer.from(ascii), ...[...gbk].map((b) => Buffer.from([b]))]);
    const bytewise = await openTable({ stream, fileName: 'x.csv' });
    const cells: string[] = [];
    for await (const row of bytewise.rows()) if (row.cells[0] === 'C9') cells.push(String(row.cells[1]));
    expect(cells).toEqual(['广州市白云区', '广州市白云区', '广州市白云区']);
    expect(bytewise.encoding).toBe('gb18030');
  });

  it('takes a forced encoding', async () => {
    const bytes = iconv.encode('名称\n中文\n', 'gb18030');
    const { rows } = await readAll(bytes, { encoding: 'gb18030' });
    expect(rows[0]!.cells).toEqual(['中文']);
    const wrong = await fileError(() => readAll(bytes, { encoding: 'utf-8' }));
    expect(wrong).toMatchObject({ code: 'wrong_encoding', line: 1 });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', async () => {
    let seed = 7;
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      random[i] = seed % 256;
    }
    expect(await fileError(() => readAll(random))).toMatchObject({ code: 'wrong_encoding', line: 1 });
    // UTF-16 (Excel's “Unicode text”) is neither either.
    const utf16 = Buffer.from(`\uFEFF名称\t城市\r\n`, 'utf16le');
    expect(await fileError(() => readAll(utf16))).toMatchObject({ code: 'wrong_encoding' });
  });

  it('reports a bad byte after the sniffed start with its line', async () => {
    const start = `a,b\n${'x,y\n'.repeat(SNIFF_BYTES / 4 + 10)}`;
    const bytes = Buffer.concat([Buffer.from(`${start}中,文\n`), Buffer.from([0xff, 0x2c, 0x31, 0x0a])]);
    const lines = SNIFF_BYTES / 4 + 12;
    // Decided at 中 (valid UTF-8 in the same chunk as the bad byte): neither encoding reads that chunk.
    expect(await fileError(() => readAll(bytes, {}, 4096))).toEqual({
      code: 'wrong_encoding',
      line: lines + 1,
    });
    // Decided before (UTF-8 at the start): the decoder stops at the bad byte.
    const late = Buffer.concat([Buffer.from('中,文\n'), bytes]);
    expect(await fileError(() => readAll(late, {}, 4096))).toEqual({
      code: 'wrong_encoding',
      line: lines + 2,
      params: { encoding: 'utf-8' },
    });
  });
});

describe('openTable: CSV structure', () => {
  it('sniffs semicolons and tabs from the header line, and takes a forced delimiter', async () => {
    const semi = await readAll('"name, full";city;amount\nAcme, Inc;Berlin;1.234,50\n');
    expect(semi.table.delimiter).toBe(';');
    expect(semi.table.headers).toEqual(['name, full', 'city', 'amount']);
    expect(semi.rows[0]!.cells).toEqual(['Acme, Inc', 'Berlin', '1.234,50']);
    const tab = await readAll('名称\t城市\r\n甲,乙\t上海\r\n');
    expect(tab.table.delimiter).toBe('\t');
    expect(tab.rows[0]!.cells).toEqual(['甲,乙', '上海']);
    const forced = await readAll('a;b,c\n1;2,3\n', { delimiter: ',' });
    expect(forced.table.headers).toEqual(['a;b', 'c']);
  });

  it('numbers rows as a spreadsheet does: blank lines count and are skipped, quoted line breaks do not', async () => {
    const { rows } = await readAll('a,b\r\n1,2\r\n\r\n,\r\n3,"x\r\ny"\r\n\r\n4,5 " inch\r\n');
    expect(rows).toEqual([
      { line: 2, cells: ['1', '2'] },
      { line: 5, cells: ['3', 'x\r\ny'] },
      { line: 7, cells: ['4', '5 " inch'] },
    ]);
  });

  it('starts at the first non-blank line and keeps its number', async () => {
    const { table, rows } = await readAll('\n\n名称\n甲\n');
    expect(table.headers).toEqual(['名称']);
    expect(rows).toEqual([{ line: 4, cells: ['甲'] }]);
  });

  it('gives a short last row its few cells (truncated file)', async () => {
    const { rows } = await readAll('a,b,c\n1,2,3\n4,5');
    expect(rows.at(-1)).toEqual({ line: 3, cells: ['4', '5'] });
  });

  it('reports a quoted field that is never closed, with the row it opens in', async () => {
    // At open or while reading, depending on how far the parser got: the same error.
    const problem = await fileError(() => readAll('a,b\n1,2\n3,"four\n5,6\n7,8'));
    expect(problem).toEqual({ code: 'unbalanced_quote', line: 3 });
    const big = `a,b\n${'1,2\n'.repeat(50_000)}3,"four\n5,6\n`;
    expect(await fileError(() => readAll(big, {}, 4096))).toEqual({ code: 'unbalanced_quote', line: 50_002 });
    expect(await fileError(() => readAll('a,"b\n'))).toEqual({ code: 'unbalanced_quote', line: 1 });
  });

  it('stops a runaway quoted field instead of holding the rest of the file', async () => {
    const bytes = `a,b\n1,"${'x'.repeat(1_200_000)}\n2,3\n`;
    expect(await fileError(() => readAll(bytes))).toMatchObject({ code: 'row_too_large', line: 2 });
  });

  it('reports an empty file, and reads a header-only file as no rows', async () => {
    expect(await fileError(() => readAll(''))).toEqual({ code: 'empty_file' });
    expect(await fileError(() => readAll('\uFEFF\r\n  \n'))).toEqual({ code: 'empty_file' });
    expect(await fileError(() => readAll(',,\n,,,\n'))).toEqual({ code: 'empty_file' });
    const { table, rows } = await readAll('客户编码,名称\n');
    expect(table.headers).toEqual(['客户编码', '名称']);
    expect(rows).toEqual([]);
  });

  it('refuses duplicate and blank header names, but drops empty trailing columns', async () => {
    expect(await fileError(() => readAll('名称,城市, 名称 \n'))).toEqual({
      code: 'duplicate_header',
      line: 1,
      params: { header: '名称', first: 'A', second: 'C' },
    });
    expect(await fileError(() => readAll('名称,,城市\n'))).toEqual({
      code: 'blank_header',
      line: 1,
      params: { column: 'B' },
    });
    const { table, rows } = await readAll('名称,城市,,\n甲,上海,,\n');
    expect(table.headers).toEqual(['名称', '城市']);
    expect(rows[0]!.cells).toEqual(['甲', '上海', '', '']);
  });
});

describe('convertedRows', () => {
  it('converts a GB18030 file as it streams, issues naming its headers', async () => {
    const text = '客户编码,订单号,日期,金额,备注\nC1,SO1,2024/3/5,"¥1,234.50",\nC2,SO2,2024-02-30,12,多余\n';
    const table = await openTable(source(iconv.encode(text, 'gb18030')));
    const { mapping, missing, extra } = suggestMapping('orders', table.headers);
    expect([missing, extra]).toEqual([[], []]);
    const rows = [];
    for await (const row of convertedRows(table, IMPORT_FIELDS.orders, mapping, {
      timeZone: 'Asia/Shanghai',
    })) {
      rows.push(row);
    }
    expect(rows.map((r) => [r.line, r.values.ordered_at, r.values.amount])).toEqual([
      [2, '2024-03-05', '1234.50'],
      [3, null, '12.00'],
    ]);
    expect(rows[1]!.issues).toEqual([{ line: 3, column: '日期', value: '2024-02-30', code: 'invalid_date' }]);
  });
});

describe('openTable: sources', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kehu-read-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('opens a path, and refuses formats it cannot read', async () => {
    const path = join(dir, 'customers.CSV');
    await writeFile(path, iconv.encode('编码,名称\nC1,甲\n', 'gb18030'));
    const table = await openTable({ path });
    expect(table.encoding).toBe('gb18030');
    const rows: RawRow[] = [];
    for await (const row of table.rows()) rows.push(row);
    expect(rows).toEqual([{ line: 2, cells: ['C1', '甲'] }]);
    expect(await fileError(() => openTable({ path: join(dir, 'old.xls') }))).toMatchObject({
      code: 'xls_not_supported',
    });
    expect(await fileError(() => openTable(source('x', 10, 'scan.pdf')))).toEqual({
      code: 'unsupported_format',
      params: { file: 'scan.pdf', ext: '.pdf' },
    });
    await expect(openTable({ path: join(dir, 'missing.csv') })).rejects.toThrow(/ENOENT/);
  });

  it('closes the file when the caller stops early', async () => {
    const stream = Readable.from([Buffer.from('a\n1\n2\n3\n')]);
    const table = await openTable({ stream, fileName: 'a.csv' });
    for await (const row of table.rows()) {
      expect(row.line).toBe(2);
      break;
    }
    expect(stream.destroyed).toBe(true);
    expect(() => table.rows()).toThrow(/once/);
  });
});

describe('openTable: streaming', () => {
  it('reads 100k rows while holding only a window of the file', async () => {
    const total = 100_000;
    let produced = 0;
    async function* generate() {
      const header = Buffer.from('客户编码,客户名称,金额,备注\n');
      produced += header.length;
      yield header;
      for (let i = 1; i <= total; i += 100) {
        let text = '';
        for (let j = i; j < i + 100; j++)
          text += `C${j},客户${j}有限公司,"1,234.${j % 100}",第 ${j} 行备注\n`;
        const chunk = Buffer.from(text);
        produced += chunk.length;
        yield chunk;
      }
    }
    const table = await openTable({ stream: Readable.from(generate()), fileName: 'big.csv' });
    let rows = 0;
    let consumed = 0;
    let widestLead = 0;
    for await (const row of table.rows()) {
      rows++;
      consumed += Buffer.byteLength(`${row.cells.join(',')}\n`) + 2;
      widestLead = Math.max(widestLead, produced - consumed);
      if (row.line !== rows + 1) throw new Error(`line ${row.line} at row ${rows}`);
    }
    expect(rows).toBe(total);
    expect(produced).toBeGreaterThan(5_000_000);
    // Backpressure: the file was read at most about a megabyte ahead of the rows handed out (measured:
    // under 100 KB), never all of it.
    expect(widestLead).toBeLessThan(1_000_000);
  });
});
