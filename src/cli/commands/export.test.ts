import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing';
import { parseCsv, readXlsx, sheetRows } from '../../server/export/export.test-support';
import { createTestApp, type TestApp } from '../../server/testing';
import { CliError } from '../context';
import { exportToFile, parseExportOptions } from './export';

const drivers = await testDrivers();

describe.each(drivers)('kehu export on %s', (kind) => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'kehu-export-'));
  const mark = '丁戊己';
  beforeAll(async () => {
    t = await createTestApp(kind);
    for (const [user, name] of [
      ['sales', '甲'],
      ['sales', '乙'],
      ['sales2', '丙'],
    ] as const) {
      const res = await t.as(t.fx.users[user], {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { type: 'dealer', name: `${mark}${name}公司` },
      });
      const customer = res.json();
      await t.as(t.fx.users[user], {
        method: 'POST',
        url: '/api/v1/orders',
        payload: {
          customerId: customer.id,
          orderedAt: '2025-12-31',
          lines: [{ description: 'x', quantity: '3', unitPrice: '33.33' }],
        },
      });
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (entity: string, o: Parameters<typeof parseExportOptions>[1], as?: string) => {
    const rows: number[] = [];
    return exportToFile(t.db, t.fx.workspaceId, {
      ...parseExportOptions(entity, o),
      as,
      onProgress: (n) => rows.push(n),
    }).then((r) => ({ ...r, progress: rows }));
  };

  it('writes an XLSX as the first admin by default, telling progress and the rows written', async () => {
    const out = join(dir, `orders-${kind}.xlsx`);
    const result = await run('orders', { out, format: 'xlsx', lang: 'en' });
    expect(result.actor.role).toBe('admin');
    const rows = sheetRows(await readXlsx(readFileSync(out)));
    expect(rows[0]!.slice(0, 2)).toEqual(['Order no.', 'Ordered on']);
    const mine = rows.filter((r) => String(r[3]).startsWith(mark));
    expect(mine).toHaveLength(3);
    expect(
      mine.every((r) => r[6] === 99.99 && (r[1] as Date).toISOString() === '2025-12-31T00:00:00.000Z'),
    ).toBe(true);
    expect(result.rows).toBe(rows.length - 1);
    expect(result.progress.at(-1)).toBe(result.rows);
    expect(existsSync(`${out}.part`)).toBe(false);
    const lines = join(dir, `lines-${kind}.csv`);
    const byLine = await run('orders', { out: lines, lines: true, lang: 'en' });
    const csv = parseCsv(readFileSync(lines, 'utf8').slice(1));
    expect(csv[0]!.slice(6, 8)).toEqual(['Line', 'Product code']);
    expect(csv.filter((r) => r[3]!.startsWith(mark)).map((r) => r.slice(10))).toEqual(
      Array(3).fill(['3.000', '', '33.33', '', '99.99', '']),
    );
    expect(byLine.rows).toBe(csv.length - 1);
  });

  it('reads as --as with their visibility, the format from the file name, headers in Chinese', async () => {
    const out = join(dir, `customers-${kind}.csv`);
    const result = await run('customers', { out }, t.fx.users.sales.email.toUpperCase());
    expect(result.actor.userId).toBe(t.fx.users.sales.userId);
    const rows = parseCsv(readFileSync(out, 'utf8').slice(1));
    expect(rows[0]!.slice(0, 2)).toEqual(['客户编码', '客户名称']);
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .filter((n) => n!.startsWith(mark))
        .sort(),
    ).toEqual([`${mark}乙公司`, `${mark}甲公司`]);
    await expect(run('customers', { out, force: true }, 'nobody@test.kehu')).rejects.toThrow(CliError);
  });

  it('exports a saved view only as its owner, and refuses bad options before opening anything', async () => {
    const view = (
      await t.as(t.fx.users.sales, {
        method: 'POST',
        url: '/api/v1/saved-views',
        payload: { list: 'customers', name: 'x', query: { q: `${mark}甲` } },
      })
    ).json();
    const out = join(dir, `view-${kind}.csv`);
    await expect(run('customers', { out, view: String(view.id) })).rejects.toThrow(/pass --as/);
    const result = await run('customers', { out, view: String(view.id) }, t.fx.users.sales.email);
    expect(result.rows).toBe(1);
    writeFileSync(join(dir, 'taken.csv'), 'x');
    const bad: [string, Parameters<typeof parseExportOptions>[1], RegExp][] = [
      ['invoices', { out }, /choose one of customers, contacts/],
      ['orders', { out: join(dir, 'a.pdf') }, /--format/],
      ['orders', { out, view: 'abc', force: true }, /--view/],
      ['orders', { out: join(dir, 'taken.csv') }, /--force/],
      ['customers', { out, lines: true, force: true }, /only orders have lines/],
    ];
    for (const [entity, o, message] of bad) expect(() => parseExportOptions(entity, o)).toThrow(message);
  });
});
