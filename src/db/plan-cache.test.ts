import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneParam, preparedText, queryText, queryTextCached, shapedText } from './plan-cache';
import { queryRows } from './rows';
import { products, workspaces } from './schema';
import { createTestDb, type TestDb, testDrivers } from './testing';

const drivers = await testDrivers();

describe.each(drivers)('queryTextCached on %s', (kind) => {
  let db: TestDb;
  let ws: number;
  beforeAll(async () => {
    db = await createTestDb(kind);
    const [w] = await db.db.insert(workspaces).values({ slug: 'w', name: 'W' }).returning();
    ws = w!.id;
    await db.db.insert(products).values(
      ['甲', 'B', 'C'].map((name, i) => ({
        workspaceId: ws,
        code: `P${i}`,
        name,
        unit: 't',
        listPrice: '1.10',
      })),
    );
  });
  afterAll(() => db.close());

  // Parameters of several types, an array among them, in one statement returning one text value.
  const namesOf = (workspaceId: number, codes: string[], since: Date) =>
    sql`select coalesce(string_agg(p.name, ',' order by p.code), '') from products p
      where p.workspace_id = ${workspaceId} and p.code = any(${sql.param(codes)}::text[]) and p.created_at > ${since.toISOString()}::timestamptz`;

  const keptFunctions = async () => {
    if (!db.pglite) return null;
    const res = await db.pglite.query<{ n: number }>(
      `select count(*)::int as n from pg_proc p join pg_namespace s on s.oid = p.pronamespace
        where s.nspname like 'pg_temp%' and p.proname like 'kehu_q_%'`,
    );
    return res.rows[0]!.n;
  };

  it('answers what the plain statement answers, for other values each time', async () => {
    const old = new Date('2000-01-01T00:00:00Z');
    for (const codes of [['P0', 'P2'], ['P1'], ['P9'], ['P0', 'P1', 'P2']]) {
      const plain = await queryText(db.db, namesOf(ws, codes, old));
      expect(await queryTextCached(db.db, namesOf(ws, codes, old))).toBe(plain);
    }
    expect(await queryTextCached(db.db, namesOf(ws, ['P0', 'P2'], old))).toBe('甲,C');
    expect(await queryTextCached(db.db, namesOf(ws, ['P0'], new Date('2999-01-01T00:00:00Z')))).toBe('');
    // Embedded: the statement became one session function, reused for every call.
    if (db.pglite) expect(await keptFunctions()).toBe(1);
  });

  it('keeps a generic plan when asked, with the same answers', async () => {
    const q = (prefix: string) =>
      sql`select string_agg(code, ',' order by code) from products
        where workspace_id = ${ws} and code ~>=~ ${prefix} and code ~<~ (${prefix} || chr(1114111))`;
    for (const prefix of ['P', 'P1', 'Q', 'P2']) {
      expect(await queryTextCached(db.db, q(prefix), 'generic')).toBe(await queryText(db.db, q(prefix)));
    }
    // On a server each pooled connection that ran it has its own copy, all alike.
    const rows = await queryRows<{ config: string[] | null }>(
      db.db,
      sql`select p.proconfig as config from pg_proc p join pg_namespace s on s.oid = p.pronamespace
        where s.nspname like 'pg_temp%' and p.proname like 'kehu_q_%' and p.prosrc like '%chr(1114111)%'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => JSON.stringify(r.config)))).toEqual(
      new Set([JSON.stringify(['plan_cache_mode=force_generic_plan'])]),
    );
  });

  it('builds a prepared statement once and runs it with each call’s values, in a transaction too', async () => {
    let builds = 0;
    const namesFrom = preparedText(['ws', 'min'], (p) => {
      builds++;
      return sql`select string_agg(name, '|' order by code) from products
        where workspace_id = ${p.ws} and code >= ${p.min}`;
    });
    expect(await namesFrom(db.db, { ws, min: 'P1' })).toBe('B|C');
    expect(await namesFrom(db.db, { ws, min: 'P0' })).toBe('甲|B|C');
    expect(await namesFrom(db.db, { ws: -1, min: 'P0' })).toBeNull();
    expect(builds).toBe(1);
    // A transaction has no kept plans: the statement is built with the values and run plainly.
    await db.db.transaction(async (tx) => {
      expect(await namesFrom(tx, { ws, min: 'P2' })).toBe('C');
    });
    expect(builds).toBe(2);
  });

  it('builds a shaped statement once per shape, for any values, and in every plan mode', async () => {
    type Shape = { byCode: boolean };
    for (const plan of ['none', 'auto', 'generic'] as const) {
      const builds: string[] = [];
      const names = shapedText<Shape, 'ws' | 'codes'>((shape, p) => {
        builds.push(JSON.stringify(shape));
        const filter = shape.byCode ? sql`and code = any(${oneParam(p('codes'))}::text[])` : sql``;
        return sql`select string_agg(name, '|' order by code) from products where workspace_id = ${p('ws')} ${filter}`;
      }, plan);
      expect(await names(db.db, { byCode: true }, { ws, codes: ['P0', 'P2'] })).toBe('甲|C');
      expect(await names(db.db, { byCode: true }, { ws, codes: ['P1'] })).toBe('B');
      expect(await names(db.db, { byCode: false }, { ws, codes: [] })).toBe('甲|B|C');
      expect(await names(db.db, { byCode: false }, { ws: -1, codes: [] })).toBeNull();
      expect(builds).toEqual(['{"byCode":true}', '{"byCode":false}']);
      // A transaction runs it plainly, built with the values.
      await db.db.transaction(async (tx) => {
        expect(await names(tx, { byCode: true }, { ws, codes: ['P2'] })).toBe('C');
      });
    }
  });

  it('refuses a shaped statement that writes a value in instead of taking it through p()', async () => {
    const leaky = shapedText<{ n: number }, 'ws'>(
      (_shape, p) =>
        sql`select string_agg(name, '|') from products where workspace_id = ${p('ws')} and code <> ${'P0'}`,
      'generic',
    );
    await expect(leaky(db.db, { n: 1 }, { ws })).rejects.toThrow(/through p\(\)/);
  });

  it('answers null when the statement has no row', async () => {
    expect(
      await queryTextCached(db.db, sql`select name from products where workspace_id = ${-1}`),
    ).toBeNull();
  });

  it('runs plainly inside a transaction, and a rollback does not break later calls', async () => {
    const q = sql`select string_agg(code, '+' order by code) from products where workspace_id = ${ws} and unit = ${'t'}`;
    await expect(
      db.db.transaction(async (tx) => {
        expect(await queryTextCached(tx, q)).toBe('P0+P1+P2');
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await queryTextCached(db.db, q)).toBe('P0+P1+P2');
  });

  it('recovers when its session function has gone (a restore replaces the database)', async () => {
    if (!db.pglite) return;
    const q = sql`select max(code) from products where workspace_id = ${ws}`;
    expect(await queryTextCached(db.db, q)).toBe('P2');
    const fns = await db.pglite.query<{ f: string }>(
      `select p.oid::regprocedure::text as f from pg_proc p join pg_namespace s on s.oid = p.pronamespace
        where s.nspname like 'pg_temp%' and p.proname like 'kehu_q_%'`,
    );
    for (const { f } of fns.rows) await db.pglite.exec(`drop function ${f}`);
    expect(await queryTextCached(db.db, q)).toBe('P2');
    expect(await queryTextCached(db.db, q)).toBe('P2');
  });

  it('passes database errors through', async () => {
    await expect(queryTextCached(db.db, sql`select 1 / ${0}::int`)).rejects.toThrow(/division by zero/);
  });
});
