import { asc, desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPageAsJson } from './json-rows';
import { products, workspaces } from './schema';
import { createTestDb, type TestDb, testDrivers } from './testing';

const drivers = await testDrivers();

describe.each(drivers)('selectPageAsJson on %s', (kind) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(kind);
    const [ws] = await db.db.insert(workspaces).values({ slug: 'w', name: 'W' }).returning();
    await db.db.insert(products).values(
      ['甲', 'B', 'C'].map((name, i) => ({
        workspaceId: ws!.id,
        code: `P${i}`,
        name,
        unit: 't',
        listPrice: '1.10',
      })),
    );
  });
  afterAll(() => db.close());

  const cols = { id: products.id, code: products.code, name: products.name, createdAt: products.createdAt };

  it('keeps the page order, maps SQL names to keys and timestamps to Dates', async () => {
    const order = [desc(products.code)];
    const inner = db.db
      .select({
        ...cols,
        extra: sql<string>`upper(${products.name})`.as('extra_key'),
        rn: sql`row_number() over (order by ${products.code} desc)`.as('rn'),
      })
      .from(products)
      .orderBy(...order);
    const rows = await selectPageAsJson(db.db, cols, inner, ['extra_key']);
    expect(rows.map((r) => r.code)).toEqual(['P2', 'P1', 'P0']);
    expect(rows[2]).toMatchObject({ name: '甲', extra_key: '甲' });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('refuses numeric columns, whose JSON numbers would not be exact', async () => {
    const inner = db.db.select({ listPrice: products.listPrice }).from(products).orderBy(asc(products.id));
    await expect(selectPageAsJson(db.db, { listPrice: products.listPrice }, inner)).rejects.toThrow(
      /exactness/,
    );
  });

  it('answers an empty page with no rows', async () => {
    const inner = db.db
      .select({ ...cols, rn: sql`1`.as('rn') })
      .from(products)
      .where(sql`false`);
    expect(await selectPageAsJson(db.db, cols, inner)).toEqual([]);
  });
});
