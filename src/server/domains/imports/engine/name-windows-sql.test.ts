import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDrivers } from '../../../../db/testing';
import { nameWindows } from '../../../../shared/customers/name-windows';

const drivers = await testDrivers();

/** 0002's kehu_name_windows (a regular expression at every position): what migration 0010 must match. */
const BEFORE_0010 = `
  SELECT coalesce(array_agg(w ORDER BY w), '{}') AS w FROM (SELECT DISTINCT w
    FROM unnest($1::text[]) AS t(raw)
    CROSS JOIN LATERAL (SELECT lower(normalize(t.raw, NFKC)) AS s) n
    CROSS JOIN LATERAL generate_series(1, char_length(n.s) - 1) AS i
    CROSS JOIN LATERAL substring(substr(n.s, i, 4) FROM '^[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\U00020000-\\U0002ffff]{2,4}') AS w
   WHERE w IS NOT NULL) x`;

describe.each(drivers)('kehu_name_windows (migration 0010) on %s', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
  });
  afterAll(() => db.close());

  const query = async (text: string, params: unknown[]) => {
    if (db.pglite) return (await db.pglite.query<{ w: string[] }>(text, params)).rows[0]!.w;
    const client = await db.pool!.connect();
    try {
      return (await client.query<{ w: string[] }>(text, params)).rows[0]!.w;
    } finally {
      client.release();
    }
  };
  const windows = (texts: (string | null)[]) =>
    query(
      `select coalesce(array_agg(w order by w), '{}') as w from kehu_name_windows(variadic $1::text[]) w`,
      [texts],
    );
  const before = (texts: (string | null)[]) => query(BEFORE_0010, [texts]);

  it('gives the windows of 0002 and of the search (nameWindows) for any mix of Han and other text', async () => {
    const char = fc.constantFrom(
      '杭',
      '州',
      '西',
      '湖',
      '化',
      '工',
      '𠀀',
      '\uF900',
      'Ａ',
      'a',
      ' ',
      '（',
      '1',
      '々',
    );
    const text = fc.option(
      fc.array(char, { maxLength: 12 }).map((c) => c.join('')),
      { nil: null },
    );
    await fc.assert(
      fc.asyncProperty(text, text, async (name, short) => {
        const got = await windows([name, short]);
        expect(got).toEqual(await before([name, short]));
        expect(got).toEqual(nameWindows(name, short));
      }),
      { numRuns: 200 },
    );
  });
});
