import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-records';

const OPTIONS = { relax_column_count: true, relax_quotes: true, max_record_size: 40 };

async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** What csvRecords makes of `text` cut into `size`-character chunks: the records, or the error. */
async function fast(text: string, delimiter: string, size: number) {
  const records: string[][] = [];
  try {
    for await (const batch of csvRecords(chunked(text, size), { ...OPTIONS, delimiter }))
      records.push(...batch);
    return { records };
  } catch (error) {
    return { records, code: (error as { code?: string }).code, at: (error as { records?: number }).records };
  }
}

/** What csv-parse alone makes of it. */
function reference(text: string, delimiter: string) {
  try {
    return { records: parse(text, { ...OPTIONS, delimiter }) as string[][] };
  } catch (error) {
    return { code: (error as { code?: string }).code, at: (error as { records?: number }).records };
  }
}

describe('csvRecords', () => {
  it.each([
    ['plain lines', 'a,b\n1,2\n3,4\n'],
    ['no line end at the end', 'a,b\n1,2\n3'],
    ['CRLF, blank lines and a quoted break', 'a,b\r\n1,2\r\n\r\n,\r\n3,"x\r\ny"\r\n\r\n4,5 " inch\r\n'],
    ['CR only', 'a,b\r1,2\r3,4'],
    ['a quote in the header', '"a",b\n1,2\n'],
    ['a lone LF in a CRLF file', 'a,b\r\n1,2\n3,4\r\n'],
    ['an unclosed quote late', 'a,b\n1,2\n3,"four\n5,6\n'],
    ['a record over the limit', `a,b\n1,2\n${'x'.repeat(50)}\n3,4\n`],
    ['blank lines only', '\n\n\n'],
    ['empty', ''],
  ])('reads %s as csv-parse does', async (_name, text) => {
    for (const size of [1, 3, 7, 1000]) {
      const got = await fast(text, ',', size);
      const want = reference(text, ',');
      if (want.code) expect({ code: got.code, at: got.at }).toEqual(want);
      else expect(got).toEqual(want);
    }
  });

  it('agrees with csv-parse on any text of delimiters, quotes, line breaks and letters', async () => {
    const char = fc.constantFrom('a', 'b', '1', ',', ';', '"', '\n', '\r', ' ', '甲');
    await fc.assert(
      fc.asyncProperty(
        fc.array(char, { maxLength: 80 }).map((c) => c.join('')),
        fc.constantFrom(',', ';'),
        fc.integer({ min: 1, max: 20 }),
        async (text, delimiter, size) => {
          const got = await fast(text, delimiter, size);
          const want = reference(text, delimiter);
          if (want.code) expect({ code: got.code, at: got.at }).toEqual(want);
          else expect(got).toEqual(want);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
