import { describe, expect, it } from 'vitest';
import { attachment, CSV_BOM, csvCell, csvChunks, csvLine } from './csv';

async function* batches<T>(...items: T[]) {
  for (const item of items) yield item;
}

const collect = async (gen: AsyncIterable<string>) => {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
};

describe('csv', () => {
  it.each([
    ['plain', 'plain'],
    ['杭州西湖精细化工有限公司', '杭州西湖精细化工有限公司'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['cr\rhere', '"cr\rhere"'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    [42, '42'],
    [-1.5, '-1.5'],
    [true, 'true'],
    [new Date('2026-01-05T02:03:04.005Z'), '2026-01-05T02:03:04.005Z'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+86 138 0000 0000', "'+86 138 0000 0000"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['a=b', 'a=b'],
  ])('defuses the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('ends records with CRLF', () => {
    expect(csvLine(['a', 'b,c', null])).toBe('a,"b,c",\r\n');
  });

  it('streams a BOM, the header, then every batch', async () => {
    const out = await collect(csvChunks(['编码', 'Name'], batches([['C1', '上海']], [], [['C2', 'x"y']])));
    expect(out.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out).toBe(`${CSV_BOM}编码,Name\r\nC1,上海\r\nC2,"x""y"\r\n`);
  });

  it('names the attachment, in RFC 5987 form too when it is not ASCII', () => {
    expect(attachment('customers-20260105.csv')).toBe('attachment; filename="customers-20260105.csv"');
    expect(attachment('客户.csv')).toBe(
      `attachment; filename="__.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv`,
    );
  });
});
