import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/testing';
import { copyTable, withBulkSession } from '../bulk';
import { createDb, type DbHandle } from '../client';
import { pgErrorCode, UNIQUE_VIOLATION } from '../errors';
import { migrate } from '../migrate';
import { queryTextCached } from '../plan-cache';
import { queryRows } from '../rows';
import { products, workspaces } from '../schema';

// The embedded database on its own thread, as `kehu start` serves it.
describe('embedded database on a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-worker-'));
  let h: DbHandle;
  let ws: number;
  beforeAll(async () => {
    const setup = await createDb({ dataDir: dir });
    await migrate(setup);
    await setup.close();
    h = await createDb({ dataDir: dir, worker: true });
    const [w] = await h.db.insert(workspaces).values({ slug: 'w', name: 'W' }).returning();
    ws = w!.id;
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps Drizzle’s types: timestamps as Date, money as exact text, arrays', async () => {
    const [p] = await h.db
      .insert(products)
      .values({ workspaceId: ws, code: 'W1', name: '硫酸', unit: 't', listPrice: '1234567890.12' })
      .returning();
    expect(p!.createdAt).toBeInstanceOf(Date);
    expect(p!.listPrice).toBe('1234567890.12');
    const [again] = await h.db.select().from(products).where(eq(products.id, p!.id));
    expect(again).toEqual(p);
    const [row] = await queryRows<{ a: string[] }>(h.db, sql`select ARRAY['甲', 'b'] as a`);
    expect(row!.a).toEqual(['甲', 'b']);
  });

  it('commits and rolls back transactions, and holds other statements until one ends', async () => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const tx = h.db.transaction(async (t) => {
      await t
        .insert(products)
        .values({ workspaceId: ws, code: 'T1', name: 'in tx', unit: 't', listPrice: '1' });
      await held;
      order.push('tx');
    });
    const outside = queryRows(h.db, sql`select 1`).then(() => order.push('outside'));
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([tx, outside]);
    expect(order).toEqual(['tx', 'outside']);

    await expect(
      h.db.transaction(async (t) => {
        await t
          .insert(products)
          .values({ workspaceId: ws, code: 'T2', name: 'gone', unit: 't', listPrice: '1' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const codes = await h.db
      .select({ code: products.code })
      .from(products)
      .where(eq(products.workspaceId, ws));
    expect(codes.map((c) => c.code).sort()).toEqual(['T1', 'W1']);
  });

  it('passes database errors through with their SQLSTATE', async () => {
    const dup = h.db
      .insert(products)
      .values({ workspaceId: ws, code: 'W1', name: 'x', unit: 't', listPrice: '1' });
    const err = await dup.then(
      () => null,
      (e: unknown) => e,
    );
    expect(pgErrorCode(err)).toBe(UNIQUE_VIOLATION);
  });

  it('COPYs from a blob inside a bulk transaction, all of it or none of it', async () => {
    const table = copyTable<{ workspaceId: number; code: string; name: string; unit: string }>(products, [
      'workspaceId',
      'code',
      'name',
      'unit',
    ]);
    const lines = (codes: string[]) => codes.map((code) => `${ws},"${code}","批量 ${code}","t"\n`);
    await withBulkSession(h, (s) => s.copy(table, lines(['B1', 'B2'])));
    await expect(
      withBulkSession(h, async (s) => {
        await s.copy(table, lines(['B3']));
        await s.copy(table, lines(['B1'])); // a duplicate code: the whole session rolls back
      }),
    ).rejects.toThrow();
    const codes = await h.db
      .select({ code: products.code })
      .from(products)
      .where(sql`${products.workspaceId} = ${ws} and ${products.code} like 'B%'`);
    expect(codes.map((c) => c.code).sort()).toEqual(['B1', 'B2']);
  });

  it('keeps plans on the worker too', async () => {
    const q = (code: string) => sql`select name from products where workspace_id = ${ws} and code = ${code}`;
    expect(await queryTextCached(h.db, q('W1'))).toBe('硫酸');
    expect(await queryTextCached(h.db, q('T1'))).toBe('in tx');
    const [kept] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from pg_proc where proname like 'kehu_q_%'`,
    );
    expect(kept!.n).toBe(1);
  });
});

describe('the API on the embedded database on a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-worker-app-'));
  let t: TestApp;
  beforeAll(async () => {
    const setup = await createDb({ dataDir: dir });
    await migrate(setup);
    await setup.close();
    t = await createTestApp(await createDb({ dataDir: dir, worker: true }));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, finds, shows the 360 view, and answers a stale update with 409', async () => {
    const sales = t.fx.users.sales;
    const created = await t.as(sales, {
      method: 'POST',
      url: '/api/v1/customers',
      payload: { name: '苏州工业园精密机械有限公司' },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    const found = await t.as(sales, {
      method: 'GET',
      url: `/api/v1/customers?q=${encodeURIComponent('精密')}`,
    });
    expect(found.json().items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    const v = await t.as(sales, { method: 'GET', url: `/api/v1/customers/${c.id}/360` });
    expect(v.json().profile).toEqual(c);
    const update = (version: number) =>
      t.as(sales, {
        method: 'PATCH',
        url: `/api/v1/customers/${c.id}`,
        payload: { version, city: '苏州市' },
      });
    const [a, b] = await Promise.all([update(1), update(1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const hidden = await t.as(t.fx.users.salesNorth, { method: 'GET', url: `/api/v1/customers/${c.id}/360` });
    expect(hidden.statusCode).toBe(404);
  });
});
